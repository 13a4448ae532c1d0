"""Check work kept on disk between runs (``memo.py``): a new ``bekal check`` or build re-checks
only the texts that changed since the last run in the same project.

- One JSON file per project (``.cache/checks/memo.json``). An entry's key is the remembered
  function's name and a digest of its arguments, which are all it reads (memo.py); its value
  is what it found, written as JSON.
- A value may hold only plain values, tuples and the record types named by ``storable``
  (``Issue`` and the prose check's page records). Reading a value builds those records and
  nothing else, so a changed file cannot make the checks run any code.
- The file is valid only for the code that wrote it: Bekal's own source and the versions of
  the libraries the remembered checks use (``code_fingerprint``). Other code ignores it.
- It keeps only the entries this process used, so what no page needs any more goes. It is
  written at the end of a run, whole and atomically; a folder that cannot be written only
  costs the next run its speed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import bekal
from bekal.model.issues import Issue, Severity

FORMAT = "1"
# the libraries whose results the remembered checks keep: Markdown renders and scans the
# pages, the sanitizer judges their HTML, PyYAML reads front matter
LIBRARIES = ("Markdown", "pymdown-extensions", "nh3", "PyYAML")
_RECORDS: dict[str, type] = {"Issue": Issue, "Severity": Severity}
T = TypeVar("T")


class _NotStorable(TypeError):
    pass


def storable(*classes: type) -> None:
    """Let remembered values hold these dataclasses (and enums), by class name; two classes
    of one name cannot both be stored."""
    for cls in classes:
        if _RECORDS.setdefault(cls.__name__, cls) is not cls:
            raise ValueError(f"another stored record is already called {cls.__name__}")


@cache
def code_fingerprint() -> str:
    """Bekal's source, the remembered checks' libraries and Python: what else shapes a result."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    package = Path(bekal.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key_of(name: str, args: tuple) -> str:
    """An entry's key: the function's name and a digest of its arguments (texts, paths)."""
    return name + ":" + hashlib.sha256(repr(args).encode("utf-8", "surrogatepass")).hexdigest()


def encode(value):
    if isinstance(value, Enum):
        return {"@enum": type(value).__name__, "value": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if _RECORDS.get(type(value).__name__) is not type(value):
            raise _NotStorable(type(value).__name__)
        return {"@": type(value).__name__,
                **{f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise _NotStorable(type(value).__name__)


def decode(data):
    """A value from its JSON; KeyError or TypeError for anything ``encode`` does not write."""
    if isinstance(data, list):
        return tuple(decode(item) for item in data)
    if isinstance(data, dict):
        if "@enum" in data:
            return _RECORDS[data["@enum"]](data["value"])
        cls = _RECORDS[data["@"]]
        return cls(**{name: decode(item) for name, item in data.items() if name != "@"})
    return data


class Store:
    """The remembered check work of one project, as read from and written to ``path``."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, object] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("code") == code_fingerprint() \
                and isinstance(data.get("entries"), dict):
            self.entries = data["entries"]

    def value(self, key: str, make: Callable[[], T]) -> T:
        """The kept value of ``key``, or ``make()``'s, kept for the next run."""
        if key in self.entries:
            try:
                found = decode(self.entries[key])
            except (KeyError, TypeError, ValueError):
                pass  # not written by this code: made anew below
            else:
                self.used.add(key)
                return found
        made = make()
        try:
            self.entries[key] = encode(made)
        except _NotStorable:
            return made
        self.used.add(key)
        self.changed = True
        return made

    def save(self) -> None:
        """Write the entries this process used, if a run made any new one."""
        if not self.changed:
            return
        data = {"code": code_fingerprint(),
                "entries": {key: self.entries[key] for key in sorted(self.used)}}
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".memo-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, separators=(",", ":"))
            os.chmod(temporary, 0o644)
            os.replace(temporary, self.path)
        except OSError:  # a read-only project or a full disk: the next run checks all again
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return
        self.changed = False

    def forget(self) -> None:
        self.entries.clear()
        self.used.clear()
        self.changed = False
        with contextlib.suppress(OSError):  # nor, perhaps, its folder
            self.path.unlink(missing_ok=True)
