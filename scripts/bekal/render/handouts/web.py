"""Where the PDFs live in the site, and the download links pages show for them."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from bekal.model.project import Project


def handout_path(project: Project, slug: str, lang: str) -> str:
    """A module's handout, relative to the site root: 'en/modul/x/bekal-x-en.pdf'."""
    return project.config.prefix(lang) + f"modul/{slug}/bekal-{slug}-{lang}.pdf"


def booklet_path(project: Project, track_id: str, lang: str) -> str:
    """A track's booklet, relative to the site root: 'jalur/t/bekal-t-id.pdf'."""
    return project.config.prefix(lang) + f"jalur/{track_id}/bekal-{track_id}-{lang}.pdf"


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
