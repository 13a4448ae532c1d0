"""Every content check, run over a loaded project. Each check module adds issues."""

from __future__ import annotations

from bekal.model import site_address
from bekal.model.issues import IssueList
from bekal.model.project import Project

from . import content_rules, facts, languages, memo, modules, phone, prose, quiz, safety, services
from .shortlinks_lock import check_short_links

STORE = ".cache/checks/memo.json"  # in the project: its checked texts' results (memo_store.py)


def run_checks(project: Project, publish: bool = False, save: bool = True) -> IssueList:
    """All problems at once: loading, schema, cross-file and prose checks. The work on each
    unchanged text is kept from the last run in ``.cache/checks`` (memo.py); a check for
    publishing keeps nothing and checks every text anew. ``save=False``: the kept work is
    read but not written (a long-lived process remembers its own work, and writing the
    whole store after every edit would slow its rebuilds)."""
    store = None if publish else project.root / STORE
    with memo.one_run(store, save=save):
        return _once_per_file(_run(project, publish))


def _run(project: Project, publish: bool) -> IssueList:
    issues = IssueList(project.root)
    issues.extend(project.issues)
    languages.check(project, issues)
    modules.check(project, issues)
    quiz.check(project, issues)
    facts.check_values(project, issues)
    facts.check_help_boxes(project, issues, publish)
    prose.check(project, issues, publish)
    phone.check(project, issues, publish)
    safety.check(project, issues)
    content_rules.check(project, issues)
    services.check(project, issues)
    issues.extend(check_short_links(project, publish))
    if publish:
        site_address.check(project.root, project.config.site_url, issues)
    return issues


def _once_per_file(issues: IssueList) -> IssueList:
    """A doubtful fact is reported once, at its first use, not on every line.

    A conflict or a stale fact once for the whole site; a secondary fact on the help page
    once per help page (each language's page must be marked on its own).
    """
    out = IssueList(issues.root)
    seen, reported = set(), set()
    for issue in sorted(issues):
        same = (issue.path, issue.line, issue.code, issue.message)
        if same in reported:
            continue  # the same problem found by two checks
        reported.add(same)
        if issue.code in facts.ONCE_PER_FACT:
            key = (issue.code, issue.message) if issue.code != "fact-secondary-help" \
                else (issue.path, issue.code, issue.message)
            if key in seen:
                continue
            seen.add(key)
        out.append(issue)
    return out
