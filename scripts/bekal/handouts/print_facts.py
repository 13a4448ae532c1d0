"""Facts on paper: marked as on the web, and a sources list short enough for a handout.

Facts that share a source are listed together, and a web address shows only its host;
the full address stays the link target in the PDF and is printed on the module page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .. import facts
from ..issues import IssueList
from ..project import Project
from .errors import HandoutError

URL = re.compile(r"^https?://\S+$")


def check_refs(project: Project, text: str, path: Path, first_line: int) -> None:
    """An unknown fact key is an error naming the file and line (``text`` starts there)."""
    for match in facts.FACT_REF.finditer(text):
        if match.group(1) not in project.facts:
            issues = IssueList(project.root)
            issues.add(path, first_line + text.count("\n", 0, match.start()),
                       "handout-unknown-fact", f"unknown fact '{match.group(1)}' in the handout",
                       "use a key from modules/facts.yml")
            raise HandoutError(issues[0])


def print_fact(project: Project, key: str, lang: str) -> str:
    """A fact as on the web, but its 'seen' date is left to the sources list to save room."""
    fact = project.fact(key)
    value = fact.text(lang, project.config.default)
    shown = escape(facts.display_value(fact, value))
    href = facts.fact_href(fact, value)
    html = f'<a href="{escape(href)}">{shown}</a>' if href else shown
    if fact.unverified:
        mark = escape(project.t(lang, "unverified"))
        html += f' <small class="bekal-unverified">({mark})</small>'
    return f'<span class="bekal-fact">{html}</span>'


def substitute(project: Project, text: str, lang: str, used: list[str]) -> str:
    """Every ``{{fact:key}}`` printed; the keys are added to ``used`` for the sources list."""
    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in used:
            used.append(key)
        return print_fact(project, key, lang)
    return facts.FACT_REF.sub(replace, text)


@dataclass
class SourceLine:
    labels: list[str]             # the facts taken from this source
    links: list[tuple[str, str]]  # (href or "" for a document name, text)
    seen: str
    unverified: bool              # low confidence counts as unverified too


def short_address(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/", 1)[0]
    return re.sub(r"^(www|amp|m)\.", "", host)


def source_lines(project: Project, keys: list[str], lang: str) -> list[SourceLine]:
    lines: dict[tuple, SourceLine] = {}
    for key in keys:
        fact = project.fact(key)
        seen = facts.seen_phrase(project, fact, lang)
        label = fact.label.get(lang) or fact.label[project.config.default]
        group = (fact.source, seen, fact.unverified)
        if group in lines:
            lines[group].labels.append(label)
            continue
        links = [(part, short_address(part)) if URL.match(part) else ("", part)
                 for part in (p.strip() for p in fact.source.split(" ; ")) if part]
        lines[group] = SourceLine([label], links, seen, fact.unverified)
    return list(lines.values())
