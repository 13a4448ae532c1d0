"""axe-core finds no violation (WCAG 2.2 AA and axe's best practices) on any built page."""

from __future__ import annotations

import pytest

from bekal_measure.a11y import describe, load_axe, violations
from bekal_measure.pagetypes import built_pages

pytestmark = pytest.mark.browser


def test_no_axe_violation_on_any_page(page, site_url, real_site):
    load_axe(page)
    found = []
    for path in built_pages(real_site):
        rel = path.relative_to(real_site).as_posix()
        page.goto(site_url + rel.removesuffix("index.html"))
        found += [f"{rel}: {describe(v)}" for v in violations(page)]
    assert not found, "\n".join(found)


def test_no_axe_violation_on_search_results(page, site_url):
    load_axe(page)
    found = []
    for prefix, query in (("", "paspor"), ("en/", "passport")):
        page.goto(f"{site_url}{prefix}cari/?q={query}")
        page.wait_for_selector(".bekal-search__results li", timeout=15000)
        found += [f"{prefix}cari/?q={query}: {describe(v)}" for v in violations(page)]
    assert not found, "\n".join(found)
