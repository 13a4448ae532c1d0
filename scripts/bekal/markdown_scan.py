"""A light, line-aware reading of author Markdown for the checks (not for rendering)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*#*\s*$")
EXPLICIT_ID = re.compile(r"#([\w-]+)")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass
class Heading:
    line: int
    level: int
    text: str
    explicit_id: str | None

    @property
    def id(self) -> str:
        return self.explicit_id or slugify(self.text, "-")


@dataclass
class Link:
    line: int
    text: str
    target: str
    image: bool


@dataclass
class ProseLine:
    """A line of prose with code spans and comments blanked out (columns keep their place)."""
    line: int
    text: str


@dataclass
class ScannedPage:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    prose: list[ProseLine] = field(default_factory=list)
    html: list[ProseLine] = field(default_factory=list)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def scan(text: str) -> ScannedPage:
    page = ScannedPage()
    front = FRONT_MATTER.match(text)
    offset = text[:front.end()].count("\n") if front else 0
    body = text[front.end():] if front else text
    body = re.sub(r"<!--.*?-->", _blank, body, flags=re.S)
    in_fence = False
    for number, raw in enumerate(body.split("\n"), start=1 + offset):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = re.sub(r"`[^`]*`", _blank, raw)
        page.html.append(ProseLine(number, line))
        heading = HEADING.match(line)
        if heading:
            attrs = heading.group(3) or ""
            explicit = EXPLICIT_ID.search(attrs)
            page.headings.append(Heading(number, len(heading.group(1)), heading.group(2),
                                         explicit.group(1) if explicit else None))
        for link in LINK.finditer(line):
            page.links.append(Link(number, link.group(2), link.group(3), bool(link.group(1))))
        prose = LINK.sub(lambda m: m.group(2).ljust(len(m.group(0))), line)
        prose = re.sub(r"\{[:#.][^}]*\}|\{\s*#[^}]*\}", _blank, prose)
        page.prose.append(ProseLine(number, prose))
    return page
