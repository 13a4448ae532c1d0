"""The offline bundle's search index: one plain script per language (no fetch from file://).

A page is indexed when its article carries ``data-pagefind-body`` (overrides/main.html
marks the pages Pagefind indexes online: not fallback pages of another language, not 404s,
not the search page); a site with no such marks gets every article indexed.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from bekal.routes import OFFLINE_SEARCH

DIR = OFFLINE_SEARCH
LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"', re.I)
ARTICLE = re.compile(r"<article\b([^>]*)>(.*?)</article>", re.I | re.S)
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
DROP = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.I | re.S)
# Not the page's text: the title (shown apart) and the line of track, reading time and code,
# so that an excerpt starts with what the lesson says.
NOT_TEXT = re.compile(r"<h1\b.*?</h1\s*>"
                      r"|<p\b[^>]*\bclass=\"[^\"]*\bbekal-meta\b[^\"]*\"[^>]*>.*?</p\s*>",
                      re.I | re.S)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def plain(html: str) -> str:
    return SPACE.sub(" ", unescape(TAG.sub(" ", DROP.sub(" ", html)))).strip()


def page_entry(root: Path, page: Path, marked_only: bool) -> tuple[str, list[str]] | None:
    """(language, [path, title, text]) of a page worth finding, else None."""
    html = page.read_text("utf-8")
    lang, article = LANG.search(html), ARTICLE.search(html)
    if not lang or not article:
        return None
    if marked_only and "data-pagefind-body" not in article.group(1):
        return None
    heading = HEADING.search(article.group(2)) or TITLE.search(html)
    title = plain(heading.group(1)) if heading else page.parent.name
    path = page.relative_to(root).as_posix()
    return lang.group(1), [path, title, plain(NOT_TEXT.sub(" ", article.group(2)))]


def write_index(root: Path, script: Path) -> dict[str, int]:
    """Write index-<lang>.js and the search script into the bundle; pages per language."""
    pages = sorted(root.rglob("*.html"))
    marked = any("data-pagefind-body" in p.read_text("utf-8") for p in pages)
    by_lang: dict[str, list[list[str]]] = {}
    for page in pages:
        entry = page_entry(root, page, marked)
        if entry:
            by_lang.setdefault(entry[0], []).append(entry[1])
    folder = root / DIR
    folder.mkdir(parents=True, exist_ok=True)
    for lang, entries in by_lang.items():
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        (folder / f"index-{lang}.js").write_text(
            "window.bekalSearchIndex = window.bekalSearchIndex || {};\n"
            f"window.bekalSearchIndex[{json.dumps(lang)}] = {data};\n", "utf-8")
    (folder / "search.js").write_text(script.read_text("utf-8"), "utf-8")
    return {lang: len(entries) for lang, entries in by_lang.items()}
