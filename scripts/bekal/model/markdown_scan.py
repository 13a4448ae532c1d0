"""A light, line-aware reading of author Markdown for the checks (not for rendering).

Every pattern here runs in time linear in the line's length, whatever the line holds
(possessive quantifiers, and no class that can run past the delimiter it waits for), so
a hostile or broken file cannot make the checker hang.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

HEADING_START = re.compile(r"^(#{1,6})(?:[ \t]++|$)")
EXPLICIT_ID = re.compile(r"#([\w-]++)")
# [text](target "title"): the text holds no bracket and the target no parenthesis, so a
# scan that fails, fails at once (nested brackets are not links here)
LINK = re.compile(r"(!?)\[([^\[\]]*+)\]\(\s*+<?([^()\s<>]*+)>?"
                  r"(?:\s++(?:\"([^\"]*+)\"|'([^']*+)'))?\s*+\)")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CODE_SPAN = re.compile(r"`[^`]*+`")
ATTR_LIST = re.compile(r"\{[:#.][^{}]*+\}|\{\s*+#[^{}]*+\}")
BOM = "\ufeff"


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
    title: str = ""


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
    front: list[ProseLine] = field(default_factory=list)  # front matter lines (title: …)
    deepest_brackets: tuple[int, int] = (0, 0)  # (depth, line)


def _blank(match: re.Match | str) -> str:
    text = match if isinstance(match, str) else match.group(0)
    return re.sub(r"[^\n]", " ", text)


def blank_comments(text: str) -> str:
    """``<!-- … -->`` blanked (line breaks kept); found with str.find, so linear."""
    out, start = [], 0
    while True:
        opening = text.find("<!--", start)
        if opening < 0:
            break
        closing = text.find("-->", opening + 4)
        end = len(text) if closing < 0 else closing + 3
        out += [text[start:opening], _blank(text[opening:end])]
        start = end
    out.append(text[start:])
    return "".join(out)


def parse_heading(line: str) -> tuple[int, str, str | None] | None:
    """(level, text, attribute list) of an ATX heading line, parsed without backtracking."""
    start = HEADING_START.match(line)
    if not start:
        return None
    rest = line[start.end():].rstrip()
    attrs = None
    if rest.endswith("}"):
        opening = rest.rfind("{")
        if opening >= 0 and "}" not in rest[opening:-1]:
            attrs, rest = rest[opening + 1:-1], rest[:opening].rstrip()
    stripped = rest.rstrip("#")
    if stripped != rest and (not stripped or stripped[-1] in " \t"):
        rest = stripped.rstrip()
    return len(start.group(1)), rest, attrs


def _bracket_depth(line: str) -> int:
    depth = deepest = 0
    for char in line:
        if char in "[(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "])" and depth:
            depth -= 1
    return deepest


def scan(text: str) -> ScannedPage:
    page = ScannedPage()
    text = text.removeprefix(BOM)
    front = FRONT_MATTER.match(text)
    offset = text[:front.end()].count("\n") if front else 0
    if front:
        page.front = [ProseLine(n, line) for n, line in
                      enumerate(text[:front.end()].split("\n")[1:offset - 1], start=2)]
    body = text[front.end():] if front else text
    body = blank_comments(body)
    in_fence = False
    for number, raw in enumerate(body.split("\n"), start=1 + offset):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = CODE_SPAN.sub(_blank, raw)
        page.html.append(ProseLine(number, line))
        depth = _bracket_depth(line)
        if depth > page.deepest_brackets[0]:
            page.deepest_brackets = (depth, number)
        heading = parse_heading(line)
        if heading:
            level, title, attrs = heading
            explicit = EXPLICIT_ID.search(attrs or "")
            page.headings.append(Heading(number, level, title,
                                         explicit.group(1) if explicit else None))
        for link in LINK.finditer(line):
            page.links.append(Link(number, link.group(2), link.group(3), bool(link.group(1)),
                                   link.group(4) or link.group(5) or ""))
        prose = LINK.sub(lambda m: m.group(2).ljust(len(m.group(0))), line)
        prose = ATTR_LIST.sub(_blank, prose)
        page.prose.append(ProseLine(number, prose))
    return page
