"""Every route of the site, in both languages, with directory URLs on and off: one table.

Each row names a route, its arguments and the URL it must give for the default language
('id', no prefix) and for English ('en/'), and the file that serves it. The rows are what a
reader types or a page links to, so changing one is a broken link somewhere: change the
table only together with a redirect.
"""

from __future__ import annotations

import pytest

from bekal.routes import Routes, module_of_source, relative, source_link

PREFIXES = {"id": "", "en": "en/"}
ON = Routes(PREFIXES, directory_urls=True)
OFF = Routes(PREFIXES, directory_urls=False)

# route, arguments after the language, URL with directory URLs, URL without
TABLE = [
    ("home", (), "", "index.html"),
    ("lesson", ("dokumen",), "modul/dokumen/", "modul/dokumen/index.html"),
    ("track", ("hak",), "jalur/hak/", "jalur/hak/index.html"),
    ("trainer_guide", ("dokumen",), "modul/dokumen/pelatih/", "modul/dokumen/pelatih.html"),
    ("trainers_hub", (), "pelatih/", "pelatih/index.html"),
    ("worksheet", ("dokumen",), "modul/dokumen/lembar-kerja/",
     "modul/dokumen/lembar-kerja/index.html"),
    ("answer_key", ("dokumen",), "modul/dokumen/kunci/", "modul/dokumen/kunci/index.html"),
    ("slides", ("dokumen",), "modul/dokumen/slide/", "modul/dokumen/slide/index.html"),
    ("handout_pdf", ("dokumen",), "modul/dokumen/bekal-dokumen-{lang}.pdf",
     "modul/dokumen/bekal-dokumen-{lang}.pdf"),
    ("booklet", ("hak",), "jalur/hak/bekal-hak-{lang}.pdf", "jalur/hak/bekal-hak-{lang}.pdf"),
    ("short_link", ("p1",), "go/p1/", "go/p1/index.html"),
    ("qr_image", ("p1", "svg"), "kreator/qr/p1.svg", "kreator/qr/p1.svg"),
    ("qr_image", ("p1", "png"), "kreator/qr/p1.png", "kreator/qr/p1.png"),
    ("creator_module", ("dokumen",), "modul/dokumen/kreator/",
     "modul/dokumen/kreator/index.html"),
    ("checker", (), "cek-tawaran/", "cek-tawaran/index.html"),
    ("search", (), "cari/", "cari.html"),
    ("not_found", (), "404.html", "404.html"),
    ("session_count", (), "pelatih/hitung/", "pelatih/hitung/index.html"),
    ("contact_card", ("indonesia",), "kontak/bekal-indonesia.vcf",
     "kontak/bekal-indonesia.vcf"),
    ("near_prints", (), "bantuan-terdekat/", "bantuan-terdekat/"),
    ("wallet_card", ("hk",), "kartu/kartu-hk-{lang}.pdf", "kartu/kartu-hk-{lang}.pdf"),
    ("wallet_card", ("hk", True), "kartu/kartu-hk-a4-{lang}.pdf", "kartu/kartu-hk-a4-{lang}.pdf"),
]


@pytest.mark.parametrize("lang", list(PREFIXES))
@pytest.mark.parametrize(("route", "args", "on", "off"), TABLE,
                         ids=[f"{row[0]}-{'-'.join(map(str, row[1]))}" for row in TABLE])
def test_every_route_in_both_languages_with_directory_urls_on_and_off(route, args, on, off,
                                                                       lang):
    prefix = PREFIXES[lang]
    assert getattr(ON, route)(lang, *args) == prefix + on.format(lang=lang)
    assert getattr(OFF, route)(lang, *args) == prefix + off.format(lang=lang)


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_a_preview_card_sits_in_the_language_folder_of_the_cards(lang):
    """Cards are named by language, not under the language prefix (one assets folder)."""
    assert ON.preview_card(lang, "modul", "dokumen") == \
        f"assets/bekal/cards/{lang}/modul-dokumen.png"


