"""Bekal reads YAML with libyaml's parser when PyYAML has it, and PyYAML's own otherwise:
both must give an author the same values, the same lines and the same issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from bekal.model import yamlio
from bekal.model.issues import IssueList
from conftest import ROOT

pytestmark = pytest.mark.skipif(yamlio.LibyamlEvents is None, reason="PyYAML without libyaml")

FAST = yamlio.loader_class(yamlio.LibyamlEvents) if yamlio.LibyamlEvents else None
PYTHON = yamlio.loader_class(yamlio.PythonEvents)

TEXTS = {
    "unclosed list": "a: [1, 2\n",
    "bad indent": "a:\n  b: 1\n c: 2\n",
    "value after value": "a: b: c\n",
    "tab": "a:\n\t- x\n",
    "list then key": "- a\nb: 1\n",
    "unclosed quote": "a: 'x\n",
    "control character": "a: \x07\n",
    "python tag": "a: !!python/object:os.system x\n",
    "unknown alias": "a: &x [1]\nb: *y\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "too deep": "[" * 100 + "\n",
    "too deep blocks": "".join(f"{'  ' * i}k{i}:\n" for i in range(60)) + "  " * 60 + "x\n",
    "impossible date": "checked: 2026-02-30\n",
    "not a date": "checked: 2026-13-45\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "merge": "base: &b {x: 1, y: 2}\nit:\n  <<: *b\n  y: 3\n",
    "bad merge": "<<: [1]\n",
    "complex key": "? [a]\n: 1\n",
    "custom tag": "a: !custom x\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "block scalar": "text: |\n  one\n  two\nnext: 2\n",
    "unicode": "nama: Sri Lestari — Pekerja\nkota: \"Hà Nội\"\n",
}


def _read(loader: type, text: str, name: str = "x.yml"):
    issues = IssueList(Path("."))
    parsed = yamlio._parse(Path(name), text, issues, loader)
    return parsed, [(i.line, i.code) for i in issues]


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_both_parsers_give_the_same_values_lines_and_issues(text):
    assert _read(FAST, text) == _read(PYTHON, text)


def test_both_parsers_read_every_yaml_file_of_the_project_alike():
    files = sorted(p for d in ("modules", "tests/fixtures") for p in (ROOT / d).rglob("*.yml"))
    assert len(files) > 20
    for path in files:
        text = path.read_text("utf-8")
        fast, python = _read(FAST, text, path.name), _read(PYTHON, text, path.name)
        assert fast == python, path
        assert fast[0] is not None and fast[1] == [], path  # and they are clean


def test_the_tab_that_libyaml_does_not_name_is_named():
    issues = IssueList(Path("."))
    yamlio._parse(Path("x.yml"), TEXTS["tab"], issues, FAST)
    assert "found character '\\t'" in issues[0].message
