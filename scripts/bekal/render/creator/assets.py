"""Files the build adds for each language: short-link pages, QR codes and preview cards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bekal.model.project import Project

from . import cards, meta, qr, shortlinks


@dataclass(frozen=True)
class Written:
    stubs: int
    qr_codes: int
    cards: int


def write_creator_assets(project: Project, site_dir: Path, lang: str) -> Written:
    """Write everything for ``lang`` into the built site at ``site_dir`` (the site root)."""
    def head_for(link):
        return meta.head_tags(project, meta.link_meta(project, link, lang))

    return Written(
        stubs=len(shortlinks.write_stubs(project, site_dir, lang, head_for)),
        qr_codes=len(qr.write_qr_codes(project, site_dir, lang)),
        cards=len(cards.write_cards(project, site_dir, lang)),
    )
