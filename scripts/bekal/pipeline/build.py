"""Atomic site build: build into a temporary folder, swap it in only on success.

The site folder is replaced as a whole, so it may never be a folder that holds anything
a build did not write: not the project, not ``content/`` or ``modules/``, not a folder
with other files. Every built site carries a marker file (``MARKER``); a folder without
it is replaced only when it is empty or plainly an older Bekal build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bekal.resources import ASSETS

MARKER = ".bekal-site"
MARKER_TEXT = ("This folder was written by `bekal build`; the next build replaces it whole.\n"
               "Do not keep other files here.\n")
# folders of the project that hold sources; a site may not be (in) one of them
SOURCE_DIRS = ("content", "modules", "scripts", "overrides", "tests", ".git")
_SOURCE_SUFFIXES = {".md", ".yml", ".yaml", ".py", ".toml", ".lock"}


class SiteDirError(ValueError):
    """The chosen site folder would destroy files a build did not write."""


def check_site_dir(root: Path, site_dir: Path, docs_dir: str = "content") -> None:
    """Raise SiteDirError unless replacing ``site_dir`` loses nothing but an old build."""
    root, site_dir = root.resolve(), site_dir.resolve()
    if site_dir == root or site_dir in root.parents:
        raise SiteDirError(f"{site_dir} holds the whole project; choose a folder of its own, "
                           "e.g. --site-dir site")
    for name in {docs_dir, *SOURCE_DIRS}:
        source = root / name
        if site_dir == source or source in site_dir.parents:
            raise SiteDirError(f"{site_dir} is inside the project's sources ({name}/); "
                               "a build would replace them: use e.g. --site-dir site")
    if not site_dir.exists():
        return
    if not site_dir.is_dir():
        raise SiteDirError(f"{site_dir} is a file, not a folder")
    if (site_dir / MARKER).is_file() or not any(site_dir.iterdir()):
        return
    if _old_build(site_dir):
        return
    raise SiteDirError(f"{site_dir} holds files that bekal build did not write (no {MARKER} "
                       "marker); a build replaces the whole folder. Choose an empty or new "
                       "folder, or move those files away first")


def _old_build(site_dir: Path) -> bool:
    """A site built before the marker existed: pages and a sitemap, and no source files."""
    if not ((site_dir / "index.html").is_file() and (site_dir / "404.html").is_file()):
        return False
    return not any(p.suffix.lower() in _SOURCE_SUFFIXES for p in site_dir.rglob("*")
                   if p.is_file())


def atomic_build(root: Path, site_dir: Path, extra_args: list[str] | None = None) -> int:
    """Run ``mkdocs build`` into a fresh folder; replace ``site_dir`` only if it succeeded."""
    site_dir = (root / site_dir).resolve()
    try:
        from bekal.model.siteconfig import read_site_config
        docs_dir = read_site_config(root).docs_dir
    except Exception:
        docs_dir = "content"
    try:
        check_site_dir(root, site_dir, docs_dir)
    except SiteDirError as err:
        print(f"bekal build: refused: {err}", file=sys.stderr)
        return 2
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir",
                   str(staging), *(extra_args or [])]
        result = subprocess.run(command, cwd=root)
        returncode = result.returncode or _finish(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = "the last good site is still in " + str(site_dir) if site_dir.exists() \
            else "no site was written"
        print(f"bekal build: the build failed (see above); {kept}.", file=sys.stderr)
        return returncode
    _readable_like_a_new_folder(staging)
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".site-old-{os.getpid()}")
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"bekal build: site written to {site_dir}")
    return 0


def _readable_like_a_new_folder(folder: Path) -> None:
    """The staging folder was made for this process alone (``mkdtemp``: rwx------). The site
    gets the permissions of any new folder, so that a web server running as another user,
    or a copy that keeps permissions, can read it."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _finish(staging: Path, root: Path) -> int:
    """Only the CSS the pages use, in one stylesheet; one smaller script; lighter pages,
    cacheable assets and the search index, before the new site goes live."""
    from .cssbundle import BundleSkipped, bundle_styles
    from .csspurge import purge_site
    from .minify import minify_scripts
    from .optimize import OptimizeError, optimize_site
    from .scriptbundle import bundle_scripts
    from .search import SearchIndexError, index_site

    try:
        purge_site(staging, cache_dir=root / ".cache" / "csspurge",
                   scripts=sorted(ASSETS.glob("*.js")))
        bundled = bundle_styles(staging)
        if isinstance(bundled, BundleSkipped):  # the site works, each page a sheet heavier
            print(f"bekal build: stylesheets left unbundled: {bundled.reason}", file=sys.stderr)
        bundle_scripts(staging)
        minify_scripts(staging)
        optimize_site(staging)
        index_site(staging, cache_dir=root / ".cache" / "pagefind")
    except (OptimizeError, SearchIndexError) as err:
        print(f"bekal build: {err}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as err:  # a built file that is not UTF-8 (the purge reads all)
        print(f"bekal build: a built file is not UTF-8 text ({err.reason}); "
              "hint: save the source file as UTF-8", file=sys.stderr)
        return 1
    (staging / MARKER).write_text(MARKER_TEXT, "utf-8")
    return 0
