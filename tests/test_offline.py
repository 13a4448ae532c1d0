"""The offline bundle: built once with ``bekal offline``, unzipped, then opened from file://."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from bekal.model.project import load_project
from conftest import ROOT, shared

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
MODULES = [entry for _, entry in sorted(PROJECT.modules.items()) if entry.module]
ZIP_NAME = re.compile(r"^bekal-offline-\d{4}-\d{2}-\d{2}\.zip$")
URL_ATTR = re.compile(r'\b(?:href|src)="([^"]*)"')
# Schemes the browser uses for itself (its PDF viewer); anything else would be a network request.
BROWSER_OWN = ("file", "data", "blob", "about", "chrome", "chrome-extension")


@pytest.fixture(scope="module")
def zipped(tmp_path_factory) -> Path:
    # --preview: this bundle is only looked at here, never handed out (its QR codes lead to
    # 127.0.0.1 unless BEKAL_SITE_URL is set)
    with shared(tmp_path_factory, "offline") as out:
        if not list(out.glob("*.zip")):
            result = subprocess.run(
                [sys.executable, "-m", "bekal.cli", "--root", str(ROOT), "offline",
                 "--out", str(out), "--preview"], capture_output=True, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            assert result.returncode == 0, result.stdout + result.stderr
    archives = list(out.glob("*.zip"))
    assert len(archives) == 1 and ZIP_NAME.match(archives[0].name), archives
    return archives[0]


def test_a_bundle_for_handing_out_refuses_a_local_address(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "BEKAL_SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(ROOT), "offline",
                             "--out", str(tmp_path)], capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"mkdocs\.yml:\d+: \[site-url-local\] .*127\.0\.0\.1", output), output
    assert "BEKAL_SITE_URL" in output and "--preview" in output
    assert "Traceback" not in output
    assert not list(tmp_path.iterdir())  # nothing built


def test_offline_excerpts_start_with_the_lesson_text(tmp_path):
    from bekal.pipeline.offline.search import page_entry

    meta = PROJECT.t("id", "module_meta_reader", track="Jalur A", reading="±5 menit membaca",
                     code="f3")
    html = ('<html lang="id"><body><article class="md-content__inner" data-pagefind-body>'
            f'<h1 id="x">Judul modul</h1><p class="bekal-meta">{meta}</p>'
            '<div class="admonition abstract"><p>Setelah modul ini Anda bisa.</p></div>'
            '</article></body></html>')
    page = tmp_path / "modul" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(html, "utf-8")
    lang, (path, title, text) = page_entry(tmp_path, page, marked_only=True)
    assert (lang, path, title) == ("id", "modul/x/index.html", "Judul modul")
    assert text == "Setelah modul ini Anda bisa."


def test_the_bundle_index_has_no_metadata_line(bundle):
    for lang in LANGS:
        script = (bundle / f"assets/bekal-offline/index-{lang}.js").read_text("utf-8")
        track = PROJECT.track(MODULES[0].data.track).title[lang]
        meta_start = PROJECT.t(lang, "module_meta_reader", track=track, reading="", code="")
        assert meta_start.split("·")[0].strip() not in script, lang  # "Jalur: ..."


@pytest.fixture(scope="module")
def bundle(zipped) -> Path:
    """The bundle as a trainer gets it: unzipped from the zip file."""
    target = zipped.parent / "usb"
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(target)
    folders = list(target.iterdir())
    assert [f.name for f in folders] == [zipped.stem], "one folder named like the zip"
    return folders[0]


def test_bundle_holds_both_languages_pdfs_slides_and_worksheets(bundle):
    expected = ["index.html", "README.txt"]
    for lang in LANGS:
        prefix = PROJECT.config.prefix(lang)
        expected += [f"{prefix}index.html", f"{prefix}pelatih/index.html",
                     f"{prefix}cari/index.html", f"assets/bekal-offline/index-{lang}.js"]
        for entry in MODULES:
            base = f"{prefix}modul/{entry.slug}/"
            expected += [base + page for page in (
                "index.html", "pelatih/index.html", "slide/index.html",
                "lembar-kerja/index.html", "kunci/index.html", f"bekal-{entry.slug}-{lang}.pdf")]
        expected += [f"{prefix}jalur/{t}/bekal-{t}-{lang}.pdf" for t in PROJECT.tracks
                     if PROJECT.modules_of(t)]
        # the session kit: tests and certificates per track, sheets for every session
        expected += [f"{prefix}jalur/{t}/pelatih/{name}" for t in PROJECT.tracks
                     if PROJECT.modules_of(t)
                     for name in ("tes-awal.pdf", "tes-akhir.pdf", "kunci-tes.pdf",
                                  "sertifikat.pdf")]
        expected += [f"{prefix}pelatih/{name}" for name in (
            "daftar-hadir.pdf", "umpan-balik.pdf", "rekap-umpan-balik.pdf",
            "hitung/index.html")]
    assert [path for path in expected if not (bundle / path).is_file()] == []
    assert not list(bundle.rglob("404.html"))
    readme = (bundle / "README.txt").read_text("utf-8")
    assert all(PROJECT.t(lang, "offline_readme") in readme for lang in LANGS)


def test_every_link_in_the_bundle_opens_a_file(bundle):
    """From file:// a link to a folder shows a folder listing: every local link names a file."""
    bad = []
    for page in bundle.rglob("*.html"):
        html = page.read_text("utf-8")
        urls = URL_ATTR.findall(html) + re.findall(r'content="\d+;\s*url=([^"]+)"', html)
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or bundle.resolve() not in target.parents:
                bad.append(f"{page.relative_to(bundle)}: {url}")
    assert bad == []


