"""``bekal offline``: the whole site, both languages, PDFs and slides in one zip for a USB stick.

The site is built a second time into a temporary folder with the normal mkdocs.yml (a
generated config INHERITs it and only swaps in a theme folder whose search page works
from file://), then made fit for file:// (links.py, search.py) and zipped as
``bekal-offline-<date>.zip`` with everything inside one folder of the same name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from bekal.model.project import load_project
from bekal.render.handouts import build_date
from bekal.resources import ASSETS, TEMPLATES
from bekal.routes import CARDS

from .links import fix_links
from .search import write_index

# Theme files of the bundle that differ from overrides/: target name -> our file.
OVERLAY = {"cari.html": TEMPLATES / "offline-cari.html"}
SEARCH_SCRIPT = ASSETS / "offline-search.js"
# Useless without a server or a network: error pages, sitemaps, link-preview images.
DROP_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
DROP_DIRS = (CARDS,)
# Material's own scripts and stylesheet: overrides/main.html loads neither (assets/theme.css
# styles its markup).
DROP_DIRS_UNLESS_USED = ("assets/javascripts", "assets/stylesheets")
STORED = {".pdf", ".png", ".gz", ".zip", ".jpg", ".webp"}  # already compressed


class OfflineError(RuntimeError):
    pass


def bundle_name(date: str | None = None) -> str:
    return f"bekal-offline-{date or build_date()}"


def _build_site(root: Path, site: Path, work: Path) -> None:
    theme = work / "overrides"
    shutil.copytree(root / "overrides", theme)
    for name, source in OVERLAY.items():
        shutil.copyfile(source, theme / name)
    # The config must sit next to mkdocs.yml: paths in it and the project root are relative.
    config = root / f".bekal-offline-{os.getpid()}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\ntheme:\n  custom_dir: {theme.as_posix()!r}\n",
                      "utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "-f", str(config),
             "--site-dir", str(site)],
            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise OfflineError("the site did not build (see the messages above); no bundle written")


def _prepare(root: Path, site: Path) -> dict[str, int]:
    project = load_project(root)
    for name in DROP_FILES:
        for path in site.rglob(name):
            path.unlink()
    pages = [p.read_text("utf-8") for p in site.rglob("*.html")]
    for folder in DROP_DIRS + tuple(f for f in DROP_DIRS_UNLESS_USED
                                    if not any(f + "/" in html for html in pages)):
        shutil.rmtree(site / folder, ignore_errors=True)
    indexed = write_index(site, SEARCH_SCRIPT)
    broken = fix_links(site, project.config.site_url)
    if broken:
        listed = "\n".join("  " + link.format() for link in broken[:30])
        more = f"\n  … and {len(broken) - 30} more" if len(broken) > 30 else ""
        raise OfflineError(f"{len(broken)} link(s) lead nowhere inside the bundle:\n"
                           f"{listed}{more}")
    readme = "\n\n".join(project.t(lang, "offline_readme") for lang in project.config.codes)
    (site / "README.txt").write_text(readme + "\n", "utf-8")
    return indexed


def _zip(site: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                kind = zipfile.ZIP_STORED if path.suffix.lower() in STORED else None
                archive.write(path, f"{site.name}/{path.relative_to(site).as_posix()}",
                              compress_type=kind)
    partial.replace(target)


def build_bundle(root: Path, out_dir: Path, progress: Callable[[str], None] = print,
                 keep: Path | None = None) -> Path:
    """Build, check and zip the bundle into ``out_dir``; return the zip's path.

    ``keep``: also leave the unzipped bundle there (for tests and for a look before zipping).
    """
    root = root.resolve()
    name = bundle_name()
    with tempfile.TemporaryDirectory(prefix="bekal-offline-") as tmp:
        work = Path(tmp)
        site = work / name
        progress("bekal offline: building the site for file:// …")
        _build_site(root, site, work)
        indexed = _prepare(root, site)
        progress("bekal offline: search index: " + ", ".join(
            f"{count} pages ({lang})" for lang, count in sorted(indexed.items())))
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{name}.zip"
        _zip(site, target)
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(site, keep)
    return target
