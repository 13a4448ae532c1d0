"""A reader's way to the sources of what she reads, in Chromium at phone size, on the test
project's help page: a trust mark beside a fact opens that fact's entry on the page's
sources page, the foot's link is a 44 px tap target, and the sources page leads back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bekal.model.project import load_project
from conftest import make_project, run_build, serve

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("sources") / "p", {"uji-coba": "persiapan"})
    site = root.parent / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(site)
    yield load_project(root), f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_trust_mark_opens_its_facts_entry_on_the_sources_page_and_leads_back(
        page, fixture_site, lang):
    project, site_url = fixture_site
    page.set_viewport_size(PHONE)
    help_page = site_url + project.routes.page(lang, "bantuan.md")
    page.goto(help_page)
    title = page.locator("h1").inner_text().strip()
    mark = page.locator(".bekal-unverified a").first
    entry = mark.get_attribute("href").split("#", 1)[1]
    mark.click()
    page.wait_for_url(f"**/sumber/#{entry}")
    expect(page.locator(f"li#{entry}")).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == entry
    assert page.locator("html").get_attribute("lang") == lang
    back = page.get_by_role("link", name=project.t(lang, "sources_back", title=title)).first
    assert back.bounding_box()["height"] >= 44
    back.click()
    page.wait_for_url(help_page)
    more = page.locator("a.bekal-sources__more")
    assert more.bounding_box()["height"] >= 44
    page.set_viewport_size({"width": 1280, "height": 800})  # on one line, still 44 px
    assert more.bounding_box()["height"] >= 44
    more.click()
    expect(page.locator("h1")).to_have_text(project.t(lang, "sources_page_title", title=title))
