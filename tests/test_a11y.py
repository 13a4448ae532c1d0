"""axe-core finds no violation (WCAG 2.2 AA and axe's best practices) on any built page.

Every rule runs on every page, except the two colour rules (most of axe's time), which run
on every page that has text in a chain of elements no earlier page had
(``bekal_measure.a11y.ColourCoverage``); `make audit` runs every rule on every page type."""

from __future__ import annotations

import pytest

from bekal_measure.a11y import ColourCoverage, describe, load_axe, violations
from bekal_measure.pagetypes import built_pages

pytestmark = pytest.mark.browser


def test_no_axe_violation_on_any_page(page, site_url, real_site):
    load_axe(page)
    found = []
    colours = ColourCoverage()
    pages = built_pages(real_site)
    for path in pages:
        rel = path.relative_to(real_site).as_posix()
        page.goto(site_url + rel.removesuffix("index.html"))
        found += [f"{rel}: {describe(v)}" for v in colours.violations(page)]
    assert not found, "\n".join(found)
    print(f"colour rules on {colours.pages_judged} of {len(pages)} pages")


def test_the_colour_rules_run_where_a_page_brings_new_text(page, site_url):
    """A page with a chain of elements no page before it had gets the colour rules; the same
    page again does not; and text made unreadable there is found."""
    load_axe(page)
    colours = ColourCoverage()
    page.goto(site_url)
    assert colours.violations(page) == [] and colours.pages_judged == 1
    page.goto(site_url)
    assert colours.violations(page) == [] and colours.pages_judged == 1
    page.evaluate("""() => { const p = document.createElement('p');
        p.className = 'bekal-new-box'; p.textContent = 'pale text on white';
        p.style.color = '#eee'; document.querySelector('article').append(p); }""")
    assert [v["id"] for v in colours.violations(page)] == ["color-contrast"]
    assert colours.pages_judged == 2


def test_no_axe_violation_on_search_results(page, site_url):
    load_axe(page)
    found = []
    for prefix, query in (("", "paspor"), ("en/", "passport")):
        page.goto(f"{site_url}{prefix}cari/?q={query}")
        page.wait_for_selector(".bekal-search__results li", timeout=15000)
        found += [f"{prefix}cari/?q={query}: {describe(v)}" for v in violations(page)]
    assert not found, "\n".join(found)
