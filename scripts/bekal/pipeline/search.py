"""The search index: Pagefind over a built site, one index per <html lang>.

Pagefind stems each language with its own stemmer (Indonesian: menipu finds penipuan).
Only pages whose article carries ``data-pagefind-body`` are indexed (see overrides/main.html):
pages built from another language's file, 404 pages and the search page stay out.

Readers come first: trainer pages (under a ``pelatih/`` folder, titled "Panduan pelatih: …"
or "Trainer guide: …", which labels them in the results) are indexed with a low weight, so
a reader's lesson ranks above the trainer guide that discusses it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # folder inside the site
# Pagefind's ready-made interfaces; Bekal's search page has its own form (overrides/cari.html).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js")


TRAINER_FOLDER = "pelatih"
TRAINER_WEIGHT = "0.2"   # Pagefind's default is 1 for text, up to 7 for an h1
_ARTICLE = re.compile(r"<article\b([^>]*\bdata-pagefind-body\b[^>]*)>(.*?)</article>", re.S)
_HEADING = re.compile(r"<(h[1-6]\b(?![^>]*data-pagefind-weight)[^>]*)>")


class SearchIndexError(RuntimeError):
    pass


def is_trainer_page(site_dir: Path, page: Path) -> bool:
    return TRAINER_FOLDER in page.relative_to(site_dir).parts[:-1]


def demote_trainer_pages(site_dir: Path) -> int:
    """Give trainer pages' text (headings too) a low search weight; returns how many."""
    count = 0
    for page in site_dir.rglob("*.html"):
        if not is_trainer_page(site_dir, page):
            continue
        html = page.read_text("utf-8")

        def weigh(match: re.Match) -> str:
            body = _HEADING.sub(rf'<\1 data-pagefind-weight="{TRAINER_WEIGHT}">', match.group(2))
            return (f'<article{match.group(1)} data-pagefind-weight="{TRAINER_WEIGHT}">'
                    f"{body}</article>")
        weighted = _ARTICLE.sub(weigh, html, count=1)
        if weighted != html:
            page.write_text(weighted, "utf-8")
            count += 1
    return count


def index_site(site_dir: Path) -> Path:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return its folder."""
    demote_trainer_pages(site_dir)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
               "--output-subdir", BUNDLE, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from None
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise SearchIndexError("Pagefind could not index the site "
                               "(is pagefind[bin] installed? see requirements.lock):\n" + output)
    bundle = site_dir / BUNDLE
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return bundle
