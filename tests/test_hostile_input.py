"""Hostile or careless content (issue 14, classes 4–9; issue 13 §4): each case is refused
with its code, path and line, finishes in bounded time, and never shows a traceback."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bekal.checks import run_checks
from bekal.model.issues import Severity
from bekal.model.project import load_project
from bekal.pipeline.build import MARKER, SiteDirError, check_site_dir
from conftest import make_project

MOD = "modules/uji-coba"
LESSON_ID = "content/id/modul/uji-coba/index.md"
LESSON_EN = "content/en/modul/uji-coba/index.md"
HANDOUT_ID = "content/id/modul/uji-coba/handout.md"
TRAINER_ID = "content/id/modul/uji-coba/pelatih.md"
# generous: the checks take well under a second; this only catches a hang
TIMEOUT = 120


@pytest.fixture()
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p", {"uji-coba": "persiapan"})


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, "utf-8")


def append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def found(root: Path, severity: Severity = Severity.ERROR) -> list[tuple[str, int, str]]:
    issues = run_checks(load_project(root))
    chosen = issues.errors if severity is Severity.ERROR else issues.warnings
    return [(i.path, i.line, i.code) for i in chosen]


def cli(root: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """``bekal`` in a subprocess; a hang fails the test through the timeout, not a clock."""
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(root), *args],
                            capture_output=True, text=True, timeout=timeout, cwd=root)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def assert_reported(root, code, path, line, severity=Severity.ERROR):
    got = found(root, severity)
    matching = [f for f in got if f[2] == code and f[0] == path]
    assert matching, f"no [{code}] in {path}; got {got}"
    if line is not None:
        assert any(f[1] == line for f in matching), f"[{code}] not on line {line}: {matching}"


# -- 4. bounded work --------------------------------------------------------------------

def billion_laughs(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_refused_quickly(project):
    append(project, f"{MOD}/module.yml", billion_laughs())
    result = cli(project, "check")
    assert result.returncode == 1
    assert f"{MOD}/module.yml:" in result.stdout and "[yaml-aliases]" in result.stdout


def test_deeply_nested_yaml_is_refused(project):
    write(project, f"{MOD}/quiz.yml", "questions: " + "[" * 20000 + "]" * 20000 + "\n")
    result = cli(project, "check")
    assert f"{MOD}/quiz.yml:1: [yaml-too-deep]" in result.stdout
    assert "module-missing-file" not in result.stdout


def test_alias_that_contains_itself_is_refused(project):
    append(project, f"{MOD}/module.yml", "loop: &loop [*loop]\n")
    assert_reported(project, "yaml-aliases", f"{MOD}/module.yml",
                    line_of(project, f"{MOD}/module.yml", "loop:"))


@pytest.mark.parametrize("text", [
    "## Judul" + " " * 700 + "x\n## Lagi" + " " * 700 + "\n",
    "a." * 30000 + "\n",
    "[a](" * 10000 + "\n",
    "1-" * 30000 + "\n",
    "<!--" * 30000 + "\n",
    "{:" * 30000 + "\n",
    "## J" + " " * 1_000_000 + "x\n",          # a 1 MB line
    ("a." * 40 + "\n") * 12_500,              # a 1 MB file
], ids=["heading-spaces", "a-dot", "open-links", "dashes", "comments", "attr-lists",
        "1mb-line", "1mb-file"])
def test_pathological_markdown_finishes(project, text):
    append(project, LESSON_ID, "\n" + text)
    result = cli(project, "check")
    assert result.returncode in (0, 1)
    assert "error(s)" in result.stdout


def test_deeply_nested_brackets_are_an_error_not_a_recursion(project):
    append(project, LESSON_ID, "\n" + "[" * 20000 + "x" + "]" * 20000 + "\n")
    line = len((project / LESSON_ID).read_text("utf-8").splitlines())
    result = cli(project, "check")
    assert f"{LESSON_ID}:{line}: [nesting-too-deep]" in result.stdout


# -- 5. sources cannot be lost ------------------------------------------------------------

@pytest.mark.parametrize("site_dir", [".", "content", "content/id", "modules", ".."])
def test_build_refuses_a_site_dir_holding_sources(project, site_dir):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = cli(project, "build", "--site-dir", site_dir)
    assert result.returncode == 2
    assert "refused" in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_build_refuses_a_folder_with_foreign_files(project, tmp_path):
    other = tmp_path / "papers"
    other.mkdir()
    (other / "notes.txt").write_text("mine", "utf-8")
    result = cli(project, "build", "--site-dir", str(other))
    assert result.returncode == 2 and "did not write" in result.stderr
    assert (other / "notes.txt").read_text("utf-8") == "mine"


def test_site_dir_with_marker_or_empty_is_accepted(tmp_path):
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    check_site_dir(root, root / "site")  # does not exist yet
    (root / "site").mkdir()
    check_site_dir(root, root / "site")  # empty
    (root / "site" / "page.html").write_text("x", "utf-8")
    with pytest.raises(SiteDirError):
        check_site_dir(root, root / "site")
    (root / "site" / MARKER).write_text("built", "utf-8")
    check_site_dir(root, root / "site")


def test_new_refuses_to_overwrite_a_lesson(project):
    from bekal.authoring.scaffold import new_module

    (project / "content/id/modul/baru").mkdir(parents=True)
    (project / "content/id/modul/baru/index.md").write_text("Pelajaran saya.\n", "utf-8")
    with pytest.raises(ValueError, match="already exist"):
        new_module(project, "baru", "persiapan")
    assert (project / "content/id/modul/baru/index.md").read_text("utf-8") == "Pelajaran saya.\n"
    assert not (project / "modules/baru").exists()
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project), "new",
                             "baru", "--track", "persiapan"], capture_output=True, text=True)
    assert result.returncode == 2 and "overwritten" in result.stderr


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_lock_file_is_an_error(project, text):
    write(project, "modules/shortlinks.lock.yml", text)
    assert_reported(project, "shortlink-lock-empty", "modules/shortlinks.lock.yml", 1)


def test_damaged_lock_file_is_an_error(project):
    write(project, "modules/shortlinks.lock.yml", "p1: uji-coba\np2: [\n")
    assert_reported(project, "yaml-syntax", "modules/shortlinks.lock.yml", None)


# -- 6. no traceback -----------------------------------------------------------------------

@pytest.mark.parametrize("rel", [HANDOUT_ID, LESSON_EN, "modules/facts.yml", f"{MOD}/quiz.yml"])
def test_a_folder_where_a_file_belongs(project, rel):
    target = project / rel
    target.unlink()
    target.mkdir()
    (target / "x").write_text("x", "utf-8")
    assert_reported(project, "not-a-file", rel, 0)
    result = cli(project, "check")
    assert result.returncode == 1
    assert cli(project, "status").returncode == 0


def test_undecodable_page_stops_optimize_with_a_message(tmp_path):
    from bekal.pipeline.build import _finish
    from bekal.pipeline.optimize import OptimizeError, optimize_site

    site = tmp_path / "staging"
    site.mkdir()
    (site / "page.html").write_bytes(b"<p>baik</p>\n<p>\xff</p>\n")
    with pytest.raises(OptimizeError, match=r"page\.html:2: byte 0xff"):
        optimize_site(site)
    assert _finish(site, tmp_path) == 1
    assert not (site / MARKER).exists()


@pytest.mark.parametrize(("old", "new", "needle"), [
    ('minutes: "{minutes} menit"', 'minutes: "{trak} menit"', "{trak} menit"),
    ('minutes: "{minutes} menit"', 'minutes: "{minutes menit"', "{minutes menit"),
    ('minutes: "{minutes} menit"', 'minutes: "{0} menit"', "{0} menit"),
])
def test_ui_placeholders_are_checked(project, old, new, needle):
    replace(project, "modules/ui.yml", old, new)
    assert_reported(project, "ui-placeholder", "modules/ui.yml",
                    line_of(project, "modules/ui.yml", needle))


def test_ui_string_the_site_needs_is_missing(project):
    for lang_line in ("  key_points: Poin penting\n", "  key_points: Key points\n"):
        replace(project, "modules/ui.yml", lang_line, "")
    got = [f for f in found(project) if f[2] == "ui-missing-string"]
    assert got and got[0][0] == "modules/ui.yml"
    result = cli(project, "build", "--site-dir", "site")
    assert result.returncode != 0
    assert "ui-missing-string" in result.stdout + result.stderr


@pytest.mark.parametrize("target", ["README.md", "content/en/tidak-ada.md", "content/id/bantuan.md",
                                    "/etc/passwd"])
def test_status_accept_refuses_what_is_not_a_translation(project, target):
    (project / "README.md").write_text("x", "utf-8")
    result = cli(project, "status", "--accept", target)
    assert result.returncode == 2
    assert result.stderr.startswith("bekal status: ")


def test_status_accept_records_a_translation(project):
    result = cli(project, "status", "--accept", "content/en/bantuan.md")
    assert result.returncode == 0
    assert "source_hash:" in (project / "content/en/bantuan.md").read_text("utf-8")


def test_yaml_error_in_quiz_is_reported_once(project):
    replace(project, f"{MOD}/quiz.yml", "type: single", "type: [single")
    codes = [f for f in found(project) if f[0] == f"{MOD}/quiz.yml"]
    assert [c[2] for c in codes] == ["yaml-syntax"], codes


@pytest.mark.parametrize(("text", "needle"), [
    ("bad: !foo bar\n", "!foo"),
    ("? [a, b]\n: 1\n", "? [a, b]"),
    ("bad: !!python/object:os.system x\n", "!!python"),
])
def test_yaml_messages_name_no_parser_internals(project, text, needle):
    append(project, f"{MOD}/module.yml", text)
    line = line_of(project, f"{MOD}/module.yml", needle)
    issues = run_checks(load_project(project))
    mine = [i for i in issues.errors if i.path == f"{MOD}/module.yml" and i.line == line]
    assert mine, [i.format() for i in issues.errors]
    for issue in issues:
        assert "Node(" not in issue.message and "constructor" not in issue.message


def test_merge_keys_are_read_and_their_errors_have_the_right_line(project):
    path = project / MOD / "module.yml"
    text = path.read_text("utf-8").replace("activities:\n", "activities:\n- &first\n"
                                           "  minutes: 30\n  title: {id: Presentasi, "
                                           "en: Presentation}\n", 1)
    text = text.replace("- minutes: 30\n  title:", "- <<: *first\n  minutes: 1\n  title:", 1)
    path.write_text(text, "utf-8")
    issues = run_checks(load_project(project))
    assert not [i for i in issues.errors if "merge" in i.message], issues.errors
    replace(project, f"{MOD}/module.yml", "<<: *first", "<<: 5")
    assert_reported(project, "yaml-syntax", f"{MOD}/module.yml",
                    line_of(project, f"{MOD}/module.yml", "<<: 5"))


def test_bom_is_accepted(project):
    for rel in (LESSON_ID, f"{MOD}/module.yml"):
        path = project / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert found(project) == []


# -- 7. names and ids ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["modul baru", "Modul-Baru", "dokumén-baru", "a..b", "a--b"])
def test_bad_module_folder_names(project, name):
    shutil.copytree(project / MOD, project / "modules" / name)
    assert_reported(project, "bad-slug", f"modules/{name}/module.yml", 0)


@pytest.mark.parametrize("name", ["modul baru", "Modul-Baru", "dokumén-baru", "a..b"])
def test_new_refuses_bad_names(project, name):
    from bekal.authoring.scaffold import new_module

    with pytest.raises(ValueError, match="not a valid module name"):
        new_module(project, name, "persiapan")


@pytest.mark.parametrize("rel", [LESSON_ID, HANDOUT_ID, TRAINER_ID])
@pytest.mark.parametrize("text", ["", " \n\n\t\n"])
def test_empty_pages_are_errors(project, rel, text):
    write(project, rel, text)
    assert_reported(project, "empty-page", rel, 1)


def test_duplicate_heading_ids(project):
    append(project, LESSON_ID, "\n## Dua {#pelajaran}\n")
    assert_reported(project, "duplicate-heading-id", LESSON_ID,
                    line_of(project, LESSON_ID, "## Dua"))


@pytest.mark.parametrize(("rel", "heading"), [
    (LESSON_ID, "## Kuis saya {#kuis}"), (LESSON_ID, "## Poin penting"),
    (LESSON_ID, "## Sumber"), (TRAINER_ID, "## Rencana {#rencana-sesi}"),
    ("content/id/bantuan.md", "## Sumber"),
])
def test_heading_may_not_take_an_id_bekal_uses(project, rel, heading):
    append(project, rel, f"\n{heading}\n\nTeks.\n")
    assert_reported(project, "duplicate-heading-id", rel, line_of(project, rel, heading))


# -- 8. typed facts on normalised text -----------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("Hubungi 08.1234.5678 sekarang.", "typed-number"),
    ("Hubungi 0812/3456/7890 sekarang.", "typed-number"),
    ("Hubungi 0812\u200b3456\u200b7890 sekarang.", "typed-number"),
    ("Hubungi 0812&#45;3456&#45;7890 sekarang.", "typed-number"),
    ("Hubungi \uff10\uff18\uff11\uff12\uff13\uff14 sekarang.", "typed-number"),
    ("Kirim pesan ke wa.me/6281234567890 sekarang.", "typed-address"),
    ("Buka HTTPS://siskop2mi.bp2mi.go.id dulu.", "typed-address"),
    ("Buka //kp2mi.go.id dulu.", "typed-address"),
    ("Buka kp2mi\u3002go\u3002id dulu.", "typed-address"),
    ("Biayanya 15.000.000 rupiah.", "typed-money"),
    ("Lihat Undang-Undang Nomor 18 Tahun 2017.", "typed-law"),
    ('Lihat [situs resmi](../../bantuan.md "telepon 0812 3456 7890").', "typed-number"),
    ("Lihat [situs](HTTPS://kp2mi.go.id).", "typed-address"),
    ("Lihat [situs](//kp2mi.go.id).", "typed-address"),
    ("Lihat [WA](https://wa.me/6281234567890).", "typed-address"),
])
def test_typed_facts_in_a_lesson(project, text, code):
    append(project, LESSON_ID, f"\n{text}\n")
    assert_reported(project, code, LESSON_ID, len((project / LESSON_ID).read_text().splitlines()))


@pytest.mark.parametrize("text", ["Sejak tahun 2017 aturannya berubah.", "Ada 5 langkah.",
                                  "Pada 2020-2024 ada 12 pusat layanan.",
                                  "Usia 18-29 tahun."])
def test_years_and_small_counts_stay_allowed(project, text):
    append(project, LESSON_ID, f"\n{text}\n")
    assert not [f for f in found(project) if f[2].startswith("typed-")]


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("modules/glossary.yml", "Pekerja Migran Indonesia. Warga",
     "Pekerja Migran Indonesia. Hubungi 0812-3456-7890. Warga"),
    ("modules/tracks.yml", "untuk persiapan sebelum", "untuk persiapan (kp2mi.go.id) sebelum"),
    ("modules/ui.yml", "key_points: Poin penting", "key_points: Poin penting 0800 1000"),
    (f"{MOD}/quiz.yml", "A first question?", "Telepon 0812.3456.7890?"),
    (f"{MOD}/module.yml", "One line that says", "Rp\u200b15.000.000 says"),
])
def test_typed_facts_in_yaml_texts(project, rel, old, new):
    replace(project, rel, old, new)
    line = line_of(project, rel, new.split()[-2] if rel != f"{MOD}/module.yml" else "says")
    got = [f for f in found(project) if f[0] == rel and f[2].startswith("typed-")]
    assert got and got[0][1] == line, got


# -- 9. preview with errors ----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_preview_with_errors_answers_with_the_problems(project):
    append(project, LESSON_ID, "\nHubungi 0812-3456-7890.\n")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload",
                               "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page, deadline = None, time.monotonic() + TIMEOUT
        while page is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/modul/uji-coba/",
                                            timeout=30) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(1)
        assert page is not None, "the preview never answered"
        assert "Bekal found content problems" in page
        line = line_of(project, LESSON_ID, "0812")
        assert f"{LESSON_ID}:{line}</code> [typed-number]" in page
    finally:
        server.terminate()
        server.wait(timeout=30)


# -- issue 13 §4: the writing rules ---------------------------------------------------------

def test_kamu_is_an_error(project):
    append(project, LESSON_ID, "\nKamu harus memeriksa kontrak.\n")
    assert_reported(project, "register-kamu", LESSON_ID, line_of(project, LESSON_ID, "Kamu"))


def test_kamu_in_module_yaml_is_an_error(project):
    replace(project, f"{MOD}/module.yml", "'[id] The most important point.'",
            "'[id] Simpan paspor kamu.'")
    assert_reported(project, "register-kamu", f"{MOD}/module.yml",
                    line_of(project, f"{MOD}/module.yml", "paspor kamu"))


@pytest.mark.parametrize("section", ["cerita", "bantuan"])
def test_lesson_needs_story_and_help_sections(project, section):
    replace(project, LESSON_EN, f"{{#{section}}}", "")
    assert_reported(project, "missing-section", LESSON_EN, 1)


def test_length_rules_are_warnings_with_a_line(project):
    long_sentence = " ".join(["kata"] * 35) + "."
    append(project, LESSON_ID, f"\nSatu dua tiga.\n\n{long_sentence}\n")
    line = line_of(project, LESSON_ID, "kata kata")
    assert_reported(project, "sentence-length", LESSON_ID, line, Severity.WARNING)
    assert_reported(project, "lesson-length", LESSON_ID, 1, Severity.WARNING)
    assert_reported(project, "quiz-too-short", f"{MOD}/quiz.yml",
                    line_of(project, f"{MOD}/quiz.yml", "questions:"), Severity.WARNING)
    assert not [f for f in found(project) if f[2] in ("sentence-length", "lesson-length")]


def test_typed_fact_in_a_page_title(project):
    path = project / LESSON_ID
    path.write_text("---\ntitle: Hubungi 0812-3456-7890\n---\n\n" + path.read_text("utf-8"),
                    "utf-8")
    assert_reported(project, "typed-number", LESSON_ID, 2)


def test_glossary_page_heading_may_not_take_a_term_id(project):
    append(project, "content/id/glosarium.md", "\n## PMI {#pmi}\n")
    assert_reported(project, "duplicate-heading-id", "content/id/glosarium.md",
                    line_of(project, "content/id/glosarium.md", "{#pmi}"))


def test_ui_string_list_matches_the_code():
    """Every literal key the code asks for is in ui_strings.UI_STRINGS, and each call that
    formats a string passes every placeholder the list allows for it."""
    from bekal.model.ui_strings import UI_STRINGS
    from conftest import ROOT

    call = re.compile(r"""(?:\.t\(\s*[\w.]+,\s*|\bt\(\s*|\bui\(\s*)(["'])([a-z_]+)\1""")

    def arguments(text: str, start: int) -> str:
        depth, end = 1, start
        while depth and end < len(text):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        return text[start:end]

    checked = 0
    for path in sorted((ROOT / "scripts" / "bekal").rglob("*")):
        if path.suffix not in (".py", ".html"):
            continue
        text = path.read_text("utf-8")
        for match in call.finditer(text):
            key = match.group(2)
            if "ui(" in match.group(0) and not match.group(0).startswith((".t", "t(")):
                key = f"quiz_{key}"
            if key not in UI_STRINGS:
                continue  # t(...) of something else, e.g. a test helper
            passed = set(re.findall(r"\b([a-z_]+)\s*=(?!=)", arguments(text, match.end())))
            if passed:
                assert UI_STRINGS[key] <= passed, f"{path.name}: {key} gets {passed}"
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(("text", "code"), [
    ("<a " * 10000, "unclosed-tag"),          # the renderer takes minutes on this
    ("Teks <b dan lagi\n", "unclosed-tag"),
    ("kata " * 1200, "line-too-long"),
    (("kata " * 400 + "\n") * 12, "block-too-long"),
])
def test_input_that_would_stall_the_renderer_is_refused(project, text, code):
    append(project, LESSON_ID, "\n\n" + text + "\n")
    line = len((project / LESSON_ID).read_text("utf-8").split("\n")) - len(text.split("\n"))
    assert_reported(project, code, LESSON_ID, line)


def test_closed_tags_and_less_than_signs_are_fine(project):
    append(project, LESSON_ID, "\n\nTeks <b>tebal</b> dan 3 < 5 dan <https://example.org>.\n")
    assert not [f for f in found(project) if f[2] == "unclosed-tag"]


def test_undecodable_html_in_content_fails_the_build_cleanly(project, tmp_path):
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    (site / MARKER).write_text("built", "utf-8")
    (site / "index.html").write_text("the last good site", "utf-8")
    (project / "content/id/rusak.html").write_bytes(b"<p>\xff</p>\n")
    result = cli(project, "build", "--site-dir", str(site))
    assert result.returncode != 0
    assert not list(site.parent.glob(".site-new-*"))
    assert (site / "index.html").read_text("utf-8") == "the last good site"


# -- dates that do not exist ---------------------------------------------------------------

def test_a_date_that_does_not_exist_is_named_with_its_line(project):
    """2026-02-30 looks like a date to YAML, and Python cannot make one of it."""
    replace(project, "modules/facts.yml", "date: 2026-11-20", "date: 2026-02-30")
    assert_reported(project, "yaml-syntax", "modules/facts.yml",
                    line_of(project, "modules/facts.yml", "2026-02-30"))
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text("utf-8")
                                        + "zuji_tanggal: 2026-11-20T25:00:00\n", "utf-8")
    result = cli(project, "check")
    line = line_of(project, "mkdocs.yml", "zuji_tanggal")
    assert result.returncode == 2
    assert f"mkdocs.yml:{line}: '2026-11-20T25:00:00' is not a real date" in result.stderr


@pytest.mark.parametrize("command", [["check"], ["build", "--site-dir", "site"]])
def test_a_today_that_is_not_a_day_is_refused_in_words(project, command):
    env = {**os.environ, "BEKAL_TODAY": "2026-13-01", "BEKAL_PDF": "0"}
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project),
                             *command], capture_output=True, text=True, timeout=TIMEOUT,
                            cwd=project, env=env)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert "BEKAL_TODAY is '2026-13-01', which is not a day" in result.stdout + result.stderr
    assert not (project / "site").exists()
