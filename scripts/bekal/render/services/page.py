"""The "Help near you" page: places by province and district, and the filter's assets.

The marker becomes Markdown headings (so every province and district has an anchor and a
place in the table of contents) around HTML lists; fact references stay in, for the
adapter to render like everywhere else. Without JavaScript the page is a grouped list
with a table of contents; with it, a search box filters by district or village.
"""

from __future__ import annotations

import re
from html import escape

from bekal.model import trust
from bekal.model.project import Project
from bekal.model.schema import Place
from bekal.model.services import District, Province, grouped, place_trust
from bekal.outputs import Output
from bekal.render.assetbundle import AssetBundle

from .prints import ProvinceSet, human_size

BUNDLE = AssetBundle("bekal-near", {"js": "near.js", "css": "near.css"})


def _date(project: Project, lang: str, value) -> str:
    """'10 Juni 2021', 'Desember 2025', '2019'; 'tanpa tanggal' when the source has none."""
    return trust.human_date(value, lang) or project.t(lang, "near_undated")


def district_title(project: Project, lang: str, district: District, abroad: bool) -> str:
    if abroad:
        return district.name
    key = "near_city" if district.city else "near_regency"
    return project.t(lang, key, name=district.name)


def _place(project: Project, lang: str, key: str, place: Place) -> str:
    t = lambda key, **kw: escape(project.t(lang, key, **kw))  # noqa: E731
    name = escape(place.name.get(lang) or place.name[project.config.default])
    offers = ", ".join(project.t(lang, f"near_offer_{o}") for o in place.offers)
    lines = [f'<p class="bekal-place__name"><strong>{name}</strong> '
             f'<span class="bekal-place__kind">{t("near_kind_" + place.kind.replace("-", "_"))}'
             "</span></p>",
             f"<p>{t('near_offers')} {escape(offers)}.</p>"]
    if place.village:
        lines.append(f"<p>{t('near_village', name=place.village)}</p>")
    reach = [f"{{{{fact:{ref}}}}}" for ref in place.contacts]
    if place.address:
        reach.append(f"{t('near_address')} {{{{fact:{place.address}}}}}")
    if place.reach:
        reach.append(escape(place.reach.get(lang) or place.reach[project.config.default]))
    if reach:
        lines.append(f'<p class="bekal-place__reach">{t("near_reach")} ' + " · ".join(reach)
                     + "</p>")
    if place.hours:
        lines.append(f"<p>{t('near_hours')} "
                     f"{escape(place.hours.get(lang) or place.hours[project.config.default])}</p>")
    sources = "; ".join(
        escape(check.outlet or check.source) + f" ({_date(project, lang, check.source_date)})"
        for check in sorted(place.checks, key=lambda c: c.against != "official"))
    mark = "" if place_trust(place) == "official" else f" · {t('fact_mark_secondary')}"
    lines.append(f'<p class="bekal-place__source"><small>{t("near_source")} {sources}{mark}'
                 "</small></p>")
    anchor = escape(key.replace(".", "-").replace("_", "-"))
    return f'<li class="bekal-place" id="tempat-{anchor}">' \
           + "\n".join(lines) + "</li>"


def _print_link(project: Project, lang: str, province: Province, prints: ProvinceSet | None,
                page_url: str) -> str:
    pdf = prints.pdfs.get(province.id) if prints and prints.lang == lang else None
    if pdf is None:
        return ""
    label = project.t(lang, "near_print", province=province.name, pages=pdf.pages,
                      size=human_size(project, lang, pdf.size))
    return (f'<p class="bekal-near__print"><a href="{escape(prints.href(page_url, province.id))}"'
            f' type="application/pdf">{escape(label)}</a></p>\n\n')


MARKER = re.compile(r"<!--\s*bekal:services\s*-->")


def expand(project: Project, markdown: str, lang: str, page_url: str,
           prints: ProvinceSet | None = None) -> tuple[str, bool]:
    """The page with its marker replaced, and whether it had one (it then needs the script)."""
    if not MARKER.search(markdown):
        return markdown, False
    return MARKER.sub(lambda _: services_markdown(project, lang, page_url, prints),
                      markdown), True


def services_markdown(project: Project, lang: str, page_url: str = "",
                      prints: ProvinceSet | None = None) -> str:
    """The whole registry for the marker: filter, contents, then province by province."""
    t = lambda name, **kw: project.t(lang, name, **kw)  # noqa: E731
    provinces = grouped(project)
    parts = [
        f'<div class="bekal-near__filter" data-found="{escape(t("near_found"))}" '
        f'data-none="{escape(t("near_none"))}" hidden>\n'
        f'<label for="bekal-near-q">{escape(t("near_filter_label"))}</label>\n'
        f'<input id="bekal-near-q" type="search" autocomplete="off" '
        f'aria-describedby="bekal-near-hint bekal-near-count">\n'
        f'<p id="bekal-near-hint" class="bekal-near__hint">{escape(t("near_filter_hint"))}</p>\n'
        '<p id="bekal-near-count" class="bekal-near__count" role="status"></p>\n</div>\n',
        f"{t('near_contents')}\n",
        "\n".join(f"- [{p.name}](#{p.id}): "
                  + ", ".join(f"[{d.name}](#{_district_id(p, d)})" for d in p.districts)
                  for p in provinces) + "\n",
    ]
    for province in provinces:
        parts.append(f'<div class="bekal-near__province" data-province="{province.id}" '
                     f"markdown>\n\n## {province.name} {{#{province.id}}}\n\n"
                     + _print_link(project, lang, province, prints, page_url))
        for district in province.districts:
            terms = " ".join([*district.search_terms(), province.id.replace("-", " ")])
            places = "\n".join(_place(project, lang, key, place)
                               for key, place in district.places)
            parts.append(
                f'<div class="bekal-near__district" data-search="{escape(terms)}" markdown>\n\n'
                f"### {district_title(project, lang, district, province.abroad)} "
                f"{{#{_district_id(province, district)}}}\n\n"
                f'<ul class="bekal-places">\n{places}\n</ul>\n\n</div>\n')
        parts.append("</div>\n")
    return "\n".join(parts)


def _district_id(province: Province, district: District) -> str:
    return ("luar-" if province.abroad else "kab-") + district.id


def asset_urls() -> dict[str, str]:
    return BUNDLE.urls()


def asset_outputs() -> list[Output]:
    return BUNDLE.outputs()
