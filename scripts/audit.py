#!/usr/bin/env python3
"""`make audit`: every page type, in every language, measured and checked.

Builds the real site, serves it on 127.0.0.1 like a well-configured host (gzip, long cache for
fingerprinted files) and, for home, track, module with quiz, help, trainer guide, creator kit
and search pages, records: Lighthouse mobile scores, axe violations, Nu HTML checker errors,
page weight and requests (first view, cold cache; next view, warm cache), and a load over a
400 kbit/s link with 400 ms round trips (TTFB, first contentful paint, last byte). Also the
bytes a first search costs. Writes reports/audit.json and reports/audit.md. Offline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bekal.model.project import load_project
from bekal_measure import a11y
from bekal_measure.browser import PHONE, chromium
from bekal_measure.lighthouse import lighthouse
from bekal_measure.pagetypes import PageType, module_pair, page_types
from bekal_measure.server import SiteServer
from bekal_measure.throttle import throttled_load
from bekal_measure.validate import check_html
from bekal_measure.weight import FIRST_VIEW_BUDGET, NEXT_VIEW_BUDGET, Recorder

ROOT = Path(__file__).resolve().parent.parent
BUDGET = {"first_kb": FIRST_VIEW_BUDGET // 1024, "next_kb": NEXT_VIEW_BUDGET // 1024}
SEARCHES = {"id": ("menipu", "paspor"), "en": ("scam", "passport")}
SEARCH_DONE = ("() => { const s = document.querySelector('.bekal-search__status');"
               " return s.textContent && s.textContent !== "
               "document.querySelector('form.bekal-search').dataset.searching; }")


def build(site: Path, url: str) -> None:
    env = {**os.environ, "BEKAL_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "bekal.cli", "--root", str(ROOT), "build",
               "--site-dir", str(site)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"audit: the build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def page_file(site: Path, kind: PageType) -> Path:
    return site / kind.path / "index.html"


def weights(browser, base: str, kind: PageType, warm_with: str) -> dict:
    """First view with a cold cache; next view after ``warm_with`` was seen."""
    context = browser.new_context(**PHONE)
    recorder = Recorder(context.new_page())
    cold = recorder.view(base + kind.path)
    context.close()
    context = browser.new_context(**PHONE)
    recorder = Recorder(context.new_page())
    recorder.view(base + warm_with)
    warm = recorder.view(base + kind.path)
    context.close()
    return {"first_bytes": cold.bytes, "first_requests": cold.requests,
            "next_bytes": warm.bytes, "next_requests": warm.requests,
            "outside": cold.outside + warm.outside,
            "failed": [list(f) for f in cold.failed + warm.failed]}


def axe(browser, url: str) -> list[dict]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    a11y.load_axe(page)
    page.goto(url)
    found = a11y.violations(page)
    context.close()
    return found


def search_cost(browser, server: SiteServer, lang_prefix: str, queries: tuple) -> dict:
    """Bytes the search page costs, then a first query, then a second one. Counted by the
    host, because Pagefind fetches most of its files from a web worker."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    mark = server.mark()
    page.goto(server.url + lang_prefix + "cari/")
    page.wait_for_load_state("networkidle")
    opened = server.sent_since(mark)
    costs = []
    for text in queries:
        mark = server.mark()
        page.fill("#bekal-search-q", text)
        page.press("#bekal-search-q", "Enter")
        page.wait_for_function(SEARCH_DONE)
        page.wait_for_load_state("networkidle")
        spent = server.sent_since(mark)
        costs.append({"query": text, "bytes": sum(size for _, _, size in spent),
                      "requests": len(spent), "files": [(path, size) for path, _, size in spent],
                      "status": page.locator(".bekal-search__status").inner_text()})
    context.close()
    return {"page_bytes": sum(size for _, _, size in opened),
            "pagefind_requests_before_search": sum("/pagefind/" in p for p, _, _ in opened),
            "first_query": costs[0], "second_query": costs[1]}


