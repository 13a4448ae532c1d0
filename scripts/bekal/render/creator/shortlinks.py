"""Permanent short links: ``/go/<code>/`` redirect pages in every language.

Every module has a short code (``code: p1``) and may name key sections
(``sections: {p1-langkah: langkah}`` -> the heading ``{#langkah}``). The build writes
``go/<code>/index.html`` under each language prefix: a meta refresh, a canonical link and
a visible link, relative to the page so it also works offline. mkdocs-redirects is not
used because it writes wrong targets under static-i18n without a warning.
"""

from __future__ import annotations

from html import escape

from bekal.model.project import Project
from bekal.model.shortlinks import ShortLink, heading_ids, lesson_file, page_links, short_links
from bekal.outputs import Output, page
from bekal.routes import TRACKS, relative


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
