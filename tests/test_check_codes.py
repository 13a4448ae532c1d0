"""Every issue code the checks can emit has a fixture row asserting its code, path and line.

The first test reads ``scripts/bekal`` (with ``ast``) for every code an issue can carry and
fails when a code has no row below, no entry in ``COVERED_ELSEWHERE`` and no entry in
``NO_FIXTURE``; it also fails when a row names a code the source no longer emits. A new
check code therefore needs a row here before the suite passes.

Each row copies one pristine fixture project (``conftest.make_project``), applies a small
mutation, runs ``bekal check``'s checks and asserts the code, the path relative to the
project, the line (or ``line=None`` with the reason no line applies: the issue then has
line 0) and the severity. A row also asserts that the pristine project does not already
report the same issue, so a mutation that does nothing fails.

Mutations never depend on the real content's values: facts, UI strings, glossary entries,
places and contact groups that a row needs are the row's own (``uji.*`` keys and the
like), added to the fixture's files.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import bekal
from bekal.checks import run_checks
from bekal.model.help_numbers import HELP_FACTS
from bekal.model.issues import Severity
from bekal.model.project import load_project
from bekal.model.trust import Settings
from bekal.model.ui_strings import UI_STRINGS
from conftest import ROOT, make_project

PACKAGE = Path(bekal.__file__).resolve().parent
ERROR, WARNING = Severity.ERROR, Severity.WARNING

# ---------------------------------------------------------------------------------------
# The inventory: every code the source can emit
# ---------------------------------------------------------------------------------------

# Calls that record an issue: ``issues.add(path, line, code, …)``, ``issues.warn(…)`` and
# ``Issue(path, line, code, …)``; the code is the third argument (or ``code=``).
ISSUE_METHODS = {"add", "warn"}
ISSUE_CLASSES = {"Issue"}
CODE_ARG = 2


def _fact_kinds() -> list[str]:
    from bekal.checks.facts import _RULES

    return sorted(_RULES)


# A code written as an f-string, with the values it can take.
FSTRING_CODES: dict[str, Callable[[], list[str]]] = {
    "f'fact-bad-{fact.kind}'": lambda: [f"fact-bad-{kind}" for kind in _fact_kinds()],
}

# Call sites whose code is a variable, and where its values come from:
#   ("tuples", file, name): the first item of every tuple literal inside ``name`` (a
#       function or a module-level assignment) that starts with a string;
#   ("calls", file, name): the second argument of every call of ``name`` in ``file``.
# A site that only passes its caller's code on has no sources.
INDIRECT: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {
    ("model/issues.py", "add"): (),   # IssueList.add builds the Issue: its callers are collected
    ("model/issues.py", "warn"): (),  # IssueList.warn passes its code to add
    ("checks/facts.py", "check_use"): (("tuples", "checks/facts.py", "_why"),),
    ("checks/facts.py", "check_help_boxes"): (("tuples", "checks/facts.py", "_why"),),
    ("checks/prose.py", "_typed_facts"): (("tuples", "checks/typed_facts.py", "find"),),
    ("checks/safety.py", "check_page"): (("tuples", "checks/safety.py", "describe"),),
    ("checks/safety.py", "check_yaml_text"): (("tuples", "checks/safety.py", "describe"),
                                              ("tuples", "checks/safety.py",
                                               "_yaml_text_findings")),
    ("model/schema.py", "validate"): (("tuples", "model/schema.py", "_CODES"),
                                      ("tuples", "model/schema.py", "validate")),
    ("model/yamlio.py", "_parse"): (("calls", "model/yamlio.py", "_Refused"),),
}


class _Calls(ast.NodeVisitor):
    """Issue-recording calls, each with the name of the function around it."""

    def __init__(self):
        self.scope: list[str] = []
        self.found: list[tuple[str, ast.expr]] = []

    def visit_FunctionDef(self, node):
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        is_issue = (isinstance(func, ast.Attribute) and name in ISSUE_METHODS) \
            or (isinstance(func, ast.Name) and name in ISSUE_CLASSES)
        if is_issue:
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if code is None and len(node.args) > CODE_ARG:
                code = node.args[CODE_ARG]
            if code is not None:
                self.found.append((self.scope[-1] if self.scope else "", code))
        self.generic_visit(node)


def _tree(rel: str) -> ast.Module:
    return ast.parse((PACKAGE / rel).read_text("utf-8"), rel)


def _named(tree: ast.Module, name: str) -> ast.AST:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return node
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return node
    raise AssertionError(f"no function or assignment '{name}'")


def _source_codes(kind: str, rel: str, name: str) -> set[str]:
    tree = _tree(rel)
    codes = set()
    if kind == "tuples":
        for node in ast.walk(_named(tree, name)):
            if isinstance(node, ast.Tuple) and node.elts \
                    and isinstance(node.elts[0], ast.Constant) \
                    and isinstance(node.elts[0].value, str):
                codes.add(node.elts[0].value)
    elif kind == "calls":
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                assert isinstance(node.args[1], ast.Constant), ast.unparse(node)
                codes.add(node.args[1].value)
    assert codes, f"{kind} {rel}:{name} gave no codes"
    return codes


def inventory() -> tuple[dict[str, set[str]], list[str]]:
    """(code -> where in scripts/bekal it is emitted, problems the reader cannot resolve)."""
    codes: dict[str, set[str]] = defaultdict(set)
    problems = []
    used_indirect = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        calls = _Calls()
        calls.visit(ast.parse(path.read_text("utf-8"), rel))
        for function, arg in calls.found:
            where = f"{rel}:{arg.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes[arg.value].add(where)
            elif isinstance(arg, ast.JoinedStr):
                expand = FSTRING_CODES.get(ast.unparse(arg))
                if expand is None:
                    problems.append(f"{where}: code {ast.unparse(arg)} is an f-string that "
                                    "FSTRING_CODES does not expand")
                    continue
                for code in expand():
                    codes[code].add(where)
            elif (rel, function) in INDIRECT:
                used_indirect.add((rel, function))
                for source in INDIRECT[rel, function]:
                    for code in _source_codes(*source):
                        codes[code].add(f"{where} via {source[1]}:{source[2]}")
            else:
                problems.append(f"{where}: the code '{ast.unparse(arg)}' in {function}() is a "
                                "variable; add the site and its sources to INDIRECT")
    problems += [f"INDIRECT names {rel}:{function}, which records no issue"
                 for rel, function in sorted(set(INDIRECT) - used_indirect)]
    return dict(codes), problems


# Codes no file of a project can produce.
NO_FIXTURE = {
    # the machine lacks Debian's fonts-dejavu-core (render/handouts/render.py: font_files)
    "handout-font-missing": "a system font missing from the machine, not a project file",
    # WeasyPrint cannot load Pango (render/handouts/render.py: render_pdf)
    "handout-pango-missing": "a system library missing from the machine, not a project file",
}

# Codes emitted only while PDFs are laid out (a build, or ``bekal check --handouts``),
# tested where those PDFs are: test file, test function. The first test checks that the
# function exists and names the code.
COVERED_ELSEWHERE = {
    # asserts path content/id/modul/panjang/handout.md and line 1 (bekal build and check)
    "handout-too-long": ("tests/test_handouts.py", "test_overflow_names_the_file_and_page_count"),
    # asserts path and line, in a handout and in module.yml
    "handout-unknown-fact": ("tests/test_handouts.py", "test_unknown_fact_in_handout_is_reported"),
    # asserts path modules/<slug>/quiz.yml; the line is always 0 (a whole sheet overflows)
    "session-sheet-too-long": ("tests/test_sessions.py",
                               "test_a_sheet_that_can_never_fit_is_an_error_naming_the_quiz"),
}


# ---------------------------------------------------------------------------------------
# The rows
# ---------------------------------------------------------------------------------------

SLUG = "uji-coba"
MOD = f"modules/{SLUG}/module.yml"
QUIZ = f"modules/{SLUG}/quiz.yml"
LESSON_ID = f"content/id/modul/{SLUG}/index.md"
LESSON_EN = f"content/en/modul/{SLUG}/index.md"
AUDIO_ID = f"content/id/modul/{SLUG}/audio"
FACTS = "modules/facts.yml"
UI = "modules/ui.yml"
GLOSSARY = "modules/glossary.yml"
TRACKS = "modules/tracks.yml"
CHECKER = "modules/cek-tawaran.yml"
CONTACTS = "modules/contacts.yml"
PAGE_CODES = "modules/page-codes.yml"
PLACES = "modules/layanan.yml"
LOCK = "modules/shortlinks.lock.yml"
HELP_ID = "content/id/bantuan.md"
TODAY = Settings().now().isoformat()
NEEDED_UI = min(UI_STRINGS)  # a string the site asks ui.yml for
HELP_FACT = HELP_FACTS[0]  # a fact every handout's help box prints

Mutation = Callable[[Path], object]


@dataclass(frozen=True)
class Row:
    id: str
    code: str
    mutate: Mutation
    path: str
    line: int | str | Callable[[Path], int] | None  # a number, a text on the line (unique
    # in the file after the mutation), a function of the project, or None: no line applies
    why: str = ""  # for line=None: why no line applies
    severity: Severity = ERROR
    publish: bool = False  # run the checks as `bekal check --publish`
    says: str = ""  # words the message must contain


# -- mutations ------------------------------------------------------------------------


def steps(*mutations: Mutation) -> Mutation:
    return lambda root: [m(root) for m in mutations]


def write(rel: str, text: str | bytes) -> Mutation:
    def run(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
    return run


def append(rel: str, text: str) -> Mutation:
    """Add ``text`` at the end of the file (on a line of its own; the file may be new)."""
    def run(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text("utf-8") if path.exists() else ""
        if old and not old.endswith("\n"):
            old += "\n"
        path.write_text(old + text, "utf-8")
    return run


def replace(rel: str, old: str, new: str) -> Mutation:
    def run(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return run


def remove(rel: str) -> Mutation:
    def run(root: Path) -> None:
        path = root / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return run


def mkdir(rel: str) -> Mutation:
    return lambda root: (root / rel).mkdir(parents=True)


def symlink(rel: str, target: str) -> Mutation:
    return lambda root: os.symlink(root / target, root / rel)


def new_module(slug: str, track: str | None = None) -> Mutation:
    """``bekal new`` in the track of the fixture's own module (or ``track``)."""
    def run(root: Path) -> None:
        from bekal.authoring.scaffold import new_module as scaffold

        chosen = track or yaml.safe_load((root / MOD).read_text("utf-8"))["track"]
        scaffold(root, slug, chosen)
    return run


