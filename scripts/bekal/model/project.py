"""Loading a whole Bekal project: tracks, modules, quizzes, facts, glossary, UI strings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter

from pydantic import BaseModel

from bekal.routes import MODULES, Routes

from .issues import IssueList
from .schema import (
    Checker,
    ContactGroup,
    Fact,
    Module,
    PageCode,
    Place,
    Quiz,
    Term,
    Track,
    validate,
)
from .siteconfig import SiteConfig, read_site_config
from .ui_strings import UI_STRINGS
from .yamlio import LineMap, load_yaml

# a module's folder name is its web address: lowercase ASCII words joined by single dashes
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Loaded:
    """A validated model with the file and line map it came from."""
    model: BaseModel
    path: Path
    lines: LineMap
    base: tuple = ()

    def line(self, *loc) -> int:
        return self.lines.line_of((*self.base, *loc))


@dataclass
class ModuleEntry:
    slug: str
    dir: Path
    module: Loaded | None = None
    quiz: Loaded | None = None
    quiz_present: bool = False  # quiz.yml exists (it may still have failed to load)

    @property
    def data(self) -> Module:
        return self.module.model  # type: ignore[return-value]


@dataclass
class Project:
    config: SiteConfig
    issues: IssueList
    tracks: dict[str, Loaded] = field(default_factory=dict)
    modules: dict[str, ModuleEntry] = field(default_factory=dict)
    facts: dict[str, Loaded] = field(default_factory=dict)
    glossary: dict[str, Loaded] = field(default_factory=dict)
    places: dict[str, Loaded] = field(default_factory=dict)   # modules/layanan.yml
    ui: dict[str, dict[str, str]] = field(default_factory=dict)
    checkers: dict[str, Loaded] = field(default_factory=dict)   # modules/cek-tawaran.yml
    contacts: list[Loaded] = field(default_factory=list)        # modules/contacts.yml
    page_codes: list[Loaded] = field(default_factory=list)      # modules/page-codes.yml
    ui_lines: LineMap = field(default_factory=LineMap)

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def routes(self) -> Routes:
        return self.config.routes

    @property
    def content_dir(self) -> Path:
        return self.root / self.config.docs_dir

    def track(self, track_id: str) -> Track:
        return self.tracks[track_id].model  # type: ignore[return-value]

    def fact(self, key: str) -> Fact:
        return self.facts[key].model  # type: ignore[return-value]

    def place(self, key: str) -> Place:
        return self.places[key].model  # type: ignore[return-value]

    def term(self, key: str) -> Term:
        return self.glossary[key].model  # type: ignore[return-value]

    def modules_of(self, track_id: str) -> list[ModuleEntry]:
        """The valid modules of a track, in their order."""
        entries = [m for m in self.modules.values()
                   if m.module and m.data.track == track_id]
        return sorted(entries, key=lambda m: (m.data.order, m.slug))

    def ordered_tracks(self) -> list[Track]:
        return sorted((t.model for t in self.tracks.values()), key=lambda t: (t.order, t.id))

    def t(self, lang: str, key: str, **values) -> str:
        """An interface string in ``lang`` (from modules/ui.yml)."""
        text = self.ui.get(lang, {}).get(key) or self.ui.get(self.config.default, {}).get(key)
        if text is None:
            raise KeyError(f"modules/ui.yml has no string '{key}'")
        return text.format(**values) if values else text


def load_project(root: Path, config: SiteConfig | None = None) -> Project:
    """Load everything under ``root``; every problem goes to ``project.issues``."""
    root = root.resolve()
    config = config or read_site_config(root)
    project = Project(config, IssueList(root))
    modules_dir = root / "modules"
    _load_tracks(project, modules_dir / "tracks.yml")
    _load_keyed(project, modules_dir / "facts.yml", Fact, project.facts)
    _load_keyed(project, modules_dir / "glossary.yml", Term, project.glossary)
    _load_ui(project, modules_dir / "ui.yml")
    _load_phone_data(project, modules_dir)
    _load_keyed(project, modules_dir / "layanan.yml", Place, project.places, required=False)
    module_dirs = sorted(p for p in modules_dir.iterdir() if p.is_dir()) \
        if modules_dir.is_dir() else []
    for module_dir in module_dirs:
        if module_dir.name.startswith((".", "_")):
            continue
        _check_slug(project, module_dir / "module.yml", module_dir.name)
        project.modules[module_dir.name] = _load_module(project, module_dir)
    _check_content_files(project)
    return project


def _check_slug(project: Project, path: Path, name: str) -> None:
    if not SLUG.fullmatch(name):
        project.issues.add(path, 0, "bad-slug",
                           f"folder name '{name}' is not a valid module name",
                           "use lowercase letters a-z, digits and single dashes, e.g. "
                           "'modul-baru' (no spaces, capitals, accents or dots)")


def _check_content_files(project: Project) -> None:
    """Pages that are folders or empty: found before any build step reads them."""
    content = project.content_dir
    if not content.is_dir():
        return
    for path in sorted(content.rglob("*.md")):
        if not path.is_file():
            if path.is_dir():
                project.issues.add(path, 0, "not-a-file", f"{path.name} is a folder, not a file",
                                   f"remove or rename the folder and write {path.name} "
                                   "as a text file")
            continue
        if not path.read_bytes().strip():
            project.issues.add(path, 1, "empty-page", f"{path.name} is empty",
                               "write the page, or delete the file if it is not needed")
    for lang in project.config.codes:
        folder = content / lang / MODULES
        if not folder.is_dir():
            continue
        for page_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            if page_dir.name not in project.modules and not page_dir.name.startswith("."):
                _check_slug(project, page_dir / "index.md", page_dir.name)


def _load_tracks(project: Project, path: Path) -> None:
    loaded = _load_file(project, path, required=True)
    if loaded is None:
        return
    data, lines = loaded
    if not isinstance(data, list):
        project.issues.add(path, 1, "schema-type", "tracks.yml must be a list of tracks",
                           "start each track with '- id: …'")
        return
    for i, item in enumerate(data):
        model = validate(Track, item, lines, (i,), path, project.issues)
        if model is None:
            continue
        if model.id in project.tracks:
            project.issues.add(path, lines.line_of((i, "id")), "duplicate-track",
                               f"track '{model.id}' is defined twice", "give each track its own id")
            continue
        project.tracks[model.id] = Loaded(model, path, lines, (i,))


def _load_keyed(project: Project, path: Path, model_type, target: dict,
                required: bool = True) -> None:
    loaded = _load_file(project, path, required=required)
    if loaded is None:
        return
    data, lines = loaded
    if not isinstance(data, dict):
        project.issues.add(path, 1, "schema-type", f"{path.name} must be a block of entries",
                           "write each entry as 'key:' followed by its indented fields")
        return
    for key, item in data.items():
        model = validate(model_type, item, lines, (key,), path, project.issues)
        if model is not None:
            target[str(key)] = Loaded(model, path, lines, (key,))


def _load_ui(project: Project, path: Path) -> None:
    loaded = _load_file(project, path, required=True)
    if loaded is None:
        return
    data, lines = loaded
    project.ui_lines = lines
    if not isinstance(data, dict):
        project.issues.add(path, 1, "schema-type", "ui.yml must be a block per language",
                           "write 'id:' and 'en:' blocks of 'key: text' lines")
        return
    for lang, strings in data.items():
        if isinstance(strings, dict):
            project.ui[str(lang)] = {str(k): str(v) for k, v in strings.items()}
        else:
            project.issues.add(path, lines.line_of((lang,)), "schema-type",
                               f"'{lang}:' in ui.yml must be a block of 'key: text' lines",
                               "indent each string under its language")
    _check_ui_strings(project, path, lines)
    reference = project.ui.get(project.config.default, {})
    for lang in project.config.codes:
        for key in reference:
            if key not in project.ui.get(lang, {}):
                project.issues.add(path, lines.line_of((project.config.default, key)),
                                   "missing-translation",
                                   f"interface string '{key}' has no '{lang}' text",
                                   f"add '{key}:' under '{lang}:'")


def _check_ui_strings(project: Project, path: Path, lines: LineMap) -> None:
    """Each string's placeholders are the ones the code fills (ui_strings.UI_STRINGS)."""
    default = project.ui.get(project.config.default, {})
    for key in UI_STRINGS:
        if key not in default:
            project.issues.add(path, lines.line_of((project.config.default,)), "ui-missing-string",
                               f"interface string '{key}' is missing; the site needs it",
                               f"add '{key}: …' under '{project.config.default}:' "
                               "(see git history for its text)")
    for lang, strings in project.ui.items():
        for key, text in strings.items():
            line = lines.line_of((lang, key))
            try:
                names = {name for _, name, _, _ in Formatter().parse(text) if name is not None}
            except ValueError:
                project.issues.add(path, line, "ui-placeholder",
                                   f"'{key}' ({lang}) has a broken placeholder: a '{{' or '}}' "
                                   "without its partner",
                                   "write placeholders as {name}; write a brace itself as {{ or }}")
                continue
            allowed = UI_STRINGS.get(key)
            if allowed is None:
                continue  # a string the code does not know yet: only its syntax is checked
            for name in sorted(names - allowed):
                takes = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "no placeholders"
                project.issues.add(path, line, "ui-placeholder",
                                   f"'{key}' ({lang}) has the placeholder {{{name}}}, "
                                   "which the site does not fill",
                                   f"this string can use: {takes}")


