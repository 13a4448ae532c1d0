"""The phone features' data and files, without a browser: the shared checklist, the
checks of modules/contacts.yml, page-codes.yml and recordings, and the vCard format."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bekal.checks import run_checks
from bekal.model.project import load_project
from bekal.render.phone import audio, vcard
from bekal.render.phone.calls import Number
from bekal.render.phone.checker import verdict_css
from conftest import FIXTURE, ROOT, make_project, with_data

PROJECT = load_project(ROOT)
LESSON = "content/id/modul/uji-coba/index.md"


def codes(root: Path) -> list[tuple[str, str]]:
    return sorted((i.path, i.code) for i in run_checks(load_project(root)).errors)


@pytest.fixture()
def project(tmp_path) -> Path:
    root = with_data(make_project(tmp_path / "p", {"uji-coba": "persiapan"}))
    assert codes(root) == []
    return root


def test_the_quiz_checklist_is_the_checker_data():
    """One file, two uses: the cek-dulu question shows exactly the checker's signs."""
    question = next(q for q in PROJECT.modules["cek-dulu"].quiz.model.questions
                    if q.type == "checklist")
    checker = PROJECT.checkers["cek-tawaran"].model
    assert question.data == "cek-tawaran"
    assert question.options == checker.signs
    assert question.verdicts == checker.verdicts
    assert sum(bool(s.red_flag) for s in checker.signs) >= max(v.min_flags
                                                               for v in checker.verdicts)


def test_a_question_naming_missing_data_is_an_error(project):
    quiz = project / "modules" / "uji-coba" / "quiz.yml"
    text = quiz.read_text("utf-8")
    quiz.write_text(text.replace("questions:\n", "questions:\n- id: cek\n  type: checklist"
                                 "\n  data: tidak-ada\n  prompt: {id: 'Aman?', en: 'Safe?'}\n",
                                 1), "utf-8")
    assert ("modules/uji-coba/quiz.yml", "quiz-data") in codes(project)


@pytest.mark.parametrize(("key", "code"), [("tidak.ada", "unknown-fact"),
                                           ("uji.aturan", "contacts-kind")])  # a law fact
def test_a_contact_that_is_not_a_number_is_an_error(project, key, code):
    path = project / "modules" / "contacts.yml"
    first = yaml.safe_load((FIXTURE / "modules/contacts.yml").read_text("utf-8"))[0]
    number = first["numbers"][0]["fact"]
    path.write_text(path.read_text("utf-8").replace(f"fact: {number}", f"fact: {key}", 1),
                    "utf-8")
    assert codes(project) == [("modules/contacts.yml", code)]


def test_page_codes_must_be_new_and_name_a_page(project):
    path = project / "modules" / "page-codes.yml"
    path.write_text(path.read_text("utf-8") + "- code: p1\n  page: bantuan/\n"
                    "- code: tidak\n  page: tidak-ada/\n", "utf-8")
    assert codes(project) == [("modules/page-codes.yml", "duplicate-code"),
                              ("modules/page-codes.yml", "shortlink-page-missing")]


def test_checker_signs_and_verdicts_are_checked(project):
    path = project / "modules" / "cek-tawaran.yml"
    path.write_text(path.read_text("utf-8").replace("  - min_flags: 0\n", "  - min_flags: 9\n"),
                    "utf-8")
    assert ("modules/cek-tawaran.yml", "checker-verdicts") in codes(project)


@pytest.mark.parametrize(("name", "size", "code"), [
    ("pelajaran.wav", 10, "audio-format"),
    ("tidak-ada.opus", 10, "audio-no-section"),
    ("pelajaran.opus", audio.MAX_BYTES + 1, "audio-too-large"),
])
def test_recordings_are_checked(project, name, size, code):
    folder = project / "content" / "id" / "modul" / "uji-coba" / "audio"
    folder.mkdir()
    (folder / name).write_bytes(b"\0" * size)
    assert codes(project) == [(f"content/id/modul/uji-coba/audio/{name}", code)]


