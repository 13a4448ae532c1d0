"""Quiz rendering: golden HTML per question type and language, escaping, placement, assets.

Update the golden files after an intended change with:
    BEKAL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_quiz_render.py
and read the diff before committing it. A missing golden file fails (golden_file.py).
"""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser

import pytest
from golden_file import assert_golden
from quiz_fixture import GOLDEN, fact_free, fixture_data, fixture_quiz

from bekal.model.pageref import PageRef
from bekal.model.project import load_project
from bekal.model.schema import Quiz
from bekal.render import quiz
from conftest import ROOT, fixture_value, make_project

LANGS = ("id", "en")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("quiz-render"))
    loaded = load_project(root)
    assert "uji.hotline" in loaded.facts, loaded.issues
    return loaded


def only(question_type: str) -> Quiz:
    full = fixture_quiz()
    return Quiz(questions=[q for q in full.questions if q.type == question_type])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("question_type", ["single", "multiple", "truefalse", "checklist"])
def test_golden_html(project, question_type, lang):
    one = only(question_type)
    used: list[str] = []
    html = (quiz.render_quiz(project, one, lang, used) + "<!-- answer key -->\n"
            + quiz.render_key(project, one, lang, used))
    assert_golden(GOLDEN / f"{question_type}.{lang}.html", html)


@pytest.mark.parametrize("lang", LANGS)
def test_true_false_feedback_is_not_a_word_puzzle(project, lang):
    """Options say Benar / Salah; the verdict and the key use other words, so "Jawaban Anda:
    Benar" is never followed by "Jawaban yang benar: Salah" and "Salah. ..."."""
    options = {project.t(lang, "quiz_true").lower(), project.t(lang, "quiz_false").lower()}
    for key in ("quiz_result_right", "quiz_result_wrong", "quiz_result_partial"):
        verdict = set(re.findall(r"\w+", project.t(lang, key).lower()))
        assert not verdict & options, (lang, key, project.t(lang, key))
    html = quiz.render_quiz(project, only("truefalse"), lang, [])
    key = re.search(r'<div class="bekal-key">(.*?)</div>', html, re.S).group(1)
    answer = re.search(r'<p data-answer="(true|false)">(.*?)</p>', key, re.S)
    shown = re.sub(r"<[^>]+>", "", answer.group(2)).replace("✓", "").strip()
    assert shown == project.t(lang, f"quiz_statement_{answer.group(1)}")
    assert project.t(lang, "quiz_correct_answer") not in key
    explain = re.sub(r"<[^>]+>", "", re.search(r'class="bekal-key__explain">(.*?)</p>', key,
                                               re.S).group(1))
    assert explain.split(".")[0].strip().lower() not in options, explain  # no "Salah. ..."


