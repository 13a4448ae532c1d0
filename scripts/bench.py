#!/usr/bin/env python3
"""`make bench`: build time and page weight against the number of modules.

Builds the real site and generated sites with N modules per language, each twice: with Bekal
(`bekal build`: checks, quizzes, facts, Pagefind, lighter HTML) and with plain Material +
static-i18n on the same pages (Material's default lunr search, no Bekal plugin or overrides).
Prints a table and writes reports/bench.md and reports/bench.json. A benchmark, not a test:
timings depend on the machine. Generated sites build without PDF handouts (BEKAL_PDF=0);
the real site is built from a copy with empty caches (PDFs, preview cards rendered), then
rebuilt with the caches it left.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bekal.measure.browser import PHONE, chromium
from bekal.measure.largesite import grow
from bekal.measure.pagetypes import module_pair
from bekal.measure.server import SiteServer
from bekal.measure.weight import first_and_next
from bekal.project import load_project

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import make_project  # noqa: E402  (the fixture projects of the test suite)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (!ENV and the like)."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def plain_config(project: Path, dest: Path) -> Path:
    """A mkdocs.yml in ``dest`` for plain Material + static-i18n over the same content:
    Material's defaults (lunr search, its own header), no Bekal plugin, no overrides."""
    config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    config.update(site_url="http://127.0.0.1:8000/", strict=False,
                  docs_dir=str(project / config.get("docs_dir", "docs")))
    config["theme"] = {"name": "material", "language": "id", "font": False,
                       "features": ["navigation.indexes"]}
    for key in ("extra_css", "extra", "validation"):
        config.pop(key, None)
    # Bekal's search page needs Bekal's theme; Material brings its own search
    config["exclude_docs"] = config.get("exclude_docs", "") + "\ncari.md\n"
    plugins = [{"search": {}}]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"].pop("reconfigure_search", None)  # static-i18n's default
            plugins.append(plugin)
    config["plugins"] = plugins
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def timed(command: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stdout[-2000:]}"
                 f"{result.stderr[-2000:]}")
    return time.perf_counter() - started


def build_both(project: Path, out: Path, pdf: bool) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BEKAL_PDF": "1" if pdf else "0"}
    bekal_site, plain_site = out / "bekal", out / "plain"
    bekal_s = timed([sys.executable, "-m", "bekal.cli", "--root", str(project), "build",
                     "--site-dir", str(bekal_site)], project, env)
    plain_s = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                     str(plain_config(project, out)), "--site-dir", str(plain_site)], project, env)
    return {"bekal_s": bekal_s, "plain_s": plain_s, "sites": (bekal_site, plain_site)}


def weigh(browser, site: Path, first: str, following: str) -> dict:
    with SiteServer(site) as server:
        cold, warm = first_and_next(browser, server.url + first, server.url + following,
                                    **PHONE)
    return {"first_bytes": cold.bytes, "first_requests": cold.requests,
            "next_bytes": warm.bytes, "outside": cold.outside}


def copy_real(dest: Path) -> Path:
    """The real project without its caches: what a fresh checkout builds."""
    for name in ("mkdocs.yml", "modules", "content", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def run(sizes: list[int], work: Path) -> list[dict]:
    rows = []
    real = load_project(ROOT)
    copy = copy_real(work / "real")
    pair = module_pair(real)
    cases = [("real site", copy, len(real.modules), pair, True),
             ("real site, rebuilt", copy, len(real.modules), pair, True)]
    tracks = [t.id for t in real.ordered_tracks()]
    for size in sizes:
        project = make_project(work / f"n{size}" / "project", {f"{t}-seed": t for t in tracks})
        grow(project, size)
        cases.append((f"{size} modules", project, size,
                      ("modul/persiapan-001/", "modul/persiapan-002/"), False))
    with chromium() as browser:
        for name, project, count, (first, following), pdf in cases:
            print(f"bench: building {name} ...", file=sys.stderr)
            out = work / name.replace(" ", "-")
            row = {"name": name, "modules_per_language": count, **build_both(project, out, pdf)}
            bekal_site, plain_site = row.pop("sites")
            row["bekal_weight"] = weigh(browser, bekal_site, first, following)
            row["plain_weight"] = weigh(browser, plain_site, first, following)
            rows.append(row)
            print(f"bench: {name}: bekal {row['bekal_s']:.1f} s, plain {row['plain_s']:.1f} s",
                  file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    kb = lambda b: f"{b / 1024:.1f}"  # noqa: E731
    lines = ["| site | modules / language | Bekal build s | Material build s | ratio "
             "| Bekal first view KB | next KB | Material first view KB | next KB |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        b, p = r["bekal_weight"], r["plain_weight"]
        lines.append(f"| {r['name']} | {r['modules_per_language']} | {r['bekal_s']:.1f} "
                     f"| {r['plain_s']:.1f} | {r['bekal_s'] / r['plain_s']:.2f} "
                     f"| {kb(b['first_bytes'])} | {kb(b['next_bytes'])} "
                     f"| {kb(p['first_bytes'])} | {kb(p['next_bytes'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,800",
                        help="modules per language of the generated sites (default 50,200,800)")
    parser.add_argument("--out", default=str(ROOT / "reports"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="bekal-bench-"))
    try:
        rows = run(sizes, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = table(rows)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(rows, indent=2), "utf-8")
    (out / "bench.md").write_text("# Bekal benchmark\n\n" + __doc__.split("\n\n", 1)[1]
                                  + "\n" + text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
