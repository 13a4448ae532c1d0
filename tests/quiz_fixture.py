"""The fixture quiz shared by the quiz tests: tests/golden/quiz/quiz.yml. The facts it names
(uji.hotline, uji.aturan) are in the test project's registry (tests/fixtures/project)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bekal.model.schema import Quiz

GOLDEN = Path(__file__).parent / "golden" / "quiz"


def fixture_data() -> dict:
    return yaml.safe_load((GOLDEN / "quiz.yml").read_text("utf-8"))


def fixture_quiz() -> Quiz:
    return Quiz.model_validate(fixture_data())


def fact_free(text: str) -> str:
    """The longest stretch of ``text`` without a fact reference: what a page shows verbatim."""
    return max(re.split(r"\{\{.*?\}\}", text), key=len).strip(" ,.")
