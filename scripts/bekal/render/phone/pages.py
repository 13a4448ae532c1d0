"""What the phone features add to the site's own pages, as Markdown-safe HTML blocks.

- the help page: every contact group as call buttons with its "Simpan kontak" card,
  and a link to the job-offer checker;
- a lesson: call buttons at the end of its help section ({#bantuan}) for the numbers that
  section names, a link to the checker in the recruitment and fraud tracks, a share bar
  (the script adds the "done" control and "copy link": they need it);
- the home page and track pages: the checker link (home) and the history box.
Every block is plain links without JavaScript; the script only adds to them.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from bekal.model import shortlinks
from bekal.model.pageref import FACT_REF, PageRef
from bekal.model.project import Project
from bekal.routes import HELP_SOURCE, TRACKS, relative

from . import audio, calls, vcard
from .assets import asset_urls

HELP_PAGE = HELP_SOURCE
HOME_PAGE = "index.md"
TRACK_PAGE = re.compile(rf"^{TRACKS}/([^/]+)/index\.md$")  # routes.track_source
CHECKER_TRACKS = ("rekrutmen", "penipuan")
HELP_SECTION = "bantuan"
_HEADING = re.compile(r"^(#{1,6})\s.*?(?:\{#([A-Za-z0-9_-]+)[^}]*\})?\s*$")


def _block(html: str) -> str:
    """A raw HTML block Markdown leaves alone: blank lines around, one line inside."""
    return f"\n\n{html}\n\n"


def uses_script(ref: PageRef) -> bool:
    return (ref.path in (HELP_PAGE, HOME_PAGE) or ref.kind == "index"
            or bool(TRACK_PAGE.match(ref.path)))


def checker_link(project: Project, lang: str, page_url: str) -> str:
    href = relative(page_url, project.routes.checker(lang))
    return (f'<p class="bekal-tool"><a class="bekal-tool__link" href="{escape(href)}">'
            f'<strong>{escape(project.t(lang, "checker_title"))}</strong> '
            f'<span>{escape(project.t(lang, "checker_teaser"))}</span></a></p>')


def share_bar(project: Project, lang: str, title: str, url: str) -> str:
    """'Bagikan ke WhatsApp' (a plain wa.me link: no request until tapped) and the link.

    The script adds 'Salin tautan' where the browser can copy; without it the link is text."""
    text = project.t(lang, "share_text", title=title, url=url)
    wa = "https://wa.me/?text=" + quote(text, safe="")
    return (f'<p class="bekal-share"><a class="bekal-share__wa" href="{escape(wa)}">'
            f'{escape(project.t(lang, "share_whatsapp"))}</a> '
            f'<span class="bekal-share__url">{escape(url)}</span></p>')


def short_or_canonical(project: Project, lang: str, page: str) -> str:
    """The page's short link when it has a code (modules/page-codes.yml), else its URL."""
    code = shortlinks.page_code(project, page)
    if code:
        return shortlinks.short_url(project, lang, code)
    return project.config.site_url + project.config.prefix(lang) + page


def help_box(project: Project, lang: str, page_url: str) -> tuple[str, list[str]]:
    """Every contact group as buttons with its card to save; and the facts it shows."""
    used: list[str] = []
    groups = []
    for i, loaded in enumerate(project.contacts):
        group = loaded.model
        title = escape(group.title.get(lang) or group.title[project.config.default])
        items = calls.numbers(project, group, lang)
        used += [n.key for n in items]
        body = calls.button_list(project, items, lang) if items else ""
        for note in calls.notes(project, group, lang):
            body += f'<p class="bekal-calls__note">{escape(note)}</p>'
        used += [e.fact for e in group.numbers
                 if e.fact in project.facts and project.fact(e.fact).kind == "text"]
        if items:
            href = relative(page_url, project.routes.contact_card(lang, group.id))
            size = len(vcard.group_file(project, group, lang).encode("utf-8"))
            save = escape(project.t(lang, "save_contacts", group=group.title.get(lang, title)))
            kb = escape(project.t(lang, "file_kb", kb=max(1, round(size / 1024))))
            body += (f'<p><a class="bekal-save" href="{escape(href)}" '
                     f'download="bekal-{group.id}.vcf" type="text/vcard">{save}'
                     f' <small>(.vcf, {kb})</small></a></p>')
        opened = " open" if i == 0 else ""
        groups.append(f'<details class="bekal-calls" id="telepon-{group.id}"{opened}>'
                      f'<summary>{title}</summary>{body}</details>')
    if not groups:
        return "", used
    heading = escape(project.t(lang, "calls_title"))
    intro = escape(project.t(lang, "calls_intro"))
    return (f'<section class="bekal-callbox" aria-labelledby="telepon">'
            f'<h2 id="telepon">{heading}</h2><p>{intro}</p>{"".join(groups)}</section>'), used


