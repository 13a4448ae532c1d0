"""A module's lesson as slides: a title slide, one slide per ``##`` section, the key points.

The lesson is rendered with Python-Markdown and the extensions mkdocs.yml lists, after
its facts are rendered as on the site. A section too long to read from a projector at
28 px continues on the next slide under the same heading ("(continued)"): how much fits
is estimated in lines (LINE_CHARS characters a line, SLIDE_LINES lines a slide), and the
browser test checks that no slide overflows at 1280x720.
"""

from __future__ import annotations

import math
import posixpath
import re
import xml.etree.ElementTree as ET
from functools import cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .. import facts, sanitize
from ..handouts.markup import page_url
from ..project import ModuleEntry, Project
from ..sanitize import text as plain
from ..siteconfig import markdown_extensions
from ..textfile import inside, strip_front_matter
from .kit import SLIDES_DIR, lesson_source
from .page import KitPage, asset, templates

LINE_CHARS = 70    # characters in one line of slide text at 1280x720
SLIDE_LINES = 13   # lines of text under a slide's heading
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
TAG = re.compile(r"<[^>]+>")


class _Measure:
    """How many lines an element takes on a slide (an estimate, in text lines)."""

    def __init__(self, md: markdown.Markdown):
        self.md = md

    def chars(self, element: ET.Element) -> int:
        text = "".join(element.itertext())

        def stashed(match: re.Match) -> str:
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(match.group(1))
            return TAG.sub("", str(blocks[index])) if index < len(blocks) else ""
        return len(STASHED.sub(stashed, text))

    def lines(self, element: ET.Element) -> float:
        tag = element.tag
        if tag in ("ul", "ol", "dl"):
            return sum(self.lines(child) for child in element) + 0.3
        if tag in ("li", "dt", "dd"):
            return max(1, math.ceil(self.chars(element) / (LINE_CHARS - 4))) + 0.35
        if tag == "table":
            rows = element.findall(".//tr")
            return sum(max(1, math.ceil(self.chars(r) / LINE_CHARS)) + 0.4 for r in rows) + 0.5
        if tag in ("div", "details", "blockquote"):
            return sum(self.lines(child) for child in element) + 1.2
        return max(1, math.ceil(self.chars(element) / LINE_CHARS)) + 0.45


class _SlideSplitter(Treeprocessor):
    """Regroups the document into <section class="slide"> elements, one or more per ``##``."""

    def __init__(self, md, continued: str):
        super().__init__(md)
        self.continued = continued
        self.measure = _Measure(md)

    def run(self, root: ET.Element) -> None:
        children = list(root)
        for child in children:
            root.remove(child)
        sections: list[tuple[ET.Element | None, list[ET.Element]]] = []
        for child in children:
            if child.tag == "h2":
                sections.append((child, []))
            else:
                if not sections:
                    sections.append((None, []))
                sections[-1][1].append(child)
        for heading, blocks in sections:
            for number, chunk in enumerate(self._chunks(blocks) or [[]]):
                slide = ET.SubElement(root, "section", {"class": "slide"})
                if heading is not None:
                    slide.append(heading if number == 0 else self._continued(heading, number))
                    slide.set("aria-labelledby", slide[0].get("id", ""))
                slide.extend(chunk)

    def _continued(self, heading: ET.Element, number: int) -> ET.Element:
        copy = ET.Element("h2", {"id": f"{heading.get('id', 'slide')}-{number + 1}"})
        title = STASHED.sub("", "".join(heading.itertext())).strip()
        copy.text = self.continued.format(title=title)
        return copy

    def _units(self, blocks: list[ET.Element]) -> list[list[ET.Element]]:
        """Blocks to place whole; long lists are cut between items; a paragraph that ends
        in ':' stays with what follows it."""
        units: list[list[ET.Element]] = []
        for block in blocks:
            if block.tag in ("ul", "ol") and self.measure.lines(block) > SLIDE_LINES:
                pieces = [[piece] for piece in self._split_list(block)]
            else:
                pieces = [[block]]
            previous = units[-1] if units else None
            if previous and previous[-1].tag == "p" \
                    and "".join(previous[-1].itertext()).rstrip().endswith(":"):
                previous.extend(pieces[0])
                pieces = pieces[1:]
            units += pieces
        return units

    def _split_list(self, block: ET.Element) -> list[ET.Element]:
        """A list in about equal parts that each fit a slide; numbers go on across parts."""
        start = int(block.get("start", "1"))
        items = [(item, self.measure.lines(item)) for item in block]
        room = SLIDE_LINES - 1
        target = sum(lines for _, lines in items) / math.ceil(
            sum(lines for _, lines in items) / room)
        pieces: list[ET.Element] = []
        current, used = None, 0.0
        for index, (item, lines) in enumerate(items):
            if current is None or used + lines > room or used + lines / 2 > target:
                current = ET.Element(block.tag, dict(block.attrib))
                if block.tag == "ol" and start + index != 1:
                    current.set("start", str(start + index))
                pieces.append(current)
                used = 0.0
            current.append(item)
            used += lines
        return pieces

    def _chunks(self, blocks: list[ET.Element]) -> list[list[ET.Element]]:
        """Units in order on as few slides as fit, filled about evenly."""
        units = [(unit, sum(self.measure.lines(e) for e in unit)) for unit in self._units(blocks)]
        total = sum(lines for _, lines in units)
        target = total / max(1, math.ceil(total / SLIDE_LINES))
        chunks: list[list[ET.Element]] = []
        current: list[ET.Element] = []
        used = 0.0
        for unit, lines in units:
            if current and (used + lines > SLIDE_LINES or used + lines / 2 > target):
                chunks.append(current)
                current, used = [], 0.0
            current += unit
            used += lines
        if current:
            chunks.append(current)
        return chunks


