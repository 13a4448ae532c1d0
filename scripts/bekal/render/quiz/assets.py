"""quiz.js and quiz.css, published under assets/ with a content hash in their names."""

from __future__ import annotations

from pathlib import Path

from bekal.render.assetbundle import AssetBundle

BUNDLE = AssetBundle("bekal-quiz", {"js": "quiz.js", "css": "quiz.css"})


def asset_urls() -> dict[str, str]:
    """{'js': 'assets/bekal-quiz.<hash>.js', 'css': …}, relative to the site root."""
    return BUNDLE.urls()


def write_assets(site_dir: Path) -> list[Path]:
    return BUNDLE.write(site_dir)
