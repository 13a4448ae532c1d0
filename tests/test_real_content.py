"""Tests of the real content (modules/, content/), moved here from the behaviour tests so
that those run on the test project (tests/fixtures/project) and a correction of the real
content can only break a content test."""

from __future__ import annotations

from bekal.checks import run_checks
from bekal.model.project import load_project
from bekal.model.translation import translation_state
from conftest import ROOT

PROJECT = load_project(ROOT)


def test_real_content_has_no_errors():
    issues = run_checks(PROJECT)
    assert not issues.errors, "\n".join(i.format() for i in issues.errors)


def test_real_content_is_fully_translated_and_up_to_date():
    state = translation_state(ROOT)
    assert state == {"en": {"missing": [], "outdated": [], "untracked": []}}
