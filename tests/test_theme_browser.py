"""In Chromium at 360 px: trainer tables fit or scroll in their own box, the header leads
home, the language switch keeps the section and the search, creator captions show whole."""

from __future__ import annotations

from itertools import pairwise

import pytest

from bekal.model.project import load_project
from conftest import ROOT

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
PROJECT = load_project(ROOT)

# A table wider than the screen must sit in a scroll container that is not: then the page
# itself does not scroll sideways and the reader can swipe the table alone.
OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth, bad = [];
  for (const t of document.querySelectorAll("main table, table")) {
    const r = t.getBoundingClientRect();
    if (r.right <= vw + 1) continue;
    let box = t.parentElement, held = false;
    while (box && box !== document.body) {
      const s = getComputedStyle(box);
      if (/(auto|scroll)/.test(s.overflowX) && box.getBoundingClientRect().right <= vw + 1) {
        held = true; break;
      }
      box = box.parentElement;
    }
    if (!held) bad.push((t.caption ? t.caption.textContent : t.outerHTML.slice(0, 80)));
  }
  const cap = [...document.querySelectorAll("table caption")]
    .filter(c => c.getBoundingClientRect().right > vw + 1).map(c => c.textContent);
  return {bad, cap, page: document.documentElement.scrollWidth, vw};
}"""


def trainer_pages() -> list[str]:
    paths = []
    for lang in PROJECT.config.codes:
        prefix = PROJECT.config.prefix(lang)
        paths.append(f"{prefix}pelatih/")
        slug = sorted(PROJECT.modules)[0]
        paths += [f"{prefix}modul/{slug}/pelatih/", f"{prefix}modul/{slug}/kunci/"]
        paths += [f"{prefix}modul/{s}/kunci/" for s in sorted(PROJECT.modules)]
    return paths


def test_at_360px_no_trainer_table_overflows_without_its_own_scroll_box(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    problems = []
    for path in trainer_pages():
        page.goto(site_url + path)
        found = page.evaluate(OVERFLOW)
        if found["bad"] or found["cap"] or found["page"] > found["vw"]:
            problems.append(f"{path}: {found}")
    page.close()
    assert not problems, "\n".join(problems)


def test_at_360px_the_header_leads_home_and_names_the_other_language(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "en/modul/dokumen/")
    home = page.locator("header a.bekal-home")
    assert home.is_visible()
    box = home.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    switch = page.locator("header a[hreflang=id]")
    assert switch.inner_text().split()[0] == "ID" and switch.is_visible()
    assert "Bahasa Indonesia" in (switch.text_content() or "")  # its name for screen readers
    for path in ("modul/dokumen/", "en/modul/dokumen/"):  # "Bantuan" is the longer word
        page.goto(site_url + path)
        boxes = page.evaluate("""() => [...document.querySelectorAll(
            ".md-header__inner > .md-header__button, .md-header__inner .bekal-home")]
            .map(e => e.getBoundingClientRect().toJSON())""")
        assert len(boxes) == 5, boxes
        for box in boxes:  # every target at least 44 x 44 px, on the screen
            assert box["width"] >= 44 and box["height"] >= 44, box
            assert box["left"] >= 0 and box["right"] <= PHONE["width"], box
        for left, right in pairwise(boxes):  # side by side, not on top of each other
            assert left["right"] <= right["left"] + 0.5, (left, right)
    page.goto(site_url + "en/modul/dokumen/")
    home.click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/"
    page.close()


def test_language_switch_keeps_the_section_and_the_search(page, site_url):
    page.goto(site_url + "tentang/#penerbit")
    page.locator("header a[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/tentang/#penerbit"
    page.goto(site_url + "en/cari/?q=passport")
    page.locator("header a[hreflang=id]").click()
    page.wait_for_load_state()
    assert page.url == site_url + "cari/?q=passport"
    assert page.locator("#bekal-search-q").input_value() == "passport"


def test_at_360px_every_creator_caption_box_shows_its_whole_caption(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    cut = []
    for lang in PROJECT.config.codes:
        for slug in PROJECT.modules:
            page.goto(site_url + PROJECT.routes.creator_module(lang, slug))
            assert page.locator("textarea.bekal-kit-caption").count() == 1, slug
            cut += page.evaluate("""() => [...document.querySelectorAll(
                "textarea.bekal-kit-caption")]
                .filter(t => t.scrollHeight > t.clientHeight + 1).map(t => t.id)""")
    page.close()
    assert cut == [], f"captions cut off (hashtags hidden): {cut}"
