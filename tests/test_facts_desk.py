"""The editor's tools and the publish rules, on a registry of the tests' own."""

from __future__ import annotations

import csv
import difflib
import io
import subprocess
import sys

import pytest
from test_facts_trust import REGISTRY, TODAY, project_dir  # noqa: F401  (fixture)

from bekal.authoring import factdesk
from bekal.checks import run_checks
from bekal.model import trust
from bekal.model.project import load_project
from bekal.model.trust import Level

FACT_CODES = {"fact-conflict", "fact-stale", "fact-secondary-help"}


def bekal(root, *args):
    return subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(root), *args],
                          capture_output=True, text=True,
                          env={**__import__("os").environ, "BEKAL_TODAY": TODAY})


def fact_issues(root, publish=False):
    issues = run_checks(load_project(root), publish=publish)
    return [(i.path, i.code, i.severity.value, i.message) for i in issues if i.code in FACT_CODES]


def use_on(root, rel: str, text: str):
    path = root / "content" / rel
    path.write_text(path.read_text("utf-8") + "\n" + text + "\n", "utf-8")


# -- record ------------------------------------------------------------------------------


def test_record_changes_the_level_and_keeps_comments_order_and_layout(project_dir):  # noqa: F811
    path = project_dir / "modules/facts.yml"
    before = path.read_text("utf-8")
    result = bekal(project_dir, "facts", "record", "uji.secondary", "--against", "official",
                   "--source", "Call centre operator, Kantor Uji", "--method", "phoned",
                   "--by", "fact editor, Migrant CARE", "--date", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert "now official" in result.stdout
    after = path.read_text("utf-8")
    assert after.startswith("# A fixture registry: one fact per trust level.\n")
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert not [line for line in diff if line.startswith("- ")]  # nothing else changed
    assert added == ["    - date: 2026-12-01", "      against: official",
                     "      source: Call centre operator, Kantor Uji", "      source_date: undated",
                     "      method: phoned", "      by: fact editor, Migrant CARE"]
    project = load_project(project_dir)
    assert not project.issues
    assert trust.level(project.fact("uji.secondary"), trust.settings_for(project_dir)) \
        == Level.OFFICIAL


def test_recording_another_value_makes_a_conflict(project_dir):  # noqa: F811
    result = bekal(project_dir, "facts", "record", "uji.official", "--against", "secondary",
                   "--source", "https://koran.example.com/x", "--method", "stored-copy",
                   "--value", "0800-7777", "--outlet", "Koran Uji")
    assert result.returncode == 0, result.stderr
    assert "now conflict" in result.stdout
    assert 'value: "0800-7777"' in (project_dir / "modules/facts.yml").read_text("utf-8")


@pytest.mark.parametrize("args,says", [
    (["uji.tidak_ada", "--against", "official", "--source", "https://a.example/x",
      "--method", "phoned"], "no fact 'uji.tidak_ada'"),
    (["uji.official", "--against", "maybe", "--source", "https://a.example/x",
      "--method", "phoned"], "invalid choice: 'maybe'"),
    (["uji.official", "--against", "official", "--source", "https://a.example/x",
      "--method", "guessed"], "invalid choice: 'guessed'"),
    (["uji.official", "--against", "official", "--source", "links in public code",
      "--method", "phoned"], "names no page or document"),
    (["uji.official", "--against", "official", "--source", "https://a.example/x",
      "--method", "phoned", "--date", "yesterday"], "is not a date"),
    (["uji.official", "--source", "https://a.example/x", "--method", "phoned"],
     "--against"),
])
def test_wrong_key_or_option_is_a_clear_error(project_dir, args, says):  # noqa: F811
    before = (project_dir / "modules/facts.yml").read_text("utf-8")
    result = bekal(project_dir, "facts", "record", *args)
    assert result.returncode == 2
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert (project_dir / "modules/facts.yml").read_text("utf-8") == before


# -- list and sheet -------------------------------------------------------------------------


def test_list_groups_facts_by_level_with_use_and_what_to_do(project_dir):  # noqa: F811
    use_on(project_dir, "id/bantuan.md", "Uji: {{fact:uji.secondary}}")
    result = bekal(project_dir, "facts")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    order = [out.index(f"== {name}") for name in ("conflict", "stale", "secondary", "official")]
    assert order == sorted(order)
    block = out.split("uji.secondary: 0800-2222", 1)[1].split("\n\n", 1)[0]
    assert "page bantuan.md" in block
    assert "https://berita.example.com/a" in block and "phone 0800-2222" in block
    assert out.rstrip().endswith("4 facts: conflict 1, stale 1, secondary 1, official 1")


def test_sheet_lists_every_fact_in_html_and_csv(project_dir, tmp_path):  # noqa: F811
    result = bekal(project_dir, "facts", "sheet", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "out/bekal-facts-sheet.csv")
                                       .read_text("utf-8"))))
    assert rows[0][:4] == ["key", "fact", "value", "level"]
    assert sorted(r[0] for r in rows[1:]) == sorted(load_project(project_dir).facts)
    assert all(r[6:] == ["", "", "", "", ""] for r in rows[1:])  # boxes to fill
    html = (tmp_path / "out/bekal-facts-sheet.html").read_text("utf-8")
    assert "size: A4" in html
    for key in load_project(project_dir).facts:
        assert f">{key}<" in html
    assert html.count("☐ yes") == len(rows) - 1


