"""The curriculum's writing rules: lesson length, short sentences, *Anda*, the story and
help sections, and enough quiz questions (README, "What `bekal check` checks").

Length rules are warnings: a draft is short, and an author decides where to cut. Rules
about what a reader must find on every lesson page (the sections) and how she is
addressed (*Anda*, never *kamu*) are errors.
"""

from __future__ import annotations

import re

from bekal.model.issues import Issue, IssueList
from bekal.model.markdown_scan import FRONT_MATTER, blank_comments, scan
from bekal.model.pageref import FACT_REF
from bekal.model.project import ModuleEntry, Project
from bekal.routes import lesson_source

from . import memo

LESSON_WORDS = (450, 1000)
AVERAGE_SENTENCE_WORDS = 15
LONG_SENTENCE_WORDS = 30
MIN_QUESTIONS = 5
REQUIRED_SECTIONS = {"cerita": "the story", "bantuan": "where to get help"}
KAMU = re.compile(r"\b(kamu|kau|engkau|dikau)\b", re.I)
INFORMAL_LANG = "id"

# a sentence ends at . ! ?, at a blank line, and where a list item, heading, quote or
# table row starts
_SENTENCE_END = re.compile(r"(?<=[.!?])\s++|\n\s*+\n|\n(?=[ \t]*+(?:[-*+][ \t]|\d++[.)]|[#>|]))")
_MARKUP = re.compile(r"[#*_>\[\]!|]|^[ \t]*+(?:[-*+]|\d++[.)])[ \t]", re.M)


def reader_words(raw: str) -> str:
    """A lesson as a reader reads it: no front matter, ids, link targets or fact markup
    (list and heading marks stay, for ``sentences``).

    Line breaks stay where they were, so a position still gives its line."""
    front = FRONT_MATTER.match(raw)
    if front:
        raw = re.sub(r"[^\n]", "", raw[:front.end()]) + raw[front.end():]
    text = blank_comments(raw.removeprefix("\ufeff"))
    text = FACT_REF.sub("X", text)
    text = re.sub(r"\{[#:.][^{}\n]*+\}", "", text)
    return re.sub(r"\]\([^()\n]*+\)", "]", text)


def sentences(text: str) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence of two words or more (one pass over the text)."""
    found, start, line, counted = [], 0, 1, 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        part = _MARKUP.sub(" ", text[start:end])
        if len(part.split()) >= 2:
            offset = start + len(text[start:end]) - len(text[start:end].lstrip())
            line += text.count("\n", counted, offset)
            counted = offset
            found.append((line, part))
        if match:
            start = match.end()
    return found


def check(project: Project, issues: IssueList) -> None:
    for entry in sorted(project.modules.values(), key=lambda e: e.slug):
        if entry.module is None:
            continue
        for lang in project.config.codes:
            path = project.content_dir / lang / lesson_source(entry.slug)
            if path.is_file():
                _lesson(path, lang, issues)
        _quiz(entry, issues)
    _register(project, issues)


def _lesson(path, lang: str, issues: IssueList) -> None:
    raw = memo.read(path, IssueList(issues.root))  # bad bytes are reported by checks.prose
    if raw is not None:
        issues.extend(_lesson_issues(issues.root, path, raw))


@memo.remembered
def _lesson_issues(root, path, raw: str) -> tuple[Issue, ...]:
    """The writing rules on one lesson's text (memo.py)."""
    issues = IssueList(root)
    _lesson_text(path, raw, issues)
    return tuple(issues)


def _lesson_text(path, raw: str, issues: IssueList) -> None:
    if not raw.strip():
        return
    ids = {h.id for h in scan(raw).headings}
    for section, what in REQUIRED_SECTIONS.items():
        if section not in ids:
            issues.add(path, 1, "missing-section",
                       f"the lesson has no section with id '{section}' ({what})",
                       f"add a heading for it: ## … {{#{section}}}")
    text = reader_words(raw)
    words = len(_MARKUP.sub(" ", text).split())
    low, high = LESSON_WORDS
    if not low <= words <= high:
        issues.warn(path, 1, "lesson-length",
                    f"the lesson has {words} words; lessons have {low} to {high}",
                    "a lesson is read on a phone in one sitting: cut what a reader does not "
                    "need" if words > high else "say what a reader needs to act: the steps, "
                    "the story, where to get help")
    found = sentences(text)
    if not found:
        return
    average = sum(len(s.split()) for _, s in found) / len(found)
    if average > AVERAGE_SENTENCE_WORDS:
        issues.warn(path, 1, "sentence-length",
                    f"sentences have {average:.1f} words on average; keep it at "
                    f"{AVERAGE_SENTENCE_WORDS} or fewer",
                    "split long sentences: one idea per sentence")
    for line, sentence in found:
        count = len(sentence.split())
        if count > LONG_SENTENCE_WORDS:
            issues.warn(path, line, "sentence-length",
                        f"a sentence of {count} words (more than {LONG_SENTENCE_WORDS})",
                        "split it: one idea per sentence; a fact is a value inside a "
                        "sentence a person would say")


def _quiz(entry: ModuleEntry, issues: IssueList) -> None:
    if entry.quiz is None:
        return
    count = len(entry.quiz.model.questions)
    if count < MIN_QUESTIONS:
        issues.warn(entry.quiz.path, entry.quiz.line("questions"), "quiz-too-short",
                    f"the quiz has {count} question(s); a module's quiz has at least "
                    f"{MIN_QUESTIONS}",
                    "add questions about the mistakes real people make")


def _register(project: Project, issues: IssueList) -> None:
    """Indonesian text addresses the reader as *Anda*, never *kamu*."""
    if INFORMAL_LANG not in project.config.codes:
        return
    base = project.content_dir / INFORMAL_LANG
    for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
        raw = memo.read(path, IssueList(issues.root)) if path.is_file() else None
        if raw is not None:
            issues.extend(_kamu_issues(issues.root, path, raw))
    from .languages import fields

    loaded_files = [*project.tracks.values(), *project.glossary.values()]
    for entry in project.modules.values():
        loaded_files += [x for x in (entry.module, entry.quiz) if x is not None]
    for loaded in loaded_files:
        for loc, texts in fields(loaded.model):
            value = texts.get(INFORMAL_LANG)
            values = value if isinstance(value, list) else [value]
            for i, text in enumerate(values):
                match = KAMU.search(text) if isinstance(text, str) else None
                if match:
                    extra = [i] if isinstance(value, list) else []
                    _kamu(issues, loaded.path, loaded.line(*loc, INFORMAL_LANG, *extra),
                          match.group(0))
    for key, text in project.ui.get(INFORMAL_LANG, {}).items():
        match = KAMU.search(text)
        if match:
            _kamu(issues, project.root / "modules" / "ui.yml",
                  project.ui_lines.line_of((INFORMAL_LANG, key)), match.group(0))


@memo.remembered
def _kamu_issues(root, path, raw: str) -> tuple[Issue, ...]:
    """*kamu* on one page (memo.py)."""
    issues = IssueList(root)
    for number, line in enumerate(blank_comments(raw).split("\n"), start=1):
        for match in KAMU.finditer(line):
            _kamu(issues, path, number, match.group(0))
    return tuple(issues)


def _kamu(issues: IssueList, path, line: int, word: str) -> None:
    issues.add(path, line, "register-kamu",
               f"'{word}' addresses the reader informally",
               "address the reader as Anda (and -mu as Anda: bukumu → buku Anda)")
