"""Atomic site build: build into a temporary folder, swap it in only on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def atomic_build(root: Path, site_dir: Path, extra_args: list[str] | None = None) -> int:
    """Run ``mkdocs build`` into a fresh folder; replace ``site_dir`` only if it succeeded."""
    site_dir = (root / site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(staging),
               *(extra_args or [])]
    result = subprocess.run(command, cwd=root)
    returncode = result.returncode or _finish(staging, root)
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = "the last good site is still in " + str(site_dir) if site_dir.exists() \
            else "no site was written"
        print(f"bekal build: the build failed (see above); {kept}.", file=sys.stderr)
        return returncode
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".site-old-{os.getpid()}")
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"bekal build: site written to {site_dir}")
    return 0


def _finish(staging: Path, root: Path) -> int:
    """Only the CSS the pages use, lighter pages, cacheable assets and the search index,
    before the new site goes live."""
    from .csspurge import purge_site
    from .optimize import optimize_site
    from .search import SearchIndexError, index_site

    purge_site(staging, cache_dir=root / ".cache" / "csspurge",
               scripts=sorted((Path(__file__).parent / "assets").glob("*.js")))
    optimize_site(staging)
    try:
        index_site(staging)
    except SearchIndexError as err:
        print(f"bekal build: {err}", file=sys.stderr)
        return 1
    return 0