def test_sheet_rows_say_what_to_ask(project_dir):  # noqa: F811
    rows = {r[0]: r for r in factdesk.sheet_rows(load_project(project_dir))}
    assert "0800-9999" in rows["uji.conflict"][5]  # both values to ask about
    assert rows["uji.secondary"][5].startswith("phone 0800-2222")


# -- publish rules ---------------------------------------------------------------------------


def test_conflict_and_stale_facts_warn_and_are_refused_to_publish_on_any_page(project_dir):  # noqa: F811
    use_on(project_dir, "id/modul/uji-coba/index.md",
           "A {{fact:uji.conflict}} B {{fact:uji.stale}} C {{fact:uji.secondary}}")
    lesson = "content/id/modul/uji-coba/index.md"
    warned = fact_issues(project_dir)
    assert {(p, c, s) for p, c, s, _ in warned} == {
        (lesson, "fact-conflict", "warning"), (lesson, "fact-stale", "warning")}
    refused = fact_issues(project_dir, publish=True)
    assert {(p, c, s) for p, c, s, _ in refused} == {
        (lesson, "fact-conflict", "error"), (lesson, "fact-stale", "error")}


def test_secondary_fact_on_help_page_is_refused_unless_the_page_marks_it(project_dir):  # noqa: F811
    use_on(project_dir, "id/bantuan.md", "Uji: {{fact:uji.secondary}} {{fact:uji.official}}")
    help_page = "content/id/bantuan.md"
    refused = [i for i in fact_issues(project_dir, publish=True) if i[0] == help_page]
    assert [(c, s) for _, c, s, m in refused if "uji." in m] == [("fact-secondary-help", "error")]
    assert "uji.secondary" in refused[0][3] or any("uji.secondary" in i[3] for i in refused)
    path = project_dir / "content/id/bantuan.md"
    path.write_text("---\nsecondary_facts: marked\n---\n" + path.read_text("utf-8"), "utf-8")
    assert not [i for i in fact_issues(project_dir, publish=True)
                if i[0] == help_page and "uji." in i[3]]


def test_secondary_fact_elsewhere_is_fine_to_publish(project_dir):  # noqa: F811
    use_on(project_dir, "id/modul/uji-coba/index.md", "C {{fact:uji.secondary}}")
    assert not [i for i in fact_issues(project_dir, publish=True) if "uji." in i[3]]


def test_help_box_numbers_follow_the_help_page_rules(project_dir):  # noqa: F811
    from bekal.model.help_numbers import HELP_FACTS

    path = project_dir / "modules/facts.yml"
    path.write_text(path.read_text("utf-8") + REGISTRY.split("uji.secondary:", 1)[1]
                    .split("uji.conflict:", 1)[0].join([f"\n{HELP_FACTS[0]}:", ""]), "utf-8")
    def help_box(issues):
        return [i for i in issues if HELP_FACTS[0] in i[3] and "help box" in i[3]]

    refused = help_box(fact_issues(project_dir, publish=True))
    assert refused and refused[0][1:3] == ("fact-secondary-help", "error")
    mkdocs = project_dir / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text("utf-8")
                      + "\nextra:\n  bekal:\n    help_box_secondary: marked\n", "utf-8")
    assert not help_box(fact_issues(project_dir, publish=True))
