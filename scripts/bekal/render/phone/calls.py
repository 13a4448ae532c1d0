"""Call buttons: a phone or WhatsApp fact as a big link (tel: or https://wa.me/).

A separate renderer from ``facts.render_fact``: it reads a Fact's kind and value and
makes a block-sized button with the service's name, not an inline link in a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from bekal.model.project import Project
from bekal.model.schema import ContactGroup, ContactNumber
from bekal.render import factrender, facts

CALLABLE = ("phone", "whatsapp")


@dataclass(frozen=True)
class Number:
    """One number of a group, as the button and the contact card show it."""
    key: str
    kind: str       # phone | whatsapp
    value: str      # as written in the registry, e.g. '0800-1000'
    href: str       # tel:08001000 | https://wa.me/628118080141
    name: str       # the fact's label in the page's language
    hours: str      # when it is open, or ''
    mark: str       # the trust mark in the page's language, '' for an officially checked fact


def number(project: Project, entry: ContactNumber | str, lang: str) -> Number | None:
    """The callable number of a contact entry (or fact key); None for a text fact."""
    key = entry if isinstance(entry, str) else entry.fact
    hours_key = None if isinstance(entry, str) else entry.hours
    if key not in project.facts:
        return None
    fact = project.fact(key)
    if fact.kind not in CALLABLE:
        return None
    default = project.config.default
    value = fact.text(lang, default)
    hours = project.fact(hours_key).text(lang, default) if hours_key in project.facts else ""
    return Number(key, fact.kind, value, facts.fact_href(fact, value) or "",
                  fact.label.get(lang) or fact.label[default], hours,
                  factrender.mark_text(project, fact, factrender.level_of(project, fact), lang))


def numbers(project: Project, group: ContactGroup, lang: str) -> list[Number]:
    found = (number(project, entry, lang) for entry in group.numbers)
    return [n for n in found if n is not None]


def button(project: Project, n: Number, lang: str) -> str:
    """<a class="bekal-call">: the verb and the number, then the service (kept short: it is
    on every lesson that names a number)."""
    verb = project.t(lang, "call_phone" if n.kind == "phone" else "call_whatsapp",
                     number=n.value)
    name = ", ".join(escape(x) for x in (n.name, n.hours) if x)
    mark = f' <small class="bekal-call__mark">{escape(n.mark)}</small>' if n.mark else ""
    return (f'<a class="bekal-call" href="{escape(n.href)}"><b>{escape(verb)}</b> '
            f'<small>{name}</small>{mark}</a>')


def button_list(project: Project, items: list[Number], lang: str) -> str:
    rows = "".join(f"<li>{button(project, n, lang)}</li>" for n in items)
    return f'<ul class="bekal-calls__list">{rows}</ul>'


def notes(project: Project, group: ContactGroup, lang: str) -> list[str]:
    """Text facts of a group (e.g. 'no number we can confirm yet'), shown as a sentence."""
    out = []
    for entry in group.numbers:
        if entry.fact in project.facts and project.fact(entry.fact).kind == "text":
            fact = project.fact(entry.fact)
            label = fact.label.get(lang) or fact.label[project.config.default]
            out.append(f"{label}: {fact.text(lang, project.config.default)}")
    return out
