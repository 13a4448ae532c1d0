"""A Markdown page seen from the core (its path inside content/<lang>/ and its language),
and the markers authors may place in a page for a piece Bekal generates (render/pages.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bekal.routes import module_of_source

MARKER = re.compile(r"<!--\s*bekal:([a-z-]+)(?:\s+([^\s>]+))?\s*-->")
KNOWN_MARKERS = {"modules", "catalogue", "glossary", "creator-kit", "quiz", "trainer-hub",
                 "services"}


@dataclass(frozen=True)
class PageRef:
    """A Markdown page seen from the core: its path inside content/<lang>/ and language."""
    path: str
    lang: str

    @property
    def module_slug(self) -> str | None:
        page = module_of_source(self.path)
        return page[0] if page else None

    @property
    def kind(self) -> str | None:
        """'index' (the lesson), 'pelatih' (its trainer guide) or 'handout'; None otherwise."""
        page = module_of_source(self.path)
        return page[1] if page else None
