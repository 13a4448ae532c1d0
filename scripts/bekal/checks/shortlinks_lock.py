"""The lock file of published short codes, and the check that keeps them working.

``modules/shortlinks.lock.yml`` lists every published code with its module (and heading
id for a section code). A code said in a video must work forever, so ``bekal check``
fails when a locked code disappears or moves to another module. New codes are added
only by ``bekal publish-codes`` (run it when you publish), never by a build: a local
preview must not make a draft code permanent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bekal.model.issues import IssueList, Severity
from bekal.model.project import Project
from bekal.model.shortlinks import (
    ShortLink,
    heading_ids,
    lesson_file,
    module_links,
    page_links,
    short_links,
)
from bekal.model.yamlio import load_yaml

LOCK_NAME = "shortlinks.lock.yml"
LOCK_HEADER = """\
# Published short codes: code -> module slug, slug#heading-id for a section code,
# or /page/ for a page that is not a module (modules/page-codes.yml).
# A code said in a video or printed on a poster must work forever: `bekal check` fails
# when a code listed here disappears from modules/*/module.yml or moves to another module.
# Add new codes with `bekal publish-codes` when you publish. Do not edit by hand.
"""
_TARGET = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([A-Za-z0-9_-]+))?$")
_PAGE_TARGET = re.compile(r"^/((?:[a-z0-9-]+/)+)$")  # a page code: '/bantuan/'
PAGE_CODES = "page-codes.yml"


@dataclass(frozen=True)
class Locked:
    code: str
    slug: str
    anchor: str | None
    line: int
    page: str | None = None


@dataclass(frozen=True)
class Defined:
    link: ShortLink
    path: Path
    line: int


def lock_path(project: Project) -> Path:
    return project.root / "modules" / LOCK_NAME


def read_lock(project: Project, issues: IssueList) -> dict[str, Locked]:
    """The published codes; problems with the file itself go to ``issues``."""
    path = lock_path(project)
    if not path.exists():
        return {}
    loaded = load_yaml(path, issues)
    if loaded is None:
        return {}  # not readable: load_yaml reported why, and that is an error
    data, lines = loaded
    if data is None or data == {}:
        issues.add(path, 1, "shortlink-lock-empty",
                   f"{LOCK_NAME} lists no published codes, so none of them is protected",
                   "restore it from version control (git checkout -- modules/" + LOCK_NAME
                   + "); to start afresh, delete the file, then run `bekal publish-codes`")
        return {}
    if not isinstance(data, dict):
        issues.add(path, 1, "shortlink-lock-invalid", f"{LOCK_NAME} must be 'code: slug' lines",
                   "restore it from version control (git checkout -- modules/" + LOCK_NAME + ")")
        return {}
    locked = {}
    for code, target in data.items():
        match = _TARGET.match(str(target or ""))
        line = lines.line_of((code,))
        page = _PAGE_TARGET.match(str(target or ""))
        if page:
            locked[str(code)] = Locked(str(code), "", None, line, page.group(1))
            continue
        if not match:
            issues.add(path, line, "shortlink-lock-invalid",
                       f"'{code}: {target}' is not 'code: slug' or 'code: slug#heading-id'",
                       "restore the line from version control")
            continue
        locked[str(code)] = Locked(str(code), match.group(1), match.group(2), line)
    return locked


def defined_links(project: Project) -> dict[str, list[Defined]]:
    """Every short code in the valid modules, with where it is written."""
    found: dict[str, list[Defined]] = {}
    for entry in sorted(project.modules.values(), key=lambda e: e.slug):
        if not entry.module:
            continue
        for link in module_links(entry):
            loc = ("sections", link.code) if link.anchor else ("code",)
            found.setdefault(link.code, []).append(
                Defined(link, entry.module.path, entry.module.line(*loc)))
    for loaded, link in zip(project.page_codes, page_links(project), strict=True):
        found.setdefault(link.code, []).append(Defined(link, loaded.path, loaded.line("code")))
    return found


def check_short_links(project: Project, publish: bool = False) -> IssueList:
    """Section codes without their heading, and the lock file rules.

    (Duplicate codes are reported by ``checks.modules``.)
    """
    issues = IssueList(project.root)
    defined = defined_links(project)
    _check_anchors(project, defined, issues)
    locked = read_lock(project, issues)
    _check_locked(project, locked, defined, issues)
    new = [code for code in defined if code not in locked]
    if new:
        severity = Severity.ERROR if publish else Severity.WARNING
        issues.add(lock_path(project), 0, "shortlink-unpublished",
                   f"{len(new)} short code(s) are not published yet: {', '.join(sorted(new))}",
                   "run `bekal publish-codes` when you publish the site, then commit "
                   f"modules/{LOCK_NAME}", severity)
    return issues


def _check_anchors(project: Project, defined: dict[str, list[Defined]],
                   issues: IssueList) -> None:
    for places in defined.values():
        for place in places:
            link = place.link
            if not link.anchor:
                continue
            for lang in project.config.codes:
                lesson = lesson_file(project, link.slug, lang)
                if lesson.exists() and link.anchor not in heading_ids(lesson):
                    issues.add(place.path, place.line, "shortlink-anchor-missing",
                               f"section code '{link.code}' points to heading id "
                               f"'{link.anchor}', which {issues.relative(lesson)} does not have",
                               f"add {{#{link.anchor}}} to that heading in every language, "
                               "or correct the id under sections:")


def _check_locked(project: Project, locked: dict[str, Locked],
                  defined: dict[str, list[Defined]], issues: IssueList) -> None:
    path = lock_path(project)
    for code, old in locked.items():
        if old.page is not None:
            _check_locked_page(project, old, defined.get(code), issues)
            continue
        entry = project.modules.get(old.slug)
        if entry is not None and entry.module is None:
            continue  # the module has schema errors of its own; its codes are unknown
        places = defined.get(code)
        if not places:
            gone = "" if entry else f" (module '{old.slug}' no longer exists)"
            where = "under sections: with its heading id" if old.anchor else "as code:"
            issues.add(path, old.line, "shortlink-removed",
                       f"published short code '{code}' ({old.slug}) is in no module.yml{gone}",
                       f"put '{code}' back in modules/{old.slug}/module.yml {where}; "
                       "links in published videos use it")
            continue
        now = places[0]
        if now.link.slug != old.slug:
            issues.add(now.path, now.line, "shortlink-moved",
                       f"short code '{code}' is published for module '{old.slug}' "
                       f"but is now in '{now.link.slug}'",
                       f"give '{now.link.slug}' a new code and put '{code}' back in "
                       f"modules/{old.slug}/module.yml")
        elif now.link.anchor != old.anchor:
            issues.warn(now.path, now.line, "shortlink-anchor-changed",
                        f"short code '{code}' was published for heading "
                        f"'{old.anchor or '(top)'}' and now points to "
                        f"'{now.link.anchor or '(top)'}'",
                        "keep the old heading id if you can; otherwise run "
                        "`bekal publish-codes` to record the new one")


def _check_locked_page(project: Project, old: Locked, places: list[Defined] | None,
                       issues: IssueList) -> None:
    where = f"modules/{PAGE_CODES}"
    if not places:
        issues.add(lock_path(project), old.line, "shortlink-removed",
                   f"published short code '{old.code}' (/{old.page}) is in no module.yml "
                   f"and not in {where}",
                   f"put '- code: {old.code}' with 'page: {old.page}' back in {where}; "
                   "links in published videos use it")
    elif places[0].link.page != old.page:
        issues.add(places[0].path, places[0].line, "shortlink-moved",
                   f"short code '{old.code}' is published for page /{old.page} but now "
                   f"points elsewhere", f"give the new target its own code and put "
                   f"'{old.code}' back on page: {old.page}")


def publish_codes(project: Project) -> tuple[list[str], IssueList]:
    """Add new codes to the lock file (and record changed heading ids).

    Returns the codes written and the check's issues; nothing is written while the
    short links have errors.
    """
    issues = check_short_links(project)
    if issues.errors:
        return [], issues
    locked = read_lock(project, IssueList(project.root))
    path = lock_path(project)
    lines = path.read_text("utf-8").splitlines(keepends=True) if path.exists() else [LOCK_HEADER]
    written = []
    for link in short_links(project) + page_links(project):
        code = link.code
        entry = f"{code}: {link.target}\n"
        if code not in locked:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines.append(entry)
            written.append(code)
        elif locked[code].page is None and locked[code].anchor != link.anchor:
            lines[locked[code].line - 1] = entry
            written.append(code)
    if written:
        path.write_text("".join(lines), "utf-8")
    return written, issues
