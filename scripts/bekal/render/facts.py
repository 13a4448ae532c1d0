"""Facts in prose: ``{{fact:key}}`` references, rendered by ``factrender`` with trust marks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bekal.model.pageref import FACT_REF
from bekal.model.project import Project
from bekal.model.trust import UNCERTAIN

from . import factrender
from .factrender import digits, display_value, fact_href  # noqa: F401  (the public helpers)

HEADING = re.compile(r"^#{1,2}\s", re.M)
MIN_MARKS_FOR_NOTE = 2  # a page with this many uncertain facts explains the marks once


def render_fact(project: Project, key: str, lang: str, marked: bool = True,
                linked: bool = True) -> str:
    return factrender.inline(project, key, lang, "web", marked, linked)


def substitute(project: Project, text: str, lang: str, used: list[str],
               mark_once: bool = False, linked: bool = True) -> str:
    """Replace every known fact reference; unknown keys are left for the checker.

    With ``mark_once`` a fact carries its mark only where it first appears on the page
    (``used``); quiz feedback, shown only after an answer, marks every fact it shows.
    ``linked=False`` for a page without a sources list (the marks cannot link to it).
    """
    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in project.facts:
            return match.group(0)
        first = key not in used
        if first:
            used.append(key)
        return render_fact(project, key, lang, first or not mark_once, linked)
    return FACT_REF.sub(replace, text)


def explain_marks(project: Project, markdown: str, lang: str) -> str:
    """Put the note on the marks near the top of the section of the first uncertain fact.

    Only for a page with several uncertain facts; one with none or one needs no note.
    """
    uncertain = []
    first = None
    for match in FACT_REF.finditer(markdown):
        key = match.group(1)
        if key not in project.facts:
            continue
        level = factrender.level_of(project, project.fact(key))
        if level in UNCERTAIN:
            first = match.start() if first is None else first
            if key not in uncertain:
                uncertain.append(key)
    if len(uncertain) < MIN_MARKS_FOR_NOTE or first is None:
        return markdown
    note = factrender.marks_note(project, factrender.uncertain_levels(project, uncertain), lang)
    headings = [m for m in HEADING.finditer(markdown) if m.start() < first]
    if not headings:
        return note + markdown
    heading = headings[-1]
    at = markdown.find("\n", heading.start())
    if at < 0:
        return markdown + "\n\n" + note
    if markdown.startswith("# ", heading.start()):
        at = _after_lead_paragraph(markdown, at + 1) - 1
    return markdown[:at + 1] + "\n" + note + markdown[at + 1:]


def _after_lead_paragraph(markdown: str, start: int) -> int:
    """Below a page title, the note goes after the first plain paragraph (the lead)."""
    rest = markdown[start:]
    lead = re.match(r"(\s*\n)*(?![-*+>!|#\s]|\d+\.)[^\n]+(\n(?!\s*\n)[^\n]*)*\n?", rest)
    return start + lead.end() if lead else start


def substitute_page(project: Project, markdown: str, lang: str, used: list[str]) -> str:
    """A whole page: the note on the marks where needed, then every fact rendered."""
    return substitute(project, explain_marks(project, markdown, lang), lang, used,
                      mark_once=True)


def sources_html(project: Project, keys: Iterable[str], lang: str) -> str:
    """The 'Sources' section listing every fact a page used."""
    return factrender.sources_html(project, keys, lang)