def test_no_page_loads_anything_from_the_network(bundle):
    for page in bundle.rglob("*.html"):
        html = page.read_text("utf-8")
        loaded = re.findall(r'<(?:script|img|iframe)\b[^>]*\bsrc="([^"]+)"', html)
        loaded += re.findall(r'<link\b[^>]*\brel="(?:stylesheet|icon|preload|modulepreload)"'
                             r'[^>]*\bhref="([^"]+)"', html)
        assert [u for u in loaded if urlsplit(u).scheme or u.startswith("//")] == [], page


def _watch(page) -> tuple[list[str], list[str]]:
    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    # cancelled by moving on to the next page (net::ERR_ABORTED) is not a failure
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}")
            if r.failure != "net::ERR_ABORTED" else None)
    return requested, failed


def _at(page, bundle: Path, path: str, lang: str) -> None:
    page.wait_for_load_state()
    assert page.url.split("#")[0].split("?")[0] == (bundle / path).as_uri()
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.browser
def test_bundle_works_from_file_with_no_network(page, bundle):
    requested, failed = _watch(page)
    page.goto((bundle / "index.html").as_uri())
    _at(page, bundle, "index.html", "id")

    # link 1: the help button in the header
    page.locator("a.bekal-help").click()
    _at(page, bundle, "bantuan/index.html", "id")
    # the language switch: the same page in English
    page.locator("header a[hreflang='en']").click()
    _at(page, bundle, "en/bantuan/index.html", "en")

    # search from the header's search link, and open the first hit
    page.locator("header a.bekal-header-link", has_text=PROJECT.t("en", "search_button")).click()
    _at(page, bundle, "en/cari/index.html", "en")
    page.fill("#bekal-search-q", "passport")
    page.press("#bekal-search-q", "Enter")
    hits = page.locator(".bekal-search__results li a")
    hits.first.wait_for()
    assert "passport" in page.locator(".bekal-search__results mark").first.inner_text().lower()
    first = hits.first.get_attribute("href")
    hits.first.click()
    page.wait_for_load_state()
    assert page.url.startswith((bundle / "en").as_uri() + "/") and first.endswith(".html")

    # link 2: the trainers' hub from the navigation; link 3: a module's slides from there
    page.locator("nav.md-nav--primary a[href$='pelatih/index.html']").first.click()
    _at(page, bundle, "en/pelatih/index.html", "en")
    slug = PROJECT.modules_of(PROJECT.ordered_tracks()[0].id)[0].slug
    page.locator(f"a[href$='{slug}/slide/index.html']").click()
    _at(page, bundle, f"en/modul/{slug}/slide/index.html", "en")
    page.keyboard.press("ArrowRight")
    assert page.locator(".deck-now").inner_text() == "2"

    # the trainer guide, its handout PDF, and back in Indonesian
    page.locator(".deck-bar a", has_text=PROJECT.t("en", "back_to_guide")).click()
    _at(page, bundle, f"en/modul/{slug}/pelatih/index.html", "en")
    page.locator("header a[hreflang='id']").click()
    _at(page, bundle, f"modul/{slug}/pelatih/index.html", "id")
    with page.expect_response(lambda r: r.url.endswith(".pdf")) as pdf:
        page.locator(f".bekal-kit a[href$='bekal-{slug}-id.pdf']").click()
    assert pdf.value.ok and pdf.value.url == (bundle / f"modul/{slug}/bekal-{slug}-id.pdf").as_uri()

    assert failed == []
    network = [u for u in requested if urlsplit(u).scheme not in BROWSER_OWN]
    assert network == [], "requests outside file://"
    assert any(u.endswith(".pdf") for u in requested)


@pytest.mark.browser
def test_offline_search_is_per_language_and_knows_indonesian_affixes(page, bundle):
    page.goto((bundle / "cari/index.html").as_uri() + "?q=menipu")
    page.locator(".bekal-search__results li").first.wait_for()
    marks = [m.lower() for m in page.locator(".bekal-search__results mark").all_inner_texts()]
    assert "penipuan" in marks, marks
    links = page.locator(".bekal-search__results li a")
    urls = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    assert urls and not [u for u in urls if u.startswith((bundle / "en").as_uri())]
    page.goto((bundle / "en/cari/index.html").as_uri() + "?q=penipuan")
    page.locator(".bekal-search__status").filter(has_text="penipuan").wait_for()
    links = page.locator(".bekal-search__results li a")
    urls = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    assert all(u.startswith((bundle / "en").as_uri()) for u in urls)
