"""The test project (tests/fixtures/project) that every fixture project is made from: valid,
complete for the code, and made of test values only."""

from __future__ import annotations

import yaml

from bekal.checks import run_checks
from bekal.model.project import load_project
from bekal.model.ui_strings import UI_STRINGS
from conftest import FIXTURE, ROOT, fixture_project, make_project, with_data


def test_a_fixture_project_has_no_errors_with_or_without_its_data_files(tmp_path):
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan", "uji-hak": "hak"})
    assert not (root / "modules/contacts.yml").exists()
    issues = run_checks(load_project(root))
    assert not issues.errors, [i.format() for i in issues.errors]
    issues = run_checks(load_project(with_data(root)))
    assert not issues.errors, [i.format() for i in issues.errors]
    assert load_project(root).contacts and load_project(root).checkers


def test_the_fixture_has_every_interface_string_the_code_asks_for():
    """Only the keys are compared, never the wording: the real texts may change freely."""
    fixture = yaml.safe_load((FIXTURE / "modules/ui.yml").read_text("utf-8"))
    real = yaml.safe_load((ROOT / "modules/ui.yml").read_text("utf-8"))
    for lang in ("id", "en"):
        missing = sorted((set(real[lang]) | set(UI_STRINGS)) - set(fixture[lang]))
        assert missing == [], (f"add these strings under '{lang}:' in "
                               f"tests/fixtures/project/modules/ui.yml: {missing}")


def test_every_fixture_number_is_a_test_number_and_none_is_real():
    fixture = fixture_project()
    real = {loaded.model.text(lang, "id") for loaded in load_project(ROOT).facts.values()
            for lang in ("id", "en")}
    for key, loaded in fixture.facts.items():
        fact = loaded.model
        for lang in ("id", "en"):
            value = fact.text(lang, "id")
            if fact.kind in ("phone", "whatsapp"):
                assert "0000" in value, f"{key}: {value} does not look like a test number"
            if fact.kind == "url":
                assert "example.org" in value, f"{key}: {value} is not a test address"
            assert value not in real, f"{key}: {value} is a real fact's value"
