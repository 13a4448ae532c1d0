"""QR codes for the short links, as SVG (scales, for print) and PNG (for video editors)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno

from bekal.model.project import Project
from bekal.model.shortlinks import short_links, short_url
from bekal.outputs import Output

PNG_SCALE = 16  # about 500 px wide: sharp enough to overlay on a 1080p video


def download_name(project: Project, lang: str, code: str, kind: str) -> str:
    """A file name that stays clear in a creator's downloads folder."""
    suffix = "" if lang == project.config.default else f"-{lang}"
    return f"bekal-{code}{suffix}.{kind}"


def qr_files(url: str, title: str, cache_dir: Path) -> tuple[Path, Path]:
    """One QR code as an SVG with a viewBox (omitsize) and a PNG, in ``cache_dir``; made
    only when the same code was not made before (same URL, title and segno version)."""
    key = hashlib.sha256("\0".join([url, title, segno.__version__, str(PNG_SCALE)])
                         .encode()).hexdigest()[:20]
    svg, png = cache_dir / f"{key}.svg", cache_dir / f"{key}.png"
    if not (svg.is_file() and png.is_file()):
        cache_dir.mkdir(parents=True, exist_ok=True)
        code = segno.make(url, error="m")
        for target, options in ((svg, {"kind": "svg", "scale": 1, "omitsize": True,
                                       "title": title, "light": "#fff"}),
                                (png, {"kind": "png", "scale": PNG_SCALE})):
            partial = target.with_name(f"{target.stem}.{os.getpid()}.tmp{target.suffix}")
            code.save(str(partial), border=4, **options)
            partial.replace(target)  # parallel builds never see half a file
    return svg, png


def qr_outputs(project: Project, lang: str) -> list[Output]:
    """Every short link's QR code for ``lang``, as SVG and PNG."""
    out = []
    for link in short_links(project):
        url = short_url(project, lang, link.code)
        svg, png = qr_files(url, url, project.root / ".cache" / "qr")
        out += [Output(project.routes.qr_image(lang, link.code, "svg"), "image", source=svg),
                Output(project.routes.qr_image(lang, link.code, "png"), "image", source=png)]
    return out
