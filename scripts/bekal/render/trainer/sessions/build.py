"""Every sheet of the session kit in one language: laid out when changed, else from the cache.

All sheets of one module (or track) are laid out as one document and written out page
by page, so WeasyPrint reads the stylesheet and fonts once per module, not per sheet.
Every sheet must fit one A4 page: a test that does not fit loses its longest question.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markupsafe import Markup

from bekal.model import publisher
from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.outputs import Output
from bekal.render.handouts import HandoutError, Pdf
from bekal.render.handouts.cache import PdfCache, cache_key
from bekal.render.handouts.print_facts import source_lines, substitute
from bekal.render.handouts.render import (
    font_face_css,
    renderer_fingerprint,
    sealed_layout,
    templates,
)
from bekal.resources import TEMPLATES

from . import fitting, paths
from .icons import FACES, TRUE_FALSE
from .tests import LETTERS, TestItem, TestPaper, module_paper, track_paper

STYLESHEET = TEMPLATES / "session.css"
MIN_QUESTIONS = 4
MAX_WORKERS = 2
SHORT_CHOICE = 40  # characters: such choices stand in two columns
ATTENDANCE_ROWS = 10
TALLY_ROWS = 25
FEEDBACK = ("feedback_q1", "feedback_q2", "feedback_q3", "feedback_q4")
FACE_LABELS = ("feedback_agree", "feedback_unsure", "feedback_disagree")


class SheetTooLong(Exception):
    pass


@dataclass(frozen=True)
class SessionKit:
    """The session sheets of one module or track in one language."""
    paper: TestPaper
    pdfs: dict[str, Pdf]          # 'pre', 'post', 'key', 'certificate'
    tally: str                    # the common tally sheet for this many questions

    @property
    def questions(self) -> int:
        return len(self.paper.items)


@dataclass
class SessionSet:
    lang: str = ""
    kits: dict[str, SessionKit] = field(default_factory=dict)   # 'module:slug' / 'track:id'
    common: dict[str, Pdf] = field(default_factory=dict)        # attendance, feedback...

    def kit(self, kind: str, unit_id: str) -> SessionKit | None:
        return self.kits.get(f"{kind}:{unit_id}")

    def all_pdfs(self) -> list[Pdf]:
        return [*self.common.values(), *(p for kit in self.kits.values()
                                         for p in kit.pdfs.values())]

    def outputs(self) -> list[Output]:
        return [Output(pdf.site_path, "pdf", source=pdf.file) for pdf in self.all_pdfs()]


def _stylesheet() -> str:
    return font_face_css() + STYLESHEET.read_text("utf-8")


def layout(html: str):
    return sealed_layout(html, _stylesheet())


def split(document, names: list[str]) -> dict[str, bytes]:
    """One PDF per sheet; a sheet that took more than one page raises SheetTooLong."""
    starts = [target[0] for _, target, _, _ in document.make_bookmark_tree()]
    if len(starts) != len(names) or len(document.pages) != len(names):
        long = next((names[i] for i, start in enumerate(starts) if start != i), names[-1])
        raise SheetTooLong(long)
    return {name: document.copy([page]).write_pdf() for name, page in
            zip(names, document.pages, strict=True)}


class _Builder:
    def __init__(self, project: Project, lang: str, site_name: str):
        self.project, self.lang, self.site_name = project, lang, site_name

    def t(self, key: str, **values) -> str:
        return self.project.t(self.lang, key, **values)

    def plain(self, localized: dict[str, str]) -> str:
        """A title from YAML as plain text (the template escapes it)."""
        return localized.get(self.lang) or localized.get(self.project.config.default, "")

    def text(self, localized: dict[str, str] | None, used: list[str]) -> Markup:
        localized = localized or {}
        raw = localized.get(self.lang) or localized.get(self.project.config.default, "")
        return Markup(substitute(self.project, escape(raw), self.lang, used))

    # -- the sheets ------------------------------------------------------------------
    def _choices(self, item: TestItem, after: bool, used: list[str]) -> list[dict]:
        out = []
        for i, choice in enumerate(item.order(after)):
            if choice.word:
                text, icon = Markup.escape(self.t(choice.word)), TRUE_FALSE[choice.word]
            else:
                text, icon = self.text(choice.text, used), Markup("")
            out.append({"letter": LETTERS[i], "text": text, "icon": icon})
        return out

    def _unit_label(self, paper: TestPaper) -> str:
        return self.t("session_unit_module" if paper.kind == "module" else "session_unit_track")

    def test_sheet(self, paper: TestPaper, after: bool) -> dict:
        used: list[str] = []
        title = self.plain(paper.title)
        items = []
        for it in paper.items:
            choices = self._choices(it, after, used)
            short = all(len(str(c["text"])) <= SHORT_CHOICE for c in choices)
            items.append({"prompt": self.text(it.question.prompt, used),
                          "hint": self.t(f"quiz_hint_{it.question.type}"),
                          "round": it.question.type != "multiple",
                          "truefalse": it.question.type == "truefalse",
                          "two_columns": short and it.question.type != "truefalse",
                          "choices": choices})
        return {"name": "post" if after else "pre", "unit_label": self._unit_label(paper),
                "title": self.t("posttest_title" if after else "pretest_title", title=title),
                "entries": items, "sources": source_lines(self.project, used, self.lang)}

    def key_sheet(self, paper: TestPaper) -> dict:
        rows = []
        for it in paper.items:
            right = [Markup.escape(self.t(c.word)) if c.word else self.text(c.text, [])
                     for c in it.choices if c.correct]
            rows.append({"prompt": self.text(it.question.prompt, []),
                         "right": Markup("; ").join(right),
                         "pre": it.answer(False), "post": it.answer(True)})
        return {"name": "key", "unit_label": self._unit_label(paper), "rows": rows,
                "title": self.t("test_key_title", title=self.plain(paper.title)),
                "tally_name": paths.tally_file(len(paper.items))}

    def certificate_sheet(self, paper: TestPaper) -> dict:
        found = publisher.for_project(self.project, self.lang)
        return {"name": "certificate", "publisher": found.name if found else self.site_name,
                "unit_title": self.text(paper.title, []), "minutes": paper.minutes}

    def _faces(self) -> list[dict]:
        return [{"icon": icon, "label": self.t(label)} for icon, label in
                zip(FACES, FACE_LABELS, strict=True)]

    def common_sheets(self, counts: list[int]) -> list[dict]:
        options = lambda key: self.t(key).split(" / ")  # noqa: E731
        questions = [self.t(key) for key in FEEDBACK]
        sheets = [
            {"name": "attendance", "rows": ATTENDANCE_ROWS, "sexes": options("attendance_sexes"),
             "ages": options("attendance_ages"), "plans": options("attendance_plans")},
            {"name": "feedback", "faces": self._faces(), "questions": questions},
            {"name": "feedback_tally", "faces": self._faces(), "questions": questions},
        ]
        return sheets + [{"name": f"tally-{n}", "questions": n, "rows": TALLY_ROWS}
                         for n in counts]

    # -- laying out and caching --------------------------------------------------------
    def render(self, sheets: list[dict], title: str) -> str:
        return templates().get_template("session-sheets.html").render(
            sheets=sheets, lang=self.lang, doc_title=title, site_name=self.site_name, t=self.t)

    def unit_job(self, paper: TestPaper) -> _Job:
        """The unit's sheets with all its questions, then with one fewer... down to the minimum."""
        folder = paths.unit_folder(self.project, paper.kind, paper.id, self.lang)
        candidates = [paper]
        while len(candidates[-1].items) > MIN_QUESTIONS:
            candidates.append(candidates[-1].shortened())
        htmls = [self.render([self.test_sheet(c, False), self.test_sheet(c, True),
                              self.key_sheet(c), self.certificate_sheet(c)], c.key)
                 for c in candidates]
        places = {name: folder + paths.FILES[name] for name in UNIT_SHEETS}
        return _Job(paper.key, candidates, htmls, places)

    def common_job(self, counts: list[int]) -> _Job:
        folder = paths.common_folder(self.project, self.lang)
        places = {name: folder + paths.FILES[name]
                  for name in ("attendance", "feedback", "feedback_tally")}
        places |= {f"tally-{n}": folder + paths.tally_file(n) for n in counts}
        return _Job("common", [], [self.render(self.common_sheets(counts), "common")], places)


