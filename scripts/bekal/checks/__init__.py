"""Every content check, run over a loaded project. Each check module adds issues."""

from __future__ import annotations

from ..issues import IssueList
from ..project import Project


def run_checks(project: Project, publish: bool = False) -> IssueList:
    issues = IssueList(project.root)
    issues.extend(project.issues)
    return issues
