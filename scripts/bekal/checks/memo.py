"""Check work remembered between runs of one long-lived process (``mkdocs serve``): a
rebuild after an edit checks again only the texts that changed.

Only work on one file that reads nothing but that file is remembered. Its key is all it
reads (the project root, the file's path and its text); its value is what it found, as
records no check changes (``Issue``, headings, links), in tuples. Work that reads other
files — the facts and their trust (which also depends on today's date), the tracks, the
glossary, links and heading ids between pages — is never remembered: every run does it
anew, from the remembered parts, so a run reports exactly what a first run would.

Within one run (``one_run``), each file is also read only once, and each loaded YAML model
walked once: every check sees the same text, and the problems of reading it.

A run given a store (``one_run(store=...)``, memo_store.py) also keeps this work on disk, so
that the next ``bekal check`` or build, a new process, re-checks only the texts that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from bekal.model.issues import Issue, IssueList
from bekal.model.textfile import read_text

from . import memo_store

# texts remembered per kind of work: enough for a project of about 1,300 modules per
# language (a module has about three pages per language), the oldest forgotten first
SIZE = 8192

F = TypeVar("F", bound=Callable)
_REMEMBERED: list = []
T = TypeVar("T")
_RUN: dict[Hashable, tuple[object, object]] | None = None  # while the checks run
_STORE: memo_store.Store | None = None  # the current run's work on disk, if it keeps any
_STORES: dict[Path, memo_store.Store] = {}  # every store this process has read, by file


def remembered(function: F | None = None, *, size: int = SIZE):
    """``function`` (of hashable arguments only, returning an immutable value) remembered
    for its ``size`` most recent arguments: ``@remembered`` or ``@remembered(size=…)``."""
    if function is None:
        return lambda function: remembered(function, size=size)
    name = f"{function.__module__}.{function.__qualname__}"

    def kept(*args):
        if _STORE is None:
            return function(*args)
        return _STORE.value(memo_store.key_of(name, args), lambda: function(*args))

    cached = lru_cache(maxsize=size)(kept)
    _REMEMBERED.append(cached)
    return cached


def forget() -> None:
    """Forget everything remembered, on disk too (the next run checks every text anew)."""
    for cached in _REMEMBERED:
        cached.cache_clear()
    for store in _STORES.values():
        store.forget()
    _STORES.clear()


@contextmanager
def one_run(store: Path | None = None, save: bool = True) -> Iterator[None]:
    """The checks' run: what ``once`` makes in it is made once, and forgotten after.
    ``store``: the file that keeps remembered work between processes (memo_store.py),
    written at the end of the run unless ``save`` is false."""
    global _RUN, _STORE
    outer, _RUN = _RUN, {}
    outer_store = _STORE
    if store is not None:
        if store not in _STORES:
            _STORES[store] = memo_store.Store(store)  # read once per process
        _STORE = _STORES[store]
    try:
        yield
    finally:
        if store is not None and save:
            _STORE.save()
        _RUN, _STORE = outer, outer_store


def once(key: Hashable, owner: object, make: Callable[[], T]) -> T:
    """``make()``, made once per ``key`` within ``one_run`` (each time outside it);
    ``owner`` is the object the key stands for, so a key naming an object by its id cannot
    be taken by another object."""
    if _RUN is None:
        return make()
    hit = _RUN.get(key)
    if hit is None or hit[0] is not owner:
        hit = _RUN[key] = (owner, make())
    return hit[1]


def read(path: Path, issues: IssueList) -> str | None:
    """``read_text``, once per file within ``one_run``; its problems go to every caller."""
    def make() -> tuple[str | None, tuple[Issue, ...]]:
        found = IssueList(issues.root)
        return read_text(path, found), tuple(found)

    text, found = once(("read", issues.root, path), None, make)
    issues.extend(found)
    return text
