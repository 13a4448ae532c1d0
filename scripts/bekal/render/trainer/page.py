"""What every page the trainer kit writes itself has: head tags, a small bar, its language."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from bekal.model.pageref import PageRef
from bekal.model.project import ModuleEntry, Project
from bekal.render import facts
from bekal.render.creator import meta
from bekal.resources import TEMPLATES

from .kit import href


@cache
def templates() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@cache
def asset(name: str) -> Markup:
    """A stylesheet or script from templates/, inlined: the page works alone, even from file://."""
    return Markup((TEMPLATES / name).read_text("utf-8"))


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
    folder: str            # e.g. 'lembar-kerja', inside modul/<slug>/
    title: str
    used: list[str] = field(default_factory=list)  # facts the page shows, for its Sources

    @property
    def path(self) -> str:
        """Site path of the page's folder: '' or 'en/' + 'modul/<slug>/<folder>/'."""
        return f"{self.project.config.prefix(self.lang)}modul/{self.entry.slug}/{self.folder}/"

    def text(self, localized: dict[str, str] | None) -> Markup:
        """A text from YAML, escaped, with its fact references rendered."""
        localized = localized or {}
        raw = localized.get(self.lang) or localized.get(self.project.config.default, "")
        return Markup(facts.substitute(self.project, escape(raw), self.lang, self.used))

    def t(self, key: str, **values) -> str:
        return self.project.t(self.lang, key, **values)

    def link(self, site_path: str) -> str:
        return href(self.path, site_path)

    def context(self) -> dict:
        project, m = self.project, self.entry.data
        ref = PageRef(f"modul/{self.entry.slug}/index.md", self.lang)
        head = meta.page_meta(project, ref, self.title, self.path, m.summary[self.lang])
        track = project.track(m.track).title[self.lang] if m.track in project.tracks else m.track
        prefix = project.config.prefix(self.lang)
        others = [Link(self.link(project.config.prefix(lang.code) + self.path[len(prefix):]),
                       lang.name, lang.code)
                  for lang in project.config.languages if lang.code != self.lang]
        return {
            "lang": self.lang,
            "title": self.title,
            "site_name": "Bekal",
            "description": head.description,
            "canonical": head.url,
            "head_tags": Markup(meta.head_tags(project, head)),
            "kicker": project.t(self.lang, "module_meta", track=track, minutes=m.minutes,
                                code=m.code),
            "guide": Link(self.link(f"{prefix}modul/{self.entry.slug}/pelatih/"),
                          self.t("back_to_guide")),
            "help": Link(self.link(f"{prefix}bantuan/"), self.t("help_button")),
            "others": others,
            "t": self.t,
        }

    def sources(self) -> Markup:
        return Markup(facts.sources_html(self.project, self.used, self.lang))

    def write(self, site_dir: Path, html: str) -> Path:
        target = site_dir / self.path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")
        return target
