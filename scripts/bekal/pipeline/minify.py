"""Smaller scripts: comments and needless spaces go from the site's own scripts.

Run on the built site before the asset fingerprints (``optimize.py``), so a script's name
carries the hash of what readers download. rJSmin keeps every token and line break that
changes meaning; it reads template literals only when they are not nested (the site's
scripts nest none), and tests/test_minify.py runs every minified script of the real site
through Node's parser. Scripts that are already small
(``*.min.js``), the search library's files (``pagefind/``) and the theme's own scripts
(``assets/javascripts/``: Material's, which no page runs) are not touched.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

LEFT_ALONE = ("pagefind", "assets/javascripts")


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text).strip() + "\n"


def minify_scripts(site_dir: Path) -> list[Path]:
    """Minify every script of the site in place; return those that became smaller."""
    smaller = []
    for path in sorted(site_dir.rglob("*.js")):
        rel = path.relative_to(site_dir).as_posix()
        if path.name.endswith(".min.js") or any(rel.startswith(p + "/") for p in LEFT_ALONE):
            continue
        text = path.read_text("utf-8")
        small = minify_js(text)
        if len(small) < len(text):
            path.write_text(small, "utf-8")
            smaller.append(path)
    return smaller
