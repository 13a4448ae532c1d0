"""The QR code printed on a handout: vector SVG, so it stays sharp at any size."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline ``<svg>`` with a viewBox and no fixed size (the stylesheet sizes it)."""
    code = segno.make(url, error="m")
    return code.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000",
                           title=f"QR: {url}")
