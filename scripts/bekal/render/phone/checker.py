"""The job-offer checker, a page of its own: /cek-tawaran/ and /en/cek-tawaran/.

Built from modules/cek-tawaran.yml, the same data as the lessons' checklist question.
The reader ticks what the offer says or asks; the verdict for the number of danger signs
she ticked shows with what to do next. No script: the verdict is chosen by CSS (:has),
and where a browser cannot do that, every verdict stays visible as the rule spelled out.
Nothing she ticks leaves the page; the share link carries the verdict, not her ticks.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bekal.model import shortlinks
from bekal.model.pageref import FACT_REF, PageRef
from bekal.model.project import Project
from bekal.model.schema import Checker, Verdict
from bekal.render import facts
from bekal.render.creator import meta
from bekal.routes import CHECKER, HELP_SOURCE, relative

from . import calls

CHECKER_DATA = "cek-tawaran"
TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                       trim_blocks=True, lstrip_blocks=True)


def verdict_css(checker: Checker) -> str:
    """Show the verdict whose min_flags is the highest not above the ticked danger signs."""
    rules = [".ck-v{display:none}"]
    for v in sorted(checker.verdicts, key=lambda v: v.min_flags):
        if v.min_flags == 0:
            rules.append('.ck-v[data-min="0"]{display:block}')
            continue
        ticked = " ~ ".join([".ck-flag:checked"] * v.min_flags)
        rules.append(f".ck:has({ticked}) .ck-v{{display:none}}"
                     f'.ck:has({ticked}) .ck-v[data-min="{v.min_flags}"]{{display:block}}')
    return "@supports selector(:has(*)){" + "".join(rules) + "}"


def _range(project: Project, lang: str, v: Verdict, after: Verdict | None) -> str:
    top = after.min_flags - 1 if after else None
    if top is None:
        return project.t(lang, "quiz_flags_more", min=v.min_flags)
    if top <= v.min_flags:
        return project.t(lang, "quiz_flags_exact", min=v.min_flags)
    return project.t(lang, "quiz_flags_range", min=v.min_flags, max=top)


def checker_page(project: Project, lang: str) -> tuple[str, str] | None:
    """(site path of the page, its HTML), or None when the data file is missing."""
    loaded = project.checkers.get(CHECKER_DATA)
    if loaded is None:
        return None
    checker: Checker = loaded.model
    routes = project.routes
    here = routes.checker(lang)
    default = project.config.default
    used: list[str] = []

    def text(localized: dict[str, str]) -> Markup:
        raw = localized.get(lang) or localized.get(default, "")
        return Markup(facts.substitute(project, escape(raw), lang, used))

    canonical = project.config.site_url + here
    code = shortlinks.page_code(project, f"{CHECKER}/")
    url = shortlinks.short_url(project, lang, code) if code else canonical
    title = project.t(lang, "checker_title")
    head = meta.page_meta(project, PageRef(f"{CHECKER}.md", lang), title, here,
                          project.t(lang, "checker_teaser"))
    ordered = sorted(checker.verdicts, key=lambda v: v.min_flags)
    verdicts = []
    for v, after in zip(ordered, [*ordered[1:], None], strict=True):
        keys = FACT_REF.findall(v.advice.get(lang) or v.advice[default])
        numbers = [n for n in (calls.number(project, k, lang) for k in dict.fromkeys(keys)) if n]
        share = project.t(lang, "checker_share_text",
                          verdict=v.title.get(lang) or v.title[default], url=url)
        verdicts.append({
            "min": v.min_flags, "range": _range(project, lang, v, after),
            "title": text(v.title), "advice": text(v.advice),
            "buttons": Markup(calls.button_list(project, numbers, lang)) if numbers else "",
            "share": "https://wa.me/?text=" + quote(share, safe=""),
        })
    others = [{"url": relative(here, routes.checker(o.code)),
               "name": o.name, "code": o.code}
              for o in project.config.languages if o.code != lang]
    html = _templates().get_template("checker.html").render(
        lang=lang, title=title, t=lambda key, **kw: project.t(lang, key, **kw),
        canonical=canonical, head_tags=Markup(meta.head_tags(project, head)),
        signs=[{"id": s.id, "flag": bool(s.red_flag), "text": text(s.text),
                "why": text(s.explain)} for s in checker.signs],
        verdicts=verdicts, verdict_css=Markup(verdict_css(checker)),
        home=relative(here, routes.home(lang)),
        help=relative(here, routes.page(lang, HELP_SOURCE)),
        others=others, url=url,
        sources=Markup(facts.sources_html(project, used, lang)))
    return here, html
