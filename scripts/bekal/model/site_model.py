"""Which pages go where in the navigation, decided by the core from the project."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import publisher
from .project import Project

# Pages after the tracks, in this order, when they exist.
TAIL_PAGES = ("bantuan.md", "bantuan-terdekat.md", "pelatih/index.md", "kreator/index.md",
              "glosarium.md", "tentang.md")


@dataclass(frozen=True)
class NavSection:
    title: str
    paths: list[str]


def nav_layout(project: Project, lang: str) -> list[str | NavSection]:
    """The navigation as page paths (inside content/<lang>/) and titled sections."""
    layout: list[str | NavSection] = ["index.md"]
    for track in project.ordered_tracks():
        paths = [f"jalur/{track.id}/index.md"]
        paths += [f"modul/{m.slug}/index.md" for m in project.modules_of(track.id)]
        layout.append(NavSection(track.title[lang], paths))
    layout += list(TAIL_PAGES)
    return layout


def site_context(project: Project, lang: str) -> dict:
    """What the theme templates need from Bekal for a page in ``lang``."""
    prefix = project.config.prefix(lang)
    return {
        "lang": lang,
        # plain texts: the theme's templates print them as they are, so escape them here
        "ui": {key: Markup.escape(text) for key, text in project.ui.get(lang, {}).items()},
        "home_url": prefix or ".",
        "help_url": prefix + "bantuan/",
        "search_url": prefix + "cari/",
        "publisher": publisher.for_project(project, lang),
    }
