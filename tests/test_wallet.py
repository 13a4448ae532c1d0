"""The wallet card: four bank-card-size panels per destination, and an A4 sheet of eight.

A fixture project with a registry and contacts of its own; the last tests look at the
real site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import yaml
import zxingcpp

from bekal.model.project import load_project
from bekal.render.handouts import HandoutError
from bekal.render.wallet import build_language, card_groups
from conftest import ROOT, make_project

MM = 72 / 25.4
CARD = (85.6 * MM, 54 * MM)
A4 = (595.3, 841.9)


def fact(label: str, value: str, kind: str = "phone") -> dict:
    return {"kind": kind, "label": {"id": f"{label} (id)", "en": f"{label} (en)"},
            "value": value, "confidence": "high",
            "checks": [{"date": "2026-12-01", "against": "official", "method": "stored-copy",
                        "source": "https://example.org/page", "source_date": "2026-01-01"}]}


FACTS = {
    "emergency.xx.police": fact("Police of Xland", "991"),
    "scam.xx.line": fact("Xland anti-scam line", "18 200"),
    "mission.xx.embassy": fact("Indonesian embassy in Xland", "+99 12 3456 7890"),
    "hotline.home.whatsapp": fact("Ministry on WhatsApp", "+62 811-0000-111", "whatsapp"),
    "law.some.title": fact("A law", "Law of Xland", "law"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("wallet"), {"xland": "persiapan"})
    facts = yaml.safe_load((root / "modules" / "facts.yml").read_text("utf-8"))
    facts.update(FACTS)
    (root / "modules" / "facts.yml").write_text(yaml.safe_dump(facts, allow_unicode=True),
                                                "utf-8")
    contacts = [
        {"id": "luar-negeri", "title": {"id": "Dari luar negeri", "en": "From abroad"},
         "numbers": [{"fact": "hotline.home.whatsapp"}]},
        {"id": "xland", "guide": "xland", "title": {"id": "Negeri X", "en": "Xland"},
         "numbers": [{"fact": "emergency.xx.police"}, {"fact": "mission.xx.embassy"},
                     {"fact": "scam.xx.line"}, {"fact": "law.some.title"}]},
    ]
    (root / "modules" / "contacts.yml").write_text(yaml.safe_dump(contacts), "utf-8")
    return root


@pytest.fixture(scope="module")
def cards(project, tmp_path_factory):
    loaded = load_project(project)
    cache = tmp_path_factory.mktemp("cache")
    return {lang: build_language(loaded, lang, cache_dir=cache) for lang in ("id", "en")}


def text(path: Path) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def test_only_groups_with_a_guide_get_a_card(project):
    assert [g.id for g in card_groups(load_project(project))] == ["xland"]


def test_the_card_is_four_bank_card_pages(cards):
    card = cards["en"].cards["xland"].card
    reader = pypdf.PdfReader(card.file)
    assert len(reader.pages) == 4
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(CARD, abs=0.5)
    assert card.site_path == "en/kartu/kartu-xland-en.pdf"


def test_the_qr_code_leads_to_the_destination_guide(project, cards):
    site_url = load_project(project).config.site_url
    for lang, prefix in (("id", ""), ("en", "en/")):
        page = pypdfium2.PdfDocument(cards[lang].cards["xland"].card.file)[0]
        found = [c.text for c in zxingcpp.read_barcodes(page.render(scale=6).to_pil())]
        assert found == [f"{site_url}{prefix}modul/xland/"]


def test_every_number_on_the_card_comes_from_the_registry_in_order(cards):
    card = cards["en"].cards["xland"]
    assert card.numbers == ("emergency.xx.police", "scam.xx.line", "mission.xx.embassy",
                            "hotline.home.whatsapp")  # local first; no text facts
    printed = text(card.card.file)
    for key in card.numbers:
        assert FACTS[key]["value"] in printed
        assert FACTS[key]["label"]["en"] in printed
    values = {FACTS[key]["value"] for key in card.numbers}
    for run in re.findall(r"\+?\d[\d -]{2,}\d", printed):
        assert any(run.strip() in value for value in values), run
    assert "Law of Xland" not in printed
    assert "Passport number" in printed and "Employer's name" in printed


def test_the_a4_sheet_holds_eight_panels_with_cut_marks(cards):
    sheet = cards["id"].cards["xland"].sheet
    reader = pypdf.PdfReader(sheet.file)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)
    printed = text(sheet.file)
    for heading in ("KARTU DARURAT", "Darurat di Negeri X", "Perwakilan Indonesia dan KP2MI",
                    "Data saya"):
        assert printed.count(heading) >= 2, heading
    assert "Potong di garis tanda" in printed


def test_a_card_with_too_many_numbers_is_an_error(project, tmp_path):
    loaded = load_project(project)
    for key in ("emergency.xx.police", "scam.xx.line"):
        label = loaded.fact(key).label
        label["en"] = label["en"] + " with a very long name that wraps" * 12
    with pytest.raises(HandoutError) as err:
        build_language(loaded, "en", cache_dir=tmp_path)
    assert err.value.issue.code == "wallet-card-too-long"


# -- the real site --------------------------------------------------------------------------

def test_every_destination_guide_the_help_page_and_the_hub_offer_the_card(real_site):
    project = load_project(ROOT)
    groups = card_groups(project)
    assert len(groups) == 5
    for lang in project.config.codes:
        prefix = real_site / project.config.prefix(lang)
        for group in groups:
            pdf = f"kartu-{group.id}-{lang}.pdf"
            assert (prefix / "kartu" / pdf).is_file()
            assert (prefix / "kartu" / f"kartu-{group.id}-a4-{lang}.pdf").is_file()
            guide = (prefix / "modul" / group.guide / "index.html").read_text("utf-8")
            assert pdf in guide
        for page in ("bantuan/index.html", "pelatih/index.html"):
            html = (prefix / page).read_text("utf-8")
            assert all(f"kartu-{g.id}-{lang}.pdf" in html for g in groups), page
