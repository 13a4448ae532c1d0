"""Facts on paper: marked as on the web (by ``factrender``), and a short sources list.

Facts that share their sources are listed together, and a web address shows only its
outlet or host; the full address stays the link target in the PDF and is printed on the
module page.
"""

from __future__ import annotations

from pathlib import Path

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.render import factrender, facts
from bekal.render.factrender import SourceLine, source_lines  # noqa: F401  (used by content.py)

from .errors import HandoutError


def check_refs(project: Project, text: str, path: Path, first_line: int) -> None:
    """An unknown fact key is an error naming the file and line (``text`` starts there)."""
    for match in facts.FACT_REF.finditer(text):
        if match.group(1) not in project.facts:
            issues = IssueList(project.root)
            issues.add(path, first_line + text.count("\n", 0, match.start()),
                       "handout-unknown-fact", f"unknown fact '{match.group(1)}' in the handout",
                       "use a key from modules/facts.yml")
            raise HandoutError(issues[0])


def print_fact(project: Project, key: str, lang: str, marked: bool = True) -> str:
    """A fact as on the web; its details are left to the sources list to save room."""
    return factrender.inline(project, key, lang, "print", marked)


def shared_mark(project: Project, keys: list[str], lang: str) -> str:
    """For a box of numbers that all need the same mark: a few words saying so, else ''.

    The help box then says it once, beside its title, instead of after every number.
    """
    levels = {factrender.level_of(project, project.fact(k)) for k in keys}
    if len(levels) != 1:
        return ""
    level = levels.pop()
    if level == factrender.Level.OFFICIAL:
        return ""
    return project.t(lang, f"handout_help_all_{level}")


def substitute(project: Project, text: str, lang: str, used: list[str]) -> str:
    """Every ``{{fact:key}}`` printed; the keys are added to ``used`` for the sources list."""
    def replace(match):
        key = match.group(1)
        first = key not in used
        if first:
            used.append(key)
        return factrender.inline(project, key, lang, "print", first)
    return facts.FACT_REF.sub(replace, text)
