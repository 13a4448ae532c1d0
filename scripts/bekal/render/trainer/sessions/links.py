"""The session kit on a trainer guide and on the trainers' hub: links and what to print."""

from __future__ import annotations

from html import escape

from bekal.model.project import Project
from bekal.render.handouts.web import human_size
from bekal.routes import relative

from . import paths
from .build import ATTENDANCE_ROWS, SessionKit, SessionSet

# (sheet, how many to print): each participant, the trainer, or one form per four people
PRINT = (("pre", "each"), ("post", "each"), ("key", "one"), ("tally", "one"),
         ("attendance", "rows"), ("feedback", "cards"), ("feedback_tally", "one"),
         ("certificate", "each"))
LABELS = {"pre": "pretest_title", "post": "posttest_title", "key": "test_key_title",
          "certificate": "certificate_title", "attendance": "attendance_title",
          "feedback": "feedback_title", "feedback_tally": "feedback_tally_title"}


def _sheets(sessions: SessionSet, kit: SessionKit) -> list[tuple[str, object]]:
    tally = next(pdf for pdf in sessions.common.values() if pdf.site_path == kit.tally)
    found = {**kit.pdfs, **{n: p for n, p in sessions.common.items() if not n.startswith("tally")},
             "tally": tally}
    return [(name, found[name]) for name, _ in PRINT if name in found]


def _label(project: Project, lang: str, kit: SessionKit, name: str) -> str:
    title = kit.paper.title.get(lang) or kit.paper.title.get(project.config.default, "")
    if name == "tally":
        return project.t(lang, "tally_title", count=kit.questions)
    return project.t(lang, LABELS[name], title=title)


def kit_list(project: Project, sessions: SessionSet, kit: SessionKit, lang: str,
             page_url: str) -> str:
    """Every sheet of the session as a download link with its size, and the counting page."""
    items = []
    for name, pdf in _sheets(sessions, kit):
        size = human_size(project, lang, pdf.size)
        items.append(f'<li><a href="{escape(relative(page_url, pdf.site_path))}" '
                     f'type="application/pdf">{escape(_label(project, lang, kit, name))}</a> '
                     f"<small>(PDF, {escape(size)})</small></li>")
    count = relative(page_url, paths.tally_page(project, lang) + "#"
                     + kit.paper.key.replace(":", "-"))
    items.append(f'<li><a href="{escape(count)}">{escape(project.t(lang, "count_link"))}</a></li>')
    return '<ul class="bekal-kit">\n' + "\n".join(items) + "\n</ul>\n"


def print_list(project: Project, sessions: SessionSet, kit: SessionKit, lang: str,
               handout_pages: int = 0, handout_name: str = "") -> str:
    """What to print for one session, with the page count of each sheet."""
    rows = []
    if handout_pages:
        rows.append(project.t(lang, "session_print_each", name=handout_name, pages=handout_pages))
    how = dict(PRINT)
    for name, pdf in _sheets(sessions, kit):
        rows.append(project.t(lang, f"session_print_{how[name]}", rows=ATTENDANCE_ROWS,
                              name=project.t(lang, f"session_short_{name}"), pages=pdf.pages))
    return ('<ul class="bekal-print-list">\n'
            + "\n".join(f"<li>{escape(row)}</li>" for row in rows) + "\n</ul>\n")


def guide_section(project: Project, sessions: SessionSet | None, slug: str, lang: str,
                  page_url: str, handout_pages: int = 0) -> str:
    """The guide's 'Session kit' and 'What to print' sections, or '' without the kit."""
    kit = sessions.kit("module", slug) if sessions and sessions.lang == lang else None
    if kit is None:
        return ""
    t = lambda key: project.t(lang, key)  # noqa: E731
    handout = t("hub_handout")
    return (f"## {t('session_kit')} {{#bahan-sesi}}\n\n{t('session_kit_intro')}\n\n"
            + kit_list(project, sessions, kit, lang, page_url)
            + f"\n### {t('session_print_title')} {{#yang-dicetak}}\n\n"
            + print_list(project, sessions, kit, lang, handout_pages, handout) + "\n")


def hub_section(project: Project, sessions: SessionSet | None, track_id: str, lang: str,
                page_url: str) -> str:
    kit = sessions.kit("track", track_id) if sessions and sessions.lang == lang else None
    if kit is None:
        return ""
    return (f"<p>{escape(project.t(lang, 'session_hub_intro'))}</p>\n"
            + kit_list(project, sessions, kit, lang, page_url))
