"""The page that counts a group's before/after results, per language: it works from file://."""

from __future__ import annotations

from markupsafe import Markup

from bekal.model.pageref import PageRef
from bekal.model.project import Project
from bekal.outputs import Output, page
from bekal.render.creator import meta
from bekal.render.kitpage import Link, asset, icon, kit_styles, templates
from bekal.routes import SESSION_COUNT_SOURCE, relative

from . import paths
from .build import SessionSet


def _tests(project: Project, sessions: SessionSet, lang: str) -> list[dict]:
    tests = []
    for key, kit in sessions.kits.items():
        title = kit.paper.title.get(lang) or kit.paper.title.get(project.config.default, "")
        unit = project.t(lang, "session_unit_module" if kit.paper.kind == "module"
                         else "session_unit_track")
        tests.append({"id": key.replace(":", "-"), "questions": kit.questions,
                      "title": f"{unit}: {title} ({kit.questions})"})
    return tests


def count_page(project: Project, sessions: SessionSet, lang: str) -> tuple[str, str]:
    """(site path of the page's folder, its HTML)."""
    t = lambda key, **values: project.t(lang, key, **values)  # noqa: E731
    here = paths.tally_page(project, lang)
    others = [Link(relative(here, paths.tally_page(project, other.code)), other.name, other.code)
              for other in project.config.languages if other.code != lang]
    sheets = [Link(relative(here, pdf.site_path), _sheet_label(project, lang, name))
              for name, pdf in sessions.common.items()]
    words = {"before": t("count_before"), "after": t("count_after"),
             "participant": t("tally_participant"), "total": t("tally_total"),
             "cell": t("count_cell"), "peopleDone": t("count_people_done")}
    head = meta.page_meta(project, PageRef(SESSION_COUNT_SOURCE, lang), t("count_title"), here,
                          t("count_intro"))
    html = templates().get_template("session-count.html").render(
        lang=lang, title=t("count_title"), site_name="Bekal", description=head.description,
        canonical=head.url, head_tags=Markup(meta.head_tags(project, head)),
        icon=icon(project, here), css=kit_styles("trainer-print.css", "session-count.css"),
        script=asset("session-count.js"), t=t, others=others, sheets=sheets, words=words,
        hub=Link(relative(here, paths.common_folder(project, lang)), t("back_to_hub")),
        tests=_tests(project, sessions, lang))
    return here, html


def _sheet_label(project: Project, lang: str, name: str) -> str:
    if name.startswith("tally-"):
        return project.t(lang, "tally_title", count=name.split("-", 1)[1])
    return project.t(lang, f"{name}_title")


def count_output(project: Project, sessions: SessionSet, lang: str) -> Output:
    url, html = count_page(project, sessions, lang)
    return page(project.routes.file(url), html)
