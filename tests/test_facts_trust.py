"""Trust levels, marks and sources, on a registry of the tests' own (not the real one)."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from bekal.checks import run_checks
from bekal.model import trust
from bekal.model.project import load_project
from bekal.model.trust import Level
from bekal.render import factrender, facts
from conftest import make_project

TODAY = "2026-12-01"

# One fact per level; the dates are relative to TODAY and an 18-month limit.
REGISTRY = """\
# A fixture registry: one fact per trust level.

uji.official:
  kind: phone
  label: {id: Nomor resmi uji, en: Test official number}
  value: "0800-1111"
  checks:
    - date: 2026-11-20
      against: official
      source: https://kantor.example.go.id/kontak
      outlet: Kantor Uji
      source_date: 2026-10
      method: official-page
  confidence: high

uji.secondary:
  kind: phone
  label: {id: Nomor berita uji, en: Test news number}
  value: "0800-2222"
  checks:
    - date: 2026-11
      against: secondary
      source: https://berita.example.com/a
      outlet: Berita Uji
      source_date: 2025-04-10
      method: stored-copy
  confidence: medium

uji.conflict:
  kind: phone
  label: {id: Nomor bertentangan uji, en: Test conflicting number}
  value: "0800-3333"
  checks:
    - date: 2026-11
      against: secondary
      source: https://berita.example.com/b
      source_date: 2026-01
      method: stored-copy
    - date: 2026-11
      against: secondary
      source: https://lain.example.com/c
      source_date: 2019
      method: stored-copy
      value: "0800-9999"
  confidence: low

uji.stale:
  kind: phone
  label: {id: Nomor lama uji, en: Test old number}
  value: "0800-4444"
  checks:
    - date: 2024-01-05
      against: official
      source: https://kantor.example.go.id/lama
      source_date: undated
      method: official-page
  confidence: high
