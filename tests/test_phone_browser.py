"""The phone features in Chromium, in both languages, on the real site.

Call buttons and saved contacts, the job-offer checker (with and without JavaScript),
sharing, the history on the phone, glossary terms explained in place, and listening.
"""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from bekal.model.project import load_project
from bekal_measure.a11y import describe, load_axe, violations
from conftest import ROOT

pytestmark = pytest.mark.browser

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
UI = yaml.safe_load((ROOT / "modules" / "ui.yml").read_text("utf-8"))
CHECKER = PROJECT.checkers["cek-tawaran"].model
RED = [s.id for s in CHECKER.signs if s.red_flag]
GOOD = [s.id for s in CHECKER.signs if not s.red_flag]
LESSON = "cek-dulu"  # has a help section with numbers, glossary terms and a quiz
TRACK = PROJECT.modules[LESSON].data.track
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + PROJECT.config.prefix(lang) + path


def expected_verdict(flags: int):
    return max((v for v in CHECKER.verdicts if v.min_flags <= flags), key=lambda v: v.min_flags)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def parse_vcf(text: str) -> list[dict[str, list[str]]]:
    """vCard 3.0: unfold continuation lines, then one dict of property -> values per card."""
    assert "\r\n" in text, "vCard lines end in CRLF"
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    cards, card = [], None
    for line in filter(None, lines):
        name, _, value = line.partition(":")
        prop = name.split(";")[0].upper()
        if prop == "BEGIN":
            assert value == "VCARD" and card is None
            card = {}
        elif prop == "END":
            assert value == "VCARD" and card is not None
            cards.append(card)
            card = None
        else:
            assert card is not None, f"property outside a card: {line}"
            card.setdefault(prop, []).append(value)
    assert card is None, "a card is not closed"
    return cards


# --- 1. call buttons and saved contacts ---------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["bantuan/", f"modul/{LESSON}/"])
def test_call_buttons_are_tel_or_whatsapp_links_at_least_48_px(browser, site_url, lang, path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url(site_url, lang, path))
    page.evaluate("document.querySelectorAll('details.bekal-calls').forEach(d => d.open = true)")
    buttons = page.locator("a.bekal-call")
    assert buttons.count() >= 1
    for i in range(buttons.count()):
        button = buttons.nth(i)
        href = button.get_attribute("href")
        assert re.match(r"^(tel:\+?\d+|https://wa\.me/\d+)$", href), href
        box = button.bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, (href, box)
        verb = UI[lang]["call_phone" if href.startswith("tel:") else "call_whatsapp"]
        assert button.inner_text().startswith(verb.split("{")[0].strip()), button.inner_text()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_puts_each_groups_first_number_first_and_every_card_parses(page, site_url,
                                                                              lang):
    page.goto(url(site_url, lang, "bantuan/"))
    groups = page.locator("details.bekal-calls")
    assert groups.count() == len(PROJECT.contacts)
    saved = 0
    for i, loaded in enumerate(PROJECT.contacts):
        group = groups.nth(i)
        hrefs = group.locator("a.bekal-call").evaluate_all("els => els.map(e => e.href)")
        callable_keys = [e.fact for e in loaded.model.numbers
                         if PROJECT.fact(e.fact).kind in ("phone", "whatsapp")]
        assert len(hrefs) == len(callable_keys)
        if not hrefs:
            assert group.locator("a.bekal-save").count() == 0
            continue
        first = PROJECT.fact(callable_keys[0]).text(lang, "id")
        assert digits(hrefs[0]) == digits(first)  # the data's order: local emergency first
        save = group.locator("a.bekal-save")
        response = page.request.get(save.evaluate("a => a.href"))
        assert response.ok
        cards = parse_vcf(response.text())
        assert all(c["VERSION"] == ["3.0"] and c.get("FN") and c.get("TEL") for c in cards)
        card_numbers = sorted(digits(tel) for c in cards for tel in c["TEL"])
        assert card_numbers == sorted(digits(h) for h in hrefs)
        saved += 1
    assert saved >= 2


# --- 2. the job-offer checker -----------------------------------------------------------

CASES = [(lang, js, flags) for lang in LANGS for js in (True, False)
         for flags in sorted({v.min_flags for v in CHECKER.verdicts} | {len(RED)})]


