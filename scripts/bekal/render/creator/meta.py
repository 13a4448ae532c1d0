"""Link previews: Open Graph and Twitter tags for every page, in the page's language.

The canonical ``<link>`` itself comes from Material (built from ``site_url``, right per
language under static-i18n); a second one would confuse crawlers, so pages get
``og:url`` with the same address and only the short-link stubs write their own canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from bekal.model.pageref import PageRef
from bekal.model.project import Project
from bekal.model.shortlinks import ShortLink
from bekal.routes import MODULES, TRACKS, lesson_source

from .cards import SIZE, plain
from .shortlinks import link_title

# Open Graph wants language_TERRITORY; a language not listed here gets its own code twice.
OG_LOCALES = {"id": "id_ID", "en": "en_US", "ms": "ms_MY", "zh": "zh_TW", "tl": "tl_PH"}
_TRACK_PAGE = re.compile(rf"^{TRACKS}/([^/]+)/index\.md$")  # routes.track_source


@dataclass(frozen=True)
class PageMeta:
    lang: str
    title: str
    description: str
    url: str    # absolute
    image: str  # absolute
    image_alt: str
    kind: str = "website"


def og_locale(lang: str) -> str:
    return OG_LOCALES.get(lang, f"{lang}_{lang.upper()}")


def page_meta(project: Project, ref: PageRef, title: str | None, url: str,
              description: str | None = None) -> PageMeta:
    """What a page's preview shows; ``url`` is the page URL relative to the site root."""
    lang = ref.lang
    base = project.config.site_url
    image = project.routes.preview_card(lang, "site", "bekal")
    text = description or project.t(lang, "site_description")
    kind = "website"
    slug, track = ref.module_slug, _TRACK_PAGE.match(ref.path)
    entry = project.modules.get(slug) if slug else None
    if entry and entry.module:
        image, kind = project.routes.preview_card(lang, MODULES, slug), "article"
        text = entry.data.summary[lang]
        title = title or entry.data.title[lang]
    elif track and track.group(1) in project.tracks:
        image = project.routes.preview_card(lang, TRACKS, track.group(1))
        text = project.track(track.group(1)).description[lang]
    title = title or project.t(lang, "site_tagline")
    return PageMeta(lang, plain(project, title, lang), plain(project, text, lang),
                    base + url, base + image, title, kind)


def head_tags(project: Project, meta: PageMeta) -> str:
    """The ``<meta>`` tags for ``meta``, one per line."""
    props = [
        ("og:type", meta.kind),
        ("og:site_name", "Bekal"),
        ("og:title", meta.title),
        ("og:description", meta.description),
        ("og:url", meta.url),
        ("og:image", meta.image),
        ("og:image:type", "image/png"),
        ("og:image:width", str(SIZE[0])),
        ("og:image:height", str(SIZE[1])),
        ("og:image:alt", meta.image_alt),
        ("og:locale", og_locale(meta.lang)),
    ]
    props += [("og:locale:alternate", og_locale(other))
              for other in project.config.codes if other != meta.lang]
    lines = [f'<meta property="{name}" content="{escape(value)}">' for name, value in props]
    lines += [f'<meta name="{name}" content="{escape(value)}">' for name, value in (
        ("twitter:card", "summary_large_image"),
        ("twitter:title", meta.title),
        ("twitter:description", meta.description),
        ("twitter:image", meta.image),
        ("twitter:image:alt", meta.image_alt),
    )]
    return "\n".join(lines) + "\n"


def link_meta(project: Project, link: ShortLink, lang: str) -> PageMeta:
    """The preview of a short link: the target module's, so a pasted short link looks right."""
    if link.page is not None:  # a page code: the page's own preview
        stem = link.page.rstrip("/")
        path = f"{stem}/index.md" if stem.startswith(f"{TRACKS}/") else f"{stem}.md"
        return page_meta(project, PageRef(path, lang), link_title(project, link, lang),
                         f"{project.config.prefix(lang)}{link.page_url}")
    entry = project.modules[link.slug]
    page = f"{project.config.prefix(lang)}{link.page_url}"
    ref = PageRef(lesson_source(link.slug), lang)
    return page_meta(project, ref, link_title(project, link, lang), page,
                     entry.data.summary[lang])
