"""Permanent short links: ``/go/<code>/`` redirect pages in every language.

Every module has a short code (``code: p1``) and may name key sections
(``sections: {p1-langkah: langkah}`` -> the heading ``{#langkah}``). The build writes
``go/<code>/index.html`` under each language prefix: a meta refresh, a canonical link and
a visible link, relative to the page so it also works offline. mkdocs-redirects is not
used because it writes wrong targets under static-i18n without a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from bekal.model.markdown_scan import scan
from bekal.model.project import ModuleEntry, Project
from bekal.outputs import Output, page
from bekal.routes import MODULES, TRACKS, lesson_source, relative


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


def link_title(project: Project, link: ShortLink, lang: str) -> str:
    """The module title, with the section heading for a section code; a page's title."""
    if link.page is not None:
        return _page_title(project, link, lang)
    title = project.modules[link.slug].data.title[lang]
    if link.anchor:
        heading = heading_ids(lesson_file(project, link.slug, lang)).get(link.anchor)
        if heading:
            return f"{title}: {heading[0]}"
    return title


def _page_title(project: Project, link: ShortLink, lang: str) -> str:
    for loaded in project.page_codes:
        if loaded.model.code == link.code and loaded.model.title:
            return loaded.model.title.get(lang) or loaded.model.title[project.config.default]
    parts = link.page.strip("/").split("/")
    if len(parts) == 2 and parts[0] == TRACKS and parts[1] in project.tracks:
        return project.track(parts[1]).title[lang]
    return link.code


def stub_html(project: Project, link: ShortLink, lang: str, head_tags: str = "") -> str:
    """The redirect page for one short link in one language."""
    here = project.routes.short_link(lang, link.code)
    href = relative(here, project.config.prefix(lang) + link.page_url)
    if link.anchor:
        href += f"#{link.anchor}"
    canonical = f"{project.config.site_url}{project.config.prefix(lang)}{link.page_url}"
    title = link_title(project, link, lang)
    href_e = escape(href)
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{escape(project.t(lang, "go_title", title=title))}</title>\n'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href_e}">\n'
        f'<link rel="canonical" href="{escape(canonical)}">\n{head_tags}'
        f'</head>\n<body>\n<p>{escape(project.t(lang, "go_text"))} '
        f'<a href="{href_e}">{escape(title)}</a></p>\n</body>\n</html>\n'
    )


def stub_outputs(project: Project, lang: str, head_for=None) -> list[Output]:
    """``<prefix>go/<code>/index.html`` for every short link of ``lang``.

    ``head_for(link)`` may give extra head tags (link previews) for a stub.
    """
    return [page(project.routes.file(project.routes.short_link(lang, link.code)),
                 stub_html(project, link, lang, head_for(link) if head_for else ""))
            for link in short_links(project) + page_links(project)]
