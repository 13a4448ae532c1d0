"""Permanent short links as data: a module's code and its section codes, page codes
(modules/page-codes.yml), and the address a creator says aloud. Their pages and QR codes:
render/creator/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bekal.model.markdown_scan import scan
from bekal.model.project import ModuleEntry, Project
from bekal.routes import MODULES, lesson_source


@dataclass(frozen=True)
class ShortLink:
    code: str
    slug: str
    anchor: str | None = None  # a heading id for a section code
    page: str | None = None    # a page that is not a module (modules/page-codes.yml)

    @property
    def page_url(self) -> str:
        """The target page, relative to a language's root: 'modul/<slug>/' or the page."""
        return self.page if self.page is not None else f"{MODULES}/{self.slug}/"

    @property
    def target(self) -> str:
        """The lock file's form: 'slug', 'slug#anchor', or '/page/' for a page code."""
        if self.page is not None:
            return "/" + self.page
        return f"{self.slug}#{self.anchor}" if self.anchor else self.slug


def module_links(entry: ModuleEntry) -> list[ShortLink]:
    """The module's own code first, then its section codes in file order."""
    links = [ShortLink(entry.data.code, entry.slug)]
    links += [ShortLink(code, entry.slug, anchor) for code, anchor in entry.data.sections.items()]
    return links


def short_links(project: Project) -> list[ShortLink]:
    """Every short code of every valid module, in track and module order."""
    seen: set[str] = set()
    links = []
    for track in project.ordered_tracks():
        for entry in project.modules_of(track.id):
            for link in module_links(entry):
                if link.code not in seen:  # duplicates are reported by the lock check
                    seen.add(link.code)
                    links.append(link)
    return links


def page_links(project: Project) -> list[ShortLink]:
    """The codes of pages that are not modules: help, checker, track pages."""
    return [ShortLink(loaded.model.code, "", page=loaded.model.page)
            for loaded in project.page_codes]


def page_code(project: Project, page: str) -> str | None:
    """The short code of a page ('bantuan/'), if it has one."""
    return next((link.code for link in page_links(project) if link.page == page), None)


def short_url(project: Project, lang: str, code: str) -> str:
    """The absolute short URL creators say and print, e.g. https://…/en/go/p1/."""
    return project.config.site_url + project.routes.short_link(lang, code)


def lesson_file(project: Project, slug: str, lang: str) -> Path:
    """The lesson a language shows: its own file, or the default language's fallback."""
    own = project.content_dir / lang / lesson_source(slug)
    if own.exists():
        return own
    return project.content_dir / project.config.default / lesson_source(slug)


def heading_ids(path: Path) -> dict[str, tuple[str, int]]:
    """Explicit heading ids of a Markdown file -> (heading text, line)."""
    if not path.is_file() or path.is_symlink():
        return {}  # a link or a folder is never read (the checks name it)
    found: dict[str, tuple[str, int]] = {}
    for heading in scan(path.read_text("utf-8", errors="replace")).headings:
        if heading.explicit_id:
            found.setdefault(heading.explicit_id, (heading.text, heading.line))
    return found
