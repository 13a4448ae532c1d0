"""What a rebuild under ``mkdocs serve`` has to redo after an edit.

An edit that touches only the default language's pages (``content/id/...``) changes no page
of another language, except the pages another language takes from the default one
(fallback): the preview rebuilds the default language alone and keeps the other
languages' pages from the previous rebuild. Any other change (module.yml, quiz.yml,
facts, an English page, a template, mkdocs.yml) rebuilds every language.

Under ``mkdocs serve --dirty`` (``make serve``), an edit that touches only lessons, trainer
notes or handout texts of modules (files that existed before) rebuilds those pages alone:
their text is exact, and every other page is the one of the last rebuild, which the edit
cannot have changed (a module's title, summary and place in the navigation come from its
module.yml). Any other change rebuilds every page.
"""

from __future__ import annotations

import os
from pathlib import Path

from bekal.routes import module_of_source

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


def only_lessons(before: Snapshot | None, after: Snapshot) -> bool:
    """Whether every file changed since ``before`` is a module page (lesson, trainer notes,
    handout text) that was there before and still is."""
    if before is None:
        return False
    edited = changed(before, after)
    return bool(edited) and all(path in before and path in after and _module_of(path)
                                for path in edited)


def edited_modules(before: Snapshot | None, after: Snapshot) -> set[str]:
    """The modules whose pages changed since ``before``."""
    return {slug for path in changed(before or {}, after) if (slug := _module_of(path))}


def _module_of(path: str) -> str | None:
    """The module whose page ``path`` is ('content/<lang>/modul/<slug>/index.md'), if any."""
    parts = path.replace(os.sep, "/").split("/", 2)
    page = module_of_source(parts[2]) if len(parts) == 3 and parts[0] == "content" else None
    return page[0] if page else None


def only_language(before: Snapshot | None, after: Snapshot, lang: str) -> bool:
    """Whether every file changed since ``before`` is a page of ``lang`` (content/<lang>/)."""
    if before is None:
        return False
    edited = changed(before, after)
    prefix = f"content/{lang}/"
    return bool(edited) and all(path.replace(os.sep, "/").startswith(prefix)
                                for path in edited)