def _load_module(project: Project, module_dir: Path) -> ModuleEntry:
    entry = ModuleEntry(module_dir.name, module_dir)
    path = module_dir / "module.yml"
    if not path.exists():
        project.issues.add(path, 0, "module-missing-file",
                           f"module folder '{module_dir.name}' has no module.yml",
                           "create it, or run: bekal new <slug> --track <track>")
        return entry
    loaded = _load_file(project, path, required=True)
    if loaded is not None:
        data, lines = loaded
        model = validate(Module, data, lines, (), path, project.issues)
        if model is not None:
            entry.module = Loaded(model, path, lines)
    quiz_path = module_dir / "quiz.yml"
    entry.quiz_present = quiz_path.exists()
    if quiz_path.exists():
        loaded = _load_file(project, quiz_path, required=True)
        if loaded is not None:
            data, lines = loaded
            model = validate(Quiz, data, lines, (), quiz_path, project.issues)
            if model is not None:
                model = _with_shared_checklists(project, model, lines, quiz_path)
                entry.quiz = Loaded(model, quiz_path, lines)
    return entry


CHECKER_FILES = ("cek-tawaran",)


def _load_phone_data(project: Project, modules_dir: Path) -> None:
    """The job-offer checker's data and the contact groups of the call buttons (optional)."""
    for name in CHECKER_FILES:
        path = modules_dir / f"{name}.yml"
        loaded = _load_file(project, path, required=False)
        if loaded is not None:
            model = validate(Checker, loaded[0], loaded[1], (), path, project.issues)
            if model is not None:
                project.checkers[name] = Loaded(model, path, loaded[1])
    _load_list(project, modules_dir / "contacts.yml", ContactGroup, project.contacts, "id")
    _load_list(project, modules_dir / "page-codes.yml", PageCode, project.page_codes, "code")


