"""Every reader-visible text exists in every configured language."""

from __future__ import annotations

from pydantic import BaseModel

from bekal.model.issues import IssueList
from bekal.model.project import Loaded, Project

from . import memo

# Fields holding one text (or list of texts) per language.
_LOCALIZED = {"title", "summary", "caption", "objectives", "key_points", "checklist",
              "materials", "description", "prompt", "text", "explain", "advice", "label",
              "term", "definition"}


def _walk(value, loc: tuple):
    """Yield (location, {lang: …}) for every localized field inside a model."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if name in _LOCALIZED and isinstance(child, dict):
                yield (*loc, name), child
            else:
                yield from _walk(child, (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*loc, key))


def fields(model) -> list[tuple[tuple, dict]]:
    """``_walk(model, ())``: every localized field of a loaded model, walked once in a run
    of the checks (memo.py)."""
    return memo.once(("fields", id(model)), model, lambda: list(_walk(model, ())))


def check_loaded(project: Project, loaded: Loaded, issues: IssueList) -> None:
    langs = project.config.codes
    for loc, texts in fields(loaded.model):
        for lang in langs:
            if lang not in texts:
                issues.add(loaded.path, loaded.line(*loc), "missing-translation",
                           f"'{'.'.join(map(str, loc))}' has no '{lang}' text",
                           f"add a line '{lang}: …' with the text in that language")
        for lang in texts:
            if lang not in langs:
                issues.add(loaded.path, loaded.line(*loc, lang), "unknown-language",
                           f"'{'.'.join(map(str, loc))}' has a text for '{lang}', "
                           "which is not a configured language",
                           f"use one of: {', '.join(langs)}")


def check(project: Project, issues: IssueList) -> None:
    for collection in (project.tracks, project.facts, project.glossary):
        for loaded in collection.values():
            check_loaded(project, loaded, issues)
    for entry in project.modules.values():
        for loaded in (entry.module, entry.quiz):
            if loaded is not None:
                check_loaded(project, loaded, issues)
