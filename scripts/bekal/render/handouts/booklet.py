"""A track's booklet for trainers: a cover, the contents, then every handout of the track."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

FRONT_PAGES = 2  # the cover, then the contents


@dataclass(frozen=True)
class BookletEntry:
    code: str
    title: str
    page: int       # where the handout starts in the booklet
    pdf: Path


def contents(handouts: list[tuple[str, str, Path, int]]) -> list[BookletEntry]:
    """(code, title, pdf, pages) per handout -> the contents, with the page each one starts on."""
    entries, page = [], FRONT_PAGES + 1
    for code, title, pdf, pages in handouts:
        entries.append(BookletEntry(code, title, page, pdf))
        page += pages
    return entries


def merge(front: bytes, entries: list[BookletEntry], title: str, lang: str) -> bytes:
    """The front pages and every handout in one PDF, with a bookmark per handout."""
    from pypdf import PdfWriter  # here: a build without booklets does not load pypdf
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.append(io.BytesIO(front), import_outline=False)
    for entry in entries:
        writer.append(entry.pdf, outline_item=f"{entry.code} · {entry.title}",
                      import_outline=False)
    writer.add_metadata({"/Title": title})
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