def edit_ui(change: Callable[[dict], None]) -> Mutation:
    """Change modules/ui.yml as data (its comments are lost; keys keep their order)."""
    def run(root: Path) -> None:
        path = root / UI
        data = yaml.safe_load(path.read_text("utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000),
                        "utf-8")
    return run


def fact(key: str, kind: str = "phone", value: str = "0800-555-0100", *,
         against: str = "official", date: str = TODAY, source: str = "https://example.org/uji",
         check_value: str | None = None, label: str = "Fakta uji") -> str:
    """YAML for a fact of the row's own, to append to modules/facts.yml."""
    method = "official-page" if against == "official" else "stored-copy"
    lines = [f"{key}:", f"  kind: {kind}", f"  label: {{id: {label}, en: {label}}}",
             f"  value: {json.dumps(value)}", "  checks:", f"    - date: {date}",
             f"      against: {against}", f"      source: {json.dumps(source)}",
             f"      method: {method}"]
    if check_value is not None:
        lines.append(f"      value: {json.dumps(check_value)}")
    return "\n" + "\n".join([*lines, "  confidence: high"]) + "\n"


def add_facts(*yaml_texts: str) -> Mutation:
    return append(FACTS, "".join(yaml_texts))


# -- small YAML of the rows' own ------------------------------------------------------

TEXT = "{id: Teks uji, en: Test text}"
OPTIONS = f"""\
  options:
  - id: a
    correct: true
    text: {TEXT}
    explain: {TEXT}
  - id: b
    text: {TEXT}
    explain: {TEXT}
"""


def question(qid: str, kind: str = "single", body: str = OPTIONS) -> str:
    return f"- id: {qid}\n  type: {kind}\n  prompt: {TEXT}\n{body}"


def quiz(*questions: str) -> Mutation:
    return write(QUIZ, "questions:\n" + "".join(questions))


CHECKLIST = f"""\
  options:
  - id: a
    red_flag: true
    text: {TEXT}
    explain: {TEXT}
  - id: b
    red_flag: false
    text: {TEXT}
    explain: {TEXT}
  verdicts:
  - min_flags: 0
    title: {TEXT}
    advice: {TEXT}
  - min_flags: 1
    title: {TEXT}
    advice: {TEXT}
"""


def checker(signs: str, verdicts: str) -> Mutation:
    return write(CHECKER, f"signs:\n{signs}verdicts:\n{verdicts}")


def sign(sid: str, red_flag: str = "true") -> str:
    flag = f"  red_flag: {red_flag}\n" if red_flag else ""
    return f"- id: {sid}\n  text: {TEXT}\n  explain: {TEXT}\n{flag}"


def verdict(min_flags: int) -> str:
    return f"- min_flags: {min_flags}\n  title: {TEXT}\n  advice: {TEXT}\n"


def contact_group(gid: str, *numbers: str) -> str:
    lines = "".join(f"  - fact: {n}\n" for n in numbers)
    return f"- id: {gid}\n  title: {TEXT}\n  numbers:\n{lines}"


def place(key: str, name: str, district: str, contacts: tuple[str, ...] = (),
          reach: str = "") -> str:
    listed = "".join(f"    - {c}\n" for c in contacts)
    return (f"{key}:\n  kind: village-service\n  name: {{id: {name}, en: {name}}}\n"
            f"  province: Jawa Tengah\n  district: {district}\n  offers: [information]\n"
            + (f"  contacts:\n{listed}" if contacts else "")
            + (f"  reach: {{id: {reach}, en: {reach}}}\n" if reach else "")
            + "  checks:\n    - date: " + TODAY + "\n      against: secondary\n"
              "      source: https://example.org/uji-layanan\n      method: stored-copy\n")


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def ui_line(root: Path, lang: str, key: str | None = None) -> int:
    """The line of ``lang:`` in ui.yml, or of ``key`` inside that block."""
    inside = False
    for number, text in enumerate((root / UI).read_text("utf-8").splitlines(), 1):
        if not text[:1].isspace() and text.strip():
            inside = text.startswith(f"{lang}:")
            if inside and key is None:
                return number
        elif inside and key and text.strip().startswith(f"{key}:"):
            return number
    raise AssertionError(f"no {lang}.{key} in {UI}")


def starting(rel: str, prefix: str) -> Callable[[Path], int]:
    """The line of ``rel`` that starts with ``prefix``."""
    def find(root: Path) -> int:
        lines = (root / rel).read_text("utf-8").splitlines()
        return next(i for i, text in enumerate(lines, 1) if text.startswith(prefix))
    return find


WORDS_1100 = " ".join(["Anda", "membaca", "kalimat", "pendek", "ini", "dengan", "tenang."] * 157)
LONG_SENTENCE = "Anda " + " ".join(["membaca"] * 34) + " kalimat ini."
LOCK_HEADER = "# published codes\n"

ROWS = [
    # -- loading: YAML, files, schema (model/: yamlio, textfile, project, schema) --------
    Row("yaml-syntax", "yaml-syntax", append(MOD, "summary: 'tidak ditutup\n"), MOD,
        "summary: 'tidak ditutup"),
    Row("yaml-syntax-at-end", "yaml-syntax", write(LOCK, "zuji: uji-coba\nzuji2: [\n"), LOCK,
        2),  # the parser stops past the last line: the issue names the last one
    Row("yaml-control-char", "yaml-syntax", append(MOD, "note: ada\x07di sini\n"), MOD,
        "note: ada"),
    Row("yaml-impossible-date", "yaml-syntax", append(MOD, "zuji_tanggal: 2026-02-30\n"), MOD,
        "zuji_tanggal: 2026-02-30", says="'2026-02-30' is not a real date"),
    Row("yaml-tab", "yaml-syntax", append(MOD, "zuji:\n\t- satu\n"), MOD, "\t- satu",
        says="found character '\\t'"),
    Row("yaml-duplicate-key", "yaml-duplicate-key", append(MOD, "order: 7\n"), MOD, "order: 7"),
    Row("yaml-too-deep", "yaml-too-deep",
        write(CHECKER, f"# terlalu dalam\nsigns: {nested(45)}\n"), CHECKER, 2),
    Row("yaml-aliases-self", "yaml-aliases",
        write(CHECKER, "# diri sendiri\nsigns: &diri\n  - *diri\n"), CHECKER, 2),
    Row("yaml-aliases-many", "yaml-aliases",
        write(CHECKER, "# berulang\na: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
        CHECKER, 2),  # the line of the data repeated too often (the anchored values)
    Row("not-a-file-page", "not-a-file", mkdir("content/id/folder-uji.md"),
        "content/id/folder-uji.md", None, why="a folder has no lines"),
    Row("not-a-file-yaml", "not-a-file", mkdir(CONTACTS), CONTACTS, None,
        why="a folder has no lines"),
    Row("empty-page", "empty-page", write("content/id/kosong-uji.md", "\n"),
        "content/id/kosong-uji.md", 1),
    Row("missing-file", "missing-file", remove(GLOSSARY), GLOSSARY, None,
        why="the file does not exist"),
    Row("empty-file", "empty-file", write(GLOSSARY, "# belum ada istilah\n"), GLOSSARY, 1),
    Row("schema-type", "schema-type", replace(MOD, "minutes: 45", "minutes: banyak"), MOD,
        "minutes: banyak"),
    Row("schema-type-tracks", "schema-type", write(TRACKS, "persiapan: 1\n"), TRACKS, 1),
    Row("schema-unknown-field", "schema-unknown-field", append(MOD, "warna: merah\n"), MOD,
        "warna: merah"),
    Row("schema-missing-field", "schema-missing-field", replace(MOD, "minutes: 45\n", ""), MOD,
        1, says="'minutes'"),
    Row("duplicate-track", "duplicate-track", lambda r: _repeat_first_track(r), TRACKS,
        lambda r: _nth_line(r, TRACKS, "- ", -1)),
    Row("encoding", "encoding", write(LESSON_ID, b"## Hai {#pelajaran}\n\n\xff\xfe salah\n"),
        LESSON_ID, 3),
    Row("symlink", "symlink", symlink("content/id/tautan-uji.md", LESSON_ID),
        "content/id/tautan-uji.md", None, why="a link is refused without being read"),
    Row("bad-slug", "bad-slug", mkdir("modules/Uji_Besar"), "modules/Uji_Besar/module.yml",
        None, why="a folder name has no line"),
    Row("module-missing-file-module", "module-missing-file", mkdir("modules/tanpa-isi"),
        "modules/tanpa-isi/module.yml", None, why="the file does not exist"),
    Row("module-missing-file-quiz", "module-missing-file", remove(QUIZ), QUIZ, None,
        why="the file does not exist"),
    Row("ui-missing-string", "ui-missing-string",
        edit_ui(lambda ui: ui["id"].pop(NEEDED_UI)), UI, lambda r: ui_line(r, "id"),
        says=f"'{NEEDED_UI}'"),
    Row("ui-placeholder", "ui-placeholder",
        edit_ui(lambda ui: ui["en"].update(uji_kurung="Halo {nama")), UI,
        lambda r: ui_line(r, "en", "uji_kurung")),
    Row("ui-missing-translation", "missing-translation",
        edit_ui(lambda ui: ui["id"].update(uji_hanya_id="Hanya bahasa Indonesia")), UI,
        lambda r: ui_line(r, "id", "uji_hanya_id"), says="'uji_hanya_id'"),
    Row("quiz-data", "quiz-data",
        quiz(question("q1") + "  data: cek-tawaran\n"), QUIZ, "data: cek-tawaran"),
    # -- languages, modules (checks/languages.py, checks/modules.py) -----------------------
    Row("missing-translation", "missing-translation",
        replace(MOD, "  en: '[en] One line", "  xx: '[en] One line"), MOD, "summary:"),
    Row("unknown-language", "unknown-language",
        replace(MOD, "  en: '[en] One line", "  en: '[en] One line'\n  jv: 'Siji"), MOD,
        "jv: 'Siji"),
    Row("unknown-track", "unknown-track", replace(MOD, "track: ", "track: antariksa\n#"), MOD,
        "track: antariksa"),
    Row("duplicate-code", "duplicate-code",
        steps(new_module("modul-kedua"), lambda r: replace(
            "modules/modul-kedua/module.yml", "code: ",
            "code: " + yaml.safe_load((r / MOD).read_text("utf-8"))["code"] + "\n#")(r)),
        "modules/uji-coba/module.yml", "code: "),
    Row("duplicate-order", "duplicate-order",
        steps(new_module("modul-kedua"),
              replace("modules/modul-kedua/module.yml", "order: 2", "order: 1")),
        MOD, "order: 1"),
    Row("minutes-mismatch", "minutes-mismatch", replace(MOD, "minutes: 45", "minutes: 50"), MOD,
        "activities:"),
    Row("unknown-fact-module", "unknown-fact", append(MOD, "facts:\n- uji.tidak_ada\n"), MOD,
        "- uji.tidak_ada"),
    Row("missing-prose", "missing-prose", remove(LESSON_EN), LESSON_EN, None,
        why="the page does not exist"),
    Row("orphan-prose", "orphan-prose", write("content/id/modul/yatim/index.md", "## Hai\n"),
        "content/id/modul/yatim/index.md", None, why="a whole page without a module"),
    # -- quizzes (checks/quiz.py) ----------------------------------------------------------
    Row("quiz-duplicate-question", "quiz-duplicate-id", quiz(question("q1"), question("q1")),
        QUIZ, lambda r: _nth_line(r, QUIZ, "- id: q1", 2)),
    Row("quiz-duplicate-option", "quiz-duplicate-id",
        quiz(question("q1", body=OPTIONS.replace("- id: b", "- id: a"))), QUIZ,
        lambda r: _nth_line(r, QUIZ, "  - id: a", 2)),
    Row("quiz-single-correct", "quiz-single-correct",
        quiz(question("q1"), question("q2", body=OPTIONS.replace("correct: true", ""))),
        QUIZ, "- id: q2"),
    Row("quiz-no-correct", "quiz-no-correct",
        quiz(question("q1"), question("q2", "multiple", OPTIONS.replace("correct: true", ""))),
        QUIZ, "- id: q2"),
    Row("quiz-options", "quiz-options",
        quiz(question("q1"), question("q2", body=OPTIONS.split("  - id: b")[0])),
        QUIZ, "- id: q2"),
    Row("quiz-truefalse", "quiz-truefalse",
        quiz(question("q1"), question("q2", "truefalse", "  answer: true\n")), QUIZ, "- id: q2"),
    Row("quiz-answer-field", "quiz-answer-field",
        quiz(question("q1", body=OPTIONS + "  answer: false\n")), QUIZ, "answer: false"),
    Row("quiz-verdicts", "quiz-verdicts",
        quiz(question("q1", body=OPTIONS + CHECKLIST.split("  verdicts:\n")[1].join(
            ["  verdicts:\n", ""]))), QUIZ, "verdicts:"),
    Row("quiz-checklist", "quiz-checklist",
        quiz(question("q1", "checklist", CHECKLIST.replace("    red_flag: false\n", ""))),
        QUIZ, lambda r: _nth_line(r, QUIZ, "  - id: b", 1)),
    Row("quiz-checklist-no-zero", "quiz-checklist",
        quiz(question("q1", "checklist", CHECKLIST.replace("min_flags: 0", "min_flags: 2"))),
        QUIZ, "verdicts:"),
    # -- facts (checks/facts.py) -----------------------------------------------------------
    *[Row(f"fact-bad-{kind}", f"fact-bad-{kind}", add_facts(fact(f"uji.buruk_{kind}", kind,
                                                                  "tulisan uji salah")),
          FACTS, 'value: "tulisan uji salah"') for kind in ("phone", "whatsapp", "url", "email")],
    Row("fact-check-remark", "fact-check-remark",
        add_facts(fact("uji.catatan", check_value="(tidak ada di halaman uji)")), FACTS,
        'value: "(tidak ada di halaman uji)"', severity=WARNING),
    Row("fact-placeholder-source", "fact-placeholder-source",
        add_facts(fact("uji.sumber", source="TODO")), FACTS, 'source: "TODO"'),
    Row("fact-conflict", "fact-conflict",
        steps(add_facts(fact("uji.bentrok", check_value="0800-555-0199")),
              append(LESSON_ID, "\nTelepon {{fact:uji.bentrok}} dulu.\n")),
        LESSON_ID, "uji.bentrok", severity=WARNING),
    Row("fact-conflict-publish", "fact-conflict",
        steps(add_facts(fact("uji.bentrok", check_value="0800-555-0199")),
              append(LESSON_ID, "\nTelepon {{fact:uji.bentrok}} dulu.\n")),
        LESSON_ID, "uji.bentrok", publish=True),
    Row("fact-stale", "fact-stale",
        steps(add_facts(fact("uji.lama", date="2001-01-01")),
              append(LESSON_ID, "\nTelepon {{fact:uji.lama}} dulu.\n")),
        LESSON_ID, "uji.lama", severity=WARNING),
    Row("fact-secondary-help", "fact-secondary-help",
        steps(add_facts(fact("uji.kedua", against="secondary")),
              append(HELP_ID, "\nTelepon {{fact:uji.kedua}} dulu.\n")),
        HELP_ID, "uji.kedua", severity=WARNING),
    Row("fact-stale-help-box", "fact-stale", lambda r: _set_fact(r, HELP_FACT, date="2001-01-01"),
        FACTS, f"{HELP_FACT}:", severity=WARNING, says="(handout help box)"),
    Row("unknown-fact-page", "unknown-fact",
        append(LESSON_ID, "\nTelepon {{fact:uji.tidak_ada}} dulu.\n"), LESSON_ID, "uji.tidak_ada"),
    Row("unknown-fact-yaml-text", "unknown-fact",
        replace(MOD, "  id: '[id] One line", "  id: 'Telepon {{fact:uji.tidak_ada}}. One line"),
        MOD, "uji.tidak_ada"),
    # -- author Markdown (checks/prose.py, checks/typed_facts.py) --------------------------
    Row("missing-language", "missing-language", remove("content/en"), "content/en", None,
        why="a whole folder is missing"),
    Row("unknown-marker", "unknown-marker", append(LESSON_ID, "\n<!-- bekal:tidak-ada -->\n"),
        LESSON_ID, "bekal:tidak-ada"),
    Row("unknown-track-marker", "unknown-track",
        append(LESSON_ID, "\n<!-- bekal:modules antariksa -->\n"), LESSON_ID, "antariksa"),
    Row("nesting-too-deep", "nesting-too-deep",
        append(LESSON_ID, "\nLihat " + "(" * 25 + "ini" + ")" * 25 + ".\n"), LESSON_ID,
        "Lihat ((("),
    Row("typed-address-link", "typed-address",
        append(LESSON_ID, "\nBuka [situs uji](https://example.org/uji) dulu.\n"), LESSON_ID,
        "situs uji"),
    Row("typed-address", "typed-address", append(LESSON_ID, "\nBuka uji.example.org dulu.\n"),
        LESSON_ID, "uji.example.org"),
    Row("typed-number", "typed-number", append(LESSON_ID, "\nHubungi 0812-3456-7890 segera.\n"),
        LESSON_ID, "0812-3456-7890"),
    Row("typed-number-title", "typed-number",
        write("content/id/judul-uji.md", "---\ntitle: Hubungi 0812-3456-7890\n---\n\nIsi.\n"),
        "content/id/judul-uji.md", 2),
    Row("typed-law", "typed-law", append(LESSON_ID, "\nMenurut Pasal 13 Anda berhak.\n"),
        LESSON_ID, "Pasal 13"),
    Row("typed-money", "typed-money", append(LESSON_ID, "\nBiayanya Rp 5.000.000 saja.\n"),
        LESSON_ID, "Rp 5.000.000"),
    Row("typed-money-words", "typed-money", append(LESSON_ID, "\nBiayanya 750 ribu saja.\n"),
        LESSON_ID, "750 ribu"),
    Row("typed-number-yaml", "typed-number",
        replace(MOD, "  id: '[id] One line", "  id: 'Hubungi 0812-3456-7890. One line"), MOD,
        "0812-3456-7890"),
    Row("image-no-alt", "image-no-alt", append(LESSON_ID, "\n![](foto-uji.png)\n"), LESSON_ID,
        "foto-uji.png"),
    Row("line-too-long", "line-too-long", append(LESSON_ID, "\n" + "kata " * 1001 + "\n"),
        LESSON_ID, "kata kata"),
    Row("block-too-long", "block-too-long",
        append(LESSON_ID, "\nAwal paragraf panjang.\n" + ("kata " * 900 + "\n") * 5),
        LESSON_ID, "Awal paragraf panjang."),
    Row("unclosed-tag", "unclosed-tag", append(LESSON_ID, "\nHarga <murah sekali.\n"),
        LESSON_ID, "<murah"),
    Row("duplicate-heading-id", "duplicate-heading-id",
        append(LESSON_ID, "\n## Cerita lagi {#cerita}\n\nLagi.\n"), LESSON_ID, "Cerita lagi"),
    Row("duplicate-heading-id-reserved", "duplicate-heading-id",
        append(LESSON_ID, "\n## Sumber saya {#sumber}\n\nIni.\n"), LESSON_ID, "Sumber saya"),
    Row("broken-link", "broken-link",
        append(LESSON_ID, "\nLihat [modul lain](../tidak-ada/index.md).\n"), LESSON_ID,
        "modul lain"),
    Row("broken-anchor", "broken-anchor", append(LESSON_ID, "\nLihat [di atas](#tidak-ada).\n"),
        LESSON_ID, "di atas"),
    Row("heading-id-mismatch", "heading-id-mismatch",
        replace(LESSON_EN, " {#pelajaran}", ""), LESSON_EN, 1, says="'pelajaran'"),
    # -- what the sanitizer would remove (checks/safety.py) --------------------------------
    Row("unsafe-html", "unsafe-html", append(LESSON_ID, "\n<script>alert(1)</script>\n"),
        LESSON_ID, "<script>"),
    Row("unsafe-html-form", "unsafe-html",
        append(LESSON_ID, '\n<div markdown>\n<input name="nama">\n</div>\n'), LESSON_ID,
        "<input"),
    Row("unsafe-html-handler", "unsafe-html",
        append(LESSON_ID, '\n<span onclick="x()">hai</span>\n'), LESSON_ID, "onclick"),
    Row("remote-resource", "remote-resource",
        append(LESSON_ID, '\n<img src="https://example.org/uji.png" alt="uji">\n'), LESSON_ID,
        "example.org/uji.png"),
    Row("unsafe-link", "unsafe-link", append(LESSON_ID, "\n[klik](javascript:alert(1))\n"),
        LESSON_ID, "javascript:"),
    Row("unsafe-link-yaml", "unsafe-link",
        replace(MOD, "  id: '[id] One line", "  id: '[klik](javascript:alert(1)) One line"), MOD,
        "javascript:"),
    Row("unsafe-title", "unsafe-title",
        write("content/id/judul-uji.md", "---\ntitle: <b>Judul</b>\n---\n\nIsi.\n"),
        "content/id/judul-uji.md", 2),
    Row("front-matter-alias", "front-matter-alias",
        write("content/id/alias-uji.md",
              "---\ndescription: Uji\na: &x Judul\ntitle: *x\n---\n\nIsi.\n"),
        "content/id/alias-uji.md", 2),  # the front matter's first line: it is refused whole
    Row("front-matter-unreadable", "front-matter-unreadable",
        write("content/id/rusak-uji.md", "---\ndescription: Uji\ntitle: a: b\n---\n\nIsi.\n"),
        "content/id/rusak-uji.md", 3, says="mapping values"),
    Row("front-matter-impossible-date", "front-matter-unreadable",
        write("content/id/tanggal-uji.md",
              "---\ndescription: Uji\nupdated: 2026-02-30\n---\n\nIsi.\n"),
        "content/id/tanggal-uji.md", 3, says="'2026-02-30' is not a real date"),
    Row("yaml-html", "yaml-html",
        replace(MOD, "  id: '[id] One line", "  id: '<b>Tebal</b> One line"), MOD, "<b>Tebal"),
    Row("bad-id", "bad-id",
        append(GLOSSARY, "\nKunci_Uji:\n  term: {id: Zzuji, en: Zzuji}\n"
                         "  definition: {id: Arti uji., en: Test meaning.}\n"),
        GLOSSARY, "Kunci_Uji:"),
    Row("unpublished-file", "unpublished-file", write("content/id/catatan-uji.docx", b"PK\x03"),
        "content/id/catatan-uji.docx", None, why="a file the site does not publish, not a text"),
    # -- writing rules (checks/content_rules.py) -------------------------------------------
    Row("missing-section", "missing-section", replace(LESSON_ID, " {#cerita}", ""), LESSON_ID,
        1, says="'cerita'"),
    Row("lesson-length", "lesson-length",
        append(LESSON_ID, "\n" + WORDS_1100 + "\n"), LESSON_ID, 1, severity=WARNING,
        says="lessons have 450 to 1000"),
    Row("sentence-length", "sentence-length", append(LESSON_ID, "\n" + LONG_SENTENCE + "\n"),
        LESSON_ID, "Anda membaca membaca", severity=WARNING, says="a sentence of 37 words"),
    Row("quiz-too-short", "quiz-too-short",
        quiz(*(question(f"q{n}") for n in range(1, 5))), QUIZ, "questions:", severity=WARNING,
        says="4 question(s)"),
    Row("register-kamu", "register-kamu", append(LESSON_ID, "\nApakah kamu siap?\n"), LESSON_ID,
        "kamu siap"),
    Row("register-kamu-ui", "register-kamu",
        edit_ui(lambda ui: ui["id"].update(uji_sapa="Halo kamu")), UI,
        lambda r: ui_line(r, "id", "uji_sapa")),
    # -- the phone features' data (checks/phone.py) ----------------------------------------
    Row("checker-sign", "checker-sign", checker(sign("s1") + sign("s2", ""), verdict(0)),
        CHECKER, "- id: s2"),
    Row("checker-sign-twice", "checker-sign", checker(sign("s1") + sign("s1"), verdict(0)),
        CHECKER, lambda r: _nth_line(r, CHECKER, "- id: s1", 2)),
    Row("checker-verdicts", "checker-verdicts",
        checker(sign("s1") + sign("s2"), verdict(1)), CHECKER, "verdicts:"),
    Row("contacts-duplicate", "contacts-duplicate",
        steps(add_facts(fact("uji.telepon")),
              write(CONTACTS, contact_group("uji", "uji.telepon")
                    + contact_group("uji", "uji.telepon"))),
        CONTACTS, lambda r: _nth_line(r, CONTACTS, "- id: uji", 2)),
    Row("contacts-kind", "contacts-kind",
        steps(add_facts(fact("uji.situs", "url", "https://example.org/uji")),
              write(CONTACTS, contact_group("uji", "uji.situs"))),
        CONTACTS, "fact: uji.situs"),
    Row("unknown-fact-contacts", "unknown-fact",
        write(CONTACTS, contact_group("uji", "uji.tidak_ada")), CONTACTS, "fact: uji.tidak_ada"),
    Row("shortlink-page-missing", "shortlink-page-missing",
        write(PAGE_CODES, "- code: zuji\n  page: tidak-ada/\n"), PAGE_CODES, "page: tidak-ada/"),
    Row("duplicate-code-page", "duplicate-code",
        lambda r: write(PAGE_CODES, "- code: " + yaml.safe_load((r / MOD).read_text("utf-8"))[
            "code"] + "\n  page: " + f"modul/{SLUG}/\n")(r), PAGE_CODES, "- code: "),
    Row("audio-format", "audio-format", write(f"{AUDIO_ID}/cerita.wav", b"RIFF"),
        f"{AUDIO_ID}/cerita.wav", None, why="a sound file has no lines"),
    Row("audio-too-large", "audio-too-large",
        write(f"{AUDIO_ID}/cerita.opus", b"\0" * (1024 * 1024 + 1)), f"{AUDIO_ID}/cerita.opus",
        None, why="a sound file has no lines"),
    Row("audio-no-section", "audio-no-section", write(f"{AUDIO_ID}/tidak-ada.opus", b"OggS"),
        f"{AUDIO_ID}/tidak-ada.opus", None, why="a sound file has no lines"),
    # -- help near home (checks/services.py) -----------------------------------------------
    Row("place-duplicate", "place-duplicate",
        write(PLACES, place("uji.satu", "Desbumi Uji", "Wonosobo")
              + place("uji.dua", "Desbumi Uji", "Wonosobo")), PLACES,
        lambda r: _nth_line(r, PLACES, "  name: ", 2)),
    Row("place-district-spelling", "place-district-spelling",
        write(PLACES, place("uji.satu", "Desbumi Satu", "Wonosobo")
              + place("uji.dua", "Desbumi Dua", "Kab. Wonosobo")), PLACES,
        "district: Kab. Wonosobo"),
    Row("place-contact-kind", "place-contact-kind",
        steps(add_facts(fact("uji.teks", "text", "Buka setiap hari")),
              write(PLACES, place("uji.satu", "Desbumi Uji", "Wonosobo", ("uji.teks",)))),
        PLACES, "- uji.teks"),
    Row("unknown-fact-place", "unknown-fact",
        write(PLACES, place("uji.satu", "Desbumi Uji", "Wonosobo", ("uji.tidak_ada",))),
        PLACES, "- uji.tidak_ada"),
    # -- short links and their lock file (checks/shortlinks_lock.py) -----------------------
    Row("shortlink-lock-empty", "shortlink-lock-empty", write(LOCK, LOCK_HEADER), LOCK, 1),
    Row("shortlink-lock-invalid", "shortlink-lock-invalid", write(LOCK, "- p1\n"), LOCK, 1),
    Row("shortlink-lock-invalid-line", "shortlink-lock-invalid",
        write(LOCK, LOCK_HEADER + "zuji: 'Bukan Slug!'\n"), LOCK, "zuji:"),
    Row("shortlink-removed", "shortlink-removed",
        write(LOCK, LOCK_HEADER + f"zuji: {SLUG}\n"), LOCK, "zuji:"),
    Row("shortlink-removed-page", "shortlink-removed",
        write(LOCK, LOCK_HEADER + "zuji: /tidak-ada/\n"), LOCK, "zuji:"),
    Row("shortlink-moved", "shortlink-moved",
        lambda r: write(LOCK, LOCK_HEADER + _code(r) + ": modul-lain\n")(r), MOD, "code: "),
    Row("shortlink-anchor-changed", "shortlink-anchor-changed",
        lambda r: write(LOCK, LOCK_HEADER + _code(r) + f": {SLUG}#cerita\n")(r), MOD, "code: ",
        severity=WARNING),
    Row("shortlink-anchor-missing", "shortlink-anchor-missing",
        append(MOD, "sections:\n  zuji-x: tidak-ada\n"), MOD, "zuji-x: tidak-ada"),
    Row("shortlink-unpublished", "shortlink-unpublished",
        steps(lambda r: write(LOCK, LOCK_HEADER + _code(r) + f": {SLUG}\n")(r),
              new_module("modul-kedua")), LOCK, None,
        why="about codes missing from the file", publish=True, says="1 short code(s)"),
    # -- the site address (pipeline/site_address.py, with --publish) -----------------------
    Row("site-url-local", "site-url-local",
        lambda r: _set_site_url(r, "http://localhost:8000/"), "mkdocs.yml",
        "site_url: http://localhost:8000/", publish=True),
]


def _nth_line(root: Path, rel: str, start: str, n: int) -> int:
    """The ``n``-th line of ``rel`` (1-based; -1: the last) that starts with ``start``."""
    lines = (root / rel).read_text("utf-8").splitlines()
    found = [i for i, text in enumerate(lines, 1) if text.startswith(start)]
    assert len(found) >= abs(n), f"fewer than {abs(n)} lines start with {start!r} in {rel}"
    return found[n - 1] if n > 0 else found[n]


def _repeat_first_track(root: Path) -> None:
    """A second track with the id of the first."""
    first = yaml.safe_load((root / TRACKS).read_text("utf-8"))[0]
    append(TRACKS, yaml.safe_dump([{**first, "order": 99}], allow_unicode=True,
                                  sort_keys=False))(root)


def _set_fact(root: Path, key: str, **fields) -> None:
    """Give ``key`` the row's own definition in modules/facts.yml (added, or in its place)."""
    path = root / FACTS
    facts = yaml.safe_load(path.read_text("utf-8"))
    facts[key] = yaml.safe_load(fact(key, **fields))[key]
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=10000),
                    "utf-8")


