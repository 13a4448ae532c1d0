"""Where the wallet cards are offered: on each destination guide, the help page, the hub."""

from __future__ import annotations

from html import escape

from bekal.model.pageref import PageRef
from bekal.model.project import Project
from bekal.render.handouts.web import human_size
from bekal.routes import HELP_SOURCE, TRAINERS_HUB_SOURCE, relative

from .build import Card, CardSet

LIST_PAGES = (HELP_SOURCE, TRAINERS_HUB_SOURCE)


def _links(project: Project, lang: str, card: Card, page_url: str, title: str) -> str:
    size = lambda pdf: human_size(project, lang, pdf.size)  # noqa: E731
    card_label = project.t(lang, "wallet_download", country=title, size=size(card.card))
    sheet_label = project.t(lang, "wallet_download_sheet", size=size(card.sheet))
    return (f'<a href="{escape(relative(page_url, card.card.site_path))}" type="application/pdf">'
            f"{escape(card_label)}</a> · "
            f'<a href="{escape(relative(page_url, card.sheet.site_path))}" type="application/pdf">'
            f"{escape(sheet_label)}</a>")


def _title(project: Project, group_id: str, lang: str) -> str:
    group = next(g.model for g in project.contacts if g.model.id == group_id)
    return group.title.get(lang) or group.title[project.config.default]


def links_for(project: Project, cards: CardSet | None, ref: PageRef, page_url: str) -> str:
    """Markdown to append to a page: its card(s), or '' where none belongs."""
    if cards is None or cards.lang != ref.lang or not cards.cards:
        return ""
    lang = ref.lang
    if ref.kind == "index" and ref.module_slug:
        card = cards.for_guide(ref.module_slug)
        if card is None:
            return ""
        links = _links(project, lang, card, page_url, _title(project, card.group, lang))
        return (f'\n\n<p class="bekal-download bekal-wallet">{links}<br>'
                f"<small>{escape(project.t(lang, 'wallet_how'))}</small></p>\n")
    if ref.path in LIST_PAGES:
        items = "\n".join(f"<li>{_links(project, lang, card, page_url, _title(project, g, lang))}"
                          "</li>" for g, card in cards.cards.items())
        return (f"\n\n## {project.t(lang, 'wallet_heading')} {{#kartu-dompet}}\n\n"
                f"{project.t(lang, 'wallet_how')}\n\n"
                f'<ul class="bekal-wallet-list">\n{items}\n</ul>\n')
    return ""
