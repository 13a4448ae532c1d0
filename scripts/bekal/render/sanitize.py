"""The one HTML allowlist: every piece of HTML made from content passes ``clean``.

Content is written by many hands; what it may put on a page is listed here, and nothing
else survives: these elements, these attributes, links to http, https, mailto, tel or a
relative address, and images, media and styles only from the site itself. ``removals``
says what ``clean`` would take away from a piece of HTML, so the checks can tell an
author instead of letting it vanish. The sanitizer is ammonia (through ``nh3``), which
parses HTML the way a browser does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

from bekal.model.pageref import FACT_REF

TAGS = frozenset({
    "a", "abbr", "article", "aside", "audio", "b", "blockquote", "br", "button", "caption",
    "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "mark", "nav",
    "ol", "p", "picture", "pre", "q", "s", "samp", "section", "small", "source", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th",
    "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
})
# Removed together with everything inside them.
DROP_WITH_CONTENT = frozenset({
    "script", "style", "template", "iframe", "frameset", "object", "embed", "noembed",
    "noframes", "noscript", "xmp", "title", "svg", "math", "select", "head",
})
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role"})
ATTRIBUTES = {
    "a": {"href", "hreflang", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "audio": {"src", "controls", "preload"},
    "video": {"src", "controls", "preload", "width", "height", "poster"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite"}, "ins": {"cite"},
    "label": {"for"},
    "input": {"type", "name", "value", "checked", "disabled", "readonly", "required",
              "autocomplete", "enterkeyhint", "spellcheck", "placeholder"},
    "button": {"type", "disabled"},
    "textarea": {"name", "rows", "cols", "readonly", "disabled", "placeholder"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Table cells may be aligned (Markdown tables write style="text-align: …"); nothing else.
STYLE_PROPERTIES = frozenset({"text-align"})
# Attributes whose address the browser fetches by itself: only the site's own files.
RESOURCE_ATTRIBUTES = frozenset({"src", "poster"})
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite"})
# An id Bekal makes from a key (glossary terms): safe as an attribute and in an address.
SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_STRIPPED = re.compile(r"[\x00-\x20\x7f]+")


def _local(value: str) -> bool:
    """A relative address on this site: no scheme, no host (//, \\\\, /\\ all name a host)."""
    compact = _STRIPPED.sub("", value)
    return not (_SCHEME.match(compact) or compact.startswith(("//", "\\", "/\\")))


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in RESOURCE_ATTRIBUTES and not _local(value):
        return None
    if attribute.startswith("data-md-"):  # the theme's own switches
        return None
    if attribute in ("id", "for") and value.startswith("__"):  # the theme's own element ids
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS), clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
        generic_attribute_prefixes={"aria-", "data-"}, attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES))


def clean(html: str) -> str:
    """``html`` with everything outside the allowlist removed."""
    return _cleaner().clean(html)


@cache
def _text_only() -> nh3.Cleaner:
    return nh3.Cleaner(tags=set(), clean_content_tags=set(DROP_WITH_CONTENT), link_rel=None)


def plain(html: str) -> Markup:
    """A title for the theme: text only, escaped (a title that holds HTML keeps its words)."""
    return Markup(_text_only().clean(html))




def text(value: str) -> str:
    """A YAML text (plain text) made safe to put into Markdown: no HTML, no attribute list
    (a single '{'); ``{{fact:key}}`` references stay for the facts step."""
    escaped = escape(value, quote=False)
    out, at = [], 0
    for ref in FACT_REF.finditer(escaped):  # every other '{' is written as a character
        out += [escaped[at:ref.start()].replace("{", "&#123;"), ref.group(0)]
        at = ref.end()
    return "".join([*out, escaped[at:].replace("{", "&#123;")])


# -- what would be removed ----------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    """One thing ``clean`` takes away: an element, or one attribute of an element."""
    tag: str
    attribute: str | None = None
    value: str | None = None
    lost: bool = False  # hidden by broken markup around it (an unclosed comment, say)

    @property
    def kind(self) -> str:
        """'lost', 'element', 'handler', 'link', 'remote' or 'attribute'."""
        if self.lost:
            return "lost"
        if self.attribute is None:
            return "element"
        if self.attribute.startswith("on"):
            return "handler"
        if self.attribute in RESOURCE_ATTRIBUTES:
            scheme = _SCHEME.match(_STRIPPED.sub("", self.value or ""))
            if scheme is None or scheme.group(1).lower() in ("http", "https"):
                return "remote"
        if self.attribute in URL_ATTRIBUTES:
            return "link"
        return "attribute"


# Elements the HTML parser only accepts inside a table.
_CONTEXT = {"td": ("<table><tr>", "</tr></table>"), "th": ("<table><tr>", "</tr></table>"),
            "tr": ("<table>", "</table>"), "thead": ("<table>", "</table>"),
            "tbody": ("<table>", "</table>"), "tfoot": ("<table>", "</table>"),
            "caption": ("<table>", "</table>"), "colgroup": ("<table>", "</table>"),
            "col": ("<table><colgroup>", "</colgroup></table>")}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag


def start_tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


@lru_cache(maxsize=4096)
def _removed_from_tag(tag: str, attrs: tuple[tuple[str, str], ...]) -> tuple[Removal, ...]:
    shown = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    before, after = _CONTEXT.get(tag, ("", ""))
    cleaned = [t for t in start_tags(clean(f"{before}<{tag}{shown}>{after}")) if t[0] == tag]
    if not cleaned:
        return (Removal(tag),)
    kept = dict(cleaned[0][1])
    return tuple(Removal(tag, name, value) for name, value in attrs
                 if name not in kept or _norm(name, kept[name]) != _norm(name, value))


def _norm(name: str, value: str) -> str:
    return re.sub(r"[\s;]+", "", value) if name == "style" else value


# Start tags a browser's parser ignores by itself in a page's body.
PARSER_DROPS = frozenset({"html", "body", "head", "td", "th", "tr", "thead", "tbody", "tfoot",
                          "caption", "col", "colgroup", "frame"})


def removals(html: str, forbid: frozenset[str] = frozenset()) -> list[Removal]:
    """Every element and attribute of ``html`` that ``clean`` would remove, in order;
    elements named in ``forbid`` count as removed too."""
    found: list[Removal] = []
    tags = start_tags(html)
    for tag, attrs in tags:
        removed = _removed_from_tag(tag, tuple(attrs))
        if tag in forbid and Removal(tag) not in removed:
            removed = (Removal(tag), *removed)
        found += removed
    return found or _lost(tags, start_tags(clean(html)))


def _lost(before, after) -> list[Removal]:
    """Allowed elements and attributes that still vanish: the browser's parser reads the
    markup differently (an unclosed comment hides what follows, for one)."""
    def counts(tags):
        seen = Counter()
        for tag, attrs in tags:
            if tag not in PARSER_DROPS:
                seen[(tag, None)] += 1
                seen.update((tag, name) for name, _ in attrs)
        return seen
    missing = counts(before) - counts(after)
    return [Removal(tag, attribute, lost=True) for tag, attribute in missing]
