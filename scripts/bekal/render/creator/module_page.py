"""A module's page in the creator kit, written by the build ('modul/<slug>/kreator/').

Everything a creator needs to link one module: its short URL, QR code (SVG and PNG to
download), the one-line summary, a ready-to-paste caption with a copy button, the section
links, and up to three facts to quote, each linking to its entry in the page's sources
(who published it, when, how it was checked). One page per module keeps the kit's weight
the same whatever the number of modules; the hub (kit.py) only lists them. Without
JavaScript the caption is still selectable in its read-only field.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from markupsafe import Markup

from bekal.model.project import ModuleEntry, Project
from bekal.model.shortlinks import ShortLink, heading_ids, lesson_file, module_links, short_url
from bekal.outputs import Output
from bekal.render import factrender, facts
from bekal.render.kitpage import KitPage, Link, asset, kit_modules, kit_styles, templates
from bekal.routes import CREATOR_KIT_SOURCE

from .cards import plain
from .qr import download_name

KIND = "creator_module"  # its route in routes.py


def _qr_downloads(page: KitPage, code: str) -> str:
    links = []
    for kind in ("svg", "png"):
        href = page.link(page.project.routes.qr_image(page.lang, code, kind))
        name = download_name(page.project, page.lang, code, kind)
        links.append(f'<a href="{escape(href)}" download="{escape(name)}">'
                     f'{escape(page.t(f"kit_download_{kind}"))}</a>')
    return " · ".join(links)


def _short_link(page: KitPage, code: str) -> str:
    href = page.link(page.project.routes.short_link(page.lang, code))
    return f'<a href="{escape(href)}">{escape(short_url(page.project, page.lang, code))}</a>'


def _sections(page: KitPage, links: list[ShortLink]) -> Markup:
    if not links:
        return Markup("")
    headings = heading_ids(lesson_file(page.project, links[0].slug, page.lang))
    items = []
    for link in links:
        heading = headings.get(link.anchor, (link.anchor, 0))[0]
        items.append(f"<li>{escape(plain(page.project, heading, page.lang))}: "
                     f"{_short_link(page, link.code)}<br>"
                     f"{escape(page.t('kit_download'))} {_qr_downloads(page, link.code)}</li>")
    return Markup("".join(items))


def _facts(page: KitPage, keys: list[str]) -> Markup:
    """Up to three facts, each rendered with its mark and a link to its entry in the
    page's sources (rendering a fact puts it there)."""
    items = []
    for key in keys:
        if key not in page.project.facts:
            continue  # the checker reports unknown keys
        fact = page.project.fact(key)
        value = facts.substitute(page.project, f"{{{{fact:{key}}}}}", page.lang, page.used)
        items.append(f"<li>{escape(factrender.label(page.project, fact, page.lang))}: {value} "
                     f'<a class="bekal-kit-source" href="#{factrender.anchor(key)}">'
                     f"{escape(page.t('fact_source'))}</a></li>")
    return Markup("".join(items))


def caption_rows(caption: str) -> int:
    """Rows enough for the whole caption on a 360 px phone (about 30 characters a row,
    with room for the words that wrap), so that its hashtags are not hidden."""
    return min(12, max(3, len(caption) // 30 + 2))


def module_page(project: Project, entry: ModuleEntry, lang: str) -> tuple[KitPage, str]:
    m = entry.data
    page = KitPage(project, entry, lang, KIND, project.t(lang, "kit_page_title",
                                                        title=m.title[lang]))
    code = m.code
    url = short_url(project, lang, code)
    caption = plain(project, m.caption[lang], lang)
    html = templates().get_template("creator-module.html").render(
        module_title=m.title[lang],
        summary=page.text(m.summary),
        code=code,
        qr_src=page.link(project.routes.qr_image(lang, code, "svg")),
        qr_alt=page.t("kit_qr_alt", url=url),
        short_link=Markup(_short_link(page, code)),
        downloads=Markup(_qr_downloads(page, code)),
        sections=_sections(page, [link for link in module_links(entry) if link.anchor]),
        caption=caption,
        caption_rows=caption_rows(caption),
        quotes=_facts(page, m.facts),
        hub=Link(page.link(project.routes.page(lang, CREATOR_KIT_SOURCE)),
                 page.t("kit_all_modules")),
        lesson=Link(page.link(project.routes.lesson(lang, entry.slug)),
                    page.t("kit_to_lesson")),
        sources=page.sources(),
        css=kit_styles("creator-module.css"),
        script=asset("creator-copy.js"),
        **page.context())
    return page, html


def language_outputs(project: Project, lang: str,
                     slugs: Collection[str] | None = None) -> list[Output]:
    """The kit page of every module in ``lang`` (or of ``slugs``)."""
    out = []
    for entry in kit_modules(project, slugs):
        page, html = module_page(project, entry, lang)
        out.append(page.output(html))
    return out
