"""Which quiz questions make a before/after test, and in what order their options stand.

Only questions with a right answer count (single, multiple, true/false); the job-offer
checklist has no right answer to score. The after test shows every question's options
in reverse order, so a participant cannot answer from memory of where a tick was.
"""

from __future__ import annotations

from dataclasses import dataclass

from bekal.model.project import ModuleEntry, Project
from bekal.model.schema import Question

SCORED = ("single", "multiple", "truefalse")
MODULE_MAX = 8
TRACK_MAX = 10
LETTERS = "ABCDEF"
MAX_CHOICES = len(LETTERS)


@dataclass(frozen=True)
class Choice:
    text: dict[str, str] | None   # from quiz.yml; None for true/false (the ui word)
    word: str | None              # 'quiz_true' / 'quiz_false' for true/false
    correct: bool


@dataclass(frozen=True)
class TestItem:
    slug: str
    question: Question
    choices: tuple[Choice, ...]   # in the before test's order

    def order(self, after: bool) -> tuple[Choice, ...]:
        return tuple(reversed(self.choices)) if after else self.choices

    def answer(self, after: bool) -> str:
        """The letters of the right choices, e.g. 'B' or 'A, C'."""
        return ", ".join(LETTERS[i] for i, c in enumerate(self.order(after)) if c.correct)


@dataclass(frozen=True)
class TestPaper:
    """One test: for a module (``kind`` 'module') or a track (``kind`` 'track')."""
    kind: str
    id: str                       # module slug or track id
    title: dict[str, str]
    minutes: int
    items: tuple[TestItem, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def shortened(self) -> TestPaper:
        """The same test without its longest question (to fit one page)."""
        longest = max(range(len(self.items)), key=lambda i: _length(self.items[i]))
        items = self.items[:longest] + self.items[longest + 1:]
        return TestPaper(self.kind, self.id, self.title, self.minutes, items)


def _length(item: TestItem) -> int:
    texts = [*item.question.prompt.values()]
    for choice in item.choices:
        texts += list((choice.text or {}).values())
    return sum(len(t) for t in texts)


def _item(slug: str, q: Question) -> TestItem:
    if q.type == "truefalse":
        choices = (Choice(None, "quiz_true", q.answer is True),
                   Choice(None, "quiz_false", q.answer is False))
    else:
        choices = tuple(Choice(o.text, None, o.correct) for o in q.options)
    return TestItem(slug, q, choices)


def scored_items(entry: ModuleEntry) -> list[TestItem]:
    if entry.quiz is None:
        return []
    return [_item(entry.slug, q) for q in entry.quiz.model.questions
            if q.type == "truefalse" or (q.type in SCORED and len(q.options) <= MAX_CHOICES)]


def module_paper(entry: ModuleEntry) -> TestPaper | None:
    items = scored_items(entry)[:MODULE_MAX]
    if not items:
        return None
    return TestPaper("module", entry.slug, entry.data.title, entry.data.minutes, tuple(items))


def track_paper(project: Project, track_id: str) -> TestPaper | None:
    """Questions from every module of the track in turn: the first of each, then the second..."""
    pools = [scored_items(entry) for entry in project.modules_of(track_id)]
    items: list[TestItem] = []
    depth = 0
    while len(items) < TRACK_MAX and any(depth < len(pool) for pool in pools):
        for pool in pools:
            if depth < len(pool) and len(items) < TRACK_MAX:
                items.append(pool[depth])
        depth += 1
    if not items:
        return None
    track = project.track(track_id)
    minutes = sum(e.data.minutes for e in project.modules_of(track_id))
    return TestPaper("track", track_id, track.title, minutes, tuple(items))
