"""Files the creator kit adds for each language: short-link pages, QR codes, preview cards
and a kit page per module."""

from __future__ import annotations

from bekal.model.project import Project
from bekal.outputs import Output

from . import cards, meta, module_page, qr, shortlinks


def language_outputs(project: Project, lang: str) -> list[Output]:
    def head_for(link):
        return meta.head_tags(project, meta.link_meta(project, link, lang))

    return (shortlinks.stub_outputs(project, lang, head_for) + qr.qr_outputs(project, lang)
            + cards.card_outputs(project, lang) + module_page.language_outputs(project, lang))
