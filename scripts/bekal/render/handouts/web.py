"""The download links pages show for the PDFs (where they live: routes.py)."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from bekal.model.project import Project


def human_size(project: Project, lang: str, size: int) -> str:
    """'84 KB' or '1,2 MB' (the decimal mark comes from modules/ui.yml)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1048576:.1f}".replace(".", project.t(lang, "decimal_mark")) + " MB"


def download_link(project: Project, lang: str, site_path: str, size: int, label_key: str) -> str:
    """A paragraph of raw HTML for a Markdown page that sits in the PDF's own folder."""
    text = project.t(lang, label_key, size=human_size(project, lang, size))
    href = PurePosixPath(site_path).name
    return (f'\n\n<p class="bekal-download"><a href="{escape(href)}" type="application/pdf">'
            f"{escape(text)}</a></p>\n")
