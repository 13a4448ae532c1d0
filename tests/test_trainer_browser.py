"""The trainer kit in Chromium: slides by keyboard from file://, type size, fit, axe, print."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from bekal.model.project import load_project
from conftest import ROOT

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
MODULES = [entry for _, entry in sorted(PROJECT.modules.items()) if entry.module]
PROJECTOR = {"width": 1280, "height": 720}
VISIBLE = ("() => Array.from(document.querySelectorAll('#deck .slide'))"
           ".filter(s => !s.hidden).length")


def deck_url(site, lang: str, slug: str) -> str:
    return (site / PROJECT.config.prefix(lang) / "modul" / slug / "slide/index.html").as_uri()


def counter(page) -> str:
    return page.locator(".deck-counter").inner_text().replace(" ", "")


def outside_requests(page) -> list[str]:
    """Collects every request that is not a local file (or the browser's own)."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url)
            if not r.url.startswith(("file://", "data:", "chrome", "about:")) else None)
    return seen


@pytest.mark.browser
def test_slides_move_by_keyboard_from_file(page, real_site):
    outside = outside_requests(page)
    page.set_viewport_size(PROJECTOR)
    page.goto(deck_url(real_site, "id", MODULES[0].slug))
    total = page.locator("#deck .slide").count()
    assert total >= 4
    assert counter(page) == f"1/{total}"
    steps = [("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("PageUp", 3), ("ArrowLeft", 2),
             ("ArrowDown", 3), ("ArrowUp", 2), ("Shift+Space", 1), ("ArrowLeft", 1),
             ("End", total), ("ArrowRight", total), ("Home", 1)]
    for key, expected in steps:
        page.keyboard.press(key)
        assert counter(page) == f"{expected}/{total}", key
        assert page.evaluate(VISIBLE) == 1
        visible = page.locator("#deck .slide").nth(expected - 1)
        assert visible.is_visible(), key
    assert "#1" in page.url
    page.locator(".deck-next").click()
    assert counter(page) == f"2/{total}"
    assert page.locator("#deck-status").inner_text().startswith(
        PROJECT.t("id", "slides_position", number=2, total=total))
    page.reload()
    assert counter(page) == f"2/{total}"  # the slide number is kept in the address
    assert outside == []


@pytest.mark.browser
def test_every_slide_fits_a_projector_in_large_type(page, real_site):
    page.set_viewport_size(PROJECTOR)
    too_long, too_small = [], []
    for lang in LANGS:
        for entry in MODULES:
            page.goto(deck_url(real_site, lang, entry.slug))
            report = page.evaluate("""() => {
              const slides = Array.from(document.querySelectorAll('#deck .slide'));
              return slides.map((slide, i) => {
                slides.forEach(s => { s.hidden = s !== slide; });
                const sizes = Array.from(slide.querySelectorAll('p, li, td, dd'))
                  .filter(e => !e.closest('.slide-notes'))  // the trainer's, hidden (N shows)
                  .map(e => parseFloat(getComputedStyle(e).fontSize));
                return [i + 1, slide.scrollHeight > slide.clientHeight, Math.min(...sizes)];
              });
            }""")
            for number, overflows, smallest in report:
                if overflows:
                    too_long.append(f"{lang}/{entry.slug} #{number}")
                if smallest < 28:
                    too_small.append(f"{lang}/{entry.slug} #{number}: {smallest}px")
    assert too_long == [], "slides that need scrolling at 1280x720"
    assert too_small == []


@pytest.mark.browser
def test_slides_without_javascript_are_one_readable_page(browser, real_site):
    context = browser.new_context(java_script_enabled=False, viewport=PROJECTOR)
    page = context.new_page()
    page.goto(deck_url(real_site, "en", MODULES[0].slug))
    slides = page.locator("#deck .slide")
    assert all(slides.nth(i).is_visible() for i in range(slides.count()))
    assert not page.locator(".deck-counter").is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_slides_changed_by_their_script_have_no_axe_violations(page, real_site, lang):
    # every kit page as built is checked by tests/test_a11y.py; this is the deck on a
    # projector, from file://, after its script has moved to the last slide
    axe = Axe()
    page.set_viewport_size(PROJECTOR)
    page.goto(deck_url(real_site, lang, MODULES[0].slug))
    page.keyboard.press("End")  # the key points slide, after the script has changed the page
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.browser
def test_worksheet_prints_without_the_page_bar(page, real_site):
    page.goto((real_site / "modul" / MODULES[0].slug / "lembar-kerja/index.html").as_uri())
    assert page.locator(".kit-print").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".kit-bar").is_visible()
    assert page.locator(".kit-question").first.is_visible()
    assert page.locator(".kit-box").first.is_visible()


@pytest.mark.browser
def test_n_shows_the_speaker_notes(page, real_site):
    page.set_viewport_size(PROJECTOR)
    for entry in MODULES:
        page.goto(deck_url(real_site, "id", entry.slug))
        number = page.evaluate("""() => Array.from(document.querySelectorAll('#deck .slide'))
            .findIndex(s => s.querySelector('.slide-notes')) + 1""")
        if number:
            break
    else:
        pytest.skip("no deck has speaker notes")
    page.goto(deck_url(real_site, "id", entry.slug) + f"#{number}")
    notes = page.locator("#deck .slide").nth(number - 1).locator(".slide-notes")
    assert not notes.is_visible()
    page.keyboard.press("n")
    assert notes.is_visible()
    assert PROJECT.t("id", "slides_notes") in notes.inner_text()
    page.keyboard.press("n")
    assert not notes.is_visible()
