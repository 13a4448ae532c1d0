"""Where each piece of a module's trainer kit lives in the site, and links between them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from bekal.model.project import ModuleEntry, Project
from bekal.render.handouts import HandoutSet

# Folders inside modul/<slug>/ for the pages the build writes itself.
WORKSHEET_DIR = "lembar-kerja"
KEY_DIR = "kunci"
SLIDES_DIR = "slide"


@dataclass(frozen=True)
class Kit:
    """Site paths (relative to the site root, folders end in '/') of one module's kit."""
    slug: str
    lang: str
    lesson: str
    guide: str
    worksheet: str | None = None
    key: str | None = None
    slides: str | None = None
    handout: str | None = None
    handout_size: int = 0


def lesson_source(project: Project, slug: str, lang: str) -> Path | None:
    """The lesson's Markdown in ``lang``, or in the default language as the site falls back."""
    for code in (lang, project.config.default):
        path = project.content_dir / code / "modul" / slug / "index.md"
        if path.exists():
            return path
    return None


def module_kit(project: Project, entry: ModuleEntry, lang: str,
               handouts: HandoutSet | None = None) -> Kit:
    base = f"{project.config.prefix(lang)}modul/{entry.slug}/"
    has_quiz = entry.quiz is not None
    pdf = handouts.handouts.get(entry.slug) if handouts and handouts.lang == lang else None
    return Kit(
        slug=entry.slug, lang=lang, lesson=base, guide=base + "pelatih/",
        worksheet=base + f"{WORKSHEET_DIR}/" if has_quiz else None,
        key=base + f"{KEY_DIR}/" if has_quiz else None,
        slides=base + f"{SLIDES_DIR}/" if lesson_source(project, entry.slug, lang) else None,
        handout=pdf.site_path if pdf else None,
        handout_size=pdf.size if pdf else 0,
    )


def href(from_url: str, to_path: str) -> str:
    """A relative link from the page at site URL ``from_url`` to the site path ``to_path``.

    A URL ending in '/' is a folder page; anything else is a file in its parent folder.
    """
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    rel = posixpath.relpath(to_path or ".", base.rstrip("/") or ".")
    if to_path.endswith("/") or not to_path:
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel
