"""A Markdown page seen from the core (its path inside content/<lang>/ and its language),
what authors may write in a page for Bekal to fill in: fact references (``{{fact:key}}``)
and markers for a generated piece (render/pages.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bekal.routes import module_of_source

MARKER = re.compile(r"<!--\s*bekal:([a-z-]+)(?:\s+([^\s>]+))?\s*-->")
FACT_REF = re.compile(r"\{\{\s*+fact:\s*+([^{}\s]*+)\s*+\}\}")  # linear: the key holds no brace
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
