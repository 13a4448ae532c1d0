"""Every content check, run over a loaded project. Each check module adds issues."""

from __future__ import annotations

from .. import services, site_address
from ..issues import IssueList
from ..project import Project
from ..shortlinks_lock import check_short_links
from . import facts, languages, modules, prose, quiz


def run_checks(project: Project, publish: bool = False) -> IssueList:
    """All problems at once: loading, schema, cross-file and prose checks."""
    issues = IssueList(project.root)
    issues.extend(project.issues)
    languages.check(project, issues)
    modules.check(project, issues)
    quiz.check(project, issues)
    facts.check_values(project, issues)
    prose.check(project, issues, publish)
    services.check(project, issues)
    issues.extend(check_short_links(project, publish))
    if publish:
        site_address.check(project.root, project.config.site_url, issues)
    return _once_per_file(issues)


def _once_per_file(issues: IssueList) -> IssueList:
    """An unverified fact is reported once, at its first use, not on every line."""
    out = IssueList(issues.root)
    seen = set()
    for issue in sorted(issues):
        if issue.code == "fact-unverified":
            if issue.message in seen:
                continue
            seen.add(issue.message)
        out.append(issue)
    return out
