"""The pieces of a module's trainer kit, with their URLs (from routes.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bekal import routes
from bekal.model.project import ModuleEntry, Project
from bekal.render.handouts import HandoutSet


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
        path = project.content_dir / code / routes.lesson_source(slug)
        if path.exists():
            return path
    return None


def module_kit(project: Project, entry: ModuleEntry, lang: str,
               handouts: HandoutSet | None = None) -> Kit:
    at, slug = project.routes, entry.slug
    has_quiz = entry.quiz is not None
    pdf = handouts.handouts.get(slug) if handouts and handouts.lang == lang else None
    return Kit(
        slug=slug, lang=lang, lesson=at.lesson(lang, slug), guide=at.trainer_guide(lang, slug),
        worksheet=at.worksheet(lang, slug) if has_quiz else None,
        key=at.answer_key(lang, slug) if has_quiz else None,
        slides=at.slides(lang, slug) if lesson_source(project, slug, lang) else None,
        handout=pdf.site_path if pdf else None,
        handout_size=pdf.size if pdf else 0,
    )
