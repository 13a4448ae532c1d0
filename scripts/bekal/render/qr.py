"""QR codes, the one place they are drawn: inline vector SVG for print (handouts, wallet
cards) and cached SVG and PNG files for the creator kit."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from functools import cache
from pathlib import Path

PNG_SCALE = 16  # about 500 px wide: sharp enough to overlay on a 1080p video


@cache
def _segno():
    """segno, imported when a code is drawn: a build whose codes are all cached skips it."""
    import segno
    return segno


@cache
def _segno_version() -> str:
    return importlib.metadata.version("segno")


def qr_svg(url: str) -> str:
    """An inline ``<svg>`` with a viewBox and no fixed size (the stylesheet sizes it)."""
    code = _segno().make(url, error="m")
    return code.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000",
                           title=f"QR: {url}")


def qr_files(url: str, title: str, cache_dir: Path) -> tuple[Path, Path]:
    """One QR code as an SVG with a viewBox (omitsize) and a PNG, in ``cache_dir``; made
    only when the same code was not made before (same URL, title and segno version)."""
    key = hashlib.sha256("\0".join([url, title, _segno_version(), str(PNG_SCALE)])
                         .encode()).hexdigest()[:20]
    svg, png = cache_dir / f"{key}.svg", cache_dir / f"{key}.png"
    if not (svg.is_file() and png.is_file()):
        cache_dir.mkdir(parents=True, exist_ok=True)
        code = _segno().make(url, error="m")
        for target, options in ((svg, {"kind": "svg", "scale": 1, "omitsize": True,
                                       "title": title, "light": "#fff"}),
                                (png, {"kind": "png", "scale": PNG_SCALE})):
            partial = target.with_name(f"{target.stem}.{os.getpid()}.tmp{target.suffix}")
            code.save(str(partial), border=4, **options)
            partial.replace(target)  # parallel builds never see half a file
    return svg, png