def _load_list(project: Project, path: Path, model_type, target: list, first: str) -> None:
    loaded = _load_file(project, path, required=False)
    if loaded is None:
        return
    data, lines = loaded
    if not isinstance(data, list):
        project.issues.add(path, 1, "schema-type", f"{path.name} must be a list",
                           f"start each entry with '- {first}: …'")
        return
    for i, item in enumerate(data):
        model = validate(model_type, item, lines, (i,), path, project.issues)
        if model is not None:
            target.append(Loaded(model, path, lines, (i,)))


def _with_shared_checklists(project: Project, quiz: Quiz, lines: LineMap, path: Path) -> Quiz:
    """A checklist question with ``data: <name>`` takes its options and verdicts from
    modules/<name>.yml, so the quiz and the checker page show the same signs."""
    questions = []
    for qi, q in enumerate(quiz.questions):
        if q.data is not None:
            shared = project.checkers.get(q.data)
            if q.type != "checklist" or q.options or q.verdicts:
                project.issues.add(path, lines.line_of(("questions", qi, "data")),
                                   "quiz-data",
                                   f"question '{q.id}': 'data' is for a checklist question "
                                   "without options or verdicts of its own",
                                   "use type: checklist and remove options and verdicts")
            elif shared is None:
                project.issues.add(path, lines.line_of(("questions", qi, "data")),
                                   "quiz-data", f"question '{q.id}' names modules/{q.data}.yml,"
                                   " which is missing or invalid",
                                   f"create modules/{q.data}.yml, or use one of: "
                                   + (", ".join(project.checkers) or "(none)"))
            else:
                q = q.model_copy(update={"options": list(shared.model.signs),
                                         "verdicts": list(shared.model.verdicts)})
        questions.append(q)
    return quiz.model_copy(update={"questions": questions})


def _load_file(project: Project, path: Path, required: bool):
    if not path.exists():
        if required:
            project.issues.add(path, 0, "missing-file", f"{path.name} is missing",
                               "create it; see README, 'Where to edit what'")
        return None
    loaded = load_yaml(path, project.issues)
    if loaded is None:
        return None
    data, lines = loaded
    if data is None:
        project.issues.add(path, 1, "empty-file", f"{path.name} is empty",
                           "fill it in; see the JSON Schema in scripts/schemas/")
        return None
    return data, lines