def test_a_good_recording_passes_and_gets_a_player(project):
    folder = project / "content" / "id" / "modul" / "uji-coba" / "audio"
    folder.mkdir()
    (folder / "pelajaran.mp3").write_bytes(b"\0" * 3000)
    assert codes(project) == []
    loaded = load_project(project)
    markdown = (project / LESSON).read_text("utf-8")
    out = audio.with_players(loaded, markdown, "uji-coba", "id")
    assert 'preload="none" src="audio/pelajaran.mp3"' in out
    assert "(3 KB)" in out
    assert out.index("{#pelajaran}") < out.index("bekal-audio")


def test_vcards_escape_and_fold_long_lines():
    n = Number("x.y", "whatsapp", "+62 800-0000-0456", "https://wa.me/6280000000456",
               "Layanan; dengan, tanda baca dan nama yang sangat panjang sekali untuk satu baris",
               "", "belum dicek ke sumber resmi")
    text = vcard.card(PROJECT, n, "Di Indonesia", "id")
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "TEL;TYPE=CELL:+6280000000456\r\n" in unfolded
    assert "FN:Layanan\\; dengan\\, tanda baca" in unfolded
    assert unfolded.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_verdict_css_picks_the_highest_threshold_reached():
    checker = PROJECT.checkers["cek-tawaran"].model
    css = verdict_css(checker)
    top = max(v.min_flags for v in checker.verdicts)
    assert css.startswith("@supports selector(:has(*))")
    assert " ~ ".join([".ck-flag:checked"] * top) in css


@pytest.mark.parametrize("name", ["phone.js", "phone-offline.js", "phone-listen.js"])
def test_every_string_a_script_uses_is_baked_into_it(name):
    import re

    from bekal.render.phone.assets import PARTS, SCRIPT_STRINGS

    baked = {"phone.js": SCRIPT_STRINGS, **dict(PARTS.values())}[name]
    source = (ROOT / "scripts/bekal/render/phone/assets" / name).read_text("utf-8")
    used = set(re.findall(r"\bt\.([a-z_]+)", source))
    assert used <= set(baked) | {"manifest"}, used - set(baked)
    for lang in PROJECT.config.codes:
        for key in baked:
            assert PROJECT.t(lang, key)


def test_the_parts_are_published_and_the_script_knows_their_names():
    from bekal.render.phone import asset_outputs, asset_urls

    outputs = {o.path: o for o in asset_outputs(PROJECT)}
    for lang in PROJECT.config.codes:
        urls = asset_urls(PROJECT, lang)
        main = outputs[urls["js"]].content.decode("utf-8")
        for name in ("offline", "listen"):
            path = urls[f"js-{name}"]
            assert outputs[path].kind == "script"
            assert f'"{name}": "{path}"' in main  # phone.js loads it by this name
        # the quiz's script in this language, published by the quiz
        from bekal.render import quiz
        assert f'"quiz": "{quiz.asset_urls(PROJECT, lang)["js"]}"' in main
        # only this language's words: the other's are not downloaded with it
        assert PROJECT.t(lang, "done_mark") in main
        others = [code for code in PROJECT.config.codes if code != lang]
        assert all(PROJECT.t(code, "done_mark") not in main for code in others)
    listen = outputs[urls["js-listen"]].content.decode("utf-8")
    assert PROJECT.t("en", "listen_resume") in listen and "/*BEKAL_STRINGS*/" not in listen


def test_the_app_icons_are_drawn_once_and_kept(tmp_path):
    from bekal.render.phone.offline import shared_outputs

    drawn = {o.path: o.data() for o in shared_outputs() if o.path.endswith(".png")}
    kept = {o.path: o for o in shared_outputs(tmp_path) if o.path.endswith(".png")}
    assert {p: o.data() for p, o in kept.items()} == drawn  # the same icons
    assert all(o.source is not None and o.source.parent == tmp_path for o in kept.values())
    for output in kept.values():  # a kept icon is used as it is, not drawn again
        output.source.write_bytes(b"kept")
    assert {o.data() for o in shared_outputs(tmp_path) if o.path.endswith(".png")} == {b"kept"}
