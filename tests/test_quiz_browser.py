"""The quiz in Chromium: by keyboard, with and without JavaScript, with axe, and in print;
its script loaded by the phone script only as the reader nears the quiz or tabs into it.

A fixture project gets the fixture quiz (tests/golden/quiz/quiz.yml: one question of
each type), is built once for this module, and served on 127.0.0.1.
"""

from __future__ import annotations

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from quiz_fixture import GOLDEN, fact_free, fixture_data

from conftest import FIXTURE, make_project, run_build, serve

pytestmark = pytest.mark.browser

UI = yaml.safe_load((FIXTURE / "modules" / "ui.yml").read_text("utf-8"))  # the site's own
QUIZ = fixture_data()
CHECKLIST = next(q for q in QUIZ["questions"] if q["type"] == "checklist")
PAGES = {"id": "modul/uji-kuis/", "en": "en/modul/uji-kuis/"}
QUIZ_SCRIPT = "/bekal-quiz-"  # assets/bekal-quiz-<lang>.<hash>.js, loaded by the phone script
LONG_STORY = "\n\n".join(["She read the offer twice. She asked her family what they thought. "
                           "Then she called the office in her town and asked again."] * 60)


def ui(lang: str, key: str, **values) -> str:
    return UI[lang][f"quiz_{key}"].format(**values)


def option(question_id: str, option_id: str, lang: str) -> str:
    q = next(q for q in QUIZ["questions"] if q["id"] == question_id)
    return next(o for o in q["options"] if o["id"] == option_id)["text"][lang]


def explain(question_id: str, option_id: str, lang: str) -> str:
    q = next(q for q in QUIZ["questions"] if q["id"] == question_id)
    return fact_free(next(o for o in q["options"] if o["id"] == option_id)["explain"][lang])


def verdict(index: int, lang: str) -> str:
    return CHECKLIST["verdicts"][index]["title"][lang]


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("quiz-site"), {"uji-kuis": "penipuan"})
    (root / "modules" / "uji-kuis" / "quiz.yml").write_text(
        (GOLDEN / "quiz.yml").read_text("utf-8"), "utf-8")
    lesson = root / "content" / "id" / "modul" / "uji-kuis" / "index.md"
    lesson.write_text("<!-- bekal:quiz -->\n\n" + lesson.read_text("utf-8"), "utf-8")
    # the English lesson is long, like a real one: its quiz (at the end) is screens away
    lesson_en = root / "content" / "en" / "modul" / "uji-kuis" / "index.md"
    lesson_en.write_text(lesson_en.read_text("utf-8") + "\n\n" + LONG_STORY, "utf-8")
    site = tmp_path_factory.mktemp("quiz-site-out") / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(site)
    yield {"dir": site, "url": f"http://127.0.0.1:{server.server_address[1]}/"}
    server.shutdown()


def open_quiz(page, quiz_site, lang: str):
    """Open the lesson at its quiz, as a link to '#kuis' would."""
    page.goto(quiz_site["url"] + PAGES[lang] + "#kuis")
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()  # quiz.js has run


def tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_radio(page, question_id: str, index: int) -> None:
    """Tab into a radio group (lands on its first radio), then select by keyboard."""
    tab_to(page, f"#kuis-{question_id} input")
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")


def tick(page, question_id: str, option_id: str) -> None:
    tab_to(page, f'#kuis-{question_id} input[value="{option_id}"]')
    page.keyboard.press("Space")


def check_by_keyboard(page) -> None:
    """Press 'Check answers' with Enter; the button must not move under the finger."""
    tab_to(page, ".bekal-quiz__actions [type=submit]")
    button = page.locator(".bekal-quiz__actions [type=submit]")
    before = button.bounding_box()["y"]
    page.keyboard.press("Enter")
    expect(page.locator("#kuis-pilih .bekal-q__feedback")).to_be_visible()
    assert abs(button.bounding_box()["y"] - before) < 1


def feedback(page, question_id: str):
    return page.locator(f"#kuis-{question_id} .bekal-q__feedback")


