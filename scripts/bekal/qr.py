"""QR codes for the short links, as SVG (scales, for print) and PNG (for video editors)."""

from __future__ import annotations

from pathlib import Path

import segno

from .project import Project
from .shortlinks import short_links, short_url

QR_DIR = "kreator/qr"
PNG_SCALE = 16  # about 500 px wide: sharp enough to overlay on a 1080p video


def qr_path(code: str, kind: str) -> str:
    """Where a code's QR file lives inside a language: 'kreator/qr/p1.svg'."""
    return f"{QR_DIR}/{code}.{kind}"


def download_name(project: Project, lang: str, code: str, kind: str) -> str:
    """A file name that stays clear in a creator's downloads folder."""
    suffix = "" if lang == project.config.default else f"-{lang}"
    return f"bekal-{code}{suffix}.{kind}"


def write_qr(url: str, svg_path: Path, png_path: Path, title: str) -> None:
    """One QR code as an SVG with a viewBox (omitsize) and a PNG."""
    code = segno.make(url, error="m")
    svg_path.parent.mkdir(parents=True, exist_ok=True)
    code.save(str(svg_path), kind="svg", scale=1, border=4, omitsize=True, title=title,
              light="#fff")
    code.save(str(png_path), kind="png", scale=PNG_SCALE, border=4)


def write_qr_codes(project: Project, site_dir: Path, lang: str) -> list[Path]:
    """Every short link's QR code for ``lang``; returns the SVG paths."""
    root = site_dir / project.config.prefix(lang)
    written = []
    for link in short_links(project):
        url = short_url(project, lang, link.code)
        svg = root / qr_path(link.code, "svg")
        write_qr(url, svg, root / qr_path(link.code, "png"), url)
        written.append(svg)
    return written
