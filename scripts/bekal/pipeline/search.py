"""The search index: Pagefind over a built site, one index per <html lang>.

Pagefind stems each language with its own stemmer (Indonesian: menipu finds penipuan).
Only pages whose article carries ``data-pagefind-body`` are indexed (see overrides/main.html):
pages built from another language's file, 404 pages and the search page stay out.

Readers come first: trainer pages (under a ``pelatih/`` folder, titled "Panduan pelatih: …"
or "Trainer guide: …", which labels them in the results) are indexed with a low weight, so
a reader's lesson ranks above the trainer guide that discusses it.

A build whose pages are byte for byte those of the last build reuses its index
(``.cache/pagefind``, keyed by every page and Pagefind's version) instead of running Pagefind.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

BUNDLE = "pagefind"  # folder inside the site
DONE = "complete"  # in a cache entry: the whole bundle was copied
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
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


def index_site(site_dir: Path, cache_dir: Path | None = None) -> Path:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return its folder.
    ``cache_dir``: the last bundle is kept there, and reused while the pages are the same."""
    demote_trainer_pages(site_dir)
    bundle = site_dir / BUNDLE
    key = _input_key(site_dir) if cache_dir is not None else None
    if key is not None and _restore(cache_dir / key, bundle):
        return bundle
    command = [*_pagefind(), "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from None
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise SearchIndexError("Pagefind could not index the site "
                               "(is pagefind[bin] installed? see requirements.lock):\n" + output)
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    if key is not None:
        _keep(cache_dir, key, bundle)
    return bundle


def _pagefind() -> list[str]:
    """Pagefind's own program when its package is there (no Python started to start it)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return [sys.executable, "-m", "pagefind"]
    program = get_executable()
    return [str(program)] if program is not None else [sys.executable, "-m", "pagefind"]


def _input_key(site_dir: Path) -> str:
    """All Pagefind reads (every page, as it will index them) and which Pagefind reads it."""
    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = "unknown"
    digest = hashlib.sha256(f"{_CODE}\0{version}\0{BUNDLE}\0".encode())
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        if not rel.startswith(BUNDLE + "/"):
            digest.update(rel.encode() + b"\0" + page.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _restore(entry: Path, bundle: Path) -> bool:
    if not (entry / DONE).is_file():
        return False
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(entry / BUNDLE, bundle)
    return True


def _keep(cache_dir: Path, key: str, bundle: Path) -> None:
    """The bundle as the one entry of the cache (the last build's); a cache that cannot be
    written only costs the next build its speed."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=cache_dir))
        shutil.copytree(bundle, staging / BUNDLE)
        (staging / DONE).write_text("", "utf-8")
        for old in cache_dir.iterdir():
            if old != staging:
                shutil.rmtree(old, ignore_errors=True)
        staging.rename(cache_dir / key)
    except OSError:
        return
