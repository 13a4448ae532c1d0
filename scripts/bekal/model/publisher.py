"""Who publishes Bekal, in a reader's language: ``extra.publisher`` in mkdocs.yml.

One block of configuration, shown in the footer of every page, on the about page and (later)
on every handout, so a reader can see who stands behind the text and when its facts were
last checked. The theme gets it through ``site_context``; other outputs call ``publisher``.

    extra:
      publisher:
        name: {id: Proyek Bekal, en: The Bekal project}
        description: {id: ..., en: ...}
        contact: tentang/         # a page of the site (per language) or a full address
        logo: assets/bekal-logo.svg
        reviewed: 2026-11         # when the facts were last checked: YYYY-MM-DD, YYYY-MM or YYYY
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .siteconfig import read_mkdocs_yml

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Publisher:
    name: str
    description: str
    contact_url: str   # relative to the site root when it is a page of the site
    logo: str          # a file of the site, relative to its root
    reviewed: str      # the date in words, in the reader's language ("" when unknown)


def _text(value, lang: str, default: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(default) or "")
    return "" if value is None else str(value)


def format_date(value, lang: str) -> str:
    """'2026-11' -> 'November 2026'; '2026-11-03' -> '3 November 2026'."""
    match = DATE.match(str(value or "").strip())
    if not match:
        return ""
    year, month, day = match.groups()
    if not month:
        return year
    name = MONTHS.get(lang, MONTHS["en"])[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def read_block(root: Path) -> dict:
    """The raw ``extra.publisher`` mapping of ``root/mkdocs.yml`` ({} when absent)."""
    config = read_mkdocs_yml(root)
    block = ((config or {}).get("extra") or {}).get("publisher") or {}
    return block if isinstance(block, dict) else {}


def publisher(block: dict, lang: str, default: str, prefix: str = "") -> Publisher | None:
    """The publisher in ``lang``; ``prefix`` is that language's URL prefix ('' or 'en/')."""
    name = _text(block.get("name"), lang, default)
    if not name:
        return None
    contact = str(block.get("contact") or "")
    if contact and "://" not in contact and not contact.startswith(("mailto:", "/")):
        contact = prefix + contact
    return Publisher(
        name=name,
        description=_text(block.get("description"), lang, default),
        contact_url=contact or (prefix or "."),
        logo=str(block.get("logo") or ""),
        reviewed=format_date(block.get("reviewed"), lang),
    )


_CACHE: dict[tuple[Path, float], dict] = {}


def for_project(project, lang: str) -> Publisher | None:
    """The publisher of ``project`` (a bekal.model.project.Project) in ``lang``."""
    config_file = project.root / "mkdocs.yml"
    key = (config_file, config_file.stat().st_mtime)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = read_block(project.root)
    return publisher(_CACHE[key], lang, project.config.default, project.config.prefix(lang))
