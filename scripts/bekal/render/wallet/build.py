"""Each destination's card as a PDF of four 85.6 × 54 mm pages, and an A4 sheet of eight.

The sheet holds the four panels twice, in rows of two: cut along the marks, fold each row
once along its middle line, and a worker has two bank-card-size cards with a panel on each
side. Laid out with the packaged font only, cached by content like the handouts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.model.schema import ContactGroup
from bekal.outputs import Output
from bekal.render.handouts import HandoutError, Pdf
from bekal.render.handouts.cache import PdfCache, cache_key
from bekal.render.handouts.print_facts import print_fact
from bekal.render.handouts.render import (
    font_face_css,
    renderer_fingerprint,
    sealed_layout,
    templates,
)
from bekal.render.qr import qr_svg
from bekal.resources import TEMPLATES

CALLABLE = ("phone", "whatsapp")
ABROAD_GROUP = "luar-negeri"   # the ministry's and the Foreign Ministry's numbers from abroad


@dataclass(frozen=True)
class Card:
    group: str
    guide: str
    card: Pdf          # four pages, 85.6 × 54 mm
    sheet: Pdf         # one A4 page, eight panels with cut marks
    numbers: tuple[str, ...]   # the fact keys on the card, in order


@dataclass
class CardSet:
    lang: str = ""
    cards: dict[str, Card] = field(default_factory=dict)   # group id -> card

    def for_guide(self, slug: str) -> Card | None:
        return next((c for c in self.cards.values() if c.guide == slug), None)

    def outputs(self) -> list[Output]:
        return [Output(pdf.site_path, "pdf", source=pdf.file)
                for card in self.cards.values() for pdf in (card.card, card.sheet)]


def card_groups(project: Project) -> list[ContactGroup]:
    """The contact groups that have a destination guide, in the file's order."""
    return [g.model for g in project.contacts
            if g.model.guide and g.model.guide in project.modules]


def _abroad(project: Project) -> list[str]:
    group = next((g.model for g in project.contacts if g.model.id == ABROAD_GROUP), None)
    return [n.fact for n in group.numbers] if group else []


def _callable(project: Project, keys: list[str]) -> list[str]:
    return [k for k in dict.fromkeys(keys)
            if k in project.facts and project.fact(k).kind in CALLABLE]


def _line(project: Project, lang: str, key: str) -> dict:
    fact = project.fact(key)
    return {"label": fact.label.get(lang) or fact.label[project.config.default],
            "value": Markup(print_fact(project, key, lang))}


def _panels(project: Project, group: ContactGroup, lang: str) -> tuple[dict, tuple[str, ...]]:
    local = [n.fact for n in group.numbers if not n.fact.startswith("mission.")]
    missions = [n.fact for n in group.numbers if n.fact.startswith("mission.")]
    local, missions = _callable(project, local), _callable(project, missions)
    ministry = [k for k in _callable(project, _abroad(project)) if k not in missions]
    guide = project.config.site_url + project.routes.lesson(lang, group.guide)
    title = group.title.get(lang) or group.title[project.config.default]
    panels = {
        "title": title, "guide": guide, "qr": Markup(qr_svg(guide)),
        "local": [_line(project, lang, k) for k in local],
        "missions": [_line(project, lang, k) for k in missions + ministry],
    }
    return panels, tuple(local + missions + ministry)


def build_language(project: Project, lang: str, cache_dir: Path | None = None) -> CardSet:
    """Every destination's card and sheet in ``lang``; a panel that overflows is an error."""
    result = CardSet(lang)
    groups = card_groups(project)
    if not groups:
        return result
    cache = PdfCache(cache_dir or project.root / ".cache" / "wallet")
    css = font_face_css() + (TEMPLATES / "wallet.css").read_text("utf-8")
    t = lambda key, **values: project.t(lang, key, **values)  # noqa: E731
    for group in groups:
        panels, keys = _panels(project, group, lang)
        made = {}
        for kind, pages in (("card", 4), ("sheet", 1)):
            html = templates().get_template(f"wallet-{kind}.html").render(
                lang=lang, p=panels, t=t)
            key = cache_key("wallet", kind, renderer_fingerprint(), css, html)
            entry = cache.get(key)
            if entry is None:
                document = sealed_layout(html, css)
                if len(document.pages) != pages:
                    raise _overflow(project, group, kind, len(document.pages), pages)
                entry = cache.put(key, document.write_pdf(), pages)
            path = project.routes.wallet_card(lang, group.id, sheet=kind != "card")
            made[kind] = Pdf(path, entry.file, entry.pages, entry.file.stat().st_size)
        result.cards[group.id] = Card(group.id, group.guide, made["card"], made["sheet"], keys)
    cache.prune()
    return result


def _overflow(project: Project, group: ContactGroup, kind: str, got: int,
              want: int) -> HandoutError:
    issues = IssueList(project.root)
    issues.add(project.root / "modules" / "contacts.yml", 0, "wallet-card-too-long",
               f"the wallet {kind} of '{group.id}' takes {got} pages instead of {want}",
               "keep a destination to about six numbers, or shorten their labels in facts.yml")
    return HandoutError(issues[0])
