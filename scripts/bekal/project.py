"""Loading a whole Bekal project: tracks, modules, quizzes, facts, glossary, UI strings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .issues import IssueList
from .schema import Fact, Module, Place, Quiz, Term, Track, validate
from .siteconfig import SiteConfig, read_site_config
from .yamlio import LineMap, load_yaml


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

    @property
    def root(self) -> Path:
        return self.config.root

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
    _load_keyed(project, modules_dir / "layanan.yml", Place, project.places, required=False)
    for module_dir in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
        if module_dir.name.startswith((".", "_")):
            continue
        project.modules[module_dir.name] = _load_module(project, module_dir)
    return project


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
    if not isinstance(data, dict):
        project.issues.add(path, 1, "schema-type", "ui.yml must be a block per language",
                           "write 'id:' and 'en:' blocks of 'key: text' lines")
        return
    for lang, strings in data.items():
        if isinstance(strings, dict):
            project.ui[str(lang)] = {str(k): str(v) for k, v in strings.items()}
    reference = project.ui.get(project.config.default, {})
    for lang in project.config.codes:
        for key in reference:
            if key not in project.ui.get(lang, {}):
                project.issues.add(path, lines.line_of((project.config.default, key)),
                                   "missing-translation",
                                   f"interface string '{key}' has no '{lang}' text",
                                   f"add '{key}:' under '{lang}:'")


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
    if quiz_path.exists():
        loaded = _load_file(project, quiz_path, required=True)
        if loaded is not None:
            data, lines = loaded
            model = validate(Quiz, data, lines, (), quiz_path, project.issues)
            if model is not None:
                entry.quiz = Loaded(model, quiz_path, lines)
    return entry


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
