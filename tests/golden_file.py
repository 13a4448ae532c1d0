"""Golden files: a test's output compared with a file committed beside the tests.

A missing or different golden file fails the test with a diff and the way to update it:
    BEKAL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/<the test file>.py
which writes the files; read the diff (git diff tests/golden) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

UPDATE = os.environ.get("BEKAL_UPDATE_GOLDEN") == "1"
HINT = ("if the change is intended, run with BEKAL_UPDATE_GOLDEN=1 to write the golden "
        "file, then read `git diff tests/golden` before committing it")


def diff(expected: str, actual: str, name: str, limit: int = 60) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(keepends=True),
                                      actual.splitlines(keepends=True),
                                      f"{name} (golden)", f"{name} (this run)"))
    shown = "".join(lines[:limit])
    if len(lines) > limit:
        shown += f"... {len(lines) - limit} more diff line(s)\n"
    return shown


def assert_golden(path: Path, actual: str, update: bool | None = None) -> None:
    """``actual`` equals the golden file ``path``; with the update switch, write it first."""
    if UPDATE if update is None else update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8")
    if not path.exists():
        pytest.fail(f"golden file {path.name} is missing ({path}); {HINT}.\n"
                    + diff("", actual, path.name), pytrace=False)
    expected = path.read_text("utf-8")
    if actual != expected:
        pytest.fail(f"output differs from golden file {path.name}; {HINT}.\n"
                    + diff(expected, actual, path.name), pytrace=False)