@pytest.mark.parametrize(("lang", "js", "flags"), CASES)
def test_checker_gives_the_verdict_for_the_ticked_danger_signs(browser, site_url, lang, js,
                                                              flags):
    context = browser.new_context(java_script_enabled=js, **PHONE)
    page = context.new_page()
    page.goto(url(site_url, lang, "cek-tawaran/"))
    for sign in RED[:flags] + GOOD:  # good signs never cancel danger signs
        page.locator(f'input[value="{sign}"]').check()
    shown = page.locator(".ck-v:visible")
    expect(shown).to_have_count(1)
    verdict = expected_verdict(flags)
    expect(shown.locator(".ck-title")).to_have_text(verdict.title[lang])
    share = shown.locator("a.ck-share").get_attribute("href")
    assert share.startswith("https://wa.me/?text=")
    assert all(sign not in share for sign in RED + GOOD), "the share text holds no ticks"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_checker_spells_out_every_sign_and_rule(page, site_url, lang):
    page.goto(url(site_url, lang, "cek-tawaran/"))
    for sign in CHECKER.signs:
        label = page.locator(f'label[for="tanda-{sign.id}"]')
        expect(label).to_have_text(sign.text[lang])
        assert label.bounding_box()["height"] >= 44
    ranges = page.locator(".ck-v .ck-range")
    assert ranges.count() == len(CHECKER.verdicts)


@pytest.mark.parametrize("lang", LANGS)
def test_checker_is_linked_from_home_help_and_recruitment_and_fraud_lessons(page, site_url,
                                                                             lang):
    pages = ["", "bantuan/"] + [f"modul/{e.slug}/" for t in ("rekrutmen", "penipuan")
                                for e in PROJECT.modules_of(t)]
    for path in pages:
        page.goto(url(site_url, lang, path))
        link = page.locator("a.bekal-tool__link")
        expect(link).to_have_count(1)
        link.click()
        assert page.url.endswith(PROJECT.config.prefix(lang) + "cek-tawaran/"), (path, page.url)


# --- 4. share ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_share_is_a_plain_whatsapp_link_and_nothing_leaves_before_a_tap(browser, site_url,
                                                                         lang):
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    share = page.locator("a.bekal-share__wa")
    href = share.get_attribute("href")
    code = PROJECT.modules[LESSON].data.code
    assert href.startswith("https://wa.me/?text=") and f"go%2F{code}%2F" in href
    box = share.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    page.locator(".bekal-share__copy").click()
    expect(page.locator(".bekal-share__status")).to_have_text(UI[lang]["copy_done"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"{PROJECT.config.prefix(lang)}go/{code}/")
    assert all(r.startswith(site_url) for r in requests), [r for r in requests
                                                           if not r.startswith(site_url)]
    context.close()


# --- 6. where she left off ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_history_survives_a_reload_and_the_clear_button_empties_it(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    done = page.locator(".bekal-progress__done")
    expect(done).to_have_attribute("aria-pressed", "false")
    done.click()
    first = page.locator(".bekal-quiz .bekal-q[data-type=single]").first
    first.locator("input").first.check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(page.locator(".bekal-progress__quiz")).to_contain_text(
        UI[lang]["history_quiz"].split("{")[0].strip())
    page.reload()
    expect(page.locator(".bekal-progress__done")).to_have_attribute("aria-pressed", "true")
    title = PROJECT.modules[LESSON].data.title[lang]
    for path in (f"jalur/{TRACK}/", ""):
        page.goto(url(site_url, lang, path))
        history = page.locator(".bekal-history")
        expect(history).to_be_visible()
        expect(history.locator("li")).to_have_count(1)
        expect(history.locator("li")).to_contain_text(title)
        expect(history.locator("li")).to_contain_text(UI[lang]["history_done"])
    page.locator(".bekal-history__clear").click()
    expect(page.locator(".bekal-history li")).to_have_count(0)
    expect(page.locator(".bekal-history__status")).to_have_text(UI[lang]["history_cleared"])
    assert page.evaluate("localStorage.length") == 0
    page.reload()
    expect(page.locator(".bekal-history")).to_be_hidden()
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    expect(page.locator(".bekal-progress__done")).to_have_attribute("aria-pressed", "false")
    context.close()


# --- 7. glossary on touch -----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_glossary_tap_explains_the_term_in_place(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    lesson = url(site_url, lang, f"modul/{LESSON}/")
    page.goto(lesson)
    term = page.locator("button.bekal-term").first
    controls = term.get_attribute("aria-controls")
    explanation = page.locator(f"#{controls}")
    expect(explanation).to_be_hidden()
    term.tap()
    expect(explanation).to_be_visible()
    expect(term).to_have_attribute("aria-expanded", "true")
    assert page.url == lesson
    term.press("Enter")  # and by keyboard it closes again
    expect(explanation).to_be_hidden()
    context.close()


def test_without_javascript_a_glossary_term_is_still_a_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site_url, "id", f"modul/{LESSON}/"))
    assert page.locator("a.bekal-term").count() >= 1
    assert page.locator(".bekal-progress:visible, .bekal-share__copy:visible").count() == 0
    context.close()


# --- 3. listen ------------------------------------------------------------------------------

