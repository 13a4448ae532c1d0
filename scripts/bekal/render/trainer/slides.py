"""A module's lesson as slides: a title slide, one slide per ``##`` section, the key points.

The lesson is rendered with Python-Markdown and the extensions mkdocs.yml lists, after
its facts are rendered as on the site. A slide holds its heading and at most
SLIDE_WORDS words: a longer section continues on the next slide under the same heading
("(continued)"), and the rest of a long paragraph goes to the slide's speaker notes. The
browser test checks that no slide overflows at 1280x720.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from bekal.model.project import ModuleEntry, Project
from bekal.model.siteconfig import markdown_extensions
from bekal.model.textfile import inside, strip_front_matter
from bekal.render import facts, sanitize
from bekal.render.kitpage import KitPage, asset, templates
from bekal.render.sanitize import text as plain
from bekal.routes import MODULES, relative

from .kit import lesson_source

SLIDE_WORDS = 40   # a heading and at most this many words on a slide; the rest is notes
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
TAG = re.compile(r"<[^>]+>")
SMALL = re.compile(r"<small\b.*?</small>", re.S)   # a fact's "not yet verified" mark
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?:;](?=\s|$)")
LISTS = ("ul", "ol")
BOXES = ("div", "details", "blockquote")


class _Words:
    """Words of an element as a reader sees them on the slide (fact marks not counted)."""

    def __init__(self, md: markdown.Markdown):
        self.md = md

    def plain(self, text: str) -> str:
        def stashed(match: re.Match) -> str:
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(match.group(1))
            return TAG.sub(" ", SMALL.sub("", str(blocks[index]))) if index < len(blocks) else ""
        return STASHED.sub(stashed, text)

    def count(self, element: ET.Element | str | None) -> int:
        if element is None:
            return 0
        text = element if isinstance(element, str) else "".join(element.itertext())
        return len(WORD.findall(self.plain(text)))


def _introduces(element: ET.Element) -> bool:
    """A paragraph that ends in ':' belongs with what follows it."""
    return element.tag == "p" and "".join(element.itertext()).rstrip().endswith(":")


def _point(element: ET.Element) -> tuple[ET.Element, ET.Element | None] | None:
    """A paragraph that opens with a bold lead: (the lead alone, the rest), else None."""
    if element.tag != "p" or (element.text or "").strip() or not len(element) \
            or element[0].tag != "strong":
        return None
    lead = ET.Element("p", dict(element.attrib))
    strong = ET.SubElement(lead, "strong")
    strong.text = element[0].text
    strong.extend(list(element[0]))
    rest = ET.Element("p")
    rest.text = (element[0].tail or "").lstrip()
    rest.extend(list(element)[1:])
    if not rest.text and not len(rest):
        return lead, None
    return lead, rest


def _copy(element: ET.Element) -> ET.Element:
    copy = ET.Element(element.tag, dict(element.attrib))
    copy.text = element.text
    return copy


class _Split:
    """An element cut after a sentence: the head fits the slide, the rest goes to the notes."""

    def __init__(self, words: _Words):
        self.words = words

    def __call__(self, element: ET.Element, limit: int) -> tuple[ET.Element | None,
                                                                ET.Element | None]:
        if self.words.count(element) <= limit:
            return element, None
        if element.tag in BOXES:
            return self._box(element, limit)
        if element.tag in ("p", "li", "dd", "dt", "h3", "h4"):
            return self._text(element, limit)
        return None, element  # a table: in the notes, whole

    def _box(self, element: ET.Element, limit: int):
        head, rest, used = _copy(element), _copy(element), 0
        head.text = rest.text = None
        children = list(element)
        for index, child in enumerate(children):
            count = self.words.count(child)
            if used + count <= limit:
                head.append(child)
                used += count
                continue
            first, second = self(child, limit - used)
            if first is not None:
                head.append(first)
            if second is not None:
                rest.append(second)
            rest.extend(children[index + 1:])
            break
        return (head if len(head) else None), (rest if len(rest) else None)

    def _text(self, element: ET.Element, limit: int):
        """Pieces in order (text, child, tail, ...); cut where a sentence ends in a text piece."""
        pieces: list[str | ET.Element] = [element.text or ""]
        for child in element:
            pieces += [child, child.tail or ""]
        used, cut = 0, None   # cut: (piece index, position in that text)
        for index, piece in enumerate(pieces):
            if isinstance(piece, str):
                for match in SENTENCE_END.finditer(piece):
                    if used + self.words.count(piece[:match.end()]) > limit:
                        break
                    cut = (index, match.end())
            used += self.words.count(piece)
            if used > limit:
                break
        if cut is None:
            return None, element
        index, position = cut
        head, rest = ET.Element(element.tag, dict(element.attrib)), ET.Element(element.tag)
        target, last = head, None
        for number, piece in enumerate(pieces):
            if number == index:
                before, after = piece[:position], piece[position:].lstrip()
                self._add_text(head, last, before)
                target, last = rest, None
                rest.text = after
                continue
            if isinstance(piece, str):
                self._add_text(target, last, piece)
            else:
                child = ET.Element(piece.tag, dict(piece.attrib))
                child.text = piece.text
                child.extend(list(piece))
                target.append(child)
                last = child
        return head, (rest if self.words.count(rest) else None)

    @staticmethod
    def _add_text(parent: ET.Element, last: ET.Element | None, text: str) -> None:
        if last is None:
            parent.text = (parent.text or "") + text
        else:
            last.tail = (last.tail or "") + text


class _SlideSplitter(Treeprocessor):
    """Regroups the document into <section class="slide"> elements, one or more per ``##``.

    A slide shows its heading and at most SLIDE_WORDS words; a section with more continues on
    the next slide ("(continued)"), and a paragraph too long for one slide shows its first
    sentences, the rest in the slide's speaker notes (<aside class="slide-notes">: on screen
    with the N key, in print and without JavaScript under the slide).
    """

    def __init__(self, md, deck: _SlideExtension):
        super().__init__(md)
        self.deck = deck  # the deck being converted: its words for "continued" and "notes"
        self.words = _Words(md)
        self.split = _Split(self.words)

    @property
    def continued(self) -> str:
        return self.deck.continued

    @property
    def notes(self) -> str:
        return self.deck.notes

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
            for number, (shown, notes) in enumerate(self._slides(blocks) or [([], [])]):
                slide = ET.SubElement(root, "section", {"class": "slide"})
                if heading is not None:
                    slide.append(heading if number == 0 else self._continued(heading, number))
                    slide.set("aria-labelledby", slide[0].get("id", ""))
                slide.extend(self._regroup(shown))
                if notes:
                    aside = ET.SubElement(slide, "aside", {"class": "slide-notes"})
                    title = ET.SubElement(aside, "p", {"class": "slide-notes__title"})
                    title.text = self.notes
                    aside.extend(self._regroup(notes))

    def _continued(self, heading: ET.Element, number: int) -> ET.Element:
        copy = ET.Element("h2", {"id": f"{heading.get('id', 'slide')}-{number + 1}"})
        title = STASHED.sub("", "".join(heading.itertext())).strip()
        copy.text = self.continued.format(title=title)
        return copy

    @staticmethod
    def _units(blocks: list[ET.Element]) -> list[tuple[ET.Element, ET.Element | None, int]]:
        """(block or list item, its list or None, the item's number) in reading order."""
        units = []
        for block in blocks:
            if block.tag in LISTS:
                start = int(block.get("start", "1"))
                units += [(item, block, start + i) for i, item in enumerate(block)]
            else:
                units.append((block, None, 0))
        return units

    def _slides(self, blocks: list[ET.Element]) -> list[tuple[list, list]]:
        """[(shown units, notes units)] per slide; every slide shows at most SLIDE_WORDS words.
        Lists and boxes go on over as many slides as they need; a paragraph that does not
        fit goes to the notes (the story is the trainer's to tell); a paragraph that ends
        in ':' moves on with what follows it."""
        slides: list[tuple[list, list]] = []
        shown: list = []
        notes: list = []
        used = 0
        for element, parent, number in self._units(blocks):
            point = _point(element)
            if point is not None:  # "**Gaji sangat tinggi.** Gaji yang ...": the lead on the slide
                element, rest = point
                if rest is not None:
                    if shown and used + self.words.count(element) > SLIDE_WORDS:
                        slides.append((shown, notes))
                        shown, notes, used = [], [], 0
                    shown.append((element, parent, number))
                    used += self.words.count(element)
                    notes.append((rest, parent, number))
                    continue
            if shown and used + self.words.count(element) > SLIDE_WORDS \
                    and element.tag == "p" and not _introduces(element):
                notes.append((element, parent, number))  # told by the trainer, not read
                continue
            if shown and used + self.words.count(element) > SLIDE_WORDS:
                lead_in = shown[-1] if _introduces(shown[-1][0]) else None
                if lead_in and len(shown) > 1 and not notes:
                    shown.pop()  # "...:" goes on with what it introduces
                    slides.append((shown, notes))
                    shown, notes = [lead_in], []
                    used = self.words.count(lead_in[0])
                    if used + self.words.count(element) <= SLIDE_WORDS:
                        shown.append((element, parent, number))
                        used += self.words.count(element)
                        continue
                slides.append((shown, notes))
                shown, notes, used = [], [], 0
            head, rest = self.split(element, SLIDE_WORDS - used)
            if head is not None:
                shown.append((head, parent, number))
                used += self.words.count(head)
            if rest is not None:
                notes.append((rest, parent, number))
        if shown or notes:
            slides.append((shown, notes))
        return slides

    @staticmethod
    def _regroup(units: list) -> list[ET.Element]:
        """List items back into lists (numbers go on where a list was cut)."""
        out: list[ET.Element] = []
        current, current_parent = None, None
        for element, parent, number in units:
            if parent is None:
                out.append(element)
                current = current_parent = None
                continue
            if current is None or parent is not current_parent:
                current = ET.Element(parent.tag, {k: v for k, v in parent.attrib.items()
                                                  if k != "start"})
                if parent.tag == "ol" and number != 1:
                    current.set("start", str(number))
                out.append(current)
                current_parent = parent
            current.append(element)
        return out


class _Links(Treeprocessor):
    """Links between lesson pages (``../x/index.md``) point at the site's pages from the deck."""

    def __init__(self, md, deck: _SlideExtension):
        super().__init__(md)
        self.deck = deck

    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            url = link.get("href", "")
            if not url or url.startswith("#") or SCHEME.match(url):
                continue
            link.set("href", self.deck.resolve(url))


class _SlideExtension(Extension):
    """What differs from deck to deck: where its links lead, its words in the language."""

    def __init__(self):
        super().__init__()
        self.resolve: Callable[[str], str] = str
        self.continued = self.notes = ""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Links(md, self), "bekal_slide_links", 3)
        md.treeprocessors.register(_SlideSplitter(md, self), "bekal_slides", 1)


