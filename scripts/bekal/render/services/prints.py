"""One A4 page per province, for a trainer to print the list for her district's people.

Laid out like the session sheets (packaged font, nothing fetched) and cached by content.
A province that does not fit one page is an error naming modules/layanan.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markupsafe import Markup

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.model.services import Province, grouped, place_trust
from bekal.outputs import Output
from bekal.render.handouts import HandoutError, Pdf
from bekal.render.handouts.cache import PdfCache, cache_key
from bekal.render.handouts.print_facts import print_fact
from bekal.render.handouts.render import (
    font_face_css,
    renderer_fingerprint,
    sealed_layout,
    templates,
)
from bekal.render.handouts.web import human_size
from bekal.resources import TEMPLATES
from bekal.routes import relative

STYLESHEET = TEMPLATES / "near-print.css"

__all__ = ["ProvinceSet", "build_language", "human_size"]


def folder(project: Project, lang: str) -> str:
    return project.routes.near_prints(lang)


@dataclass
class ProvinceSet:
    lang: str = ""
    folder: str = ""
    pdfs: dict[str, Pdf] = field(default_factory=dict)   # province id -> PDF

    def href(self, page_url: str, province_id: str) -> str:
        return relative(page_url, self.pdfs[province_id].site_path)

    def outputs(self) -> list[Output]:
        return [Output(pdf.site_path, "pdf", source=pdf.file) for pdf in self.pdfs.values()]


def _place(project: Project, lang: str, place) -> dict:
    def text(localized):
        return localized.get(lang) or localized.get(project.config.default, "")
    reach = [Markup(print_fact(project, ref, lang)) for ref in place.contacts]
    if place.address:
        reach.append(Markup(escape(project.t(lang, "near_address")) + " ")
                     + Markup(print_fact(project, place.address, lang)))
    if place.reach:
        reach.append(Markup.escape(text(place.reach)))
    return {"name": text(place.name),
            "kind": project.t(lang, "near_kind_" + place.kind.replace("-", "_")),
            "offers": ", ".join(project.t(lang, f"near_offer_{o}") for o in place.offers),
            "reach": Markup(" · ").join(reach), "checked": place_trust(place) == "official"}


def _html(project: Project, lang: str, province: Province, url: str) -> str:
    from .page import district_title

    t = lambda key, **values: project.t(lang, key, **values)  # noqa: E731
    districts = [{"title": district_title(project, lang, d, province.abroad),
                  "places": [_place(project, lang, p) for _, p in d.places]}
                 for d in province.districts]
    return templates().get_template("near-province.html").render(
        lang=lang, province=province.name, districts=districts, url=url, t=t)


def build_language(project: Project, lang: str, cache_dir: Path | None = None) -> ProvinceSet:
    """Every province's page in ``lang`` (empty without a registry)."""
    result = ProvinceSet(lang, folder(project, lang))
    if not project.places:
        return result
    cache = PdfCache(cache_dir or project.root / ".cache" / "layanan")
    css = font_face_css() + STYLESHEET.read_text("utf-8")
    url = project.config.site_url + result.folder
    for province in grouped(project):
        html = _html(project, lang, province, url + "#" + province.id)
        key = cache_key("province", renderer_fingerprint(), css, html)
        entry = cache.get(key)
        if entry is None:
            document = sealed_layout(html, css)
            if len(document.pages) > 1:
                issues = IssueList(project.root)
                issues.add(project.root / "modules" / "layanan.yml", 0, "place-print-too-long",
                           f"the printed list of {province.name} takes {len(document.pages)} "
                           "A4 pages", "shorten the 'reach' texts of its places, or split the "
                           "province's list")
                raise HandoutError(issues[0])
            entry = cache.put(key, document.write_pdf(), 1)
        site_path = result.folder + f"layanan-{province.id}.pdf"
        result.pdfs[province.id] = Pdf(site_path, entry.file, entry.pages,
                                       entry.file.stat().st_size)
    cache.prune()
    return result
