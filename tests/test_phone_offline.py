"""Reading without signal, in Chromium: nothing before the reader asks; a saved lesson
(with its PDF and its sources page, and its quiz checking answers) and a saved track open
offline; removing them leaves nothing behind."""

from __future__ import annotations

import json

import pytest
import yaml
from playwright.sync_api import expect

from bekal.model.project import load_project
from conftest import ROOT, serve

pytestmark = pytest.mark.browser

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
UI = yaml.safe_load((ROOT / "modules" / "ui.yml").read_text("utf-8"))
LESSON = "cek-dulu"
TRACK = PROJECT.modules[LESSON].data.track


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + PROJECT.config.prefix(lang) + path


# scripts loaded on a tap, and the quiz's, loaded as the reader nears the quiz
PARTS = ("/bekal-phone-offline.", "/bekal-phone-listen.", "/bekal-quiz-")
# a voice on the phone, so that lessons show their listen buttons
FAKE_VOICE = """
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  paused: false, getVoices: () => [{ name: "Fake", lang: document.documentElement.lang,
    localService: true }], speak() {}, cancel() {}, pause() {}, resume() {},
  addEventListener() {} } });
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""


def save(page, lang: str) -> int:
    """Tap 'save', wait for the result; the KB it says it took."""
    with page.expect_request(lambda r: PARTS[0] in r.url):  # the saving part, on the tap
        page.get_by_role("button", name=UI[lang]["offline_save"]).click()
    status = page.locator(".bekal-offline__status")
    expect(status).to_contain_text(UI[lang]["offline_saved"].split("(")[0].strip(),
                                   timeout=60000)  # a track is many files; the CPU is shared
    saved = page.evaluate("JSON.parse(localStorage.getItem('bekal:saved'))")
    return next(iter(saved.values()))["bytes"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "bantuan/", f"modul/{LESSON}/", f"jalur/{TRACK}/"])
def test_no_service_worker_and_no_extra_request_before_the_reader_asks(browser, site_url,
                                                                       lang, path):
    context = browser.new_context()
    context.add_init_script(FAKE_VOICE)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url(site_url, lang, path))
    page.wait_for_load_state("networkidle")
    if path.startswith(("modul/", "jalur/")):  # the buttons are there, their parts are not
        expect(page.get_by_role("button", name=UI[lang]["offline_save"])).to_be_visible()
    if path.startswith("modul/"):
        expect(page.get_by_role("button", name=UI[lang]["listen"]).first).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    assert not [r for r in requests if r.endswith((".webmanifest", "sw.js", ".pdf", ".vcf"))]
    assert not [r for r in requests if any(part in r for part in PARTS)]
    assert page.locator('link[rel="manifest"]').count() == 0
    context.close()


class _OwnServer:
    """The real site on a server of the test's own, which it can stop: Playwright's offline
    mode does not reach a service worker's requests, so only a server that is gone shows
    that a saved copy is read from the phone."""

    def __init__(self, site):
        self.server = serve(site)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_lesson_opens_offline_with_its_pdf(browser, real_site, lang):
    own = _OwnServer(real_site)
    site_url = own.url
    context = browser.new_context()
    page = context.new_page()
    lesson = url(site_url, lang, f"modul/{LESSON}/")
    page.goto(lesson)
    pdf = page.locator('.md-content a[href$=".pdf"]').first.evaluate("a => a.href")
    sources = page.locator("a.bekal-sources__more").evaluate("a => a.href")
    stored = save(page, lang)
    assert stored > 50_000, stored  # page, theme styles, scripts and the PDF
    page.wait_for_function("navigator.serviceWorker.controller !== null || "
                           "navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the service worker
    expect(page.get_by_role("button", name=UI[lang]["offline_remove"])).to_be_visible()
    own.stop()
    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text(PROJECT.modules[LESSON].data.title[lang])
    styled = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert styled in ("sticky", "fixed", "relative"), "the theme's styles came from the cache"
    size = page.evaluate("u => fetch(u).then(r => r.ok ? r.blob() : null).then(b => b && b.size)",
                         pdf)
    assert size and size > 1000
    page.goto(pdf)  # the PDF itself opens (the browser shows or downloads it)
    page.goto(sources)  # where its trust marks lead: the page of its sources
    title = PROJECT.modules[LESSON].data.title[lang]
    expect(page.locator("h1")).to_have_text(UI[lang]["sources_page_title"].format(title=title))
    page.goto(lesson)  # still without signal: the parts were saved with the page
    page.get_by_role("button", name=UI[lang]["offline_remove"]).click()
    expect(page.locator(".bekal-offline__status")).to_have_text(UI[lang]["offline_removed"])
    expect(page.get_by_role("button", name=UI[lang]["offline_save"])).to_be_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [f"modul/{LESSON}/", f"jalur/{TRACK}/"])
def test_a_saved_lesson_checks_its_quiz_without_signal(browser, real_site, lang, path):
    """The lesson saved by itself (on the way to its save button she passed the quiz, so
    its script had come), or with its track (its quiz's script never came: the save takes
    it as a part). Then the site goes away (its own server, stopped: Playwright's offline
    mode does not reach the service worker's requests); the quiz still checks answers."""
    server = serve(real_site)
    context = browser.new_context()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = context.new_page()
        page.goto(url(base, lang, path))
        save(page, lang)
        page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    page.goto(url(base, lang, f"modul/{LESSON}/"))
    expect(page.locator("h1")).to_have_text(PROJECT.modules[LESSON].data.title[lang])
    question = page.locator(".bekal-quiz .bekal-q[data-type=single]").first
    question.scroll_into_view_if_needed()
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()  # its script, from the copy
    question.locator("input").first.check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(question.locator(".bekal-q__feedback .bekal-q__result")).to_be_visible()
    expect(page.locator(".bekal-quiz").get_by_role("status")).not_to_have_text("")
    context.close()


def test_a_save_quicker_than_its_saving_note_ends_on_saved(browser, site_url):
    """"Saving…" is said a moment after the tap (so that a screen reader hears it); a save
    done before that moment (a lesson tapped again, its files at hand) still ends on
    "saved", not on a "saving…" that comes late and stays."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()  # the moment waits until the save is done
    page.goto(url(site_url, "id", f"modul/{LESSON}/"))
    page.get_by_role("button", name=UI["id"]["offline_save"]).click()
    page.wait_for_function("localStorage.getItem('bekal:saved') !== null")
    page.clock.run_for(1000)
    expect(page.locator(".bekal-offline__status")).to_contain_text(
        UI["id"]["offline_saved"].split("(")[0].strip())
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_save_without_signal_says_so_and_the_next_tap_saves(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    context.set_offline(True)  # the signal goes as she taps: the saving part cannot come
    keep = page.get_by_role("button", name=UI[lang]["offline_save"])
    keep.click()
    status = page.locator(".bekal-offline__status")
    expect(status).to_have_text(UI[lang]["offline_failed"])
    expect(keep).to_be_enabled()
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    context.set_offline(False)
    save(page, lang)
    saved = next(iter(page.evaluate("JSON.parse(localStorage.getItem('bekal:saved'))").values()))
    assert all(any(part in u for u in saved["urls"]) for part in PARTS), saved["urls"]
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_track_opens_offline_and_removing_it_leaves_nothing(browser, real_site, lang):
    own = _OwnServer(real_site)
    site_url = own.url
    context = browser.new_context()
    page = context.new_page()
    track = url(site_url, lang, f"jalur/{TRACK}/")
    page.goto(track)
    stored = save(page, lang)
    modules = [url(site_url, lang, f"modul/{e.slug}/") for e in PROJECT.modules_of(TRACK)]
    saved = page.evaluate("JSON.parse(localStorage.getItem('bekal:saved'))")
    assert set(modules) <= set(saved[track]["urls"])
    print(f"saved track {TRACK} ({lang}): {stored} B")
    manifest = page.locator('link[rel="manifest"]')
    expect(manifest).to_have_count(1)  # after opting in, the site can go on the home screen
    data = json.loads(page.request.get(manifest.evaluate("l => l.href")).text())
    assert data["shortcuts"][0]["url"] == "bantuan/"
    page.reload()
    own.stop()
    context.set_offline(True)
    for module in modules:
        page.goto(module)
        assert page.locator("h1").count() == 1
        expect(page.locator("h1")).to_have_text(
            next(e for e in PROJECT.modules_of(TRACK) if module.endswith(f"/{e.slug}/"))
            .data.title[lang])
    page.goto(track)
    page.get_by_role("button", name=UI[lang]["offline_remove"]).click()
    expect(page.locator(".bekal-offline__status")).to_have_text(UI[lang]["offline_removed"])
    page.wait_for_function("navigator.serviceWorker.getRegistrations().then(r => !r.length)")
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    assert page.evaluate("localStorage.getItem('bekal:saved')") is None
    context.close()