@cache
def _converter(root) -> tuple[markdown.Markdown, _SlideExtension]:
    """One Markdown converter per project, set up with the site's extensions (setting one up
    costs more than converting a lesson); each deck sets the extension's fields first."""
    names, configs = markdown_extensions(root)
    deck = _SlideExtension()
    return markdown.Markdown(extensions=[*names, deck], extension_configs=configs), deck


def render_slides(project: Project, slug: str, lang: str, text: str, used: list[str]) -> str:
    """Lesson Markdown (facts not yet rendered) to a run of <section class="slide">."""
    md, current = _converter(project.root)
    current.continued = project.t(lang, "slides_continued", title="{title}")
    current.notes = project.t(lang, "slides_notes")
    routes = project.routes
    deck = routes.slides(lang, slug)

    def resolve(href: str) -> str:  # a lesson's link, followed from the deck
        return relative(deck, routes.authored_link(lang, f"{MODULES}/{slug}", href))

    current.resolve = resolve
    md.reset()
    # no sources list on slides, so the marks do not link
    return sanitize.clean(md.convert(facts.substitute(project, text, lang, used, linked=False)))


def slides_page(project: Project, entry: ModuleEntry, lang: str) -> tuple[KitPage, str] | None:
    """The deck of one module in one language; None without a lesson."""
    source = lesson_source(project, entry.slug, lang)
    if source is None:
        return None
    m = entry.data
    page = KitPage(project, entry, lang, "slides",
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