def _code(root: Path) -> str:
    return yaml.safe_load((root / MOD).read_text("utf-8"))["code"]


def _set_site_url(root: Path, url: str) -> None:
    config = root / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {url}", config.read_text("utf-8"))
    assert count == 1, "mkdocs.yml has no site_url line"
    config.write_text(text, "utf-8")


# ---------------------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------------------


def test_every_code_the_source_can_emit_has_a_row():
    codes, problems = inventory()
    assert not problems, "\n".join(problems)
    rows = {row.code for row in ROWS} | {row.code for row in BUILD_ROWS}
    elsewhere, absent = set(COVERED_ELSEWHERE), set(NO_FIXTURE)
    assert not rows & absent, f"in NO_FIXTURE but with a row: {sorted(rows & absent)}"
    assert not rows & elsewhere, f"covered elsewhere and here: {sorted(rows & elsewhere)}"
    missing = {code: sorted(codes[code]) for code in sorted(set(codes) - rows - elsewhere - absent)}
    assert not missing, (
        "these issue codes have no fixture row in tests/test_check_codes.py (add one to ROWS, "
        "or a reason to NO_FIXTURE): "
        + "; ".join(f"{code} (emitted at {', '.join(where)})" for code, where in missing.items()))
    gone = sorted((rows | elsewhere | absent) - set(codes))
    assert not gone, f"rows for codes the source no longer emits: {gone}"


