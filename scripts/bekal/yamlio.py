"""YAML loading that remembers the line of every key and item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .issues import IssueList
from .textfile import read_text

Location = tuple[str | int, ...]


class LineMap(dict):
    """Maps a location (keys and list indexes) to its 1-based line number."""

    def line_of(self, loc: Location) -> int:
        """The line of ``loc``, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self:
                return self[loc]
            loc = loc[:-1]
        return self.get((), 1)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser where PyYAML has it (several times faster), else PyYAML's own; both
    give every node its line."""


def _walk(node: yaml.Node, loc: Location, lines: LineMap, path: Path,
          issues: IssueList) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in out:
                issues.add(path, key_node.start_mark.line + 1, "yaml-duplicate-key",
                           f"key '{key}' appears twice in the same block",
                           "remove or rename one of them")
            lines[(*loc, key)] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, (*loc, key), lines, path, issues)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(child, (*loc, i), lines, path, issues)
                for i, child in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = _Loader("")


def _scalar(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _CONSTRUCTOR.construct_object(node)
    # a mapping or list used as a key is unusual; give its text form
    return str(node.value)


def load_yaml(path: Path, issues: IssueList) -> tuple[Any, LineMap] | None:
    """Parse ``path``; on any problem record an issue and return None."""
    text = read_text(path, issues)
    if text is None:
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        issues.add(path, line, "yaml-syntax", f"YAML cannot be read: {err.problem}",
                   "check indentation and quoting; a value with ':' or '{' needs quotes")
        return None
    except yaml.YAMLError as err:
        issues.add(path, 1, "yaml-syntax", f"YAML cannot be read: {err}",
                   "check indentation and quoting")
        return None
    lines = LineMap()
    if node is None:
        return None, lines
    try:
        return _walk(node, (), lines, path, issues), lines
    except yaml.YAMLError as err:
        issues.add(path, node.start_mark.line + 1, "yaml-syntax",
                   f"YAML value cannot be read: {err}", "check the value's type")
        return None
