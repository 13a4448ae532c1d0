"""Explaining glossary terms on their first use on a page, as links to the glossary."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from bekal.model.project import Project
from bekal.routes import relative

_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script",
         "style", "button", "label", "summary", "legend", "dt", "title", "textarea"}


_NAME = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")


def _tag_name(tag: str) -> tuple[str, bool, bool]:
    match = _NAME.match(tag)
    if not match:
        return "", False, False
    return match.group(2).lower(), bool(match.group(1)), tag.rstrip().endswith("/>")


def link_terms(project: Project, html: str, lang: str, page_url: str, glossary_url: str) -> str:
    """Link the first use of every glossary term on the page (not inside links or headings)."""
    if page_url == glossary_url:
        return html
    pending = {}  # key -> term, in the glossary's order, until its first use is linked
    for key, loaded in project.glossary.items():
        term = loaded.model.term.get(lang)
        if term and term in html:  # a term the page never names needs no search
            pending[key] = term
    skip_depth = 0
    out = []
    for token in _TAG.split(html):
        if token.startswith("<"):
            name, closing, selfclosing = _tag_name(token)
            if name in _SKIP and not selfclosing:
                skip_depth += -1 if closing else 1
                skip_depth = max(skip_depth, 0)
            out.append(token)
            continue
        if skip_depth or not pending or not any(term in token for term in pending.values()):
            out.append(token)  # (a plain substring test is much quicker than the pattern)
            continue
        out.append(_link_in_text(project, token, lang, pending, page_url, glossary_url))
    return "".join(out)


@lru_cache(maxsize=1024)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    """One pattern for all the terms (a page's pending terms repeat from page to page)."""
    alternatives = "|".join(f"(?P<t{i}>{re.escape(term)})" for i, term in enumerate(terms))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _link_in_text(project, text, lang, pending, page_url, glossary_url) -> str:
    result = []
    while pending:
        # the earliest use of any term still pending; at one place, the first in order
        match = _pattern(tuple(pending.values())).search(text)
        if match is None:
            break
        key = list(pending)[int(match.lastgroup[1:])]
        del pending[key]
        definition = project.term(key).definition[lang]
        href = relative(page_url, glossary_url) + f"#{key}"
        result.append(text[:match.start()])
        result.append(f'<a class="bekal-term" href="{escape(href)}" '
                      f'title="{escape(definition)}">{match.group(0)}</a>')
        text = text[match.end():]
    result.append(text)
    return "".join(result)