def test_codes_covered_elsewhere_are_asserted_there():
    for code, (rel, name) in COVERED_ELSEWHERE.items():
        tree = ast.parse((ROOT / rel).read_text("utf-8"))
        function = next((n for n in tree.body if isinstance(n, ast.FunctionDef)
                         and n.name == name), None)
        assert function is not None, f"{rel} has no {name}() (it covers [{code}])"
        assert code in ast.get_source_segment((ROOT / rel).read_text("utf-8"), function), \
            f"{rel}::{name} does not name [{code}]"


def test_the_inventory_reads_codes_that_only_a_variable_carries():
    """The reader follows variables to their sources (a guard for the inventory itself)."""
    codes, _ = inventory()
    for code in ("yaml-too-deep", "yaml-aliases", "schema-missing-field", "schema-type",
                 "fact-conflict", "fact-stale", "unsafe-link", "remote-resource", "typed-law",
                 "fact-bad-email"):
        assert code in codes, code
    assert not any(code.startswith("f'") or " " in code for code in codes)


@dataclass
class Pristine:
    root: Path
    issues: dict[bool, set[tuple]]  # publish -> (code, path, line, message, severity)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Pristine:
    """One valid fixture project; each row works on a copy of it."""
    root = make_project(tmp_path_factory.mktemp("check-codes") / "p", {SLUG: "persiapan"})
    seen = {}
    for publish in (False, True):
        issues = run_checks(load_project(root), publish=publish)
        seen[publish] = {(i.code, i.path, i.line, i.message, i.severity) for i in issues}
    return Pristine(root, seen)


