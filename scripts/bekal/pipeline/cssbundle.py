"""One stylesheet per first view: the screen stylesheets the pages link become one file.

Run on the built site after the purge (``csspurge.py``) and before the asset fingerprints
(``optimize.py``). Each request costs a reader its headers and a round trip on a slow link,
and every page of the theme links Material's sheet and two to four small ones of Bekal's.

- The sheets are those a page links without a ``media`` attribute (the print sheet stays
  apart: a screen never downloads it first). Their order is kept: the bundle lists every
  sheet after each one some page links before it, so every page sees its own sheets in its
  own order, which is what the cascade depends on. If two pages disagree on an order, or a
  page has a ``<style>`` element, nothing is bundled (``BundleSkipped``).
- Every page that links a sheet links the same bundle, at the place of its first sheet: the
  next page costs nothing for styles, whichever page type the reader moves to. A page gains
  the rules of sheets it did not link; they are scoped to markup of their own (``.bekal-q``,
  ``.bekal-search``…), which such a page does not have.
- The sheets stay in the site under their own names, for anything outside that links them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .sitelinks import link_like, site_file, with_first_only

BUNDLE = "assets/bekal-site.css"

SHEET_LINK = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>\n?", re.I)
HREF = re.compile(r"\bhref=\"([^\"]+)\"", re.I)
MEDIA = re.compile(r"\bmedia=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
CHARSET = re.compile(r"^\s*@charset\s+\"[^\"]*\"\s*;", re.I)


@dataclass(frozen=True)
class BundleSkipped:
    """Why the site was left with its own links (nothing is wrong with it)."""
    reason: str


def _screen_sheets(site: Path, page: Path, html: str) -> list[tuple[re.Match, str]]:
    """(link tag, the sheet's path from the site root) for each local screen stylesheet."""
    found = []
    for tag in SHEET_LINK.finditer(html):
        href = HREF.search(tag.group(0))
        if MEDIA.search(tag.group(0)) or href is None:
            continue
        rel = site_file(site, page, href.group(1))
        if rel is not None:
            found.append((tag, rel))
    return found


def _order(sequences: list[list[str]]) -> list[str] | None:
    """Every sheet after every sheet some page links before it; None when pages disagree."""
    after: dict[str, set[str]] = {}
    first_seen: list[str] = []
    for sequence in sequences:
        for index, sheet in enumerate(sequence):
            if sheet not in after:
                after[sheet] = set()
                first_seen.append(sheet)
            after[sheet].update(sequence[:index])
    ordered: list[str] = []
    while len(ordered) < len(first_seen):
        ready = [s for s in first_seen if s not in ordered and after[s] <= set(ordered)]
        if not ready:
            return None
        ordered.append(ready[0])
    return ordered


def bundle_styles(site_dir: Path) -> list[str] | BundleSkipped:
    """Link every page's screen stylesheets as one; return the sheets bundled, in order."""
    site = site_dir.resolve()
    pages: dict[Path, tuple[str, list[tuple[re.Match, str]]]] = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        sheets = _screen_sheets(site, page, html)
        if sheets:
            if STYLE_ELEMENT.search(html):
                return BundleSkipped(f"{page.relative_to(site).as_posix()} has a <style>")
            pages[page] = (html, sheets)
    if not pages:
        return BundleSkipped("no page links a stylesheet")
    order = _order([[rel for _, rel in sheets] for _, sheets in pages.values()])
    if order is None:
        return BundleSkipped("pages link their stylesheets in different orders")
    parts = [CHARSET.sub("", (site / rel).read_text("utf-8")) for rel in order]
    (site / BUNDLE).write_text('@charset "UTF-8";\n' + "\n".join(parts), "utf-8")
    for page, (html, sheets) in pages.items():
        first = sheets[0][0]
        url = HREF.search(first.group(0)).group(1)
        href = link_like(url, BUNDLE, site, page)
        page.write_text(with_first_only(html, [tag for tag, _ in sheets],
                                        first.group(0).replace(f'href="{url}"',
                                                               f'href="{href}"')), "utf-8")
    return order