def audit(site: Path, server: SiteServer) -> dict:
    base = server.url
    project = load_project(ROOT)
    kinds = page_types(project)
    rows = []
    with chromium() as browser:
        for kind in kinds:
            started = time.perf_counter()
            url = base + kind.path
            first_module, next_module = module_pair(project, kind.lang)
            # the page a reader saw before: another module before a module, else home
            warm_with = {"home": first_module, "module": next_module}.get(
                kind.kind, project.config.prefix(kind.lang))
            row = {"kind": kind.kind, "lang": kind.lang, "path": "/" + kind.path}
            row["lighthouse"] = lighthouse(ROOT, url)
            row["axe"] = axe(browser, url)
            row["vnu"] = [e.format() for e in check_html(ROOT, [page_file(site, kind)], site)]
            row["weight"] = weights(browser, base, kind, warm_with)
            row["throttled"] = vars(throttled_load(browser, url, **PHONE))
            rows.append(row)
            print(f"audit: {kind.label:18} {time.perf_counter() - started:5.1f} s",
                  file=sys.stderr)
        searches = {lang: search_cost(browser, server, project.config.prefix(lang), queries)
                    for lang, queries in SEARCHES.items() if lang in project.config.codes}
    return {"site_url": base, "budget": BUDGET, "pages": rows, "search": searches}


def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def markdown(report: dict) -> str:
    lines = ["# Bekal audit", "",
             "Lighthouse: mobile, simulated throttling. axe: WCAG 2.2 AA and best practices. "
             "Weight: bytes on the wire (gzip, headers included), everything the page loads; "
             "next view = with the cache another page left. Throttled: 400 kbit/s, 400 ms "
             "round trip, cache off.", "",
             "| page | perf | a11y | best pr. | SEO | axe | vnu | first KB (req) | next KB "
             "| TTFB ms | FCP ms | last byte ms |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in report["pages"]:
        s, w, t = row["lighthouse"]["scores"], row["weight"], row["throttled"]
        lines.append(
            f"| {row['kind']} ({row['lang']}) `{row['path']}` | {s['performance']} "
            f"| {s['accessibility']} | {s['best-practices']} | {s['seo']} "
            f"| {sum(v['count'] for v in row['axe'])} | {len(row['vnu'])} "
            f"| {kb(w['first_bytes'])} ({w['first_requests']}) | {kb(w['next_bytes'])} "
            f"| {t['ttfb_ms']:.0f} | {t['fcp_ms'] or 0:.0f} | {t['last_byte_ms']:.0f} |")
    lines += ["", "## Search", "",
              "| language | search page KB | first query | KB (req) | second query | KB (req) |",
              "|---|---|---|---|---|---|"]
    for lang, cost in report["search"].items():
        first, second = cost["first_query"], cost["second_query"]
        lines.append(f"| {lang} | {kb(cost['page_bytes'])} | {first['query']} "
                     f"| {kb(first['bytes'])} ({first['requests']}) | {second['query']} "
                     f"| {kb(second['bytes'])} ({second['requests']}) |")
    problems = []
    for row in report["pages"]:
        name = f"{row['kind']} ({row['lang']})"
        problems += [f"- {name}: Lighthouse `{a}`" for a in row["lighthouse"]["failing"]]
        problems += [f"- {name}: axe {a11y.describe(v)}" for v in row["axe"]]
        problems += [f"- {name}: vnu {e}" for e in row["vnu"]]
        problems += [f"- {name}: request outside the site: {u}" for u in row["weight"]["outside"]]
        if row["kind"] == "module":
            w = row["weight"]
            if w["first_bytes"] > BUDGET["first_kb"] * 1024:
                problems.append(f"- {name}: first view {kb(w['first_bytes'])} KB > "
                                f"{BUDGET['first_kb']} KB")
            if w["next_bytes"] > BUDGET["next_kb"] * 1024:
                problems.append(f"- {name}: next view {kb(w['next_bytes'])} KB > "
                                f"{BUDGET['next_kb']} KB")
    lines += ["", "## Findings", "", *(problems or ["None."]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "reports"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    site = out / "audit-site"
    server = SiteServer(site)  # the port is known before the build: canonical URLs match it
    build(site, server.url)
    with server:
        report = audit(site, server)
    (out / "audit.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    (out / "audit.md").write_text(markdown(report), "utf-8")
    print(f"audit: wrote {out / 'audit.md'} and {out / 'audit.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
