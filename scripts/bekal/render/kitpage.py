"""What every page a kit writes itself has (the trainer kit's worksheets, keys and slides, the
creator kit's module pages): head tags, a small bar, its language, its sources."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from html import escape

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from bekal.model.pageref import PageRef
from bekal.model.project import ModuleEntry, Project
from bekal.outputs import Output, page
from bekal.render import facts
from bekal.render.creator import meta
from bekal.resources import TEMPLATES
from bekal.routes import HELP_SOURCE, lesson_source, relative


@cache
def templates() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@cache
def asset(name: str) -> Markup:
    """A stylesheet or script from templates/, inlined: the page works alone, even from file://."""
    return Markup((TEMPLATES / name).read_text("utf-8"))


def kit_styles(*names: str) -> Markup:
    """The styles every such page shares (kit-base.css), then the page's own."""
    return Markup("").join(asset(name) for name in ("kit-base.css", *names))


def icon(project: Project, here: str) -> str:
    """The link to the site's icon from the page at ``here`` ('' without one): a page
    without it makes the browser ask for /favicon.ico, which is not there."""
    favicon = project.config.favicon
    return relative(here, favicon) if favicon else ""


def kit_modules(project: Project, slugs: Collection[str] | None = None) -> list[ModuleEntry]:
    """The modules a kit writes its pages for, by slug: every module with a module.yml
    that loaded (or only those in ``slugs``, for a preview)."""
    return [entry for slug, entry in sorted(project.modules.items())
            if entry.module is not None and (slugs is None or slug in slugs)]


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    lang: str = ""


@dataclass
class KitPage:
    """One written page: where it lives and what its template needs besides its body."""
    project: Project
    entry: ModuleEntry
    lang: str
    kind: str              # its route: 'worksheet', 'answer_key', 'slides' or
    #                        'creator_module' (routes.py)
    title: str
    used: list[str] = field(default_factory=list)  # facts the page shows, for its Sources

    def url_in(self, lang: str) -> str:
        return getattr(self.project.routes, self.kind)(lang, self.entry.slug)

    @property
    def path(self) -> str:
        """The page's URL, relative to the site root ('en/modul/<slug>/lembar-kerja/')."""
        return self.url_in(self.lang)

    def text(self, localized: dict[str, str] | None) -> Markup:
        """A text from YAML, escaped, with its fact references rendered."""
        localized = localized or {}
        raw = localized.get(self.lang) or localized.get(self.project.config.default, "")
        return Markup(facts.substitute(self.project, escape(raw), self.lang, self.used))

    def t(self, key: str, **values) -> str:
        return self.project.t(self.lang, key, **values)

    def link(self, site_path: str) -> str:
        return relative(self.path, site_path)

    def context(self) -> dict:
        project, m = self.project, self.entry.data
        ref = PageRef(lesson_source(self.entry.slug), self.lang)
        head = meta.page_meta(project, ref, self.title, self.path, m.summary[self.lang])
        track = project.track(m.track).title[self.lang] if m.track in project.tracks else m.track
        others = [Link(self.link(self.url_in(lang.code)), lang.name, lang.code)
                  for lang in project.config.languages if lang.code != self.lang]
        return {
            "lang": self.lang,
            "title": self.title,
            "site_name": "Bekal",
            "description": head.description,
            "canonical": head.url,
            "head_tags": Markup(meta.head_tags(project, head)),
            "icon": icon(project, self.path),
            "kicker": project.t(self.lang, "module_meta", track=track, minutes=m.minutes,
                                code=m.code),
            "guide": Link(self.link(project.routes.trainer_guide(self.lang, self.entry.slug)),
                          self.t("back_to_guide")),
            "help": Link(self.link(project.routes.page(self.lang, HELP_SOURCE)),
                         self.t("help_button")),
            "others": others,
            "t": self.t,
        }

    def sources(self) -> Markup:
        return Markup(facts.sources_html(self.project, self.used, self.lang))

    def output(self, html: str) -> Output:
        return page(self.project.routes.file(self.path), html)