class Outline(HTMLParser):
    """Text per region of the quiz: inside a <details> answer block, or outside it."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.inside: list[str] = []
        self.outside: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.depth += tag == "details"

    def handle_endtag(self, tag):
        self.depth -= tag == "details"

    def handle_data(self, data):
        (self.inside if self.depth else self.outside).append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_answers_only_behind_details(project, lang):
    """Without JavaScript the answers are there, but only where the reader opens them."""
    full = fixture_quiz()
    parsed = Outline()
    parsed.feed(quiz.render_quiz(project, full, lang, []))
    outside, inside = " ".join(parsed.outside), " ".join(parsed.inside)
    assert parsed.tags.count("fieldset") == parsed.tags.count("legend") == len(full.questions)
    assert parsed.tags.count("details") == len(full.questions)
    for q in full.questions:
        assert q.prompt[lang] in outside
        for option in q.options:
            assert option.text[lang] in outside
            plain = fact_free(option.explain[lang])
            assert plain in inside and plain not in outside
        for verdict in q.verdicts:
            assert verdict.title[lang] in inside and verdict.title[lang] not in outside
    statement = next(q for q in full.questions if q.type == "truefalse")
    plain = fact_free(statement.explain[lang])
    assert plain in inside and plain not in outside


def test_text_from_yaml_is_escaped(project):
    nasty = '<script>alert("x")</script> & <b onclick="x()">'
    data = {"questions": [
        {"id": "q1", "type": "single", "prompt": {"id": nasty, "en": nasty},
         "options": [{"id": "a", "correct": True, "text": {"id": nasty, "en": nasty},
                      "explain": {"id": nasty, "en": nasty}}]},
        {"id": "q2", "type": "checklist", "prompt": {"id": nasty, "en": nasty},
         "options": [{"id": "a", "red_flag": True, "text": {"id": nasty, "en": nasty},
                      "explain": {"id": nasty, "en": nasty}}],
         "verdicts": [{"min_flags": 0, "title": {"id": nasty, "en": nasty},
                       "advice": {"id": nasty, "en": nasty}}]},
    ]}
    one = Quiz.model_validate(data)
    html = quiz.render_quiz(project, one, "id", []) + quiz.render_key(project, one, "id", [])
    assert "<script" not in html and "<b " not in html and "onclick=\"" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b"
    assert html.count(escaped) == 18  # 8 texts in the form, 2 again in its answers, 8 in the key


@pytest.mark.parametrize("lang", LANGS)
def test_facts_are_rendered_and_listed(project, lang):
    used: list[str] = []
    html = quiz.render_quiz(project, fixture_quiz(), lang, used)
    assert used == ["uji.aturan", "uji.hotline"]
    assert f'href="tel:{fixture_value("uji.hotline").replace("-", "")}"' in html
    assert html.count('class="bekal-unverified"') == 3
    assert "{{fact:" not in html


def test_checklist_verdict_ranges(project):
    data = fixture_data()
    checklist = next(q for q in data["questions"] if q["type"] == "checklist")
    checklist["verdicts"][2]["min_flags"] = 3
    one = Quiz.model_validate({"questions": [checklist]})
    html = quiz.render_key(project, one, "id", [])
    ranges = re.findall(r'class="bekal-key__range">([^<]*)<', html)
    assert ranges == ["Tanda bahaya: 0", "Tanda bahaya: 1 sampai 2", "Tanda bahaya: 3 atau lebih"]


def test_quiz_goes_to_the_marker_or_the_end():
    assert quiz.place("<p>a</p>\n<p><!-- bekal:quiz --></p>\n<p>b</p>", "<Q>") == (
        "<p>a</p>\n<Q>\n<p>b</p>")
    assert quiz.place("<p>a</p>\n<!--bekal:quiz-->\n", "<Q>") == "<p>a</p>\n<Q>\n"
    assert quiz.place("<p>a</p>", "<Q>") == "<p>a</p><Q>"


def test_lesson_gets_quiz_trainer_page_gets_key(project, tmp_path):
    root = make_project(tmp_path, {"uji-kuis": "penipuan"})
    loaded = load_project(root)
    lesson, has_quiz = quiz.for_page(loaded, PageRef("modul/uji-kuis/index.md", "en"), "<p/>", [])
    assert has_quiz and 'class="bekal-quiz"' in lesson and "Answer key" not in lesson
    trainer, has_quiz = quiz.for_page(loaded, PageRef("modul/uji-kuis/pelatih.md", "id"), "", [])
    assert not has_quiz and '<h2 id="kunci-jawaban">Kunci jawaban</h2>' in trainer
    assert "<form" not in trainer and "<details" not in trainer
    for other in ("index.md", "bantuan.md", "modul/uji-kuis/handout.md"):
        assert quiz.for_page(loaded, PageRef(other, "id"), "<p/>", []) == ("<p/>", False)


def test_assets_are_small_hashed_and_carry_their_language_s_words(project):
    made = {o.path: o for o in quiz.asset_outputs(project)}
    published = set()
    for lang in project.config.codes:
        urls = quiz.asset_urls(project, lang)
        assert re.fullmatch(rf"assets/bekal-quiz-{lang}\.[0-9a-f]{{10}}\.js", urls["js"])
        assert re.fullmatch(r"assets/bekal-quiz\.[0-9a-f]{10}\.css", urls["css"])
        published |= set(urls.values())
        script = made[urls["js"]].content.decode("utf-8")
        # the words the script shows are in it, in its language only, not in the lessons
        assert project.t(lang, "quiz_result_partial") in script
        assert "/*BEKAL_STRINGS*/" not in script
        others = [code for code in project.config.codes if code != lang]
        assert all(project.t(code, "quiz_result_partial") not in script for code in others)
        size = sum(len(gzip.compress(made[url].content, 9)) for url in urls.values())
        assert size <= 6 * 1024, f"quiz JS+CSS is {size} bytes gzip; the budget is 6 KB"
    assert set(made) == published
    assert {o.kind for o in made.values()} == {"script", "stylesheet"}


# -- the real site -------------------------------------------------------------------

def test_every_module_has_its_quiz_and_key_in_every_language(real_site):
    real = load_project(ROOT)
    modules = [m for m in real.modules.values() if m.quiz]
    assert modules
    for entry in modules:
        count = len(entry.quiz.model.questions)
        for lang in real.config.codes:
            js = quiz.asset_urls(real, lang)["js"]
            folder = real_site / real.config.prefix(lang) / "modul" / entry.slug
            lesson = (folder / "index.html").read_text("utf-8")
            assert lesson.count('<fieldset class="bekal-q"') == count, (entry.slug, lang)
            assert js not in lesson  # the phone script loads it as the reader nears the quiz
            scripts = re.findall(r'<script src="([^"]+)"', lesson)  # the phone script, joined
            assert any(js in (folder / src).read_text("utf-8") for src in scripts), \
                (entry.slug, lang)
            key = (folder / "pelatih" / "index.html").read_text("utf-8")
            assert key.count('<h3 id="kunci-jawaban-') == count, (entry.slug, lang)
            assert js not in key
    assert js not in (real_site / "index.html").read_text("utf-8")
    assert (real_site / js).is_file()


def test_the_site_stylesheet_keeps_the_rules_of_the_quiz_scripts_markup(real_site):
    """No page links the quiz's script (the phone script loads it), yet the CSS purge reads
    every script of assets/: the feedback it makes keeps its styles."""
    (sheet,) = real_site.glob("assets/bekal-site.*.css")
    css = sheet.read_text("utf-8")
    for rule in (".bekal-q__feedback", ".bekal-q__result", ".bekal-quiz--js"):
        assert rule in css, rule
