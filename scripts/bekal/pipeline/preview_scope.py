"""What a rebuild under ``mkdocs serve`` has to redo after an edit.

An edit that touches only the default language's pages (``content/id/...``) changes no page
of another language, except the pages another language takes from the default one
(fallback): the preview rebuilds the default language alone and keeps the other
languages' pages from the previous rebuild. Any other change (module.yml, quiz.yml,
facts, an English page, a template, mkdocs.yml) rebuilds every language.
"""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("mkdocs.yml", "modules", "content", "overrides")

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Path (relative to ``root``), change time and size of every file a page is made from."""
    found: Snapshot = {}
    for name in WATCHED:
        path = root / name
        if path.is_file():
            stat = path.stat()
            found[name] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, _, files in os.walk(path):
            for file in files:
                full = os.path.join(folder, file)
                stat = os.stat(full)
                found[os.path.relpath(full, root)] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: Snapshot, after: Snapshot) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def only_language(before: Snapshot | None, after: Snapshot, lang: str) -> bool:
    """Whether every file changed since ``before`` is a page of ``lang`` (content/<lang>/)."""
    if before is None:
        return False
    edited = changed(before, after)
    prefix = f"content/{lang}/"
    return bool(edited) and all(path.replace(os.sep, "/").startswith(prefix)
                                for path in edited)
