"""The session plan on a module's trainer guide, and the trainers' hub, from module.yml.

Both return Markdown for the adapter to put into a page before facts are rendered, so
``{{fact:key}}`` in module.yml texts works here as everywhere. Tables are HTML (a
caption and header cells for screen readers); links to files MkDocs does not know
(PDFs, worksheets, slides) are HTML too, relative to the page's own URL.
"""

from __future__ import annotations

import re
from html import escape

from bekal.model.project import ModuleEntry, Project
from bekal.render.handouts import HandoutSet
from bekal.render.handouts.web import human_size
from bekal.render.sanitize import text as plain
from bekal.routes import TRAINERS, module_of_source, relative

from .kit import Kit, module_kit
from .sessions import SessionSet
from .sessions.links import guide_section, hub_section

HUB_MARKER = re.compile(r"<!--\s*bekal:trainer-hub\s*-->")


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, e.g. 75 -> '1:15'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _list(items: list[str]) -> str:
    return "\n".join(f"- {plain(item)}" for item in items) + "\n"


def _link(url: str, label: str) -> str:
    kind = ' type="application/pdf"' if url.endswith(".pdf") else ""
    return f'<a href="{escape(url)}"{kind}>{escape(label)}</a>'


def activities_table(project: Project, entry: ModuleEntry, lang: str) -> str:
    """One row per activity of module.yml: number, title, minutes, minutes from the start."""
    t = lambda key, **kw: escape(project.t(lang, key, **kw))  # noqa: E731
    m = entry.data
    total = sum(a.minutes for a in m.activities)
    rows, start = [], 0
    for number, activity in enumerate(m.activities, 1):
        end = start + activity.minutes
        rows.append(f"<tr><td>{number}</td><td>{escape(activity.title[lang])}</td>"
                    f"<td>{activity.minutes}</td><td>{start}–{end}</td></tr>")
        start = end
    return (
        '<div class="bekal-plan">\n<table>\n'
        f"<caption>{t('session_activities', minutes=total)}</caption>\n"
        f'<thead><tr><th scope="col">{t("session_number")}</th>'
        f'<th scope="col">{t("session_activity")}</th>'
        f'<th scope="col">{t("session_minutes")}</th>'
        f'<th scope="col">{t("session_time")}</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n"
        f'<tfoot><tr><th scope="row" colspan="2">{t("session_total")}</th>'
        f"<td>{total}</td><td></td></tr></tfoot>\n"
        "</table>\n</div>\n")


def kit_links(project: Project, kit: Kit, lang: str, page_url: str) -> str:
    """The trainer's materials for one module as an HTML list."""
    def item(path: str | None, label: str, extra: str = "") -> str:
        return f"<li>{_link(relative(page_url, path), label)}{extra}</li>\n" if path else ""

    size = human_size(project, lang, kit.handout_size) if kit.handout else ""
    keys = f"<br>\n<small>{escape(project.t(lang, 'kit_slides_keys'))}</small>"
    return ('<ul class="bekal-kit">\n'
            + item(kit.lesson, project.t(lang, "kit_lesson"))
            + item(kit.handout, project.t(lang, "handout_download", size=size))
            + item(kit.worksheet, project.t(lang, "kit_worksheet"))
            + item(kit.key, project.t(lang, "kit_key"))
            + item(kit.slides, project.t(lang, "kit_slides"), keys)
            + "</ul>\n")


def guide_top(project: Project, entry: ModuleEntry, lang: str, page_url: str,
              handouts: HandoutSet | None = None, sessions: SessionSet | None = None) -> str:
    """What a trainer guide starts with: title, session plan and the kit's links."""
    m = entry.data
    track = project.track(m.track).title[lang] if m.track in project.tracks else m.track
    meta = plain(project.t(lang, "module_meta", track=track, minutes=m.minutes, code=m.code))
    kit = module_kit(project, entry, lang, handouts)
    parts = [
        f"# {plain(project.t(lang, 'trainer_guide_title', title=m.title[lang]))}\n",
        f"{meta}\n{{: .bekal-meta }}\n",
        f"## {plain(project.t(lang, 'session_plan'))} {{#rencana-sesi}}\n",
        f"### {plain(project.t(lang, 'session_objectives'))} {{#tujuan}}\n",
        _list(m.objectives.get(lang, [])),
        activities_table(project, entry, lang),
    ]
    if m.materials.get(lang):
        parts += [f"### {plain(project.t(lang, 'session_materials'))} {{#bahan}}\n",
                  _list(m.materials[lang])]
    pdf = handouts.handouts.get(entry.slug) if handouts and handouts.lang == lang else None
    parts += [f"## {plain(project.t(lang, 'trainer_kit'))} {{#bahan-pelatih}}\n",
              kit_links(project, kit, lang, page_url),
              guide_section(project, sessions, entry.slug, lang, page_url,
                            pdf.pages if pdf else 0)]
    return "\n".join(parts) + "\n"


