"""One page of every type, in every language: what the audit and the budgets look at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bekal.model.project import ModuleEntry, Project
from bekal.routes import CREATOR_KIT_SOURCE, HELP_SOURCE, TRAINERS, lesson_source


@dataclass(frozen=True)
class PageType:
    kind: str   # home, track, module, help, trainer, creator, creator module, search
    lang: str
    path: str   # site path: '' or 'en/' + ...

    @property
    def label(self) -> str:
        return f"{self.kind} ({self.lang})"


def _modules_in_order(project: Project) -> list[ModuleEntry]:
    return [m for track in project.ordered_tracks() for m in project.modules_of(track.id)]


def quiz_module(project: Project) -> ModuleEntry:
    """The first module, in site order, that has a quiz."""
    modules = _modules_in_order(project)
    with_quiz = [m for m in modules if m.quiz is not None]
    if not with_quiz:
        raise LookupError("no module has a quiz (modules/<slug>/quiz.yml)")
    return with_quiz[0]


def next_module(project: Project, entry: ModuleEntry) -> ModuleEntry:
    """The module a reader opens after ``entry``: the next one in site order."""
    modules = _modules_in_order(project)
    index = modules.index(entry)
    return modules[(index + 1) % len(modules)]


def page_types(project: Project) -> list[PageType]:
    module = quiz_module(project)
    first_track = project.ordered_tracks()[0].id
    trainer = next((m for m in _modules_in_order(project)
                    if (project.content_dir / project.config.default
                        / lesson_source(m.slug, TRAINERS)).exists()), module)
    at = project.routes
    urls = {
        "home": at.home,
        "track": lambda lang: at.track(lang, first_track),
        "module": lambda lang: at.lesson(lang, module.slug),
        "help": lambda lang: at.page(lang, HELP_SOURCE),
        "trainer": lambda lang: at.trainer_guide(lang, trainer.slug),
        "creator": lambda lang: at.page(lang, CREATOR_KIT_SOURCE),
        "creator module": lambda lang: at.creator_module(lang, module.slug),
        "search": at.search,
    }
    return [PageType(kind, lang, url(lang))
            for lang in project.config.codes for kind, url in urls.items()]


def module_pair(project: Project, lang: str | None = None) -> tuple[str, str]:
    """Site paths of a module page with a quiz and of the module a reader opens next."""
    lang = lang or project.config.default
    first = quiz_module(project)
    return (project.routes.lesson(lang, first.slug),
            project.routes.lesson(lang, next_module(project, first).slug))


def built_pages(site: Path) -> list[Path]:
    """Every page a reader can open in a built site: not assets, not the search index, not
    the short-link redirects (they only send the browser on)."""
    return sorted(p for p in site.rglob("*.html")
                  if not {"assets", "pagefind"} & set(p.relative_to(site).parts)
                  and 'http-equiv="refresh"' not in p.read_text("utf-8"))
