"""The printable worksheet of a module's quiz (no answers) and its printable answer key."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from bekal.model.project import ModuleEntry, Project
from bekal.model.schema import Question
from bekal.render.kitpage import KitPage, kit_styles, templates
from bekal.render.quiz import render_key

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Choice:
    letter: str
    text: Markup


@dataclass(frozen=True)
class Item:
    """One question as printed: prompt, what to do, the choices with an empty box each."""
    number: int
    id: str
    prompt: Markup
    hint: str
    round: bool   # one answer: round boxes; several: square ones
    choices: list[Choice]


def _item(page: KitPage, q: Question, number: int) -> Item:
    if q.type == "truefalse":
        texts = [Markup.escape(page.t("quiz_true")), Markup.escape(page.t("quiz_false"))]
    else:
        texts = [page.text(o.text) for o in q.options]
    return Item(number, q.id, page.text(q.prompt), page.t(f"quiz_hint_{q.type}"),
                q.type in ("single", "truefalse"),
                [Choice(LETTERS[i % len(LETTERS)], text) for i, text in enumerate(texts)])


def worksheet_page(project: Project, entry: ModuleEntry, lang: str) -> tuple[KitPage, str]:
    """The worksheet: every question and option, empty boxes and lines, never the answers."""
    title = project.t(lang, "worksheet_title", title=entry.data.title[lang])
    page = KitPage(project, entry, lang, "worksheet", title)
    items = [_item(page, q, n) for n, q in enumerate(entry.quiz.model.questions, 1)]
    html = templates().get_template("trainer-worksheet.html").render(
        items=items, sources=page.sources(), css=kit_styles("trainer-print.css"), **page.context())
    return page, html


def key_page(project: Project, entry: ModuleEntry, lang: str) -> tuple[KitPage, str]:
    """The answer key on its own, to print apart from the worksheets."""
    title = project.t(lang, "key_page_title", title=entry.data.title[lang])
    page = KitPage(project, entry, lang, "answer_key", title)
    key = Markup(render_key(project, entry.quiz.model, lang, page.used))
    html = templates().get_template("trainer-key.html").render(
        key=key, sources=page.sources(), css=kit_styles("trainer-print.css"), **page.context())
    return page, html


