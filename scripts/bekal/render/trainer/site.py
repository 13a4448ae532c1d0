"""The pages of the trainer kit the build writes itself, per module and language."""

from __future__ import annotations

from pathlib import Path

from bekal.model.project import Project

from .slides import slides_page
from .worksheet import key_page, worksheet_page


def write_language(project: Project, site_dir: Path, lang: str) -> list[Path]:
    """Worksheet, answer key and slides of every module in ``lang``, into the built site."""
    written = []
    for _, entry in sorted(project.modules.items()):
        if entry.module is None:
            continue
        pages = [slides_page(project, entry, lang)]
        if entry.quiz is not None:
            pages += [worksheet_page(project, entry, lang), key_page(project, entry, lang)]
        for made in pages:
            if made is not None:
                page, html = made
                written.append(page.write(site_dir, html))
    return written
