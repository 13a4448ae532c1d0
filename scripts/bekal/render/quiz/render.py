"""Quiz HTML from quiz.yml: the form readers answer, and the answer key for trainers.

Every text from YAML is escaped, then its ``{{fact:key}}`` references are rendered, so
no HTML written by an author reaches the page. The answer to each question is written
once, in a ``<details>`` the reader opens herself; quiz.js reads the same markup to
give feedback, so the no-JavaScript path and the scripted path cannot disagree.
"""

from __future__ import annotations

import re
from html import escape

from bekal.model.project import Project
from bekal.model.schema import Option, Question, Quiz
from bekal.render import facts

QUIZ_ID = "kuis"
KEY_ID = "kunci-jawaban"
ICON = {"right": "✓", "wrong": "✗", "flag": "⚠"}


class _Writer:
    """Texts of one page: its language, and the facts it used (for the Sources list)."""

    def __init__(self, project: Project, lang: str, used: list[str]):
        self.project, self.lang, self.used = project, lang, used

    def text(self, localized: dict[str, str] | None) -> str:
        localized = localized or {}
        raw = localized.get(self.lang) or localized.get(self.project.config.default, "")
        return facts.substitute(self.project, escape(raw), self.lang, self.used)

    def ui(self, key: str, **values) -> str:
        return escape(self.project.t(self.lang, f"quiz_{key}", **values))

    def mark(self, icon: str, key: str) -> str:
        return (f'<strong class="bekal-key__mark"><span aria-hidden="true">{ICON[icon]} </span>'
                f'{self.ui(key)}</strong>')


def render_quiz(project: Project, quiz: Quiz, lang: str, used: list[str]) -> str:
    """The quiz section of a module page: a form, one fieldset per question."""
    w = _Writer(project, lang, used)
    questions = "\n".join(_question(w, q, n) for n, q in enumerate(quiz.questions, 1))
    return (
        f'<section class="bekal-quiz" aria-labelledby="{QUIZ_ID}">\n'
        f'<h2 id="{QUIZ_ID}">{w.ui("title")}</h2>\n'
        f'<p class="bekal-quiz__intro">{w.ui("intro")}</p>\n'
        '<form class="bekal-quiz__form">\n'
        f'{questions}\n'
        f'<div class="bekal-quiz__actions" hidden>'
        f'<button type="submit" class="md-button md-button--primary">{w.ui("check")}</button> '
        f'<button type="button" class="md-button bekal-quiz__retry" hidden>'
        f'{w.ui("retry")}</button></div>\n'
        f'<p class="bekal-quiz__status" role="status"></p>\n'
        f'</form>\n</section>\n')


