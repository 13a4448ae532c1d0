"""First and next view of every page type, as `make bench` and `make audit` report them.

First view: the page with a cold cache. Next view: the same page type's sibling (the next
track, module, trainer guide or module kit page; after the creators' hub, a module's kit
page; after any other page, the module page) loaded with the cache the first view left.
"""

from __future__ import annotations

from bekal.model.project import Project

from .browser import PHONE
from .pagetypes import page_types
from .weight import first_and_next


def page_type_views(browser, host: str, project: Project) -> list[dict]:
    """One row per page type and language: first-view and next-view bytes and requests."""
    rows = []
    for kind in page_types(project):
        following = kind.following
        cold, warm = first_and_next(browser, host + kind.path, host + following, **PHONE)
        rows.append({"page": kind.label, "path": kind.path, "next_path": following,
                     "first_bytes": cold.bytes, "first_requests": cold.requests,
                     "next_bytes": warm.bytes, "failed": cold.failed + warm.failed})
    return rows


def views_table(rows: list[dict]) -> str:
    lines = ["| page | first view KB | requests | next page KB |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['page']} | {r['first_bytes'] / 1024:.1f} | {r['first_requests']} "
                     f"| {r['next_bytes'] / 1024:.1f} |")
    return "\n".join(lines)