def status(page):
    return page.locator(".bekal-quiz").get_by_role("status")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_right_answers_by_keyboard(page, quiz_site, lang):
    open_quiz(page, quiz_site, lang)
    choose_radio(page, "pilih", 0)
    tick(page, "banyak", "a")
    tick(page, "banyak", "b")
    choose_radio(page, "pernyataan", 1)  # the statement is false
    tick(page, "tawaran", "kontrak")      # a good sign only
    check_by_keyboard(page)

    for question_id in ("pilih", "banyak", "pernyataan"):
        box = feedback(page, question_id)
        expect(box.locator(".bekal-q__result")).to_have_text(ui(lang, "result_right"))
        expect(box.locator(".bekal-q__result svg")).to_have_count(1)
    expect(feedback(page, "pilih")).to_contain_text(explain("pilih", "a", lang))
    expect(feedback(page, "pernyataan")).to_contain_text(
        f'{ui(lang, "your_answer")} {ui(lang, "false")}')
    expect(feedback(page, "tawaran").locator(".bekal-q__result")).to_have_text(verdict(0, lang))
    expect(status(page)).to_have_text(
        f'{ui(lang, "score", right=3, total=3)} {verdict(0, lang)}. {ui(lang, "status_hint")}')


@pytest.mark.parametrize("lang", ["id", "en"])
def test_wrong_answers_by_keyboard(page, quiz_site, lang):
    open_quiz(page, quiz_site, lang)
    choose_radio(page, "pilih", 1)
    tick(page, "banyak", "a")
    tick(page, "banyak", "c")
    choose_radio(page, "pernyataan", 0)  # "true": wrong
    tick(page, "tawaran", "akun-pribadi")
    tick(page, "tawaran", "biaya")
    check_by_keyboard(page)

    single = feedback(page, "pilih")
    expect(single.locator(".bekal-q__result")).to_have_text(ui(lang, "result_wrong"))
    for text in (ui(lang, "your_answer"), option("pilih", "b", lang), explain("pilih", "b", lang),
                 ui(lang, "correct_answer"), option("pilih", "a", lang),
                 explain("pilih", "a", lang)):
        expect(single).to_contain_text(text)
    several = feedback(page, "banyak")
    expect(several.locator(".bekal-q__result")).to_have_text(ui(lang, "result_partial"))
    expect(several).to_contain_text(option("banyak", "b", lang))  # the one she missed
    statement = feedback(page, "pernyataan")
    expect(statement.locator(".bekal-q__result")).to_have_text(ui(lang, "result_wrong"))
    expect(statement).to_contain_text(fact_free(QUIZ["questions"][2]["explain"][lang]))
    checklist = feedback(page, "tawaran")
    expect(checklist.locator(".bekal-q__result")).to_have_text(verdict(2, lang))
    expect(checklist).to_contain_text(ui(lang, "flags_ticked", count=2))
    expect(checklist).to_contain_text(explain("tawaran", "biaya", lang))
    expect(checklist.locator("a[href^='tel:']")).to_have_count(1)  # the advice's fact
    expect(status(page)).to_have_text(
        f'{ui(lang, "score", right=0, total=3)} {verdict(2, lang)}. {ui(lang, "status_hint")}')

    tab_to(page, ".bekal-quiz__retry")  # try again: everything cleared, focus back at the top
    page.keyboard.press("Enter")
    expect(page.locator(".bekal-q__feedback")).to_have_count(0)
    expect(page.locator(".bekal-quiz input:checked")).to_have_count(0)
    expect(page.locator(".bekal-quiz__retry")).to_be_hidden()
    assert page.evaluate("document.activeElement.closest('fieldset').id") == "kuis-pilih"
    expect(status(page)).to_have_text(ui(lang, "reset_done"))


def test_unanswered_question_keeps_its_answer_hidden(page, quiz_site):
    open_quiz(page, quiz_site, "id")
    page.locator(".bekal-quiz__actions [type=submit]").click()
    box = feedback(page, "pilih")
    expect(box.locator(".bekal-q__result")).to_have_text(ui("id", "result_unanswered"))
    expect(box).not_to_contain_text(explain("pilih", "a", "id"))
    expect(status(page)).to_contain_text(ui("id", "score", right=0, total=3))


