"""The fixture quiz shared by the quiz tests: tests/golden/quiz/{quiz,fact}.yml."""

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


def with_test_fact(root: Path) -> Path:
    """The fact the fixture quiz refers to, appended to a fixture project's registry."""
    with (root / "modules" / "facts.yml").open("a", encoding="utf-8") as out:
        out.write("\n" + (GOLDEN / "fact.yml").read_text("utf-8"))
    return root


def fact_free(text: str) -> str:
    """The longest stretch of ``text`` without a fact reference: what a page shows verbatim."""
    return max(re.split(r"\{\{.*?\}\}", text), key=len).strip(" ,.")
