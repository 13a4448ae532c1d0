"""Property-based: whatever HTML or Markdown soup goes in, what the sanitizer lets out
keeps the safety invariant, and `bekal check` sees whatever it takes away."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from security_invariant import page_problems

from bekal.checks import safety
from bekal.render import sanitize
from conftest import ROOT

TAGS = ["a", "img", "div", "p", "span", "script", "style", "iframe", "svg", "math", "object",
        "embed", "form", "input", "button", "link", "meta", "base", "video", "audio", "source",
        "details", "summary", "table", "td", "th", "abbr", "template", "noscript", "textarea",
        "select", "option", "frame", "frameset", "xmp", "title", "animate", "set", "use",
        "image", "marquee", "body", "html", "foreignObject", "annotation-xml", "plaintext"]
ATTRS = ["href", "src", "onerror", "onclick", "onload", "ONmouseover", "style", "srcset",
         "action", "formaction", "poster", "data", "xlink:href", "background", "http-equiv",
         "content", "rel", "id", "class", "data-x", "data-md-component", "is", "target",
         "ping", "dynsrc", "lowsrc", "codebase", "cite", "width", "type", "name", "value"]
SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "java&#x09;script:", " javascript:",
           "&#106;avascript:", "data:", "data:text/html,", "vbscript:", "//", "\\\\",
           "/\\", "https://", "http://", "file:///", "", "#", "mailto:", "tel:", "&#x68;ttps://"]
TEXT = st.text(alphabet=st.sampled_from(list("ab <>\"'=/`&;:(){}!-\n\t")), max_size=12)


@st.composite
def attribute(draw):
    name = draw(st.sampled_from(ATTRS))
    value = draw(st.sampled_from(SCHEMES)) + draw(st.sampled_from(
        ["alert(1)", "evil.example/x", "x.png", "url(//evil.example)", "expression(alert(1))",
         "0;url=//evil.example", ""]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    if not quote:
        value = re.sub(r"[\s\"'>]", "", value)
    sep = draw(st.sampled_from([" ", "\n", "/", "\t"]))
    return f"{sep}{name}={quote}{value}{quote}"


@st.composite
def soup(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append(draw(TEXT))
        elif kind == 1:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "</",
                                               "<!doctype html>", "<?x?>", "`", "```"])))
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(draw(st.lists(attribute(), max_size=3)))
            inner = draw(soup(depth + 1)) if depth < 2 else draw(TEXT)
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


PARSER_DROPS = sanitize.PARSER_DROPS
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(soup())
def test_sanitized_html_keeps_the_invariant(html_soup):
    assert page_problems(sanitize.clean(html_soup)) == []


@SETTINGS
@given(soup())
def test_sanitized_html_read_again_stays_safe(html_soup):
    """Parsing the output once more (as a browser does) creates nothing dangerous."""
    once = sanitize.clean(html_soup)
    assert page_problems(sanitize.clean(once)) == []
    assert not [r for r in sanitize.removals(once) if r.kind in ("handler", "link", "remote")]


@SETTINGS
@given(soup())
def test_markdown_soup_through_the_site_renderer_keeps_the_invariant(text):
    md = safety._renderer(ROOT)
    md.reset()
    assert page_problems(sanitize.clean(md.convert(text))) == []


@SETTINGS
@given(soup())
def test_the_check_speaks_whenever_the_sanitizer_removes_something(html_soup):
    """If clean() drops an element or an attribute, removals() is not silent. (Elements a
    browser's parser drops by itself, such as a <td> outside a table, do not count.)"""
    cleaned = sanitize.start_tags(sanitize.clean(html_soup))
    kept = {t for t, _ in cleaned}
    seen = {t for t, _ in sanitize.start_tags(html_soup)} - PARSER_DROPS
    attributes = {(t, a) for t, attrs in sanitize.start_tags(html_soup) for a, _ in attrs
                  if t not in PARSER_DROPS}
    kept_attributes = {(t, a) for t, attrs in cleaned for a, _ in attrs}
    if seen - kept or attributes - kept_attributes:
        assert sanitize.removals(html_soup)


@SETTINGS
@given(st.text(max_size=40) | soup())
def test_titles_are_text(value):
    title = sanitize.plain(value)
    assert "<" not in title and ">" not in title
    assert "<" not in sanitize.text(value) and "{:" not in sanitize.text(value)


BAD_PAGES = ['<img src="x.png" onerror="alert(1)">', '<a href="java\tscript:alert(1)">x</a>',
             '<a href="data:text/html,x">x</a>', '<img src="https://evil.example/x.png">',
             '<img src="//evil.example/x.png">', '<link rel="stylesheet" href="//evil.example">',
             "<script>alert(1)</script>", '<script src="https://evil.example/x.js"></script>',
             '<iframe src="/x"></iframe>', '<base href="//evil.example/">',
             '<meta http-equiv="refresh" content="0;url=//evil.example">',
             '<p style="background:url(//evil.example/x)">x</p>', '<form action="javascript:x">']
GOOD_PAGES = ['<a href="https://example.org/">x</a>', '<img src="foto.png" alt="x">',
              '<script type="application/json">{"a": 1}</script>', '<a href="tel:+62">x</a>']


def test_the_invariant_itself_sees_each_kind_of_payload():
    for page in BAD_PAGES:
        assert page_problems(page), page
        assert page_problems(sanitize.clean(page)) == [], page
    for page in GOOD_PAGES:
        assert page_problems(page) == [], page
