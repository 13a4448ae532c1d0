"""The facts registry: well-formed values, and trust marks for what pages use."""

from __future__ import annotations

import re

from ..issues import IssueList, Severity
from ..project import Project

PHONE = re.compile(r"^\+?[0-9][0-9 \-]{1,20}[0-9]$")
WHATSAPP = re.compile(r"^\+[1-9][0-9 \-]{6,20}[0-9]$")
URL = re.compile(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)+(/[^\s]*)?$")
EMAIL = re.compile(r"^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")

_RULES = {
    "phone": (PHONE, "write digits with spaces or dashes, e.g. 0800-1000 or +62 21 2924 4800"),
    "whatsapp": (WHATSAPP, "write the full international number with +, e.g. +62 811-8080-141"),
    "url": (URL, "write a full https:// address, e.g. https://kp2mi.go.id"),
    "email": (EMAIL, "write a plain address, e.g. name@example.go.id"),
}


def check_values(project: Project, issues: IssueList) -> None:
    for key, loaded in project.facts.items():
        fact = loaded.model
        rule = _RULES.get(fact.kind)
        if rule is None:
            continue
        pattern, hint = rule
        values = fact.value.values() if isinstance(fact.value, dict) else [fact.value]
        for value in values:
            if not pattern.match(value):
                issues.add(loaded.path, loaded.line("value"), f"fact-bad-{fact.kind}",
                           f"fact '{key}' ({fact.kind}) has a malformed value '{value}'", hint)


def check_use(project: Project, key: str, path, line: int, issues: IssueList,
              publish: bool) -> None:
    """A page uses fact ``key``: unknown is an error, unverified a warning (error to publish)."""
    if key not in project.facts:
        issues.add(path, line, "unknown-fact", f"fact '{key}' is not in modules/facts.yml",
                   "check the spelling, or add the fact to modules/facts.yml with its source")
        return
    fact = project.fact(key)
    if fact.unverified:
        why = "low confidence" if fact.confidence == "low" else "not verified"
        issues.add(path, line, "fact-unverified",
                   f"fact '{key}' is {why} (seen {fact.seen})",
                   "check it against the official live source and set 'verified: <date>'",
                   Severity.ERROR if publish else Severity.WARNING)
