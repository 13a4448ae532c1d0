"""The pages of the trainer kit the build makes itself, per module and language."""

from __future__ import annotations

from bekal.model.project import Project
from bekal.outputs import Output

from .slides import slides_page
from .worksheet import key_page, worksheet_page


def language_outputs(project: Project, lang: str) -> list[Output]:
    """Worksheet, answer key and slides of every module in ``lang``."""
    out = []
    for _, entry in sorted(project.modules.items()):
        if entry.module is None:
            continue
        pages = [slides_page(project, entry, lang)]
        if entry.quiz is not None:
            pages += [worksheet_page(project, entry, lang), key_page(project, entry, lang)]
        out += [page.output(html) for page, html in filter(None, pages)]
    return out
