"""quiz.js and quiz.css, published under assets/ with a content hash in their names."""

from __future__ import annotations

from bekal.outputs import Output
from bekal.render.assetbundle import AssetBundle

BUNDLE = AssetBundle("bekal-quiz", {"js": "quiz.js", "css": "quiz.css"})


def asset_urls() -> dict[str, str]:
    """{'js': 'assets/bekal-quiz.<hash>.js', 'css': …}, relative to the site root."""
    return BUNDLE.urls()


def asset_outputs() -> list[Output]:
    return BUNDLE.outputs()