"""

MARKS = {
    Level.SECONDARY: "belum dicek ke sumber resmi",
    Level.CONFLICT: "nomor berbeda di sumber lain",
    Level.STALE: "perlu dicek ulang",
}
KEYS = {Level.OFFICIAL: "uji.official", Level.SECONDARY: "uji.secondary",
        Level.CONFLICT: "uji.conflict", Level.STALE: "uji.stale"}


@pytest.fixture
def project_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BEKAL_TODAY", TODAY)
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    (root / "modules/facts.yml").write_text(REGISTRY, "utf-8")
    return root


@pytest.fixture
def project(project_dir):
    return load_project(project_dir)


def test_each_fact_has_the_level_its_checks_give(project):
    settings = trust.settings_for(project.root)
    for level, key in KEYS.items():
        assert trust.level(project.fact(key), settings) == level, key


@pytest.mark.parametrize("level", list(KEYS))
def test_each_level_renders_its_mark_and_only_that(project, level):
    html = facts.render_fact(project, KEYS[level], "id")
    shown = [text for text in MARKS.values() if text in html]
    if level == Level.OFFICIAL:
        assert shown == [] and "bekal-unverified" not in html
    else:
        assert shown == [MARKS[level]]
        assert f'href="#{factrender.anchor(KEYS[level])}"' in html  # details one tap away
    assert not re.search(r"20\d\d-\d\d", html)  # no ISO date inline
    assert "keyakinan" not in html  # no confidence word beside a mark


def test_english_marks(project):
    assert "not yet checked with an official source" in facts.render_fact(
        project, "uji.secondary", "en")
    assert "sources differ" in facts.render_fact(project, "uji.conflict", "en")
    assert "needs a fresh check" in facts.render_fact(project, "uji.stale", "en")


def test_print_and_plain_use_the_same_renderer(project):
    printed = factrender.inline(project, "uji.secondary", "id", "print")
    assert "0800-2222" in printed and "(belum dicek ke sumber resmi)" in printed
    assert "href=\"#" not in printed  # paper has no page anchors
    assert factrender.inline(project, "uji.secondary", "id", "plain") == "0800-2222"


def test_a_page_marks_each_fact_once(project):
    used: list[str] = []
    html = facts.substitute_page(project, "{{fact:uji.secondary}} lalu {{fact:uji.secondary}}",
                                 "id", used)
    assert html.count("belum dicek ke sumber resmi") == 1
    assert used == ["uji.secondary"]


def test_sources_list_names_official_sources_first_with_human_dates(project):
    html = facts.sources_html(project, ["uji.official", "uji.secondary", "uji.conflict"], "id")
    official = html.split('id="fakta-uji-official"', 1)[1].split("</li>", 1)[0]
    assert "Sumber resmi:" in official and ">Kantor Uji</a>" in official  # outlet, not host
    assert "Oktober 2026" in official and "dibaca di halaman resmi" in official
    secondary = html.split('id="fakta-uji-secondary"', 1)[1].split("</li>", 1)[0]
    assert "10 April 2025" in secondary and "Berita Uji" in secondary
    assert "2025-04-10" not in html
    conflict = html.split('id="fakta-uji-conflict"', 1)[1].split("</li>", 1)[0]
    assert "0800-9999" in conflict and "lain.example.com" in conflict  # every value kept
    assert "keyakinan" not in html


def test_english_sources_list(project):
    html = facts.sources_html(project, ["uji.secondary", "uji.official"], "en")
    assert "Official source:" in html and "October 2026" in html
    assert "read from a stored copy, November 2026" in html


def test_page_with_several_uncertain_facts_explains_the_marks_once(project):
    page = ("# Judul\n\nPembuka {{fact:uji.official}}.\n\n## Kontak {#kontak}\n\n"
            "- A: {{fact:uji.secondary}}\n- B: {{fact:uji.conflict}}\n\n## Lain\n\n"
            "{{fact:uji.stale}}\n")
    out = facts.explain_marks(project, page, "id")
    assert out.count('!!! info "Tentang tanda di halaman ini"') == 1
    note_at = out.index("!!! info")
    assert out.index("## Kontak") < note_at < out.index("- A:")  # top of that section
    for mark in MARKS.values():
        assert f"**{mark}**" in out
    assert "Safe Travel" in out and "nomor lain" in out  # what to do


def test_page_with_one_uncertain_fact_needs_no_note(project):
    page = "# Judul\n\n{{fact:uji.official}} dan {{fact:uji.secondary}}\n"
    assert facts.explain_marks(project, page, "id") == page


def test_an_official_page_seen_in_an_old_copy_stays_official_but_the_editor_is_told(
        project_dir):
    from bekal.authoring import factdesk

    path = project_dir / "modules/facts.yml"
    path.write_text(path.read_text("utf-8").replace(
        "      source_date: 2026-10\n      method: official-page",
        "      source_date: 2016-06-15\n      method: stored-copy"), "utf-8")
    project = load_project(project_dir)
    settings = trust.settings_for(project_dir)
    assert trust.level(project.fact("uji.official"), settings) == Level.OFFICIAL
    assert "bekal-unverified" not in facts.render_fact(project, "uji.official", "id")
    todo = factdesk.what_to_check(project.fact("uji.official"), Level.OFFICIAL, settings)
    assert "2016-06-15" in todo and "still current" in todo


def test_a_remark_in_value_neither_confirms_nor_contradicts(project_dir):
    path = project_dir / "modules/facts.yml"
    path.write_text(path.read_text("utf-8").replace(
        "      method: official-page\n  confidence: high\n\nuji.secondary",
        "      method: official-page\n      value: \"(no number on the page)\"\n"
        "  confidence: high\n\nuji.secondary"), "utf-8")
    project = load_project(project_dir)
    assert trust.level(project.fact("uji.official"), trust.settings_for(project_dir)) \
        == Level.SECONDARY
    assert "no number" not in facts.sources_html(project, ["uji.official"], "id")
    issues = run_checks(project)
    assert [i.code for i in issues.warnings if i.code == "fact-check-remark"] \
        == ["fact-check-remark"]


def test_human_dates():
    assert trust.human_date("2025-04-10", "id") == "10 April 2025"
    assert trust.human_date("2025-08", "id") == "Agustus 2025"
    assert trust.human_date("2025-08", "en") == "August 2025"
    assert trust.human_date(dt.date(2026, 12, 1), "en") == "1 December 2026"
    assert trust.human_date("2019", "id") == "2019"
    assert trust.human_date("undated", "id") == ""


def test_max_age_comes_from_mkdocs_yml(project_dir):
    mkdocs = project_dir / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text("utf-8")
                      + "\nextra:\n  bekal:\n    facts_max_age_months: 48\n", "utf-8")
    project = load_project(project_dir)
    settings = trust.settings_for(project_dir)
    assert settings.max_age_months == 48
    assert trust.level(project.fact("uji.stale"), settings) == Level.OFFICIAL


@pytest.mark.parametrize("source,placeholder", [
    ("links in public code", True), ("research notes, November 2026", True), ("TBD", True),
    ("news", True), ("https://kp2mi.go.id/kontak", False), ("UU No. 6 Tahun 2012", False),
    ("KP2MI call centre operator", False)])
def test_placeholder_sources(source, placeholder):
    assert trust.is_placeholder(source) is placeholder


def test_placeholder_source_is_a_check_error(project_dir):
    path = project_dir / "modules/facts.yml"
    path.write_text(path.read_text("utf-8").replace(
        "source: https://berita.example.com/a", "source: links in public code"), "utf-8")
    issues = run_checks(load_project(project_dir))
    found = [i for i in issues.errors if i.code == "fact-placeholder-source"]
    assert found and found[0].path == "modules/facts.yml"
    assert textwrap.dedent(path.read_text("utf-8")).splitlines()[found[0].line - 1].strip() \
        == "source: links in public code"


def test_a_readers_page_links_its_marks_to_its_sources_page_and_ends_with_a_short_foot(
        project):
    from bekal.model.pageref import PageRef
    from bekal.render import sourcepage

    used: list[str] = []
    body = facts.substitute_page(
        project, "{{fact:uji.official}}, {{fact:uji.secondary}} dan {{fact:uji.conflict}}.",
        "id", used)
    ref = PageRef("bantuan.md", "id")
    html, sourced = sourcepage.with_sources(project, ref, body, "bantuan/", "Bantuan", used)
    assert 'href="#fakta-' not in html
    assert 'href="sumber/#fakta-uji-secondary"' in html
    assert 'href="sumber/#fakta-uji-conflict"' in html
    foot = html[html.index('<section class="bekal-sources"'):]
    assert "Fakta di halaman ini: 3. Sudah dicek ke sumber resmi: 1." in foot
    assert 'href="sumber/"' in foot and "<li" not in foot
    assert sourced.facts == ("uji.official", "uji.secondary", "uji.conflict")
    (output,) = sourcepage.outputs(project, [sourced])
    assert output.path == "bantuan/sumber/index.html"
    listed = output.data().decode("utf-8")
    assert "<h1>Sumber: Bantuan</h1>" in listed
    assert '<a href="../">Kembali ke Bantuan</a>' in listed
    for key in sourced.facts:  # every entry, each with its sources
        assert f'<li id="fakta-{key.replace(".", "-")}"' in listed
    assert "Berita Uji" in listed and "lain.example.com" in listed


def test_trainer_pages_keep_their_whole_sources_list_and_a_page_without_facts_has_none(
        project):
    from bekal.model.pageref import PageRef
    from bekal.render import sourcepage

    used: list[str] = []
    body = facts.substitute_page(project, "{{fact:uji.secondary}}", "id", used)
    guide = PageRef("modul/uji-coba/pelatih.md", "id")
    html, sourced = sourcepage.with_sources(project, guide, body, "modul/uji-coba/pelatih/",
                                            "Panduan", used)
    assert sourced is None
    assert 'href="#fakta-uji-secondary"' in html and '<li id="fakta-uji-secondary"' in html
    plain = PageRef("tentang.md", "id")
    assert sourcepage.with_sources(project, plain, "<p>x</p>", "tentang/", "Tentang", []) \
        == ("<p>x</p>", None)