def render_key(project: Project, quiz: Quiz, lang: str, used: list[str]) -> str:
    """The answer key for trainers: every question, its answer and the explanations."""
    w = _Writer(project, lang, used)
    parts = [f'<section class="bekal-quiz-key" aria-labelledby="{KEY_ID}">',
             f'<h2 id="{KEY_ID}">{w.ui("key_title")}</h2>',
             f'<p>{w.ui("key_intro")}</p>']
    for n, q in enumerate(quiz.questions, 1):
        prompt, hint = w.text(q.prompt), w.ui("hint_" + q.type)
        parts.append(f'<h3 id="{KEY_ID}-{q.id}">{n}. {prompt}</h3>')
        if not _instructs(prompt, hint):
            parts.append(f'<p class="bekal-key__hint">{hint}</p>')
        parts.append(_answer(w, q))
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _instructs(prompt: str, hint: str) -> bool:
    """True when the prompt's last sentence already says what the hint says: it starts
    with the hint's first word ("Pilih semua yang benar." and "Pilih semua jawaban yang
    benar."), and is not the prompt's only sentence."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", prompt.strip()) if s]
    first = hint.split(" ", 1)[0].lower()
    return len(sentences) > 1 and sentences[-1].lower().startswith(first + " ")


def _question(w: _Writer, q: Question, number: int) -> str:
    summary = w.ui("show_checklist" if q.type == "checklist" else "show_answer")
    prompt, hint = w.text(q.prompt), w.ui("hint_" + q.type)
    hint_html = "" if _instructs(prompt, hint) else f' <span class="bekal-q__hint">{hint}</span>'
    return (
        f'<fieldset class="bekal-q" id="{QUIZ_ID}-{q.id}" data-type="{q.type}">\n'
        f'<legend><span class="bekal-q__prompt">{number}. {prompt}</span>'
        f'{hint_html}</legend>\n'
        f'{_inputs(w, q)}\n'
        f'<details class="bekal-q__key"><summary>{summary}</summary>\n'
        f'{_answer(w, q)}\n</details>\n'
        f'</fieldset>')


def _without_verdict(w: _Writer, explain: dict[str, str] | None) -> dict[str, str]:
    """A true/false explanation without a leading "Benar." / "Salah.": the key says it already."""
    out = dict(explain or {})
    for lang, text in out.items():
        for word in (w.project.t(lang, "quiz_true"), w.project.t(lang, "quiz_false")):
            if text.startswith(word + ". "):
                text = text[len(word) + 2:]
        out[lang] = text
    return out


def _inputs(w: _Writer, q: Question) -> str:
    if q.type == "truefalse":
        choices = [("true", w.ui("true")), ("false", w.ui("false"))]
    else:
        choices = [(o.id, w.text(o.text)) for o in q.options]
    kind = "radio" if q.type in ("single", "truefalse") else "checkbox"
    return "\n".join(
        f'<label class="bekal-q__opt"><input type="{kind}" name="{escape(q.id)}" '
        f'value="{escape(value)}"> <span>{label}</span></label>'
        for value, label in choices)


def _answer(w: _Writer, q: Question) -> str:
    """The answer block: the same markup in the <details>, the trainer key and the feedback."""
    if q.type == "truefalse":
        # "Pernyataan ini salah", not "Jawaban yang benar: Salah": the key's words differ from
        # the options' (Benar / Salah) and from the verdict (Tepat / Kurang tepat).
        answer = "true" if q.answer else "false"
        return (f'<div class="bekal-key">\n'
                f'<p data-answer="{answer}"><strong class="bekal-key__mark">'
                f'<span aria-hidden="true">{ICON["right"]} </span>{w.ui("statement_" + answer)}'
                f'</strong></p>\n'
                f'<p class="bekal-key__explain">{w.text(_without_verdict(w, q.explain))}</p>'
                f'\n</div>')
    items = "\n".join(_option_item(w, q, o) for o in q.options)
    body = f'<div class="bekal-key">\n<ul class="bekal-key__options">\n{items}\n</ul>'
    if q.type == "checklist" and q.verdicts:
        body += f'\n<p>{w.ui("verdicts_intro")}</p>\n{_verdicts(w, q)}'
    return body + "\n</div>"


def _option_item(w: _Writer, q: Question, o: Option) -> str:
    if q.type == "checklist":
        attr = " data-flag" if o.red_flag else ""
        mark = w.mark("flag", "mark_flag") if o.red_flag else w.mark("right", "mark_good")
    else:
        attr = " data-correct" if o.correct else ""
        mark = w.mark("right", "mark_right") if o.correct else w.mark("wrong", "mark_wrong")
    return (f'<li data-option="{escape(o.id)}"{attr}><p>{mark} {w.text(o.text)}</p>'
            f'<p class="bekal-key__explain">{w.text(o.explain)}</p></li>')


def _verdicts(w: _Writer, q: Question) -> str:
    ordered = sorted(q.verdicts, key=lambda v: v.min_flags)
    items = []
    for v, after in zip(ordered, [*ordered[1:], None], strict=True):
        top = after.min_flags - 1 if after else None
        if top is None:
            flags = w.ui("flags_more", min=v.min_flags)
        elif top <= v.min_flags:
            flags = w.ui("flags_exact", min=v.min_flags)
        else:
            flags = w.ui("flags_range", min=v.min_flags, max=top)
        items.append(f'<li data-min="{v.min_flags}"><p><span class="bekal-key__range">{flags}'
                     f'</span> — <strong class="bekal-key__verdict">{w.text(v.title)}</strong>'
                     f'</p><p class="bekal-key__advice">{w.text(v.advice)}</p></li>')
    return '<ul class="bekal-key__verdicts">\n' + "\n".join(items) + "\n</ul>"
