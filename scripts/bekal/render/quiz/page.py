"""Where the quiz goes on a page: the lesson gets the quiz, the trainer guide the key."""

from __future__ import annotations

import re

from bekal.model.pageref import PageRef
from bekal.model.project import Project

from .render import render_key, render_quiz

# An author may place the quiz with this marker; Markdown may have wrapped it in <p>.
MARKER = re.compile(r"(?:<p>\s*)?<!--\s*bekal:quiz\s*-->(?:\s*</p>)?")


def place(html: str, block: str) -> str:
    """Put ``block`` where the first marker is, or at the end; drop any other marker."""
    if MARKER.search(html):
        html = MARKER.sub(lambda _: block, html, count=1)
        return MARKER.sub("", html)
    return html + block


def for_page(project: Project, ref: PageRef, html: str, used: list[str]) -> tuple[str, bool]:
    """Add the quiz (lesson page) or the answer key (trainer page) of the page's module.

    Returns the new HTML and whether the page now has a quiz (and needs quiz.js/css).
    """
    entry = project.modules.get(ref.module_slug or "")
    if entry is None or entry.quiz is None:
        return html, False
    quiz = entry.quiz.model
    if ref.kind == "index":
        return place(html, render_quiz(project, quiz, ref.lang, used)), True
    if ref.kind == "pelatih":
        return html + render_key(project, quiz, ref.lang, used), False
    return html, False
