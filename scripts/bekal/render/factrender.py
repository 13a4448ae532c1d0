"""The one place a fact is rendered: for the web, for print or as plain text.

A fact shows its value (a tap-to-call link, a link, or text) and, when its trust level
needs one, one short mark in the reader's language. On the web the mark links to the
fact's entry in the page's sources list (on a reader's page, its sources page:
render/sourcepage.py), where the source, its date and how it was checked are written out;
officially checked facts carry no mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Literal

from bekal.model import trust
from bekal.model.project import Project
from bekal.model.schema import Fact
from bekal.model.trust import Level, Source

Target = Literal["web", "print", "plain"]


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


ANCHOR_PREFIX = "fakta-"  # every id of an entry in a sources list starts so


def anchor(key: str) -> str:
    """The id of a fact's entry in a page's sources list: 'fakta-hotline-kp2mi-call-center'."""
    return ANCHOR_PREFIX + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def level_of(project: Project, fact: Fact) -> Level:
    return trust.level(fact, trust.settings_for(project.root))


def mark_text(project: Project, fact: Fact, level: Level, lang: str) -> str:
    """The short mark of a level ('' for official)."""
    if level == Level.OFFICIAL:
        return ""
    if level == Level.CONFLICT and fact.kind not in ("phone", "whatsapp"):
        return project.t(lang, "fact_mark_conflict_text")
    return project.t(lang, f"fact_mark_{level.value}")


def label(project: Project, fact: Fact, lang: str) -> str:
    return fact.label.get(lang) or fact.label[project.config.default]


def value_text(project: Project, fact: Fact, lang: str) -> str:
    return fact.text(lang, project.config.default)


def inline(project: Project, key: str, lang: str, target: Target = "web",
           marked: bool = True, linked: bool = True) -> str:
    """A fact where prose refers to it: HTML for web and print, the bare value for plain.

    ``marked=False`` leaves the mark out (a page marks each fact once, where it first
    appears); ``linked=False`` keeps the web mark but without its link to the sources
    list, for pages that have none (slides).
    """
    fact = project.fact(key)
    value = value_text(project, fact, lang)
    if target == "plain":
        return value
    shown = escape(display_value(fact, value))
    href = fact_href(fact, value)
    body = f'<a href="{escape(href)}">{shown}</a>' if href else shown
    level = level_of(project, fact)
    mark = escape(mark_text(project, fact, level, lang)) if marked else ""
    if target == "print":
        small = f' <small class="bekal-unverified">({mark})</small>' if mark else ""
        return f'<span class="bekal-fact">{body}{small}</span>'
    shown_mark = f'<a href="#{anchor(key)}">{mark}</a>' if linked else mark
    small = (f' <small class="bekal-unverified" data-trust="{level.value}">'
             f"({shown_mark})</small>") if mark else ""
    return (f'<span class="bekal-fact" data-fact="{escape(key)}" data-trust="{level.value}">'
            f"{body}{small}</span>")


# --- sources ------------------------------------------------------------------------


def _source_name(source: Source) -> str:
    name = escape(source.name)
    return f'<a href="{escape(source.href)}">{name}</a>' if source.href else name


def source_phrase(project: Project, source: Source, lang: str, html: bool = True) -> str:
    """'Media Masa Kini, 10 April 2025 (read from a stored copy, November 2026)'."""
    name = _source_name(source) if html else source.name
    parts = [name + (f", {escape(source.source_date)}" if source.source_date else "")]
    how = project.t(lang, f"fact_method_{source.method.replace('-', '_')}")
    if source.checked:
        how += f", {source.checked}"
    if source.by:
        how += f", {source.by}"
    text = f"{parts[0]} ({escape(how) if html else how})"
    if source.value:
        gives = project.t(lang, "fact_source_gives", value=source.value)
        text += f": {escape(gives) if html else gives}"
    return text


def sources_sentence(project: Project, fact: Fact, lang: str, html: bool = True) -> str:
    """'Official source: …. Other sources: ….' with official sources first."""
    sources = trust.sources_of(fact, lang)
    official = [source_phrase(project, s, lang, html) for s in sources if s.official]
    other = [source_phrase(project, s, lang, html) for s in sources if not s.official]
    out = []
    if official:
        key = "fact_official_source" if len(official) == 1 else "fact_official_sources"
        out.append(f"{project.t(lang, key)}: {'; '.join(official)}.")
    if other:
        key = ("fact_other_source" if len(other) == 1 else "fact_other_sources") if official \
            else ("fact_source" if len(other) == 1 else "fact_sources_many")
        out.append(f"{project.t(lang, key)}: {'; '.join(other)}.")
    return " ".join(out)


def _entry(project: Project, key: str, lang: str) -> str:
    fact = project.fact(key)
    value = escape(display_value(fact, value_text(project, fact, lang)))
    level = level_of(project, fact)
    mark = mark_text(project, fact, level, lang)
    flag = f' <strong class="bekal-unverified">{escape(mark.capitalize())}.</strong>' \
        if mark else ""
    return (f'<li id="{anchor(key)}" data-trust="{level.value}">'
            f"{escape(label(project, fact, lang))}: {value}.{flag} "
            f"{sources_sentence(project, fact, lang)}</li>")


def known_facts(project: Project, keys) -> list[str]:
    """The facts among ``keys``, once each, in order of use (unknown keys are the checks')."""
    return [k for k in dict.fromkeys(keys) if k in project.facts]


def sources_list(project: Project, keys, lang: str) -> str:
    """Every fact a page used, in order of use, each with its sources ('' for none)."""
    return "".join(_entry(project, key, lang) for key in known_facts(project, keys))


def sources_html(project: Project, keys, lang: str) -> str:
    """The 'Sources' section listing every fact a page used, in order of use."""
    items = sources_list(project, keys, lang)
    if not items:
        return ""
    title = escape(project.t(lang, "sources"))
    intro = escape(project.t(lang, "sources_intro"))
    return (f'<section class="bekal-sources" aria-labelledby="sumber">'
            f'<h2 id="sumber">{title}</h2><p>{intro}</p><ul>{items}</ul></section>')


@dataclass
class SourceLine:
    """One line of a printed sources list: the facts that share one set of sources."""
    labels: list[str]
    links: list[tuple[str, str]]  # (href or '' for a document named in words, text)
    when: str                     # the newest source date, as people write dates
    mark: str                     # the level's mark, '' for official facts
    official: bool = False        # an official source confirms these facts

    @property
    def unverified(self) -> bool:
        return bool(self.mark)


def source_lines(project: Project, keys: list[str], lang: str) -> list[SourceLine]:
    """Sources short enough for a handout: a web address shows only its host.

    The marks stay beside the numbers; the list only names official sources as such.
    """
    lines: dict[tuple, SourceLine] = {}
    for key in keys:
        fact = project.fact(key)
        sources = trust.sources_of(fact, lang)
        mark = mark_text(project, fact, level_of(project, fact), lang)
        dates = [s.source_date for s in sources if s.source_date]
        when = dates[0] if dates else ""  # an undated source: nothing to print
        # paper is short of room: the site's name, not the outlet's longer description
        links = [(s.href, trust.short_host(s.href) if s.href else s.name) for s in sources]
        group = (tuple(links), when, mark)
        if group in lines:
            lines[group].labels.append(label(project, fact, lang))
        else:
            lines[group] = SourceLine([label(project, fact, lang)], links, when, mark,
                                      level_of(project, fact) == Level.OFFICIAL)
    return list(lines.values())


# --- the note that explains the marks once per page ---------------------------------


def uncertain_levels(project: Project, keys) -> list[Level]:
    levels = {level_of(project, project.fact(k)) for k in keys if k in project.facts}
    return [lv for lv in trust.ORDER if lv in levels and lv in trust.UNCERTAIN]


def marks_note(project: Project, levels: list[Level], lang: str) -> str:
    """A Markdown note: what each mark on the page means and what to do."""
    settings = trust.settings_for(project.root)
    lines = [project.t(lang, f"marks_note_{lv.value}", months=settings.max_age_months)
             for lv in levels]
    body = " ".join([*lines, project.t(lang, "marks_note_todo")])
    title = project.t(lang, "marks_note_title")
    return f'!!! info "{title}"\n\n    {body}\n\n'