UNIT_SHEETS = ("pre", "post", "key", "certificate")


@dataclass
class _Job:
    """One document to lay out: its candidate HTMLs (longest first) and where its pages go."""
    name: str
    candidates: list[TestPaper]
    htmls: list[str]
    places: dict[str, str]

    @property
    def key(self) -> str:
        return cache_key("session", renderer_fingerprint(), _stylesheet(), *self.htmls)

    @property
    def plan(self) -> tuple[int, list[frozenset[int]]] | None:
        """The full test's number of questions, and those (by index) each candidate leaves
        out."""
        if not self.candidates:
            return None
        full = self.candidates[0].items
        return len(full), [frozenset(k for k, item in enumerate(full)
                                     if all(item is not kept for kept in c.items))
                           for c in self.candidates]


def first_fitting(htmls: list[str], names: list[str],
                  plan: tuple[int, list[frozenset[int]]] | None = None,
                  ) -> tuple[int, dict[str, bytes]]:
    """Lay out the candidates in turn; the first whose every sheet fits one page wins.
    With the job's ``plan`` (the questions each candidate leaves out), candidates that a
    failed layout shows cannot fit are not laid out (fitting.py); the winner is the same."""
    index = 0
    while index < len(htmls):
        document = layout(htmls[index])
        try:
            return index, split(document, names)
        except SheetTooLong:
            index = index + 1 if plan is None else fitting.next_candidate(
                index, plan[1], plan[0], fitting.overruns(document, names))
    raise SheetTooLong(names[0])