def test_the_fixture_project_has_no_errors(pristine):
    errors = sorted(f"{path}:{line}: [{code}] {message}"
                    for code, path, line, message, severity in pristine.issues[False]
                    if severity is ERROR)
    assert not errors, "\n".join(errors)


def _expected_line(row: Row, root: Path) -> int:
    if row.line is None:
        assert row.why, f"row {row.id}: line=None needs a reason (why=…)"
        return 0
    if isinstance(row.line, int):
        return row.line
    if callable(row.line):
        return row.line(root)
    lines = (root / row.path).read_text("utf-8").splitlines()
    found = [i for i, text in enumerate(lines, 1) if row.line in text]
    assert len(found) == 1, f"row {row.id}: {row.line!r} is on lines {found} of {row.path}"
    return found[0]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_check_code(row: Row, pristine: Pristine, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(pristine.root, root, symlinks=True)
    row.mutate(root)
    issues = run_checks(load_project(root), publish=row.publish)
    line = _expected_line(row, root)
    same_code = [i for i in issues if i.code == row.code]
    hits = [i for i in same_code if (i.path, i.line, i.severity) == (row.path, line, row.severity)
            and row.says in i.message]
    shown = same_code or [i for i in issues if i.path == row.path] or issues.errors
    assert hits, (f"no [{row.code}] {row.severity} at {row.path}:{line}"
                  + (f" saying {row.says!r}" if row.says else "") + "; found: "
                  + "; ".join(f"{i.format()} ({i.severity})" for i in shown[:10]))
    before = pristine.issues[row.publish]
    new = [i for i in hits if (i.code, i.path, i.line, i.message, i.severity) not in before]
    assert new, f"the pristine project already reports {hits[0].format()}: the row proves nothing"


# ---------------------------------------------------------------------------------------
# Codes emitted only while a PDF is laid out (a build): two rows, each one layout
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRow:
    id: str
    code: str
    mutate: Mutation
    build: Callable[[object, Path], object]  # (project, cache folder): raises HandoutError
    path: str
    line: int | None
    why: str = ""


def _build_places(project, cache: Path):
    from bekal.render.services.prints import build_language

    return build_language(project, "id", cache)


def _build_wallet(project, cache: Path):
    from bekal.render.wallet import build_language

    return build_language(project, "en", cache_dir=cache)


LONG_LABEL = "Nomor uji dengan nama yang sangat panjang sekali " * 4
BUILD_ROWS = [
    BuildRow("place-print-too-long", "place-print-too-long",
             write(PLACES, place("uji.satu", "Desbumi Uji", "Wonosobo",
                                 reach=" ".join(["Datang ke balai desa pada pagi hari."] * 400))),
             _build_places, PLACES, None, why="a whole province's sheet overflows"),
    BuildRow("wallet-card-too-long", "wallet-card-too-long",
             steps(add_facts(*(fact(f"uji.nomor_{n}", value=f"0800-555-01{n:02}",
                                    label=LONG_LABEL) for n in range(12))),
                   write(CONTACTS, contact_group("uji", *(f"uji.nomor_{n}" for n in range(12)))
                         + f"  guide: {SLUG}\n")),
             _build_wallet, CONTACTS, None, why="a whole card overflows"),
]


@pytest.mark.parametrize("row", BUILD_ROWS, ids=[row.id for row in BUILD_ROWS])
def test_build_only_code(row: BuildRow, pristine: Pristine, tmp_path):
    from bekal.render.handouts import HandoutError

    root = tmp_path / "p"
    shutil.copytree(pristine.root, root, symlinks=True)
    row.mutate(root)
    project = load_project(root)
    assert not run_checks(project).errors  # only the layout finds this problem
    with pytest.raises(HandoutError) as err:
        row.build(project, tmp_path / "cache")
    issue = err.value.issue
    assert row.line is not None or row.why
    assert (issue.code, issue.path, issue.line) == (row.code, row.path, row.line or 0), \
        issue.format()
