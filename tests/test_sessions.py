"""The session kit: before/after tests, key, tally, attendance, feedback, certificate, counting.

Built from fixture projects of their own (quizzes written here), except the last tests,
which look at the real site a trainer gets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
import yaml

from bekal.model.project import load_project
from bekal.render.handouts import HandoutError
from bekal.render.trainer.sessions import build_language, module_paper, track_paper
from bekal.render.trainer.sessions.links import guide_section
from conftest import ROOT, make_project

A4 = {(595, 842), (842, 595)}


def _text(localized: str) -> dict[str, str]:
    return {"id": f"{localized} (id)", "en": f"{localized} (en)"}


def _option(oid: str, text: str, correct: bool = False) -> dict:
    return {"id": oid, "text": _text(text), "explain": _text("Because."), "correct": correct}


def _quiz(prefix: str, extra: int = 0, long: str = "") -> dict:
    questions = [
        {"id": "q1", "type": "single", "prompt": _text(f"{prefix} single{long}"),
         "options": [_option("a", f"{prefix} right", True), _option("b", f"{prefix} wrong"),
                     _option("c", f"{prefix} also wrong")]},
        {"id": "q2", "type": "truefalse", "prompt": _text(f"{prefix} statement{long}"),
         "answer": False, "explain": _text("Because.")},
        {"id": "q3", "type": "multiple", "prompt": _text(f"{prefix} multiple{long}"),
         "options": [_option("a", f"{prefix} yes one", True), _option("b", f"{prefix} no"),
                     _option("c", f"{prefix} yes two", True)]},
        {"id": "q4", "type": "checklist", "prompt": _text(f"{prefix} checklist"),
         "options": [{"id": "x", "red_flag": True, "text": _text("flag"),
                      "explain": _text("Because.")}],
         "verdicts": [{"min_flags": 0, "title": _text("ok"), "advice": _text("fine")}]},
    ]
    for n in range(extra):
        questions.append({"id": f"e{n}", "type": "truefalse",
                          "prompt": _text(f"{prefix} extra {n}{long}"), "answer": True,
                          "explain": _text("Because.")})
    return {"questions": questions}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("sessions"),
                        {"modul-satu": "persiapan", "modul-dua": "persiapan"})
    for slug, prefix, extra in (("modul-satu", "One", 2), ("modul-dua", "Two", 0)):
        path = root / "modules" / slug / "quiz.yml"
        path.write_text(yaml.safe_dump(_quiz(prefix, extra), sort_keys=False), "utf-8")
    return root


@pytest.fixture(scope="module")
def sheets(project, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    loaded = load_project(project)
    return {lang: build_language(loaded, lang, "Bekal", progress=lambda _: None,
                                 cache_dir=cache) for lang in ("id", "en")}


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def test_a_test_holds_only_questions_with_a_right_answer(project):
    loaded = load_project(project)
    paper = module_paper(loaded.modules["modul-satu"])
    assert [item.question.id for item in paper.items] == ["q1", "q2", "q3", "e0", "e1"]


def test_a_track_test_takes_questions_from_every_module_in_turn(project):
    loaded = load_project(project)
    paper = track_paper(loaded, "persiapan")
    assert [(i.slug, i.question.id) for i in paper.items] == [
        ("modul-satu", "q1"), ("modul-dua", "q1"), ("modul-satu", "q2"), ("modul-dua", "q2"),
        ("modul-satu", "q3"), ("modul-dua", "q3"), ("modul-satu", "e0"), ("modul-satu", "e1")]


def test_the_after_test_reverses_the_options_and_the_key_follows(project):
    item = module_paper(load_project(project).modules["modul-satu"]).items[2]  # multiple
    assert (item.answer(False), item.answer(True)) == ("A, C", "A, C")
    single = module_paper(load_project(project).modules["modul-satu"]).items[0]
    assert (single.answer(False), single.answer(True)) == ("A", "C")
    statement = module_paper(load_project(project).modules["modul-satu"]).items[1]
    assert (statement.answer(False), statement.answer(True)) == ("B", "A")  # false


def test_every_sheet_is_one_a4_page(sheets):
    for lang, result in sheets.items():
        assert sorted(result.kits) == ["module:modul-dua", "module:modul-satu",
                                       "track:persiapan"]
        assert {"attendance", "feedback", "feedback_tally", "tally-5"} <= set(result.common)
        for pdf in result.all_pdfs():
            reader = pypdf.PdfReader(pdf.file)
            assert len(reader.pages) == 1, (lang, pdf.site_path)
            box = reader.pages[0].mediabox
            assert (round(box.width), round(box.height)) in A4, (lang, pdf.site_path)


def test_before_and_after_tests_ask_the_same_questions_in_the_page_language(sheets):
    kit = sheets["en"].kit("module", "modul-satu")
    before, after = pdf_text(kit.pdfs["pre"].file), pdf_text(kit.pdfs["post"].file)
    for prompt in ("One single (en)", "One statement (en)", "One multiple (en)",
                   "One extra 1 (en)"):
        assert prompt in before and prompt in after
    assert "checklist" not in before
    assert "(id)" not in before
    assert before.index("One right (en)") < before.index("One also wrong (en)")
    assert after.index("One also wrong (en)") < after.index("One right (en)")
    assert "Participant number" in before


def test_the_key_gives_both_orders_and_the_certificate_names_the_module(sheets):
    kit = sheets["id"].kit("module", "modul-satu")
    key = re.sub(r"\s+", " ", pdf_text(kit.pdfs["key"].file))
    assert "Tes awal" in key and "Tes akhir" in key
    assert re.search(r"One single \(id\).*A C", key)
    certificate = pdf_text(kit.pdfs["certificate"].file)
    assert "Sertifikat Keikutsertaan" in certificate
    assert "45 menit" in certificate  # and the publisher, when one is configured


def test_the_tally_sheet_has_a_column_per_question_and_rows_by_number(sheets):
    kit = sheets["en"].kit("module", "modul-satu")
    tally = next(p for p in sheets["en"].common.values() if p.site_path == kit.tally)
    text = pdf_text(tally.file)
    assert kit.tally.endswith("rekap-tes-5.pdf")
    assert "Do not write names" in text and "Change" in text
    assert "Before test" in text and "After test" in text


def test_attendance_and_feedback_sheets(sheets):
    common = sheets["id"].common
    attendance = pdf_text(common["attendance"].file)
    for column in ("Nama", "Jenis kelamin", "Umur", "Desa", "Tanda tangan atau cap jempol"):
        assert column in attendance
    feedback = pdf_text(common["feedback"].file)
    assert feedback.count("Pendapat Anda") == 4  # four forms to cut
    assert "Setuju" in feedback and "Tidak setuju" in feedback


def test_a_second_build_lays_out_nothing(project, tmp_path):
    loaded = load_project(project)
    said: list[str] = []
    build_language(loaded, "id", "Bekal", progress=said.append, cache_dir=tmp_path)
    build_language(loaded, "id", "Bekal", progress=said.append, cache_dir=tmp_path)
    assert "0 laid out" in said[-1]


def test_a_test_too_long_for_a_page_loses_questions_until_it_fits(tmp_path):
    root = make_project(tmp_path / "long", {"modul-panjang": "persiapan"})
    long = " with a very long explanation that goes on" * 6
    (root / "modules" / "modul-panjang" / "quiz.yml").write_text(
        yaml.safe_dump(_quiz("Long", extra=6, long=long), sort_keys=False), "utf-8")
    loaded = load_project(root)
    assert len(module_paper(loaded.modules["modul-panjang"]).items) == 8
    result = build_language(loaded, "en", "Bekal", progress=lambda _: None,
                            cache_dir=tmp_path / "cache")
    kit = result.kit("module", "modul-panjang")
    assert 4 <= kit.questions < 8
    assert len(pypdf.PdfReader(kit.pdfs["pre"].file).pages) == 1


def test_tests_that_cannot_fit_are_not_laid_out_and_the_same_test_is_chosen(tmp_path,
                                                                           monkeypatch):
    from bekal.render.trainer.sessions import build as sessions_build

    root = make_project(tmp_path / "long", {"modul-panjang": "persiapan"})
    wrong = " that goes on and on about something else entirely" * 2
    quiz = {"questions": [  # long wrong choices: the tests run over, the key stays short
        {"id": f"q{n}", "type": "single", "prompt": _text(f"Question {n}?"),
         "options": [_option("a", f"Right {n}", True),
                     *(_option(o, f"Wrong {o}{wrong}") for o in "bcd")]}
        for n in range(8)]}
    (root / "modules" / "modul-panjang" / "quiz.yml").write_text(
        yaml.safe_dump(quiz, sort_keys=False), "utf-8")
    loaded = load_project(root)
    laid_out = []
    real_layout = sessions_build.layout
    monkeypatch.setattr(sessions_build, "layout",
                        lambda html: (laid_out.append(html), real_layout(html))[1])
    monkeypatch.setattr(sessions_build, "MAX_WORKERS", 1)  # count in this process

    def chosen(cache: str) -> tuple[int, int, str]:
        laid_out.clear()
        kit = build_language(loaded, "en", "Bekal", progress=lambda _: None,
                             cache_dir=tmp_path / cache).kit("module", "modul-panjang")
        text = pypdf.PdfReader(kit.pdfs["pre"].file).pages[0].extract_text()
        return kit.questions, len(laid_out), text

    questions, layouts, text = chosen("skipping")
    monkeypatch.setattr(sessions_build._Job, "plan", property(lambda job: None))
    in_turn, every_layout, text_in_turn = chosen("in-turn")
    assert (questions, text) == (in_turn, text_in_turn)  # the same test, question for question
    assert questions <= 5 and layouts < every_layout


def test_a_sheet_that_can_never_fit_is_an_error_naming_the_quiz(tmp_path):
    root = make_project(tmp_path / "huge", {"modul-besar": "persiapan"})
    (root / "modules" / "modul-besar" / "quiz.yml").write_text(
        yaml.safe_dump(_quiz("Huge", extra=2, long=" word" * 900), sort_keys=False), "utf-8")
    with pytest.raises(HandoutError) as err:
        build_language(load_project(root), "en", "Bekal", progress=lambda _: None,
                       cache_dir=tmp_path / "cache")
    assert err.value.issue.code == "session-sheet-too-long"
    assert err.value.issue.path == "modules/modul-besar/quiz.yml"


def test_the_guide_lists_what_to_print_with_page_counts(project, sheets):
    loaded = load_project(project)
    section = guide_section(loaded, sheets["en"], "modul-satu", "en",
                            "en/modul/modul-satu/pelatih/", handout_pages=1)
    assert "What to print for a session" in section
    assert "Handout: 1 page, one for each participant" in section
    assert "Opinion forms: 1 page with four forms" in section
    assert 'href="tes-awal.pdf"' in section
    assert 'href="../../../pelatih/hitung/#module-modul-satu"' in section


# -- the real site --------------------------------------------------------------------------

def test_every_guide_and_the_hub_link_the_kit_and_the_files_exist(real_site):
    project = load_project(ROOT)
    for lang in project.config.codes:
        prefix = project.config.prefix(lang)
        hub = (real_site / prefix / "pelatih/index.html").read_text("utf-8")
        for track in project.tracks:
            if project.modules_of(track):
                assert f"jalur/{track}/pelatih/tes-awal.pdf" in hub
        assert (real_site / prefix / "pelatih/hitung/index.html").is_file()
        for slug, entry in project.modules.items():
            if not entry.quiz:
                continue
            guide_dir = real_site / prefix / "modul" / slug / "pelatih"
            guide = (guide_dir / "index.html").read_text("utf-8")
            for target in re.findall(r'href="([^"]+\.pdf)"', guide):
                assert (guide_dir / target).resolve().is_file(), (lang, slug, target)
            assert 'id="yang-dicetak"' in guide


@pytest.mark.browser
def test_the_counting_page_sums_a_small_group(page, site_url):
    page.goto(site_url + "en/pelatih/hitung/#module-dokumen")
    assert page.locator("#count-test").input_value() == "module-dokumen"
    page.fill("#count-people", "3")
    page.dispatch_event("#count-people", "change")
    ticks = {"before": [(1, 1), (2, 1), (1, 2)], "after": [(1, 1), (2, 1), (3, 1), (1, 2),
                                                           (2, 2), (3, 2)]}
    for when, cells in ticks.items():
        for person, question in cells:
            page.check(f"#c-{when}-{person}-{question}")
    rows = page.locator("#count-summary tbody tr")
    assert rows.nth(0).inner_text().split("\t")[1:] == ["2 (67%)", "3 (100%)", "+1"]
    assert rows.nth(1).inner_text().split("\t")[1:] == ["1 (33%)", "3 (100%)", "+2"]
    assert "Participants entered: 3" in page.inner_text("#count-people-done")
    page.click("#count-clear")
    assert page.locator("#count-grids input:checked").count() == 0
