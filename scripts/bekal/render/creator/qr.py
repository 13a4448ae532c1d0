"""QR codes for the short links, as SVG (scales, for print) and PNG (for video editors)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import segno

from bekal.model.project import Project

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


def write_qr(url: str, svg_path: Path, png_path: Path, title: str,
             cache_dir: Path | None = None) -> None:
    """One QR code as an SVG with a viewBox (omitsize) and a PNG; from ``cache_dir`` when
    the same code was made before (same URL, title and segno version)."""
    svg_path.parent.mkdir(parents=True, exist_ok=True)
    cached = None
    if cache_dir is not None:
        key = hashlib.sha256("\0".join([url, title, segno.__version__, str(PNG_SCALE)])
                             .encode()).hexdigest()[:20]
        cached = (cache_dir / f"{key}.svg", cache_dir / f"{key}.png")
        if cached[0].is_file() and cached[1].is_file():
            shutil.copyfile(cached[0], svg_path)
            shutil.copyfile(cached[1], png_path)
            return
    code = segno.make(url, error="m")
    code.save(str(svg_path), kind="svg", scale=1, border=4, omitsize=True, title=title,
              light="#fff")
    code.save(str(png_path), kind="png", scale=PNG_SCALE, border=4)
    if cached is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg_path, cached[0])
        shutil.copyfile(png_path, cached[1])


def write_qr_codes(project: Project, site_dir: Path, lang: str) -> list[Path]:
    """Every short link's QR code for ``lang``; returns the SVG paths."""
    root = site_dir / project.config.prefix(lang)
    written = []
    for link in short_links(project):
        url = short_url(project, lang, link.code)
        svg = root / qr_path(link.code, "svg")
        write_qr(url, svg, root / qr_path(link.code, "png"), url,
                 cache_dir=project.root / ".cache" / "qr")
        written.append(svg)
    return written
