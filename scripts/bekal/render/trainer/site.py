"""The pages of the trainer kit the build makes itself, per module and language."""

from __future__ import annotations

from collections.abc import Collection

from bekal.model.project import Project
from bekal.outputs import Output
from bekal.render.kitpage import kit_modules

from .slides import slides_page
from .worksheet import key_page, worksheet_page


def language_outputs(project: Project, lang: str,
                     slugs: Collection[str] | None = None) -> list[Output]:
    """Worksheet, answer key and slides of every module in ``lang`` (or of ``slugs``)."""
    out = []
    for entry in kit_modules(project, slugs):
        pages = [slides_page(project, entry, lang)]
        if entry.quiz is not None:
            pages += [worksheet_page(project, entry, lang), key_page(project, entry, lang)]
        out += [page.output(html) for page, html in filter(None, pages)]
    return out