class _Links(Treeprocessor):
    """Links between lesson pages (``../x/index.md``) point at the site's pages from the deck."""

    def __init__(self, md, lesson_dir: str):
        super().__init__(md)
        self.lesson_dir = lesson_dir
        self.deck_dir = f"{lesson_dir}{SLIDES_DIR}"

    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            url = link.get("href", "")
            if not url or url.startswith("#") or SCHEME.match(url):
                continue
            path, _, anchor = url.partition("#")
            target = page_url(posixpath.normpath(posixpath.join(self.lesson_dir, path)))
            relative = posixpath.relpath(target, self.deck_dir).rstrip("/") + "/"
            link.set("href", relative + (f"#{anchor}" if anchor else ""))


class _SlideExtension(Extension):
    def __init__(self, lesson_dir: str, continued: str):
        super().__init__()
        self.lesson_dir, self.continued = lesson_dir, continued

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Links(md, self.lesson_dir), "bekal_slide_links", 3)
        md.treeprocessors.register(_SlideSplitter(md, self.continued), "bekal_slides", 1)


@cache
def _extensions(root) -> tuple[list[str], dict[str, dict]]:
    return markdown_extensions(root)


def render_slides(project: Project, slug: str, lang: str, text: str, used: list[str]) -> str:
    """Lesson Markdown (facts not yet rendered) to a run of <section class="slide">."""
    names, configs = _extensions(project.root)
    continued = project.t(lang, "slides_continued", title="{title}")
    md = markdown.Markdown(extensions=[*names, _SlideExtension(f"modul/{slug}/", continued)],
                           extension_configs=configs)
    # no sources list on slides, so the marks do not link
    return sanitize.clean(md.convert(facts.substitute(project, text, lang, used, linked=False)))


def slides_page(project: Project, entry: ModuleEntry, lang: str) -> tuple[KitPage, str] | None:
    """The deck of one module in one language; None without a lesson."""
    source = lesson_source(project, entry.slug, lang)
    if source is None:
        return None
    m = entry.data
    page = KitPage(project, entry, lang, SLIDES_DIR,
                   project.t(lang, "slides_title", title=m.title[lang]))
    points = "\n".join(f"- {plain(point)}" for point in m.key_points.get(lang, []))
    if not inside(source, project.root):
        return None  # a link: the checks name it, nothing is read through it
    text = (strip_front_matter(source.read_text("utf-8"))
            + f"\n\n## {plain(project.t(lang, 'key_points'))} {{#poin-penting}}\n\n{points}\n")
    body = Markup(render_slides(project, entry.slug, lang, text, page.used))
    html = templates().get_template("slides.html").render(
        module_title=m.title[lang], summary=page.text(m.summary), slides=body,
        total=1 + body.count('<section class="slide"'),
        css=asset("slides.css"), script=asset("slides.js"), **page.context())
    return page, html
