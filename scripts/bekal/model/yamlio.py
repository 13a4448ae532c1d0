"""YAML loading that remembers the line of every key and item.

Loading is bounded: a file may not nest deeper than ``MAX_DEPTH`` blocks or lists, and
aliases (``*name``) may not repeat more than ``MAX_ALIAS_NODES`` values in all, so a
small file cannot make the checker build a huge tree ("billion laughs"). Every problem
is an issue in words an author reads, at the line where it is.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .issues import IssueList
from .textfile import read_text

Location = tuple[str | int, ...]

MAX_DEPTH = 40
MAX_ALIAS_NODES = 5000
_MERGE_TAG = "tag:yaml.org,2002:merge"


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


class _Refused(Exception):
    """A file that is well-formed YAML but too deep or too repetitive to load."""

    def __init__(self, line: int, code: str, message: str, hint: str):
        super().__init__(message)
        self.line, self.code, self.message, self.hint = line, code, message, hint


class PythonEvents(Reader, Scanner, Parser):
    """PyYAML's own scanner and parser, in Python."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:  # libyaml's, when PyYAML was built with it: ten times faster, the same events
    from yaml._yaml import CParser as LibyamlEvents
except ImportError:  # pragma: no cover - PyYAML without libyaml
    LibyamlEvents = None


def loader_class(events: type) -> type:
    """A loader that composes nodes from ``events``' parser, with a depth limit.

    A parser turns text into events without recursing. The nodes are composed here, by
    PyYAML's composer, in Python, one call per level, so a file nested too deep is refused
    at ``MAX_DEPTH`` before any stack is at risk (libyaml's own composer has no limit)."""

    class Loader(events, Composer, Resolver):
        get_single_node = Composer.get_single_node

        def __init__(self, stream):
            events.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self._depth = 0

        def compose_node(self, parent, index):
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    mark = self.peek_event().start_mark
                    raise _Refused(mark.line + 1, "yaml-too-deep",
                                   f"blocks and lists are nested more than {MAX_DEPTH} levels "
                                   "deep",
                                   "write the data flatter; no Bekal file needs this much "
                                   "nesting")
                return Composer.compose_node(self, parent, index)
            finally:
                self._depth -= 1

    return Loader


_Loader = loader_class(LibyamlEvents or PythonEvents)


