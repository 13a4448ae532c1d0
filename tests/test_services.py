"""Help near home: the services registry, its checks, the page and its filter, print views."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from bekal.checks import run_checks
from bekal.model.project import load_project
from bekal.model.services import normalise
from bekal.render.services import grouped, services_markdown
from conftest import ROOT, fixture_project, make_project

CHECK = """
    checks:
      - date: 2026-12-01
        against: secondary
        source: https://example.org/news/1
        source_date: 2025-01-02
        method: stored-copy
"""


def place(key: str, district: str, kind: str = "village-service", extra: str = "",
          name: str = "Layanan desa") -> str:
    return (f"{key}:\n  kind: {kind}\n  name: {{id: {name}, en: Village service}}\n"
            f"  province: Jawa Tengah\n  district: {district}\n  offers: [information]\n"
            f"{extra}" + CHECK.replace("\n    ", "\n  ").rstrip() + "\n\n")


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p")


def line_of(registry: str, text: str, nth: int = 0) -> int:
    """The 1-based line of the ``nth`` line of ``registry`` that contains ``text``."""
    return [i for i, line in enumerate(registry.split("\n"), 1) if text in line][nth]


def issues_of(root: Path, registry: str, code: str):
    (root / "modules" / "layanan.yml").write_text(registry, "utf-8")
    found = run_checks(load_project(root))
    return [(i.path, i.line, i.code) for i in found if i.code == code]


def test_names_are_matched_loosely():
    assert normalise("Kab. Lombok-Tengah ") == "lombok tengah"
    assert normalise("KABUPATEN  Wonosobo") == "wonosobo"
    assert normalise("Kota Kupang") == "kupang"
    assert normalise("Dési") == "desi"


def test_a_district_written_two_ways_is_an_error_at_its_line(project):
    registry = place("a.one", "Lombok Tengah") + place("a.two", "Lombok-Tengah", name="Lain")
    found = issues_of(project, registry, "place-district-spelling")
    assert sorted(line for _, line, _ in found) == [
        line_of(registry, "district: Lombok Tengah"), line_of(registry, "district: Lombok-")]


def test_a_district_named_like_another_districts_alias_is_an_error(project):
    registry = (place("a.one", "Lombok Tengah", extra="  aliases: [Loteng]\n")
                + place("a.two", "Loteng", name="Lain"))
    found = issues_of(project, registry, "place-district-spelling")
    assert [line for _, line, _ in found] == [line_of(registry, "district: Loteng")]


def test_the_same_place_twice_is_an_error(project):
    registry = place("a.one", "Wonosobo") + place("a.two", "wonosobo ")
    assert issues_of(project, registry, "place-duplicate") == [
        ("modules/layanan.yml", line_of(registry, "name:", 1), "place-duplicate")]


def test_contacts_must_be_known_facts_that_reach_someone(project):
    law = "uji.aturan"  # a law fact of the test project: it reaches no one
    registry = place("a.one", "Wonosobo", extra=f"  contacts: [no.such_fact, {law}]\n")
    line = line_of(registry, "contacts:")
    assert issues_of(project, registry, "unknown-fact") == [
        ("modules/layanan.yml", line, "unknown-fact")]
    assert issues_of(project, registry, "place-contact-kind") == [
        ("modules/layanan.yml", line, "place-contact-kind")]


def test_a_place_without_a_source_or_with_an_unknown_kind_is_refused(project):
    no_source = ("a.one:\n  kind: village-service\n  name: {id: X, en: X}\n"
                 "  province: Jawa Tengah\n  district: Wonosobo\n  offers: [information]\n")
    assert issues_of(project, no_source, "schema-missing-field") == [
        ("modules/layanan.yml", 1, "schema-missing-field")]
    odd = place("a.one", "Wonosobo", kind="mosque")
    assert issues_of(project, odd, "schema-type") == [("modules/layanan.yml", 2, "schema-type")]


def test_the_page_groups_by_province_then_district_with_contents(project):
    (project / "modules" / "layanan.yml").write_text(
        place("a.one", "Wonosobo", extra="  aliases: [Wsb]\n  village: Kalibeber\n")
        + place("a.two", "Cilacap"), "utf-8")
    markdown = services_markdown(load_project(project), "en")
    assert "## Jawa Tengah {#jawa-tengah}" in markdown
    assert markdown.index("{#kab-cilacap}") < markdown.index("{#kab-wonosobo}")
    assert "- [Jawa Tengah](#jawa-tengah): [Cilacap](#kab-cilacap), [Wonosobo](#kab-wonosobo)" \
        in markdown
    assert 'data-search="kalibeber wonosobo wsb jawa tengah"' in markdown
    assert "Village: Kalibeber" in markdown
    assert fixture_project().t("en", "fact_mark_secondary") in markdown
    assert '<div class="bekal-near__filter"' in markdown and " hidden>" in markdown


# -- the real registry and site --------------------------------------------------------------

# Every place the founding documents name (shared/reference/seeds/, its README lists them).
FOUNDING = {
    "village-service": ["Indramayu", "Kebumen", "Cilacap", "Wonosobo", "Jember", "Banyuwangi",
                        "Lombok Tengah", "Lembata"],
    "ngo-branch": ["Indramayu", "Kebumen", "Jember", "Banyuwangi", "Kuala Lumpur"],
    "resource-centre": ["Cirebon", "Lampung Timur", "Tulungagung", "Kupang", "Deli Serdang"],
}


def test_the_registry_holds_every_place_the_founding_documents_name():
    project = load_project(ROOT)
    have = {(p.model.kind, p.model.district) for p in project.places.values()}
    missing = [(kind, d) for kind, districts in FOUNDING.items() for d in districts
               if (kind, d) not in have]
    assert missing == []
    assert all(p.model.checks for p in project.places.values())


def test_the_built_page_lists_every_place_with_a_source_in_both_languages(real_site):
    project = load_project(ROOT)
    count = sum(len(d.places) for p in grouped(project) for d in p.districts)
    for lang in project.config.codes:
        html = (real_site / project.config.prefix(lang) / "bantuan-terdekat/index.html"
                ).read_text("utf-8")
        assert html.count('class="bekal-place"') == count
        assert html.count('class="bekal-place__source"') == count
        for province in grouped(project):
            assert f'id="{province.id}"' in html


def test_each_province_prints_on_one_a4_page(real_site):
    project = load_project(ROOT)
    for lang in project.config.codes:
        folder = real_site / project.config.prefix(lang) / "bantuan-terdekat"
        pdfs = sorted(folder.glob("layanan-*.pdf"))
        assert len(pdfs) == len(grouped(project))
        for pdf in pdfs:
            reader = pypdf.PdfReader(pdf)
            assert len(reader.pages) == 1, pdf.name
            box = reader.pages[0].mediabox
            assert (round(box.width), round(box.height)) == (595, 842)


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_filter_finds_a_district_by_its_names(page, site_url, prefix):
    page.goto(f"{site_url}{prefix}bantuan-terdekat/")
    box = page.locator("#bekal-near-q")
    for typed, district in (("Wonosobo", "kab-wonosobo"), ("loteng", "kab-lombok-tengah"),
                            ("Kab. Lombok-Tengah", "kab-lombok-tengah"),
                            ("KABUPATEN cirebon", "kab-cirebon")):
        box.fill(typed)
        visible = page.locator(".bekal-near__district:visible h3")
        ids = visible.evaluate_all("els => els.map(e => e.id)")
        assert ids == [district], (typed, ids)
        assert re.search(r"\d", page.inner_text("#bekal-near-count"))
    box.fill("zzzz")
    assert page.locator(".bekal-near__district:visible").count() == 0
    assert "zzzz" in page.inner_text("#bekal-near-count")
    box.fill("")
    assert page.locator(".bekal-near__district:visible").count() > 10


@pytest.mark.browser
def test_without_javascript_the_page_is_a_list_with_contents(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}bantuan-terdekat/")
    assert not page.locator("#bekal-near-q").is_visible()
    assert page.locator(".bekal-near__district:visible").count() > 10
    page.click("article a[href='#kab-wonosobo']")
    assert page.url.endswith("#kab-wonosobo")
    context.close()
