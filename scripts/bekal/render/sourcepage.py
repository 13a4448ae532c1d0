"""A reader's page lists its facts' sources on a page of their own, one tap away.

The full sources list (every fact with its value, its trust level, each source, its date and
how it was checked) took 2.5 to 3 KB gzip of a long lesson's page and 4.5 KB of the help
page's (a quarter to two fifths of their HTML), on every view, for a list few readers open.
So a reader's page ends with a short Sources section (how many facts, how many checked
against an official source, and the link), every trust mark beside a fact links to the
fact's entry on the sources page, and the sources page is a light page of its own
(``routes.sources_page``). Pages that are printed as they are keep the whole list at their
foot: the trainers' pages, the kit pages and the job-offer checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from bekal.model.pageref import PageRef
from bekal.model.project import Project
from bekal.model.trust import Level
from bekal.outputs import Output, page
from bekal.render import factrender
from bekal.render.creator import meta
from bekal.render.kitpage import Link, icon, kit_styles, templates
from bekal.routes import HELP_SOURCE, TRAINERS, relative

MARK_LINK = f'href="#{factrender.ANCHOR_PREFIX}'  # the start of every trust mark's link


def keeps_list(ref: PageRef) -> bool:
    """Whether a page carries its whole sources list itself: the trainer guides and the
    trainers' pages, which trainers print as they are."""
    return ref.kind == TRAINERS or ref.path.startswith(f"{TRAINERS}/")


def link_marks(html: str, to_sources: str) -> str:
    """The page's trust marks (and any link to a fact's entry) point at the sources page."""
    return html.replace(MARK_LINK, f'href="{escape(to_sources)}#{factrender.ANCHOR_PREFIX}')


def foot_html(project: Project, keys: list[str], lang: str, to_sources: str) -> str:
    """The short Sources section at the foot of a reader's page ('' without facts)."""
    if not keys:
        return ""
    official = sum(1 for k in keys
                   if factrender.level_of(project, project.fact(k)) == Level.OFFICIAL)
    title = escape(project.t(lang, "sources"))
    summary = escape(project.t(lang, "sources_summary", count=len(keys), official=official))
    more = escape(project.t(lang, "sources_more"))
    return (f'<section class="bekal-sources" aria-labelledby="sumber">'
            f'<h2 id="sumber">{title}</h2><p>{summary}</p>'
            f'<p><a class="bekal-sources__more" href="{escape(to_sources)}">{more}</a></p>'
            f"</section>")


@dataclass(frozen=True)
class SourcedPage:
    """A reader's page whose sources go on a page of their own."""
    ref: PageRef
    url: str          # the page's URL from the site root ('modul/x/')
    title: str        # plain text
    facts: tuple[str, ...]

    def sources_url(self, project: Project) -> str:
        return project.routes.sources_page(self.url)


def page_output(project: Project, sourced: SourcedPage) -> Output:
    """The sources page of ``sourced``: the whole list, a way back, and the help link."""
    lang, here = sourced.ref.lang, sourced.sources_url(project)
    title = project.t(lang, "sources_page_title", title=sourced.title)
    intro = project.t(lang, "sources_page_intro", title=sourced.title)
    head = meta.page_meta(project, sourced.ref, title, here, intro)
    html = templates().get_template("sources-page.html").render(
        lang=lang, title=title, site_name="Bekal", description=head.description,
        canonical=head.url, head_tags=Markup(meta.head_tags(project, head)),
        icon=icon(project, here), intro=intro,
        css=kit_styles("sources-page.css"), nav_label=project.t(lang, "sources_nav"),
        back=Link(relative(here, sourced.url),
                  project.t(lang, "sources_back", title=sourced.title)),
        help=Link(relative(here, project.routes.page(lang, HELP_SOURCE)),
                  project.t(lang, "help_button")),
        sources=Markup(factrender.sources_list(project, sourced.facts, lang)))
    return page(project.routes.file(here), html)


def with_sources(project: Project, ref: PageRef, html: str, url: str, title: str,
                 used) -> tuple[str, SourcedPage | None]:
    """A page's HTML with its sources, and the sources page to write (None when the page
    keeps its list or uses no fact): the whole list for a page that keeps it; else the
    short foot, with every trust mark linked to the sources page."""
    keys = factrender.known_facts(project, used)
    if keeps_list(ref) or not keys:
        return html + factrender.sources_html(project, keys, ref.lang), None
    sourced = SourcedPage(ref, url, title, tuple(keys))
    to_sources = relative(url, sourced.sources_url(project))
    return (link_marks(html, to_sources) + foot_html(project, keys, ref.lang, to_sources),
            sourced)


def outputs(project: Project, sourced: list[SourcedPage]) -> list[Output]:
    """The sources pages of a language's pages, written once its pages are rendered."""
    return [page_output(project, s) for s in sourced]
