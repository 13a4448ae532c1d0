"""The search index: Pagefind over a built site, one index per <html lang>.

Pagefind stems each language with its own stemmer (Indonesian: menipu finds penipuan).
Only pages whose article carries ``data-pagefind-body`` are indexed (see overrides/main.html):
pages built from another language's file, 404 pages and the search page stay out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # folder inside the site
# Pagefind's ready-made interfaces; Bekal's search page has its own form (overrides/cari.html).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> Path:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return its folder."""
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
