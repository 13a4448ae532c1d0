"""What a rebuild reuses from the last one is exactly what it would make anew: parsed YAML
(copied out, only from clean files), the glossary's links (first use, earliest term) and
the checks' work on unchanged files (checks/memo.py), in the same process and, kept on disk,
in the next one (checks/memo_store.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from bekal.checks import STORE, memo, memo_store, run_checks, safety
from bekal.model.issues import IssueList
from bekal.model.project import load_project
from bekal.model.yamlio import load_yaml
from bekal.render.glossary_links import link_terms
from conftest import make_project


def test_a_parsed_file_is_reused_as_a_copy(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("title:\n  id: Judul\nitems: [1, 2]\n", "utf-8")
    first, _ = load_yaml(path, IssueList(tmp_path))
    first["title"]["id"] = "diubah"
    first["items"].append(3)
    again, lines = load_yaml(path, IssueList(tmp_path))
    assert again == {"title": {"id": "Judul"}, "items": [1, 2]}
    assert lines.line_of(("items",)) == 3


def test_a_file_with_a_problem_is_read_and_reported_every_time(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("title: x\ntitle: y\n", "utf-8")  # a key twice
    for _ in range(2):
        issues = IssueList(tmp_path)
        load_yaml(path, issues)
        assert issues, "the second read must report the problem again"


def test_a_changed_file_is_read_again(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("a: 1\n", "utf-8")
    load_yaml(path, IssueList(tmp_path))
    path.write_text("a: 2\n", "utf-8")
    assert load_yaml(path, IssueList(tmp_path))[0] == {"a": 2}


def _project(terms: dict[str, str]):
    entry = lambda term: SimpleNamespace(model=SimpleNamespace(  # noqa: E731
        term={"id": term}, definition={"id": f"arti {term}"}))
    glossary = {key: entry(term) for key, term in terms.items()}
    return SimpleNamespace(glossary=glossary,
                           term=lambda key: glossary[key].model)


def test_each_term_links_once_at_its_first_use_and_the_earliest_term_wins():
    project = _project({"agen": "agen", "agen-resmi": "agen resmi", "paspor": "paspor"})
    html = "<p>Paspor dulu. Lalu paspor dan agen resmi, lalu agen lagi.</p>"
    out = link_terms(project, html, "id", "modul/x/", "glosarium/")
    # 'agen' comes first in the glossary and matches where 'agen resmi' starts
    assert out.count('href="../../glosarium/#agen"') == 1
    assert 'href="../../glosarium/#agen-resmi"' not in out
    assert out.count("#paspor") == 1 and ">paspor</a> dan" in out  # case as written
    assert ">agen</a> resmi" in out and "lalu agen lagi" in out


def test_no_term_links_inside_a_heading_or_a_link():
    project = _project({"paspor": "paspor"})
    html = '<h2>paspor</h2><p><a href="x">paspor</a> paspor</p>'
    out = link_terms(project, html, "id", "modul/x/", "glosarium/")
    assert out.startswith('<h2>paspor</h2><p><a href="x">paspor</a> <a class="bekal-term"')


# -- checks: a run in a long-lived process (mkdocs serve) remembers unchanged files' work --

LESSON_ID = "content/id/modul/uji-coba/index.md"
LESSON_EN = "content/en/modul/uji-coba/index.md"
ABOUT = "content/id/tentang.md"


def _checked(root: Path) -> list[tuple]:
    """The issues of a run that may reuse earlier runs' work, after asserting that they are
    exactly those of a run that reuses nothing."""
    seen = lambda: [(i.path, i.line, i.code, i.message, i.severity)  # noqa: E731
                    for i in run_checks(load_project(root))]
    warm = seen()
    memo.forget()
    assert warm == seen(), "a remembered result differs from checking anew"
    return warm


def _codes_at(issues: list[tuple], rel: str) -> set[str]:
    return {code for path, _, code, _, _ in issues if path == rel}


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_fixed_problem_is_gone_and_a_new_one_reported_in_the_same_process(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    lesson = root / LESSON_ID
    clean = lesson.read_text("utf-8")
    problems = {"typed-number", "unsafe-html", "register-kamu", "missing-section"}
    assert not _codes_at(_checked(root), LESSON_ID) & problems  # checked clean, remembered
    broken = clean.replace("{#bantuan}", "{#tolong}") + (
        '\nHubungi kamu di 0812-3456-7890. <span onclick="x()">klik</span>\n')
    lesson.write_text(broken, "utf-8")
    assert _codes_at(_checked(root), LESSON_ID) >= problems  # prose, safety, writing rules
    lesson.write_text(clean, "utf-8")
    assert not _codes_at(_checked(root), LESSON_ID) & problems  # fixed: nothing stale kept


def test_an_unchanged_page_is_checked_against_the_files_it_names(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    (root / ABOUT).write_text((root / ABOUT).read_text("utf-8") + (
        "\nKantor: {{fact:uji.lokasi}}. Lihat [calo](glosarium.md#calo).\n"
        "\n<!-- bekal:modules persiapan -->\n"), "utf-8")
    cross = {"unknown-fact", "fact-stale", "broken-anchor", "broken-link", "unknown-track"}
    assert not _codes_at(_checked(root), ABOUT) & cross
    # the page stays as it is; the facts, the glossary, the date and the other pages change
    _edit(root, "modules/facts.yml", "\nuji.lokasi:", "\nuji.lokasi-lama:")
    assert "unknown-fact" in _codes_at(_checked(root), ABOUT)
    _edit(root, "modules/facts.yml", "\nuji.lokasi-lama:", "\nuji.lokasi:")
    assert not _codes_at(_checked(root), ABOUT) & cross
    monkeypatch.setenv("BEKAL_TODAY", "2099-01-01")
    assert "fact-stale" in _codes_at(_checked(root), ABOUT)
    monkeypatch.delenv("BEKAL_TODAY")
    _edit(root, "modules/glossary.yml", "\ncalo:", "\ncalo-lama:")
    assert "broken-anchor" in _codes_at(_checked(root), ABOUT)
    _edit(root, "modules/tracks.yml", "- id: persiapan\n", "- id: persiapan-lama\n")
    assert "unknown-track" in _codes_at(_checked(root), ABOUT)
    for lang in ("id", "en"):
        (root / "content" / lang / "bantuan.md").unlink()
    assert "broken-link" in _codes_at(_checked(root), ABOUT)


def test_a_heading_id_changed_in_one_language_is_reported_on_the_other(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    assert "heading-id-mismatch" not in _codes_at(_checked(root), LESSON_ID)
    _edit(root, LESSON_EN, "{#cerita}", "{#kisah}")  # the Indonesian lesson stays as it is
    issues = _checked(root)
    assert "heading-id-mismatch" in _codes_at(issues, LESSON_ID)
    assert "heading-id-mismatch" in _codes_at(issues, LESSON_EN)


def test_a_page_is_rendered_again_for_its_check_when_the_markdown_extensions_change(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    (root / ABOUT).write_text((root / ABOUT).read_text("utf-8")
                              + '\nKlik di sini.\n{: onclick="x()" }\n', "utf-8")
    assert "unsafe-html" in _codes_at(_checked(root), ABOUT)  # attr_list makes the attribute
    _edit(root, "mkdocs.yml", "  - attr_list\n", "")  # the page stays as it is
    assert "unsafe-html" not in _codes_at(_checked(root), ABOUT)


# -- checks: the next process (another `bekal check` or build) reuses the work on disk ------

def _as_a_new_process() -> None:
    """Forget what this process remembers, but not the work kept on disk."""
    for cached in memo._REMEMBERED:
        cached.cache_clear()
    memo._STORES.clear()


def _store(root: Path) -> Path:
    return root / STORE


def _unsafe_about(root: Path) -> None:
    (root / ABOUT).write_text((root / ABOUT).read_text("utf-8")
                              + '\n<span onclick="x()">klik</span>\n', "utf-8")


def test_the_next_process_checks_only_the_pages_that_changed(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    _unsafe_about(root)
    memo.forget()
    first = _codes_at(_checked(root), ABOUT)
    assert "unsafe-html" in first and _store(root).is_file()
    _as_a_new_process()
    rendered = []
    real_check_page = safety.check_page
    monkeypatch.setattr(safety, "check_page", lambda root, path, *a: (
        rendered.append(path.relative_to(root).as_posix()), real_check_page(root, path, *a)))
    issues = [(i.path, i.line, i.code, i.message, i.severity)
              for i in run_checks(load_project(root))]
    assert rendered == []  # every page's safety check came from the last process
    assert _codes_at(issues, ABOUT) == first  # and found what it found
    _edit(root, LESSON_ID, "{#bantuan}", "{#tolong}")
    _as_a_new_process()
    issues = [(i.path, i.line, i.code, i.message, i.severity)
              for i in run_checks(load_project(root))]
    assert rendered == [LESSON_ID]  # the edited page alone is checked again
    assert "missing-section" in _codes_at(issues, LESSON_ID)
    assert "unsafe-html" in _codes_at(issues, ABOUT)


def _forged(root: Path, code: str) -> None:
    """The kept work rewritten to say that no page has any problem."""
    data = json.loads(_store(root).read_text("utf-8"))
    data["code"] = code
    for key in data["entries"]:
        if key.startswith("bekal.checks.safety."):
            data["entries"][key] = []
    _store(root).write_text(json.dumps(data), "utf-8")


def test_work_kept_by_other_code_or_holding_unknown_records_is_not_used(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    _unsafe_about(root)
    memo.forget()
    run_checks(load_project(root))
    _forged(root, "written by another version of Bekal")
    _as_a_new_process()
    assert "unsafe-html" in _codes_at(_checked(root), ABOUT)
    data = json.loads(_store(root).read_text("utf-8"))
    for key in data["entries"]:
        if key.startswith("bekal.checks.safety."):
            data["entries"][key] = [{"@": "Popen", "args": ["touch", str(tmp_path / "ran")]}]
    _store(root).write_text(json.dumps(data), "utf-8")
    _as_a_new_process()
    issues = [(i.path, i.code) for i in run_checks(load_project(root))]
    assert (ABOUT, "unsafe-html") in issues and not (tmp_path / "ran").exists()


def test_a_check_for_publishing_uses_no_kept_work(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    _unsafe_about(root)
    memo.forget()
    run_checks(load_project(root))
    _forged(root, memo_store.code_fingerprint())
    _as_a_new_process()
    published = [(i.path, i.code) for i in run_checks(load_project(root), publish=True)]
    assert (ABOUT, "unsafe-html") in published


def test_a_project_that_cannot_be_written_is_checked_all_the_same(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    _unsafe_about(root)
    memo.forget()
    (root / ".cache").write_text("not a folder", "utf-8")  # the store's folder cannot be made
    assert "unsafe-html" in _codes_at(_checked(root), ABOUT)
    assert not list(root.glob(".cache*/**/memo*"))


def test_a_preview_reads_the_kept_work_and_does_not_rewrite_it(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    memo.forget()
    run_checks(load_project(root))
    kept = _store(root).read_bytes()
    _as_a_new_process()
    _unsafe_about(root)  # an edit while `mkdocs serve` runs
    issues = [(i.path, i.code) for i in run_checks(load_project(root), save=False)]
    assert (ABOUT, "unsafe-html") in issues
    assert _store(root).read_bytes() == kept  # not written after every edit


def test_a_rebuild_with_everything_kept_loads_no_pdf_or_image_library(tmp_path):
    """The adapter, the PDF cache key, the kept app icons and a kept preview card: none of
    them loads WeasyPrint (about half a second) or Pillow; only drawing anew does."""
    import subprocess
    import sys

    from bekal.render.creator.cards import Card, card_file

    card = Card("Jalur", "Judul", "Isi", "contoh.org/go/p1", tone=0, mark="P1")
    card_file(card, tmp_path / "cards")  # drawn once, in this process
    from bekal.render.phone.offline import shared_outputs
    shared_outputs(tmp_path / "icons")
    script = f"""
import sys
import bekal.adapters.mkdocs.plugin
from pathlib import Path
from bekal.render.creator.cards import Card, card_file
from bekal.render.handouts.render import renderer_fingerprint
from bekal.render.phone.offline import shared_outputs
renderer_fingerprint()
shared_outputs(Path({str(tmp_path / "icons")!r}))
card_file(Card("Jalur", "Judul", "Isi", "contoh.org/go/p1", tone=0, mark="P1"),
          Path({str(tmp_path / "cards")!r}))
print(sorted(m for m in ("weasyprint", "PIL") if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