@pytest.mark.parametrize(("routes", "url", "file"), [
    (ON, "modul/x/", "modul/x/index.html"),
    (ON, "", "index.html"),
    (ON, "en/go/p1/#langkah", "en/go/p1/index.html"),
    (ON, "modul/x/bekal-x-id.pdf", "modul/x/bekal-x-id.pdf"),
    (OFF, "modul/x/index.html", "modul/x/index.html"),
    (OFF, "bantuan.html", "bantuan.html"),
])
def test_the_file_that_serves_a_url(routes, url, file):
    assert routes.file(url) == file


@pytest.mark.parametrize(("routes", "page", "sources"), [
    (ON, "modul/x/", "modul/x/sumber/"),
    (ON, "en/bantuan/", "en/bantuan/sumber/"),
    (ON, "", "sumber/"),
    (ON, "en/", "en/sumber/"),
    (OFF, "modul/x/index.html", "modul/x/sumber/index.html"),
    (OFF, "bantuan.html", "bantuan/sumber/index.html"),
    (OFF, "index.html", "sumber/index.html"),
])
def test_a_pages_sources_page_sits_in_its_folder(routes, page, sources):
    assert routes.sources_page(page) == sources


@pytest.mark.parametrize(("routes", "source", "url"), [
    (ON, "index.md", "en/"),
    (ON, "bantuan.md", "en/bantuan/"),
    (ON, "modul/x/index.md#langkah", "en/modul/x/#langkah"),
    (ON, "modul/x/pelatih.md", "en/modul/x/pelatih/"),
    (ON, "modul/x/foto.jpg", "en/modul/x/foto.jpg"),
    (OFF, "index.md", "en/index.html"),
    (OFF, "bantuan.md", "en/bantuan.html"),
    (OFF, "modul/x/index.md", "en/modul/x/index.html"),
])
def test_an_authored_page_gets_the_url_mkdocs_gives_it(routes, source, url):
    assert routes.page("en", source) == url


@pytest.mark.parametrize(("source_dir", "href", "url"), [
    ("modul/x", "../y/index.md", "modul/y/"),
    ("modul/x", "../y/index.md#biaya", "modul/y/#biaya"),
    ("modul/x", "../../bantuan.md", "bantuan/"),
    ("modul/x", "bekal-x-id.pdf", "modul/x/bekal-x-id.pdf"),
    ("modul/x", "#langkah", "#langkah"),
])
def test_a_link_an_author_wrote_leads_to_the_page_it_names(source_dir, href, url):
    assert ON.authored_link("id", source_dir, href) == url


@pytest.mark.parametrize(("from_url", "to_url", "link"), [
    ("modul/x/", "modul/y/", "../y/"),
    ("modul/x/", "modul/x/", "./"),
    ("modul/x/", "", "../../"),
    ("", "bantuan/", "bantuan/"),
    ("en/modul/x/slide/", "en/modul/x/#langkah", "../#langkah"),
    ("modul/x/", "modul/x/bekal-x-id.pdf", "bekal-x-id.pdf"),
    ("en/go/p1/", "en/modul/x/", "../../modul/x/"),
    ("modul/x/index.html", "modul/y/index.html", "../y/index.html"),  # directory URLs off
    ("bantuan.html", "cari.html", "cari.html"),
])
def test_relative_links_work_from_any_page_and_from_a_usb_stick(from_url, to_url, link):
    assert relative(from_url, to_url) == link


def test_markdown_links_between_sources_and_the_module_pages():
    assert source_link("jalur/hak/index.md", "modul/kontrak/index.md") == \
        "../../modul/kontrak/index.md"
    assert source_link("index.md", "modul/kontrak/index.md") == "modul/kontrak/index.md"
    assert module_of_source("modul/kontrak/pelatih.md") == ("kontrak", "pelatih")
    assert module_of_source("modul/kontrak/index.md") == ("kontrak", "index")
    assert module_of_source("jalur/hak/index.md") is None
    assert module_of_source("modul/kontrak/foto.md") is None
