"""Every check: a fixture with the broken input gives the exact code, path and line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bekal.checks import run_checks
from bekal.project import load_project
from conftest import fixture_value, make_project

MOD = "modules/uji-coba"
# test facts of the fixture project, read from its registry (tests/fixtures/project)
PHONE = fixture_value("uji.hotline")
WHATSAPP = fixture_value("hotline.kp2mi.whatsapp")
WEBSITE = fixture_value("uji.website")
LESSON_ID = "content/id/modul/uji-coba/index.md"
LESSON_EN = "content/en/modul/uji-coba/index.md"


@pytest.fixture()
def project(tmp_path) -> Path:
    """A valid fixture project with one module, 'uji-coba' (made by `bekal new`)."""
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    issues = run_checks(load_project(root))
    assert not issues.errors, [i.format() for i in issues.errors]
    return root


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def errors(root: Path, publish: bool = False) -> list[tuple[str, int, str]]:
    issues = run_checks(load_project(root), publish=publish)
    return [(i.path, i.line, i.code) for i in issues.errors]


# (id, mutation, expected code, path, line-finder); the line finder runs after the mutation
CASES = [
    ("yaml-syntax", lambda r: replace(r, f"{MOD}/module.yml", "minutes: 45", "minutes: [45"),
     "yaml-syntax", f"{MOD}/module.yml", None),
    ("unknown-field", lambda r: append(r, f"{MOD}/module.yml", "colour: red\n"),
     "schema-unknown-field", f"{MOD}/module.yml", "colour: red"),
    ("missing-field", lambda r: replace(r, f"{MOD}/module.yml", "minutes: 45\n", ""),
     "schema-missing-field", f"{MOD}/module.yml", None),
    ("mistyped-field", lambda r: replace(r, f"{MOD}/module.yml", "minutes: 45", "minutes: lots"),
     "schema-type", f"{MOD}/module.yml", "minutes: lots"),
    ("missing-translation", lambda r: replace(r, f"{MOD}/module.yml",
                                              "  en: '[en] One line", "  xx: '[en] One line"),
     "missing-translation", f"{MOD}/module.yml", "summary:"),
    ("missing-prose", lambda r: (r / LESSON_EN).unlink(),
     "missing-prose", LESSON_EN, 0),
    ("orphan-prose", lambda r: (r / "content/id/modul/yatim").mkdir()
     or (r / "content/id/modul/yatim/index.md").write_text("## Hai {#hai}\n"),
     "orphan-prose", "content/id/modul/yatim/index.md", 0),
    ("unknown-track", lambda r: replace(r, f"{MOD}/module.yml", "track: persiapan",
                                        "track: antariksa"),
     "unknown-track", f"{MOD}/module.yml", "track: antariksa"),
    ("quiz-single-correct", lambda r: replace(r, f"{MOD}/quiz.yml", "correct: true",
                                              "correct: false"),
     "quiz-single-correct", f"{MOD}/quiz.yml", "- id: q1"),
    ("quiz-no-correct", lambda r: replace(r, f"{MOD}/quiz.yml", "type: single\n  ",
                                          "type: multiple\n  ")
     or replace(r, f"{MOD}/quiz.yml", "correct: true", "correct: false"),
     "quiz-no-correct", f"{MOD}/quiz.yml", "- id: q1"),
    ("quiz-duplicate-option", lambda r: replace(r, f"{MOD}/quiz.yml", "- id: b", "- id: a"),
     "quiz-duplicate-id", f"{MOD}/quiz.yml", None),
    ("heading-id-mismatch", lambda r: replace(r, LESSON_EN, "{#pelajaran}", ""),
     "heading-id-mismatch", LESSON_EN, 1),
    ("unknown-fact", lambda r: append(r, LESSON_ID, "\nTelepon {{fact:hotline.tidak_ada}}.\n"),
     "unknown-fact", LESSON_ID, "hotline.tidak_ada"),
    ("bad-phone-fact", lambda r: replace(r, "modules/facts.yml", f'value: "{PHONE}"',
                                         'value: "call us"'),
     "fact-bad-phone", "modules/facts.yml", 'value: "call us"'),
    ("bad-whatsapp-fact", lambda r: replace(r, "modules/facts.yml", f'value: "{WHATSAPP}"',
                                            f'value: "{WHATSAPP.lstrip("+")}"'),
     "fact-bad-whatsapp", "modules/facts.yml", f'value: "{WHATSAPP.lstrip("+")}"'),
    ("bad-url-fact", lambda r: replace(r, "modules/facts.yml", f"value: {WEBSITE}",
                                       "value: uji dot example dot org"),
     "fact-bad-url", "modules/facts.yml", "uji dot example dot org"),
    ("image-no-alt", lambda r: append(r, LESSON_ID, "\n![](foto.png)\n"),
     "image-no-alt", LESSON_ID, "![](foto.png)"),
    ("broken-link",
     lambda r: append(r, LESSON_ID, "\nLihat [modul lain](../tidak-ada/index.md).\n"),
     "broken-link", LESSON_ID, "modul lain"),
    ("broken-anchor", lambda r: append(r, LESSON_ID, "\nLihat [bantuan](../../bantuan.md#mars).\n"),
     "broken-anchor", LESSON_ID, "bantuan.md#mars"),
    ("raw-script", lambda r: append(r, LESSON_ID, "\n<script>alert(1)</script>\n"),
     "unsafe-html", LESSON_ID, "<script>"),
    ("raw-iframe", lambda r: append(r, LESSON_ID, '\n<iframe src="x"></iframe>\n'),
     "unsafe-html", LESSON_ID, "<iframe"),
    ("raw-object", lambda r: append(r, LESSON_ID, '\n<object data="x"></object>\n'),
     "unsafe-html", LESSON_ID, "<object"),
    ("raw-onclick", lambda r: append(r, LESSON_ID, '\n<span onclick="x()">hai</span>\n'),
     "unsafe-html", LESSON_ID, "onclick"),
    ("typed-phone", lambda r: append(r, LESSON_ID, "\nHubungi 0812-3456-7890 sekarang.\n"),
     "typed-number", LESSON_ID, "0812-3456-7890"),
    ("typed-address", lambda r: append(r, LESSON_ID, "\nBuka siskop2mi.bp2mi.go.id dulu.\n"),
     "typed-address", LESSON_ID, "siskop2mi"),
    ("typed-law", lambda r: append(r, LESSON_ID, "\nMenurut Pasal 13 Anda wajib punya paspor.\n"),
     "typed-law", LESSON_ID, "Pasal 13"),
    ("duplicate-code", lambda r: (new_module(r, "kedua", "hak"),
                                  replace(r, "modules/kedua/module.yml", "code: h1", "code: p1")),
     "duplicate-code", "modules/uji-coba/module.yml", "code: p1"),
    ("duplicate-order", lambda r: (new_module(r, "kedua", "persiapan"),
                                   replace(r, "modules/kedua/module.yml", "order: 2", "order: 1")),
     "duplicate-order", "modules/uji-coba/module.yml", "order: 1"),
    ("encoding", lambda r: (r / LESSON_ID).write_bytes(b"## Hai {#pelajaran}\n\n\xff\xfe salah\n"),
     "encoding", LESSON_ID, 3),
    ("minutes-mismatch", lambda r: replace(r, f"{MOD}/module.yml", "minutes: 45", "minutes: 50"),
     "minutes-mismatch", f"{MOD}/module.yml", "activities:"),
]


def new_module(root, slug, track):
    from bekal.scaffold import new_module as scaffold
    scaffold(root, slug, track)


@pytest.mark.parametrize(("mutate", "code", "path", "line"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_reports_code_path_and_line(project, mutate, code, path, line):
    mutate(project)
    found = errors(project)
    if isinstance(line, str):
        line = line_of(project, path, line)
    matching = [f for f in found if f[2] == code and f[0] == path]
    assert matching, f"no [{code}] in {path}; got {found}"
    if line is not None:
        assert any(f[1] == line for f in matching), f"[{code}] not on line {line}: {matching}"


def test_conflicting_fact_is_a_warning_and_an_error_to_publish(project):
    # the publish rules per trust level are tested in test_facts_desk.py
    facts_file = project / "modules/facts.yml"
    text = facts_file.read_text("utf-8")
    start = text.index("uji.lokasi:")
    end = text.index("  confidence:", start)
    facts_file.write_text(text[:end] + "    - date: 2026-11\n      against: secondary\n"
                          "      source: https://example.org/lain\n      method: stored-copy\n"
                          "      value: Desa Lain saja\n" + text[end:], "utf-8")
    append(project, LESSON_ID, "\nKantor: {{fact:uji.lokasi}}\n")
    issues = run_checks(load_project(project))
    assert not issues.errors
    assert any(w.code == "fact-conflict" and w.path == LESSON_ID for w in issues.warnings)
    line = line_of(project, LESSON_ID, "uji.lokasi")
    assert (LESSON_ID, line, "fact-conflict") in errors(project, publish=True)


def test_all_problems_reported_at_once(project):
    append(project, LESSON_ID, "\nHubungi 0812-3456-7890.\n\n![](x.png)\n")
    append(project, f"{MOD}/module.yml", "colour: red\n")
    codes = {f[2] for f in errors(project)}
    assert {"typed-number", "image-no-alt", "schema-unknown-field"} <= codes


def test_cli_prints_issue_lines_and_fails_without_traceback(project):
    append(project, LESSON_ID, "\nHubungi 0812-3456-7890.\n")
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = line_of(project, LESSON_ID, "0812")
    assert re.search(rf"{re.escape(LESSON_ID)}:{line}: \[typed-number\] .* — hint: ",
                     result.stdout)
    assert "1 error(s)" in result.stdout


def test_scaffolded_module_appears_in_the_built_site(project, tmp_path):
    from conftest import run_build

    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "en/"):
        assert (tmp_path / "site" / prefix / "modul/uji-coba/index.html").exists()
        track = (tmp_path / "site" / prefix / "jalur/persiapan/index.html").read_text("utf-8")
        assert "modul/uji-coba/" in track
