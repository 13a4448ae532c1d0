"""A Markdown page seen from the core (its path inside content/<lang>/ and its language),
and the markers authors may place in a page for a piece Bekal generates (render/pages.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"<!--\s*bekal:([a-z-]+)(?:\s+([^\s>]+))?\s*-->")
MODULE_PAGE = re.compile(r"^modul/([^/]+)/(index|pelatih|handout)\.md$")
KNOWN_MARKERS = {"modules", "catalogue", "glossary", "creator-kit", "quiz", "trainer-hub",
                 "services"}


@dataclass(frozen=True)
class PageRef:
    """A Markdown page seen from the core: its path inside content/<lang>/ and language."""
    path: str
    lang: str

    @property
    def module_slug(self) -> str | None:
        match = MODULE_PAGE.match(self.path)
        return match.group(1) if match else None

    @property
    def kind(self) -> str | None:
        match = MODULE_PAGE.match(self.path)
        return match.group(2) if match else None