@pytest.mark.parametrize("flags, expected", [(0, 0), (1, 1), (2, 2), (3, 2)])
def test_checklist_verdicts(page, quiz_site, flags, expected):
    open_quiz(page, quiz_site, "en")
    for item in ("akun-pribadi", "biaya", "visa-turis")[:flags]:
        page.locator(f'#kuis-tawaran input[value="{item}"]').check()
    page.locator("#kuis-tawaran input[value=kontrak]").check()  # good signs do not count
    page.locator(".bekal-quiz__actions [type=submit]").click()
    box = feedback(page, "tawaran")
    expect(box.locator(".bekal-q__result")).to_have_text(verdict(expected, "en"))
    expect(box).to_contain_text(CHECKLIST["verdicts"][expected]["advice"]["en"].split("{{")[0])
    expect(box).to_contain_text(ui("en", "flags_ticked", count=flags))


def quiz_requests(page) -> list[str]:
    """Every request of ``page`` from now on for the quiz's script."""
    found: list[str] = []
    page.on("request", lambda r: found.append(r.url) if QUIZ_SCRIPT in r.url else None)
    return found


def quiz_below(page) -> float:
    """How many screen heights the quiz's top is below the bottom of the screen."""
    return page.evaluate("(document.querySelector('.bekal-quiz').getBoundingClientRect().top"
                         " - innerHeight) / innerHeight")


def test_a_lesson_read_at_the_top_loads_no_quiz_script(page, quiz_site):
    requests = quiz_requests(page)
    page.goto(quiz_site["url"] + PAGES["en"])
    page.wait_for_load_state("networkidle")
    expect(page.locator(".bekal-progress__done")).to_be_visible()  # the phone script ran
    assert quiz_below(page) > 3  # the quiz is far down, as in a real lesson
    assert requests == []
    expect(page.locator(".bekal-quiz__actions")).to_be_hidden()
    # (opening an answer would bring the quiz near and its script with it: that the answers
    # open without the script is the no-signal test below)