def _run(job_args: tuple) -> tuple[int, dict[str, bytes]] | None:
    try:
        return first_fitting(*job_args)
    except SheetTooLong:
        return None


def _lay_out(jobs: list[_Job]) -> list[tuple[int, dict[str, bytes]] | None]:
    """Both cores for the slow part, when there is more than one document to make."""
    args = [(job.htmls, list(job.places), job.plan) for job in jobs]
    workers = min(len(jobs), os.cpu_count() or 1, MAX_WORKERS)
    if workers <= 1:
        return [_run(a) for a in args]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_run, args))


class _Store:
    """The cache: one PDF per sheet, and which candidate fitted, by the job's key."""
    def __init__(self, cache: PdfCache):
        self.cache = cache

    def get(self, job: _Job) -> tuple[int, dict[str, Pdf]] | None:
        try:
            chosen = int(self.cache.path(job.key).with_suffix(".fit").read_text())
        except (FileNotFoundError, ValueError):
            return None
        pdfs = {}
        for name, place in job.places.items():
            entry = self.cache.get(cache_key(job.key, name))
            if entry is None:
                return None
            pdfs[name] = Pdf(place, entry.file, entry.pages, entry.file.stat().st_size)
        return chosen, pdfs

    def put(self, job: _Job, chosen: int, written: dict[str, bytes]) -> dict[str, Pdf]:
        pdfs = {}
        for name, data in written.items():
            entry = self.cache.put(cache_key(job.key, name), data, 1)
            pdfs[name] = Pdf(job.places[name], entry.file, 1, len(data))
        self.cache.path(job.key).with_suffix(".fit").write_text(str(chosen))
        return pdfs


def papers(project: Project) -> list[TestPaper]:
    """Every module's test, then every track's, in the order of the site."""
    found = []
    for track in project.ordered_tracks():
        for entry in project.modules_of(track.id):
            paper = module_paper(entry)
            if paper:
                found.append(paper)
    for track in project.ordered_tracks():
        paper = track_paper(project, track.id)
        if paper:
            found.append(paper)
    return found


def _too_long(project: Project, job: _Job) -> HandoutError:
    issues = IssueList(project.root)
    paper = job.candidates[0] if job.candidates else None
    entry = project.modules.get(paper.id) if paper and paper.kind == "module" else None
    path = entry.quiz.path if entry and entry.quiz else project.root / "modules" / "ui.yml"
    issues.add(path, 0, "session-sheet-too-long",
               f"a session sheet ({job.name}) does not fit one A4 page, even with "
               f"{MIN_QUESTIONS} questions", "shorten the longest quiz prompts and options")
    return HandoutError(issues[0])


def build_language(project: Project, lang: str, site_name: str,
                   progress: Callable[[str], None] = print,
                   cache_dir: Path | None = None) -> SessionSet:
    """Every session sheet of ``lang``; a sheet that cannot fit one page raises HandoutError."""
    started = time.perf_counter()
    builder = _Builder(project, lang, site_name)
    store = _Store(PdfCache(cache_dir or project.root / ".cache" / "sessions"))
    jobs = [builder.unit_job(paper) for paper in papers(project)]
    counts = sorted({len(c.items) for job in jobs for c in job.candidates})
    jobs.append(builder.common_job(counts))
    done = {job.name: store.get(job) for job in jobs}
    missing = [job for job in jobs if done[job.name] is None]
    for job, made in zip(missing, _lay_out(missing), strict=True):
        if made is None:
            raise _too_long(project, job)
        chosen, written = made
        done[job.name] = (chosen, store.put(job, chosen, written))
    result = SessionSet(lang)
    for job in jobs:
        chosen, pdfs = done[job.name]
        if job.candidates:
            paper = job.candidates[chosen]
            tally = paths.common_folder(project, lang) + paths.tally_file(len(paper.items))
            result.kits[job.name] = SessionKit(paper, pdfs, tally)
        else:
            result.common = pdfs
    store.cache.prune()
    progress(f"Session sheets ({lang}): {len(missing)} laid out, "
             f"{len(jobs) - len(missing)} cached, {time.perf_counter() - started:.1f} s")
    return result
