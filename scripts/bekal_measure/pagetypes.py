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
    following: str = ""  # the page a reader opens next: a sibling of the same type (from
    #                      the creators' hub, a module's kit page), else the module page

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
    after = next_module(project, module)
    tracks = [t.id for t in project.ordered_tracks()]
    guides = [m for m in _modules_in_order(project)
              if (project.content_dir / project.config.default
                  / lesson_source(m.slug, TRAINERS)).exists()] or [module]
    at = project.routes
    # kind -> (its page, its sibling or None) for a language
    urls = {
        "home": lambda lang: (at.home(lang), None),
        "track": lambda lang: (at.track(lang, tracks[0]), at.track(lang, tracks[1 % len(tracks)])),
        "module": lambda lang: (at.lesson(lang, module.slug), at.lesson(lang, after.slug)),
        "help": lambda lang: (at.page(lang, HELP_SOURCE), None),
        "trainer": lambda lang: (at.trainer_guide(lang, guides[0].slug),
                                 at.trainer_guide(lang, guides[1 % len(guides)].slug)),
        "creator": lambda lang: (at.page(lang, CREATOR_KIT_SOURCE),
                                 at.creator_module(lang, module.slug)),  # what it lists
        "creator module": lambda lang: (at.creator_module(lang, module.slug),
                                        at.creator_module(lang, after.slug)),
        "search": lambda lang: (at.search(lang), None),
        "sources": lambda lang: (at.sources_page(at.lesson(lang, module.slug)),
                                 at.sources_page(at.lesson(lang, after.slug))),
    }
    rows = []
    for lang in project.config.codes:
        first, second = module_pair(project, lang)
        for kind, url in urls.items():
            path, sibling = url(lang)
            if sibling is None or sibling == path:
                sibling = second if path != second else first
            rows.append(PageType(kind, lang, path, sibling))
    return rows


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