class _Walker:
    """Turns a node tree into plain data, recording lines; counts values reached by alias."""

    def __init__(self, path: Path, issues: IssueList, lines: LineMap):
        self.path, self.issues, self.lines = path, issues, lines
        self.seen: set[int] = set()
        self.open: set[int] = set()
        self.repeated = 0

    def walk(self, node: yaml.Node, loc: Location) -> Any:
        line = node.start_mark.line + 1
        if id(node) in self.open:
            raise _Refused(line, "yaml-aliases", "an alias (*name) refers to the block it is in",
                           "write the values out instead of using anchors and aliases")
        if len(self.open) > MAX_DEPTH:
            raise _Refused(line, "yaml-too-deep",
                           f"aliases nest the data more than {MAX_DEPTH} levels deep",
                           "write the values out instead of using anchors and aliases")
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_NODES:
                raise _Refused(node.start_mark.line + 1, "yaml-aliases",
                               "aliases (*name) repeat too much data "
                               f"(more than {MAX_ALIAS_NODES} values)",
                               "write the values out instead of using anchors and aliases")
        else:
            self.seen.add(id(node))
        self.lines.setdefault(loc, line)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.walk(child, (*loc, i)) for i, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Location) -> dict:
        pairs = self._merged(node)
        out: dict = {}
        for key_node, value_node in pairs:
            line = key_node.start_mark.line + 1
            key = self.key(key_node)
            if key in out:
                self.issues.add(self.path, line, "yaml-duplicate-key",
                                f"key '{key}' appears twice in the same block",
                                "remove or rename one of them")
            self.lines[(*loc, key)] = line
            out[key] = self.walk(value_node, (*loc, key))
        return out

    def _merged(self, node: yaml.MappingNode) -> list:
        """The mapping's pairs with merge keys (``<<: *base``) expanded, keys given first win."""
        own, merged = [], []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                own.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) \
                else [value_node]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self.issues.add(self.path, source.start_mark.line + 1, "yaml-syntax",
                                    "'<<:' must be followed by a block (or an alias of one)",
                                    "write the fields out, or point '<<:' at a block: <<: *name")
                    continue
                if id(source) in self.open:
                    raise _Refused(source.start_mark.line + 1, "yaml-aliases",
                                   "'<<:' merges the block it is in",
                                   "write the fields out instead")
                self.open.add(id(source))
                try:
                    merged.extend(self._merged(source))
                finally:
                    self.open.discard(id(source))
        keys = {self._plain(k) for k, _ in own}
        extra, seen = [], set()
        for key_node, value_node in merged:
            plain = self._plain(key_node)
            if plain not in keys and plain not in seen:
                seen.add(plain)
                extra.append((key_node, value_node))
        return own + extra

    @staticmethod
    def _plain(key_node: yaml.Node) -> Any:
        return key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)

    def key(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        kind = "block" if isinstance(node, yaml.MappingNode) else "list"
        self.issues.add(self.path, node.start_mark.line + 1, "yaml-syntax",
                        f"a key is a {kind}, not a name",
                        "write a plain name before the ':' (a '?' or '[' at the start of a "
                        "line makes a complex key)")
        return f"<{kind} at line {node.start_mark.line + 1}>"

    def scalar(self, node: yaml.Node) -> Any:
        try:
            return _CONSTRUCTOR.construct_object(node)
        except (ValueError, OverflowError):  # a date that looks like one but is not
            self.issues.add(self.path, node.start_mark.line + 1, "yaml-syntax",
                            f"'{node.value}' is not a real date",
                            "write a day that exists as year-month-day, e.g. 2026-11-20, "
                            "or quote the value to keep it as text")
            return None
        except yaml.YAMLError:
            if node.tag.startswith("!") or not node.tag.startswith("tag:yaml.org,2002:"):
                message = f"the tag '{node.tag}' is not allowed here"
                hint = "remove the '!…' before the value; Bekal files use plain values"
            else:
                message = f"'{node.value}' is not a valid {node.tag.rsplit(':', 1)[-1]}"
                hint = "quote the value to keep it as text"
            self.issues.add(self.path, node.start_mark.line + 1, "yaml-syntax", message, hint)
            return None


_CONSTRUCTOR = yaml.SafeLoader("")


def impossible_date(text: str, loader: type = yaml.SafeLoader) -> tuple[int, str]:
    """(1-based line, text) of the first value of ``text`` that looks like a date but is
    none (2026-02-30), for a file whose loading raised ValueError; (1, "") if none is."""
    constructor = loader("")

    def find(node: yaml.Node) -> tuple[int, str] | None:
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except (ValueError, OverflowError):
                return node.start_mark.line + 1, node.value
            except yaml.YAMLError:
                return None
            return None
        children = node.value if isinstance(node, yaml.SequenceNode) \
            else [child for pair in node.value for child in pair]
        for child in children:
            found = find(child)
            if found:
                return found
        return None

    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return 1, ""
    return (find(node) if node is not None else None) or (1, "")


def _problem(err: yaml.MarkedYAMLError, text: str) -> str:
    """The parser's words for what is wrong, with the character it means when it does not
    say which (libyaml: "found character that cannot start any token")."""
    problem = err.problem or err.context or "unexpected text"
    mark = err.problem_mark
    if problem.startswith("found character that") and mark is not None:
        lines = text.split("\n")
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            found = lines[mark.line][mark.column]
            problem = problem.replace("character", f"character {found!r}", 1)
    return problem


def load_yaml(path: Path, issues: IssueList) -> tuple[Any, LineMap] | None:
    """Parse ``path``; on any problem record an issue and return None."""
    if not path.is_file():
        issues.add(path, 0, "not-a-file", f"{path.name} is a folder, not a file",
                   f"remove or rename the folder and write {path.name} as a text file")
        return None
    text = read_text(path, issues)
    if text is None:
        return None
    key = (str(path), text)
    hit = _PARSED.get(key)
    if hit is not None:  # the same file, unchanged since the last build (mkdocs serve)
        return copy.deepcopy(hit[0]), hit[1]
    found = len(issues)
    parsed = _parse(path, text, issues)
    if parsed is not None and len(issues) == found:  # only a clean file is remembered
        if len(_PARSED) > 8192:
            _PARSED.clear()
        _PARSED[key] = (copy.deepcopy(parsed[0]), parsed[1])
    return parsed


# clean parses by (path, text): a preview's rebuild reads only the files that changed.
# The values are copied out, so nothing a caller changes reaches the next build.
_PARSED: dict[tuple[str, str], tuple[Any, LineMap]] = {}


def _parse(path: Path, text: str, issues: IssueList,
           loader_type: type | None = None) -> tuple[Any, LineMap] | None:
    """``loader_type``: another loader_class() than the fastest (tests compare them)."""
    loader = None
    try:
        loader = (loader_type or _Loader)(text)
        node = loader.get_single_node()
    except _Refused as err:
        issues.add(path, err.line, err.code, err.message, err.hint)
        return None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if mark and err.context_mark and mark.line >= len(text.splitlines()):
            mark = err.context_mark  # at the end of the file: say where the open part starts
        line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark else 1
        problem = _problem(err, text)
        issues.add(path, line, "yaml-syntax", f"YAML cannot be read: {problem}",
                   "check indentation and quoting; a value with ':' or '{' needs quotes")
        return None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        issues.add(path, line, "yaml-syntax",
                   f"the file holds a control character (code {err.character:#04x}) "
                   "that YAML does not allow",
                   "delete it; it is usually invisible, so retype the line")
        return None
    except yaml.YAMLError as err:
        issues.add(path, 1, "yaml-syntax", f"YAML cannot be read: {err}",
                   "check indentation and quoting")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    lines = LineMap()
    if node is None:
        return None, lines
    try:
        return _Walker(path, issues, lines).walk(node, ()), lines
    except _Refused as err:
        issues.add(path, err.line, err.code, err.message, err.hint)
        return None
