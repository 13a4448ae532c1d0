"""The facts registry: well-formed values and sources, and trust rules for what pages use.

Publishing rules (``bekal check --publish``; plain ``bekal check`` warns instead):

- a fact whose sources disagree (conflict) or whose newest check is too old (stale) may not
  be on any page;
- a fact only others report (secondary) may not be on the help page or in the handouts'
  help boxes unless they mark it: the page with ``secondary_facts: marked`` in its front
  matter, the help boxes with ``extra: bekal: help_box_secondary: marked`` in mkdocs.yml.
  Marking says: an editor has decided the page may show these numbers with their mark.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bekal.model import trust
from bekal.model.issues import IssueList, Severity
from bekal.model.project import Project
from bekal.model.trust import Level
from bekal.routes import HELP_SOURCE

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
HELP_PAGE = HELP_SOURCE
MARKED = "marked"
# codes reported once per fact and page, not on every line (see checks.__init__)
ONCE_PER_FACT = {"fact-conflict", "fact-stale", "fact-secondary-help"}


def check_values(project: Project, issues: IssueList) -> None:
    for key, loaded in project.facts.items():
        fact = loaded.model
        rule = _RULES.get(fact.kind)
        if rule is not None:
            pattern, hint = rule
            values = fact.value.values() if isinstance(fact.value, dict) else [fact.value]
            for value in values:
                if not pattern.match(value):
                    issues.add(loaded.path, loaded.line("value"), f"fact-bad-{fact.kind}",
                               f"fact '{key}' ({fact.kind}) has a malformed value '{value}'",
                               hint)
        for i, check in enumerate(fact.checks):
            if trust.is_remark(check.value):
                issues.add(loaded.path, loaded.line("checks", i, "value"),
                           "fact-check-remark",
                           f"fact '{key}': a check's value '{check.value}' is a remark, not a "
                           "value; it counts as neither confirming nor contradicting",
                           "move it to the check's 'note' and remove 'value'",
                           Severity.WARNING)
            if trust.is_placeholder(check.source):
                issues.add(loaded.path, loaded.line("checks", i, "source"),
                           "fact-placeholder-source",
                           f"fact '{key}': source '{check.source}' names no page or document",
                           "give the web address, the document's title or the office or role "
                           "you asked (e.g. 'KP2MI call centre operator')")


@lru_cache(maxsize=256)
def _front_matter(path: Path, mtime: float) -> dict:
    text = path.read_text("utf-8", errors="replace")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    try:
        data = yaml.safe_load(text[4:end]) if end > 0 else None
    except (yaml.YAMLError, ValueError, OverflowError):  # check_page says why
        return {}
    return data if isinstance(data, dict) else {}


def page_marks_secondary(path: Path) -> bool:
    path = Path(path)
    if path.suffix != ".md" or not path.exists():
        return False
    return _front_matter(path, path.stat().st_mtime).get("secondary_facts") == MARKED


def _why(project: Project, key: str, level: Level) -> tuple[str, str, str]:
    fact = project.fact(key)
    if level == Level.CONFLICT:
        others = ", ".join(c.value for c in trust.differing(fact))
        return ("fact-conflict", f"fact '{key}': sources disagree ({fact.text('id', 'id')} "
                f"here; also {others})",
                "phone or visit the official source, then `bekal facts record` what it says "
                "and correct the value")
    settings = trust.settings_for(project.root)
    newest = trust.newest_check(fact)
    when = newest.first.isoformat() if newest else "never"
    return ("fact-stale", f"fact '{key}': newest check {when} is older than "
            f"{settings.max_age_months} months",
            "check it again (phone, or read the live official page) and record it with "
            "`bekal facts record`")


def check_use(project: Project, key: str, path, line: int, issues: IssueList,
              publish: bool) -> None:
    """A page uses fact ``key``: unknown is an error; doubtful ones follow the rules above."""
    if key not in project.facts:
        issues.add(path, line, "unknown-fact", f"fact '{key}' is not in modules/facts.yml",
                   "check the spelling, or add the fact to modules/facts.yml with its source")
        return
    severity = Severity.ERROR if publish else Severity.WARNING
    level = trust.level(project.fact(key), trust.settings_for(project.root))
    if level in (Level.CONFLICT, Level.STALE):
        code, message, hint = _why(project, key, level)
        issues.add(path, line, code, message, hint, severity)
    elif level == Level.SECONDARY and Path(path).name == HELP_PAGE \
            and not page_marks_secondary(Path(path)):
        issues.add(path, line, "fact-secondary-help",
                   f"fact '{key}' on the help page is not yet checked with an official source",
                   "check it with the official source (`bekal facts sheet`), or mark the page: "
                   f"'secondary_facts: {MARKED}' in its front matter", severity)


def check_help_boxes(project: Project, issues: IssueList, publish: bool) -> None:
    """The numbers every handout's help box prints."""
    from bekal.model.help_numbers import HELP_FACTS

    settings = trust.settings_for(project.root)
    severity = Severity.ERROR if publish else Severity.WARNING
    for key in HELP_FACTS:
        if key not in project.facts:
            continue
        loaded = project.facts[key]
        level = trust.level(loaded.model, settings)
        if level in (Level.CONFLICT, Level.STALE):
            code, message, hint = _why(project, key, level)
            issues.add(loaded.path, loaded.line(), code, message + " (handout help box)",
                       hint, severity)
        elif level == Level.SECONDARY and not settings.help_box_marked:
            issues.add(loaded.path, loaded.line(), "fact-secondary-help",
                       f"fact '{key}' in the handouts' help box is not yet checked with an "
                       "official source",
                       "check it (`bekal facts sheet`), or mark the help box: "
                       f"'extra: bekal: help_box_secondary: {MARKED}' in mkdocs.yml", severity)
