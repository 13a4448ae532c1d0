"""phone.js and phone.css, published under assets/ with a content hash in their names."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

NAMES = {"js": "phone.js", "css": "phone.css"}


def _bundle() -> dict[str, tuple[str, bytes]]:
    out = {}
    for kind, name in NAMES.items():
        content = (files("bekal") / "phone" / "assets" / name).read_bytes()
        digest = hashlib.sha256(content).hexdigest()[:10]
        out[kind] = (f"assets/bekal-phone.{digest}.{kind}", content)
    return out


def asset_urls() -> dict[str, str]:
    """{'js': 'assets/bekal-phone.<hash>.js', 'css': …}, relative to the site root."""
    return {kind: path for kind, (path, _) in _bundle().items()}


def write_assets(site_dir: Path) -> list[Path]:
    written = []
    for path, content in _bundle().values():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
