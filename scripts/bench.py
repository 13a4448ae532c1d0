#!/usr/bin/env python3
"""`make bench`: build time and page weight against the number of modules.

Builds the real site and generated sites with N modules per language, each twice: with Bekal
(`bekal build`: checks, quizzes, facts, Pagefind, lighter HTML) and with plain Material +
static-i18n on the same pages (Material's default lunr search, no Bekal plugin or overrides).
Prints a table and writes reports/bench.md and reports/bench.json. A benchmark, not a test:
timings depend on the machine. Generated sites build without PDF handouts (BEKAL_PDF=0),
each timed on its second build (caches warm);
the real site is built from a copy with empty caches (PDFs, preview cards rendered), then
rebuilt with the caches it left. Also: the first and next view of every page type on the
real site, how the weight of one module page grows with the number of modules (it should
not: `make test` checks 12 against 40, this goes to 200 and 800), edit-to-preview under
`mkdocs serve` (a lesson edited, the served page polled) and the time of the whole test
suite on both cores, with how many tests passed (--no-tests leaves it out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bekal.model.project import load_project
from bekal.routes import Routes, lesson_source
from bekal_measure.browser import PHONE, chromium
from bekal_measure.largesite import large_project
from bekal_measure.pagetypes import module_pair
from bekal_measure.preview import edit_to_preview
from bekal_measure.server import SiteServer
from bekal_measure.views import page_type_views, views_table
from bekal_measure.weight import first_and_next

ROOT = Path(__file__).resolve().parent.parent

ROUTES = Routes({"id": "", "en": "en/"})  # the generated projects' languages


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
    # Pages on one of Bekal's own templates (the search page, the about page) need Bekal's
    # theme; Material brings its own search
    docs = Path(config["docs_dir"])
    own = sorted("/" + page.relative_to(docs).as_posix() for page in docs.rglob("*.md")
                 if re.search(r"^template:", page.read_text("utf-8").split("\n---", 1)[0],
                              re.M))
    config["exclude_docs"] = config.get("exclude_docs", "") + "\n" + "\n".join(own) + "\n"
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


def build_both(project: Path, out: Path, pdf: bool, warm: bool = False) -> dict:
    """Build time of Bekal and of plain Material; ``warm``: each built once untimed before,
    so that caches (preview cards, QR codes, the CSS purge) are warm, as an author has them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BEKAL_PDF": "1" if pdf else "0"}
    bekal_site, plain_site = out / "bekal", out / "plain"
    bekal = [sys.executable, "-m", "bekal.cli", "--root", str(project), "build",
             "--site-dir", str(bekal_site)]
    plain = [sys.executable, "-m", "mkdocs", "build", "-q", "-f",
             str(plain_config(project, out)), "--site-dir", str(plain_site)]
    if warm:
        timed(bekal, project, env)
        timed(plain, project, env)
    return {"bekal_s": timed(bekal, project, env), "plain_s": timed(plain, project, env),
            "sites": (bekal_site, plain_site)}


def weigh(browser, site: Path, first: str, following: str) -> dict:
    with SiteServer(site) as server:
        cold, warm = first_and_next(browser, server.url + first, server.url + following,
                                    **PHONE)
    return {"first_bytes": cold.bytes, "first_requests": cold.requests,
            "next_bytes": warm.bytes, "outside": cold.outside}


def own_html(site: Path) -> dict[str, int]:
    """The gzip bytes of each page type's own HTML in a generated site (Indonesian): what
    grows, if anything does, when the site has more modules."""
    pages = {"home": ROUTES.home("id"), "track": ROUTES.track("id", "persiapan"),
             "module": ROUTES.lesson("id", "persiapan-001"), "help": "bantuan/",
             "trainers' hub": ROUTES.trainers_hub("id"), "creators' hub": "kreator/",
             "module kit page": ROUTES.creator_module("id", "persiapan-001"),
             "search": ROUTES.search("id")}
    sizes = {}
    for kind, url in pages.items():
        path = site / ROUTES.file(url)
        if path.is_file():
            sizes[kind] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return sizes


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


def generated(work: Path, size: int) -> Path:
    project = work / f"n{size}" / "project"
    if not project.exists():
        large_project(project, ROOT, size)
    return project


def run(sizes: list[int], work: Path, extras: dict) -> list[dict]:
    rows = []
    real = load_project(ROOT)
    copy = copy_real(work / "real")
    pair = module_pair(real)
    cases = [("real site", copy, len(real.modules), pair, True),
             ("real site, rebuilt", copy, len(real.modules), pair, True)]
    for size in sizes:
        project = generated(work, size)
        cases.append((f"{size} modules", project, size,
                      (ROUTES.lesson("id", "persiapan-001"), ROUTES.lesson("id", "persiapan-002")),
                      False))
    with chromium() as browser:
        for name, project, count, (first, following), pdf in cases:
            print(f"bench: building {name} ...", file=sys.stderr)
            out = work / name.replace(" ", "-")
            row = {"name": name, "modules_per_language": count,
                   **build_both(project, out, pdf, warm=not name.startswith("real"))}
            bekal_site, plain_site = row.pop("sites")
            row["bekal_weight"] = weigh(browser, bekal_site, first, following)
            row["plain_weight"] = weigh(browser, plain_site, first, following)
            if not name.startswith("real"):
                row["own_html"] = own_html(bekal_site)
            if name == "real site, rebuilt":
                with SiteServer(bekal_site) as server:
                    extras["views"] = page_type_views(browser, server.url, real)
            rows.append(row)
            print(f"bench: {name}: bekal {row['bekal_s']:.1f} s, plain {row['plain_s']:.1f} s",
                  file=sys.stderr)
    return rows