FAKE_VOICE = """
(() => {
  const voices = %s;
  window.__spoken = [];
  class Utterance { constructor(text) { this.text = text; } }
  const synth = {
    paused: false, speaking: false,
    getVoices: () => voices,
    speak: (u) => {
      window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
    },
    cancel: () => { window.__cancelled = (window.__cancelled || 0) + 1; },
    pause() { this.paused = true; }, resume() { this.paused = false; },
    addEventListener() {}, onvoiceschanged: null,
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
})();
"""


def voice(lang: str, local: bool = True) -> str:
    return (f'[{{"name": "Fake {lang}", "lang": "{lang}-X", "localService": {str(local).lower()},'
            f' "default": true, "voiceURI": "fake"}}]')


def phone_with(browser, voices: str):
    """A phone-sized context whose speech synthesis offers ``voices``, and its page."""
    context = browser.new_context(**PHONE)
    context.add_init_script(FAKE_VOICE % voices)
    return context, context.new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_listen_reads_a_section_with_the_phones_own_voice(browser, site_url, lang):
    context, page = phone_with(browser, voice(lang))
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    section = page.locator(".md-content__inner h2[id]").nth(1)
    heading = section.inner_text().rstrip("¶").strip()
    listen = page.locator(".bekal-listen").nth(1).get_by_role("button",
                                                               name=UI[lang]["listen"])
    assert listen.bounding_box()["height"] >= 44
    with page.expect_request(lambda r: "/bekal-phone-listen." in r.url):  # only now
        listen.click()
    expect(page.locator(".bekal-listen__status")).to_contain_text(heading)
    spoken = [s for s in page.evaluate("window.__spoken") if s["text"]]
    assert spoken[0]["text"].strip() == heading
    assert len(spoken) > 1 and all(s["voice"] == f"Fake {lang}" for s in spoken)
    expect(section).to_have_class(re.compile("bekal-reading"))
    expect(section).to_have_css("outline-style", "solid")  # the purge kept the part's class
    page.locator(".bekal-listen").nth(1).get_by_role("button",
                                                     name=UI[lang]["listen_pause"]).click()
    assert page.evaluate("window.speechSynthesis.paused")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_listen_without_signal_says_so_and_reads_on_the_next_tap(browser, site_url, lang):
    context, page = phone_with(browser, voice(lang))
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    page.route("**/bekal-phone-listen.*.js", lambda route: route.abort("internetdisconnected"))
    listen = page.locator(".bekal-listen").first.get_by_role("button", name=UI[lang]["listen"])
    listen.click()
    status = page.locator(".bekal-listen__status")
    expect(status).to_have_text(UI[lang]["listen_failed"])
    page.unroute("**/bekal-phone-listen.*.js")
    listen.click()
    expect(status).to_contain_text(UI[lang]["listen_reading"].split("{")[0].strip())
    assert [s for s in page.evaluate("window.__spoken") if s["text"]]
    context.close()


def test_listen_works_from_the_files_of_the_site(browser, real_site):
    """The offline bundle opens pages from file://: the listen part loads from there too."""
    context, page = phone_with(browser, voice("id"))
    page.goto((real_site / "modul" / LESSON / "index.html").as_uri())
    page.locator(".bekal-listen").first.get_by_role("button", name=UI["id"]["listen"]).click()
    expect(page.locator(".bekal-listen__status")).to_contain_text(
        UI["id"]["listen_reading"].split("{")[0].strip())
    assert page.locator(".bekal-offline").count() == 0  # no saving from file://
    context.close()


@pytest.mark.parametrize("voices", ["[]", voice("xx"), voice("id", local=False)])
def test_no_listen_control_without_a_voice_on_the_phone(browser, site_url, voices):
    context, page = phone_with(browser, voices)
    page.goto(url(site_url, "id", f"modul/{LESSON}/"))
    page.wait_for_timeout(100)
    expect(page.locator(".bekal-listen")).to_have_count(0)
    context.close()


# --- axe on the new pages and controls ------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violation_on_the_phone_pages_and_controls(browser, site_url, lang):
    context, page = phone_with(browser, voice(lang))
    load_axe(page)
    found = []
    page.goto(url(site_url, lang, f"modul/{LESSON}/"))
    page.locator(".bekal-progress__done").click()
    page.locator("button.bekal-term").first.click()
    page.locator(".bekal-listen button").first.click()
    found += [f"lesson: {describe(v)}" for v in violations(page)]
    for path in ("bantuan/", "cek-tawaran/", "", f"jalur/{TRACK}/"):
        page.goto(url(site_url, lang, path))
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        if path == "cek-tawaran/":
            page.locator(f'input[value="{RED[0]}"]').check()
        found += [f"{path or 'home'}: {describe(v)}" for v in violations(page)]
    assert not found, "\n".join(found)
    context.close()
