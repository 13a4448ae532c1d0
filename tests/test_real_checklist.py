"""The real "Is this job offer safe?" checklist (module cek-dulu) gives each of its verdicts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bekal.model.project import load_project
from conftest import ROOT

pytestmark = pytest.mark.browser

PROJECT = load_project(ROOT)
ENTRY = PROJECT.modules["cek-dulu"]
CHECKLIST = next(q for q in ENTRY.quiz.model.questions if q.type == "checklist")
RED = [o.id for o in CHECKLIST.options if o.red_flag]
GOOD = [o.id for o in CHECKLIST.options if not o.red_flag]
CASES = [(lang, v.min_flags, v.title[lang]) for lang in PROJECT.config.codes
         for v in CHECKLIST.verdicts]


@pytest.mark.parametrize(("lang", "flags", "title"), CASES)
def test_each_verdict_in_the_browser(page, site_url, lang, flags, title):
    page.goto(site_url + PROJECT.config.prefix(lang) + "modul/cek-dulu/")
    question = page.locator(f"#kuis-{CHECKLIST.id}")
    for option in RED[:flags] + GOOD[:1]:  # good signs never count as red flags
        question.locator(f'input[value="{option}"]').check()
    page.locator(".bekal-quiz__actions [type=submit]").first.click()
    expect(question.locator(".bekal-q__result")).to_have_text(title)
