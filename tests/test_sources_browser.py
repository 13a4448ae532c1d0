"""A reader's way to the sources of what she reads, in Chromium at phone size: a trust mark
beside a fact opens that fact's entry on the lesson's sources page, the foot's link is a
44 px tap target, and the sources page leads back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bekal.model.project import load_project
from conftest import ROOT

pytestmark = pytest.mark.browser

PROJECT = load_project(ROOT)
PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("lang", PROJECT.config.codes)
def test_a_trust_mark_opens_its_facts_entry_on_the_sources_page_and_leads_back(
        page, site_url, lang):
    page.set_viewport_size(PHONE)
    lesson = site_url + PROJECT.routes.lesson(lang, "malaysia")
    page.goto(lesson)
    mark = page.locator(".bekal-unverified a").first
    entry = mark.get_attribute("href").split("#", 1)[1]
    mark.click()
    page.wait_for_url(f"**/sumber/#{entry}")
    target = page.locator(f"li#{entry}")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == entry
    assert page.locator("html").get_attribute("lang") == lang
    title = PROJECT.modules["malaysia"].data.title[lang]
    back = page.get_by_role("link", name=PROJECT.t(lang, "sources_back", title=title)).first
    assert back.bounding_box()["height"] >= 44
    back.click()
    page.wait_for_url(lesson)
    more = page.locator("a.bekal-sources__more")
    assert more.bounding_box()["height"] >= 44
    page.set_viewport_size({"width": 1280, "height": 800})  # on one line, still 44 px
    assert more.bounding_box()["height"] >= 44
    more.click()
    expect(page.locator("h1")).to_have_text(PROJECT.t(lang, "sources_page_title", title=title))
