"""Modules against each other, their tracks and their prose."""

from __future__ import annotations

from collections import defaultdict

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.routes import MODULES, lesson_source


def check(project: Project, issues: IssueList) -> None:
    codes: dict[str, str] = {}
    orders: dict[tuple[str, int], str] = {}
    for slug, entry in sorted(project.modules.items()):
        if entry.module is None:
            continue
        m, loaded = entry.data, entry.module
        if m.track not in project.tracks:
            issues.add(loaded.path, loaded.line("track"), "unknown-track",
                       f"module '{slug}' names track '{m.track}', which does not exist",
                       f"use one of: {', '.join(sorted(project.tracks))}")
        all_codes = [(m.code, ("code",)), *((c, ("sections", c)) for c in m.sections)]
        for code, loc in all_codes:
            if code in codes:
                issues.add(loaded.path, loaded.line(*loc), "duplicate-code",
                           f"short code '{code}' is already used by module '{codes[code]}'",
                           "short codes are permanent links: pick a new, unused code")
            else:
                codes[code] = slug
        key = (m.track, m.order)
        if key in orders:
            issues.add(loaded.path, loaded.line("order"), "duplicate-order",
                       f"order {m.order} in track '{m.track}' is also used by '{orders[key]}'",
                       "give each module of a track its own order number")
        else:
            orders[key] = slug
        total = sum(a.minutes for a in m.activities)
        if total != m.minutes:
            issues.add(loaded.path, loaded.line("activities"), "minutes-mismatch",
                       f"activities add up to {total} minutes, but minutes is {m.minutes}",
                       "make the activities' minutes add up to the module's minutes")
        for i, key_ in enumerate(m.facts):
            if key_ not in project.facts:
                issues.add(loaded.path, loaded.line("facts", i), "unknown-fact",
                           f"fact '{key_}' is not in modules/facts.yml",
                           "use a key from modules/facts.yml")
        if entry.quiz is None and not entry.quiz_present:
            issues.add(entry.dir / "quiz.yml", 0, "module-missing-file",
                       f"module '{slug}' has no quiz.yml", "add a quiz with at least one question")
        for lang in project.config.codes:
            page = project.content_dir / lang / lesson_source(slug)
            if not page.exists():
                issues.add(page, 0, "missing-prose",
                           f"module '{slug}' has no lesson in '{lang}'",
                           f"write content/{lang}/{lesson_source(slug)}")
    _prose_without_module(project, issues)


def _prose_without_module(project: Project, issues: IssueList) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for lang in project.config.codes:
        folder = project.content_dir / lang / MODULES
        if not folder.is_dir():
            continue
        for page_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            seen[page_dir.name].append(lang)
            if page_dir.name not in project.modules:
                issues.add(page_dir / "index.md", 0, "orphan-prose",
                           f"prose for '{page_dir.name}' but no modules/{page_dir.name}/module.yml",
                           f"create the module with: bekal new {page_dir.name} --track <track>, "
                           "or fix the folder name")
