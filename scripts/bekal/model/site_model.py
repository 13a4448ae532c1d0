"""Which pages go where in the navigation, decided by the core from the project."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from bekal.routes import (
    CREATOR_KIT_SOURCE,
    HELP_SOURCE,
    NEAR_SOURCE,
    TRAINERS_HUB_SOURCE,
    lesson_source,
    track_source,
)

from . import publisher
from .project import Project

# Pages after the tracks, in this order, when they exist.
TAIL_PAGES = (HELP_SOURCE, NEAR_SOURCE, TRAINERS_HUB_SOURCE, CREATOR_KIT_SOURCE,
              "glosarium.md", "tentang.md")


@dataclass(frozen=True)
class NavSection:
    title: str
    paths: list[str]


def nav_layout(project: Project, lang: str) -> list[str | NavSection]:
    """The navigation as page paths (inside content/<lang>/) and titled sections."""
    layout: list[str | NavSection] = ["index.md"]
    for track in project.ordered_tracks():
        paths = [track_source(track.id)]
        paths += [lesson_source(m.slug) for m in project.modules_of(track.id)]
        layout.append(NavSection(track.title[lang], paths))
    layout += list(TAIL_PAGES)
    return layout


def site_context(project: Project, lang: str) -> dict:
    """What the theme templates need from Bekal for a page in ``lang``."""
    routes = project.routes
    return {
        "lang": lang,
        # plain texts: the theme's templates print them as they are, so escape them here
        "ui": {key: Markup.escape(text) for key, text in project.ui.get(lang, {}).items()},
        "home_url": routes.home(lang) or ".",
        "help_url": routes.page(lang, HELP_SOURCE),
        "search_url": routes.search(lang),
        "publisher": publisher.for_project(project, lang),
    }