def test_coming_near_the_quiz_loads_it_before_it_shows(page, quiz_site):
    requests = quiz_requests(page)
    page.goto(quiz_site["url"] + PAGES["en"])
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => { window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries()))
        .observe({ type: "layout-shift" }); }""")
    # scrolling down, one and a half screens above the quiz: the script comes, its button
    # appears while the quiz is still out of sight
    page.evaluate("scrollBy(0, document.querySelector('.bekal-quiz').getBoundingClientRect()"
                  ".top - 2.5 * innerHeight)")
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()
    assert len(requests) == 1
    assert quiz_below(page) > 1
    page.wait_for_timeout(200)  # a frame or two for any shift to be reported
    assert page.evaluate("shifts.filter((s) => !s.hadRecentInput).length") == 0
    page.locator(".bekal-quiz").scroll_into_view_if_needed()
    page.locator("#kuis-pilih input[value=a]").check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(feedback(page, "pilih").locator(".bekal-q__result")).to_have_text(
        ui("en", "result_right"))
    assert len(requests) == 1


# An observer that never reports: only focus can bring the quiz's script.
BLIND = "window.IntersectionObserver = class { observe() {} disconnect() {} };"


def test_tabbing_into_the_quiz_loads_it(browser, quiz_site):
    context = browser.new_context()
    context.add_init_script(BLIND)
    page = context.new_page()
    requests = quiz_requests(page)
    page.goto(quiz_site["url"] + PAGES["en"])
    page.wait_for_load_state("networkidle")
    assert requests == []
    tab_to(page, "#kuis-pilih input", limit=200)
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()
    page.keyboard.press("Space")  # the first option, the right one
    check_by_keyboard(page)
    expect(feedback(page, "pilih").locator(".bekal-q__result")).to_have_text(
        ui("en", "result_right"))
    assert len(requests) == 1
    context.close()


def test_without_an_observer_the_quiz_script_comes_at_once(browser, quiz_site):
    context = browser.new_context()
    context.add_init_script("delete window.IntersectionObserver;")
    page = context.new_page()
    requests = quiz_requests(page)
    page.goto(quiz_site["url"] + PAGES["en"])
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()
    assert len(requests) == 1
    context.close()


def test_without_signal_the_quiz_keeps_its_answers_and_the_next_approach_loads_it(page,
                                                                                  quiz_site):
    page.route(f"**{QUIZ_SCRIPT}*.js", lambda route: route.abort("internetdisconnected"))
    page.goto(quiz_site["url"] + PAGES["en"] + "#kuis")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".bekal-quiz__actions")).to_be_hidden()  # no button to press in vain
    page.locator("#kuis-pilih summary").click()
    expect(page.get_by_text(explain("pilih", "a", "en"))).to_be_visible()
    page.unroute(f"**{QUIZ_SCRIPT}*.js")
    page.locator("#kuis-banyak input[value=a]").focus()  # focus entering the quiz tries again
    expect(page.locator(".bekal-quiz__actions")).to_be_visible()


def test_without_javascript(browser, quiz_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_site["url"] + PAGES["en"])
    expect(page.locator(".bekal-q legend")).to_have_count(4)
    expect(page.get_by_role("radio", name=option("pilih", "a", "en"))).to_be_visible()
    expect(page.locator(".bekal-quiz__actions")).to_be_hidden()  # nothing to press in vain
    answer = page.get_by_text(explain("pilih", "a", "en"))
    expect(answer).to_be_hidden()
    page.locator("#kuis-pilih summary").click()
    expect(answer).to_be_visible()
    expect(page.get_by_text(fact_free(QUIZ["questions"][2]["explain"]["en"]))).to_be_hidden()
    context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_axe_before_and_after_checking(page, quiz_site, lang):
    open_quiz(page, quiz_site, lang)
    axe = Axe()
    before = axe.run(page)
    assert before.violations_count == 0, before.generate_report()
    # Wrong, partly right, right and a warning verdict: every kind of feedback box, with
    # not-yet-verified facts in them.
    page.locator("#kuis-pilih input[value=b]").check()
    page.locator("#kuis-banyak input[value=a]").check()
    page.locator("#kuis-pernyataan input[value=false]").check()
    page.locator("#kuis-tawaran input[value=biaya]").check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(status(page)).not_to_have_text("")
    expect(page.locator(".bekal-q__feedback .bekal-unverified")).to_have_count(3)
    after = axe.run(page)
    assert after.violations_count == 0, after.generate_report()


def test_print_shows_no_answer(page, quiz_site):
    open_quiz(page, quiz_site, "id")
    page.locator("#kuis-pilih input[value=b]").check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(feedback(page, "pilih")).to_be_visible()
    # Where Material's script runs (the offline bundle) it opens every <details> before
    # printing; the answers must stay off paper all the same.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.emulate_media(media="print")
    expect(page.locator(".bekal-q legend").first).to_be_visible()
    printed = page.locator(".bekal-quiz").inner_text()
    assert explain("pilih", "a", "id") not in printed
    assert explain("pilih", "b", "id") not in printed
    assert verdict(2, "id") not in printed
    assert ui("id", "check") not in printed


def test_nothing_is_sent(page, quiz_site):
    open_quiz(page, quiz_site, "en")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator("#kuis-pilih input[value=a]").check()
    page.locator(".bekal-quiz__actions [type=submit]").click()
    expect(status(page)).not_to_have_text("")
    page.locator(".bekal-quiz__retry").click()
    assert requests == []


def test_quiz_placement_and_sources(quiz_site):
    """The author's marker places the quiz (id); without one it ends the lesson (en)."""
    lesson_id = (quiz_site["dir"] / PAGES["id"] / "index.html").read_text("utf-8")
    lesson_en = (quiz_site["dir"] / PAGES["en"] / "index.html").read_text("utf-8")
    assert lesson_id.index('id="kuis"') < lesson_id.index('id="pelajaran"')
    assert lesson_en.index('id="pelajaran"') < lesson_en.index('id="kuis"')
    for lang, html in (("id", lesson_id), ("en", lesson_en)):
        assert html.index('id="kuis"') < html.index('id="sumber"')
        assert 'href="sumber/"' in html[html.index('id="sumber"'):]
        sources = (quiz_site["dir"] / PAGES[lang] / "sumber" / "index.html").read_text("utf-8")
        assert "https://example.org/uji" in sources  # a fact used only in the quiz
    trainer = (quiz_site["dir"] / PAGES["en"] / "pelatih" / "index.html").read_text("utf-8")
    assert trainer.index('id="kunci-jawaban"') < trainer.index('id="sumber"')