def _hub_kit_cell(project: Project, kit: Kit, lang: str, page_url: str) -> str:
    links = [(kit.guide, "hub_guide"), (kit.handout, "hub_handout"),
             (kit.worksheet, "hub_worksheet"), (kit.key, "hub_key"), (kit.slides, "hub_slides")]
    return " · ".join(_link(relative(page_url, path), project.t(lang, key))
                        for path, key in links if path)


def track_plan(project: Project, track_id: str, lang: str, page_url: str,
               handouts: HandoutSet | None = None, sessions: SessionSet | None = None) -> str:
    """A track's modules in order with minutes, a running clock and their kits."""
    t = lambda key, **kw: escape(project.t(lang, key, **kw))  # noqa: E731
    track = project.track(track_id)
    entries = project.modules_of(track_id)
    total = sum(e.data.minutes for e in entries)
    rows, start = [], 0
    for number, entry in enumerate(entries, 1):
        m = entry.data
        kit = module_kit(project, entry, lang, handouts)
        end = start + m.minutes
        rows.append(
            f"<tr><td>{number}</td><td>{escape(m.code)}</td>"
            f'<td><a href="{escape(relative(page_url, kit.lesson))}">'
            f"{escape(m.title[lang])}</a></td>"
            f"<td>{m.minutes}</td><td>{clock(start)}–{clock(end)}</td>"
            f"<td>{_hub_kit_cell(project, kit, lang, page_url)}</td></tr>")
        start = end
    summary = t("hub_track_total", count=len(entries), minutes=total)
    table = (
        '<div class="bekal-plan bekal-track-plan">\n<table>\n'
        f"<caption>{escape(track.title[lang])}: {summary}</caption>\n"
        f'<thead><tr><th scope="col">{t("session_number")}</th>'
        f'<th scope="col">{t("hub_code")}</th><th scope="col">{t("hub_module")}</th>'
        f'<th scope="col">{t("hub_minutes")}</th><th scope="col">{t("hub_time")}</th>'
        f'<th scope="col">{t("hub_kit")}</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n"
        f'<tfoot><tr><th scope="row" colspan="3">{t("session_total")}</th>'
        f"<td>{total}</td><td>{clock(0)}–{clock(total)}</td><td></td></tr></tfoot>\n"
        "</table>\n</div>\n")
    booklet = ""
    pdf = handouts.booklets.get(track_id) if handouts and handouts.lang == lang else None
    if pdf:
        label = project.t(lang, "booklet_download", size=human_size(project, lang, pdf.size))
        booklet = (f'<p class="bekal-download"><a href="'
                   f'{escape(relative(page_url, project.routes.booklet(lang, track_id)))}" '
                   f'type="application/pdf">{escape(label)}</a></p>\n')
    return (f"## {plain(track.title[lang])} {{#jalur-{track_id}}}\n\n"
            f"{plain(track.description[lang])}\n\n"
            + table + "\n" + booklet + hub_section(project, sessions, track_id, lang, page_url))


def hub(project: Project, lang: str, page_url: str, handouts: HandoutSet | None = None,
        sessions: SessionSet | None = None) -> str:
    return "\n".join(track_plan(project, track.id, lang, page_url, handouts, sessions)
                     for track in project.ordered_tracks() if project.modules_of(track.id))


def expand(project: Project, markdown: str, page_path: str, lang: str, page_url: str,
           handouts: HandoutSet | None = None, sessions: SessionSet | None = None) -> str:
    """The adapter's one call: a trainer guide gets its top, the hub marker its tables."""
    if HUB_MARKER.search(markdown):
        markdown = HUB_MARKER.sub(lambda _: hub(project, lang, page_url, handouts, sessions),
                                  markdown)
    page = module_of_source(page_path)
    entry = project.modules.get(page[0]) if page and page[1] == TRAINERS else None
    if entry is not None and entry.module is not None:
        markdown = (guide_top(project, entry, lang, page_url, handouts, sessions)
                    + "\n" + markdown)
    return markdown