def preview(sizes: list[int], work: Path) -> dict[int, list[float]]:
    """Edit-to-preview seconds per site size (modules per language), three edits each."""
    out = {}
    for size in sizes:
        print(f"bench: edit to preview, {size} modules ...", file=sys.stderr)
        project = generated(work, size)
        lesson = project / "content" / "id" / lesson_source("persiapan-001")
        out[size] = edit_to_preview(project, lesson, ROUTES.lesson("id", "persiapan-001"),
                                    serve_args=("--dirty",))  # as `make serve` runs it
    return out


def test_suite() -> dict:
    """Seconds of the whole suite as `make test` runs it, and pytest's last line: a time is
    worth something only with the tests it ran, and whether they passed."""
    print("bench: the whole test suite (pytest -n auto, as make test runs it) ...",
          file=sys.stderr)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "auto", "--dist",
                             "loadfile", "--no-loadscope-reorder"], cwd=ROOT,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = [line.strip("= ") for line in result.stdout.splitlines() if line.strip()]
    return {"seconds": seconds, "summary": lines[-1] if lines else "no output",
            "passed": result.returncode == 0}


def extras_text(extras: dict) -> str:
    parts = []
    if extras.get("views"):
        parts.append("First view (cold cache) and next page (a sibling of the same type, or "
                     "the module page; with the cache the first view left), real site, "
                     "gzip:\n\n" + views_table(extras["views"]))
    if extras.get("preview"):
        lines = ["| modules / language | edit to preview s (3 edits) |", "|---|---|"]
        lines += [f"| {size} | {', '.join(f'{t:.2f}' for t in times)} |"
                  for size, times in extras["preview"].items()]
        parts.append("Edit a lesson under `mkdocs serve`, poll the served page:\n\n"
                     + "\n".join(lines))
    if extras.get("tests"):
        tests = extras["tests"]
        parts.append(f"Whole test suite (pytest -n auto --dist loadfile, as make test): "
                     f"{tests['seconds']:.0f} s ({tests['summary']}"
                     f"{'' if tests['passed'] else '; IT FAILED'})")
    return "\n\n".join(parts)


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


FLAT_BYTES = 512  # what tests/test_weight.py allows a page to grow between 12 and 40 modules


def flatness(rows: list[dict]) -> str:
    """How much the same module page grows with the site, against the smallest generated one:
    first and next view, Bekal (the weight should not depend on the number of modules)."""
    generated = [r for r in rows if not r["name"].startswith("real")]
    if len(generated) < 2:
        return ""
    base = generated[0]
    first = ROUTES.lesson("id", "persiapan-001")
    lines = [f"Page weight against the site size (Bekal, `{first}` then "
             f"`-002/`), growth from {base['modules_per_language']} modules; over "
             f"{FLAT_BYTES} B is marked:", "",
             "| modules / language | first view B | growth B | next view B | growth B |",
             "|---|---|---|---|---|"]
    for r in generated:
        first, following = r["bekal_weight"]["first_bytes"], r["bekal_weight"]["next_bytes"]
        grew = [first - base["bekal_weight"]["first_bytes"],
                following - base["bekal_weight"]["next_bytes"]]
        mark = ["" if g <= FLAT_BYTES else " (over)" for g in grew]
        lines.append(f"| {r['modules_per_language']} | {first} | {grew[0]}{mark[0]} "
                     f"| {following} | {grew[1]}{mark[1]} |")
    kinds = list(base.get("own_html", {}))
    if kinds:
        lines += ["", "Each page type's own HTML (gzip B) against the site size; a page that "
                  "lists every module (a hub, a track) grows with the list:", "",
                  "| modules / language | " + " | ".join(kinds) + " |",
                  "|---|" + "---|" * len(kinds)]
        for r in generated:
            own = r.get("own_html", {})
            lines.append(f"| {r['modules_per_language']} | "
                         + " | ".join(str(own.get(k, "")) for k in kinds) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="12,50,200",
                        help="modules per language of the generated sites (default 12,50,200; "
                             "add 800 for the largest)")
    parser.add_argument("--preview", default="12,200",
                        help="site sizes for edit-to-preview (default 12,200; '' for none)")
    parser.add_argument("--no-tests", dest="tests", action="store_false",
                        help="do not time the whole test suite (it takes about five minutes)")
    parser.add_argument("--out", default=str(ROOT / "reports"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="bekal-bench-"))
    extras: dict = {}
    try:
        rows = run(sizes, work, extras)
        extras["preview"] = preview([int(s) for s in args.preview.split(",") if s], work)
        if args.tests:
            extras["tests"] = test_suite()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n\n".join(part for part in (table(rows), flatness(rows), extras_text(extras))
                       if part)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps({"builds": rows, **extras}, indent=2), "utf-8")
    (out / "bench.md").write_text("# Bekal benchmark\n\n" + __doc__.split("\n\n", 1)[1]
                                  + "\n" + text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