def _before_first_section(markdown: str, html: str) -> str:
    """Insert ``html`` before the first '## ' heading (or at the end)."""
    match = re.search(r"^## ", markdown, re.M)
    at = match.start() if match else len(markdown)
    return markdown[:at] + _block(html) + markdown[at:]


def _help_section_end(markdown: str) -> tuple[int, int] | None:
    """(start, end) of the lesson's help section: from its heading to the next '## '."""
    lines = markdown.splitlines(keepends=True)
    offset, start = 0, None
    fence = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line.rstrip("\n"))
        if match and len(match.group(1)) <= 2:
            if start is not None:
                return start, offset
            if match.group(2) == HELP_SECTION and len(match.group(1)) == 2:
                start = offset
        offset += len(line)
    return (start, len(markdown)) if start is not None else None


def lesson_buttons(project: Project, markdown: str, lang: str) -> tuple[str, list[str]]:
    """Call buttons at the end of the help section for the numbers it names."""
    span = _help_section_end(markdown)
    if span is None:
        return markdown, []
    start, end = span
    keys = list(dict.fromkeys(FACT_REF.findall(markdown[start:end])))
    items = [n for n in (calls.number(project, key, lang) for key in keys) if n]
    if not items:
        return markdown, []
    block = _block(calls.button_list(project, items, lang))
    return markdown[:end].rstrip("\n") + block + markdown[end:], [n.key for n in items]


def history_box(project: Project, lang: str) -> str:
    """The home and track pages' 'where you left off', and the clear button."""
    return (f'<section class="bekal-history" aria-labelledby="riwayat" hidden>'
            f'<h2 id="riwayat">{escape(project.t(lang, "history_title"))}</h2>'
            f'<p>{escape(project.t(lang, "history_intro"))}</p>'
            f'<ul class="bekal-history__list"></ul>'
            f'<button type="button" class="bekal-btn bekal-history__clear">'
            f'{escape(project.t(lang, "history_clear"))}</button>'
            f'<p class="bekal-history__status" role="status"></p></section>')


def page_markdown(project: Project, markdown: str, ref: PageRef,
                  title: str | None = None) -> tuple[str, list[str]]:
    """The page's Markdown with the phone blocks; and the facts they show (for Sources).

    Runs before fact references are expanded, on the author's Markdown with the module
    header and footer, so the help section's references are still keys.
    """
    lang, used = ref.lang, []
    url = project.routes.page(lang, ref.path)
    page = url[len(project.config.prefix(lang)):]
    if ref.path == HELP_PAGE:
        box, used = help_box(project, lang, url)
        markdown = _before_first_section(markdown, box + checker_link(project, lang, url))
        markdown += _block(share_bar(project, lang, title or project.t(lang, "help_button"),
                                     short_or_canonical(project, lang, page)))
    elif ref.kind == "index" and ref.module_slug in project.modules:
        entry = project.modules[ref.module_slug]
        markdown, used = lesson_buttons(project, markdown, lang)
        markdown = audio.with_players(project, markdown, entry.slug, lang)
        if entry.module and entry.data.track in CHECKER_TRACKS:
            markdown = _before_first_section(markdown, checker_link(project, lang, url))
        if entry.module:
            m = entry.data
            short = shortlinks.short_url(project, lang, m.code)
            markdown += _block(share_bar(project, lang, m.title[lang], short))
    elif ref.path == HOME_PAGE:
        markdown = _before_first_section(markdown, checker_link(project, lang, url)
                                         + history_box(project, lang))
    elif TRACK_PAGE.match(ref.path):
        track = TRACK_PAGE.match(ref.path).group(1)
        name = project.track(track).title[lang] if track in project.tracks else track
        markdown += _block(history_box(project, lang))
        markdown += _block(share_bar(project, lang, name,
                                     short_or_canonical(project, lang, page)))
    return markdown, used


def with_assets(project: Project, ref: PageRef, html: str, page_url: str) -> str:
    """The page's HTML with the phone stylesheet first and the script last, where used.

    In the page body, not the theme's head, so that the theme can change freely: a
    stylesheet link is allowed in the body, and the deferred script runs after the text."""
    if not uses_script(ref):
        return html
    urls = asset_urls(project, ref.lang)
    css, js = (escape(relative(page_url, urls[kind])) for kind in ("css", "js"))
    return (f'<link rel="stylesheet" href="{css}">\n{html}'
            f'\n<script src="{js}" defer></script>\n')
