"""Facts in prose: ``{{fact:key}}`` references, rendered as links with trust marks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from html import escape

from .project import Project
from .schema import Fact

FACT_REF = re.compile(r"\{\{\s*+fact:\s*+([^{}\s]*+)\s*+\}\}")  # linear: the key holds no brace


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def fact_href(fact: Fact, value: str) -> str | None:
    if fact.kind == "phone":
        return "tel:" + ("+" if value.strip().startswith("+") else "") + digits(value)
    if fact.kind == "whatsapp":
        return "https://wa.me/" + digits(value)
    if fact.kind == "url":
        return value
    if fact.kind == "email":
        return "mailto:" + value
    return None


def display_value(fact: Fact, value: str) -> str:
    if fact.kind == "url":
        return re.sub(r"^https?://", "", value).rstrip("/")
    return value


def seen_phrase(project: Project, fact: Fact, lang: str) -> str:
    """'seen 2025-04-10', or 'source undated' when the source gives no date."""
    if fact.seen == "undated":
        return project.t(lang, "fact_undated")
    seen = fact.seen.isoformat() if isinstance(fact.seen, dt.date) else str(fact.seen)
    return project.t(lang, "fact_seen", date=seen)


def render_fact(project: Project, key: str, lang: str) -> str:
    fact = project.fact(key)
    value = fact.text(lang, project.config.default)
    shown = escape(display_value(fact, value))
    href = fact_href(fact, value)
    body = f'<a href="{escape(href)}">{shown}</a>' if href else shown
    html = f'<span class="bekal-fact" data-fact="{escape(key)}">{body}'
    if fact.unverified:
        html += (f' <small class="bekal-unverified">'
                 f'({escape(project.t(lang, "unverified"))}, '
                 f'{escape(seen_phrase(project, fact, lang))})</small>')
    return html + "</span>"


def substitute(project: Project, text: str, lang: str, used: list[str]) -> str:
    """Replace every known fact reference; unknown keys are left for the checker."""
    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in project.facts:
            return match.group(0)
        if key not in used:
            used.append(key)
        return render_fact(project, key, lang)
    return FACT_REF.sub(replace, text)


def _source_links(source: str) -> str:
    parts = [p.strip() for p in source.split(" ; ") if p.strip()]
    out = []
    for part in parts:
        if re.match(r"^https?://\S+$", part):
            out.append(f'<a href="{escape(part)}">{escape(part)}</a>')
        else:
            out.append(escape(part))
    return "; ".join(out)


def sources_html(project: Project, keys: Iterable[str], lang: str) -> str:
    """The 'Sources' section listing every fact a page used."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return ""
    items = []
    for key in keys:
        fact = project.fact(key)
        label = escape(fact.label.get(lang) or fact.label[project.config.default])
        value = escape(display_value(fact, fact.text(lang, project.config.default)))
        seen = escape(seen_phrase(project, fact, lang))
        trust = escape(project.t(lang, f"confidence_{fact.confidence}"))
        mark = ""
        if fact.unverified:
            unverified = escape(project.t(lang, "unverified"))
            mark = f' <strong class="bekal-unverified">{unverified}</strong>.'
        sources = _source_links(fact.source)
        items.append(f"<li>{label}: {value}. {sources} ({seen}; {trust}).{mark}</li>")
    title = escape(project.t(lang, "sources"))
    intro = escape(project.t(lang, "sources_intro"))
    return (f'<section class="bekal-sources" aria-labelledby="sumber">'
            f'<h2 id="sumber">{title}</h2><p>{intro}</p><ul>{"".join(items)}</ul></section>')
