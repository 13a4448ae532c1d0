"""One script per page: the deferred scripts a page links become one file.

Run on the built site after the purge and before minifying and the asset fingerprints
(``minify.py``, ``optimize.py``). A reader on a slow link pays each request's headers and
round trip; most pages link the phone script and the theme's small ``bekal.js``.

- Deferred scripts run after the page is read, in the order the page links them, whatever
  else is between them. Their text, in that order, as one deferred script at the place of
  the first, runs the same: the same code, in the same order, at the same moment.
- Only local scripts with ``defer`` and without ``async`` or ``type`` are joined. A page
  with a module script (which runs in the same queue) or with a deferred script that is
  not a file of the site keeps its own links.
- The pages that link the same scripts in the same order share one file, named after its
  scripts (``assets/scripts-bekal-phone-bekal.js``), so the next page of the same kind
  costs nothing. The scripts stay in the site under their own names: a script that loads
  another (phone.js's parts) or a page with one script still links them.
- The file sits in ``assets/`` like the scripts it holds, so a script that finds the site
  from its own address (``document.currentScript``) finds the same.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path

from .sitelinks import link_like, site_file, with_first_only

FOLDER = "assets"
PREFIX = "scripts-"

SCRIPT = re.compile(r"<script\b([^>]*)>\s*</script\s*>[ \t]*\n?", re.I)
ATTRIBUTE = re.compile(r"\b(src|defer|async|type)\b(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?",
                       re.I)
MODULE = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?module", re.I)
FINGERPRINT = re.compile(r"\.[0-9a-f]{7,}$")


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in ATTRIBUTE.finditer(text):
        value = match.group(2) or ""
        found[match.group(1).lower()] = value.strip("\"'")
    return found


def _deferred(site: Path, page: Path, html: str) -> list[tuple[re.Match, str, str]]:
    """(tag, its src, the script's path from the site root) of each script the page
    defers, or [] if they cannot be joined."""
    if MODULE.search(html):
        return []
    found = []
    for tag in SCRIPT.finditer(html):
        attrs = _attributes(tag.group(1))
        if "src" not in attrs or "defer" not in attrs or "async" in attrs or "type" in attrs:
            continue
        rel = site_file(site, page, attrs["src"])
        if rel is None:
            return []  # joining the others would move them past it
        found.append((tag, attrs["src"], rel))
    return found


def bundle_name(scripts: list[str]) -> str:
    stems = [FINGERPRINT.sub("", posixpath.basename(s).removesuffix(".js")) for s in scripts]
    return f"{FOLDER}/{PREFIX}{'-'.join(stems)}.js"


def bundle_scripts(site_dir: Path) -> dict[str, list[str]]:
    """Join each page's deferred scripts; return {bundle's site path: its scripts}."""
    site = site_dir.resolve()
    bundles: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8", errors="replace")
        tags = _deferred(site, page, html)
        if len(tags) < 2:
            continue
        scripts = [rel for _, _, rel in tags]
        name = bundle_name(scripts)
        if bundles.setdefault(name, scripts) != scripts:
            continue  # scripts of the same names in other folders: keep this page's own
        href = escape(link_like(tags[0][1], name, site, page))
        page.write_text(with_first_only(html, [tag for tag, _, _ in tags],
                                        f'<script src="{href}" defer></script>\n'), "utf-8")
    for name, scripts in bundles.items():
        parts = [(site / s).read_text("utf-8") for s in scripts]
        # each script ends its last statement: one that ends without ';' cannot run on
        # into the next
        (site / name).write_text("".join(p.rstrip() + "\n;\n" for p in parts), "utf-8")
    return bundles
