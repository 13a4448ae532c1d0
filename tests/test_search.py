"""Search: Pagefind, one index per language, Indonesian stemming, nothing loaded before a search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bekal.model.project import load_project
from bekal_measure.pagetypes import built_pages
from conftest import ROOT, make_project, run_build, serve

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
UNIQUE_ID_WORD = "berkedok"  # only in the Indonesian text of the fixture's untranslated page
# the search has answered: the status says something other than "Searching…"
DONE = ("() => { const s = document.querySelector('.bekal-search__status');"
        " const f = document.querySelector('form.bekal-search');"
        " return s.textContent && s.textContent !== f.dataset.searching.replace('{query}', ''); }")


def search(page, base: str, lang_prefix: str, query: str) -> tuple[list[str], list[str]]:
    """Search on the search page of a language; return result URLs and highlighted words."""
    page.goto(f"{base}{lang_prefix}cari/?q={query}")
    status = page.locator(".bekal-search__status")
    page.wait_for_function(DONE, timeout=15000)
    assert query in status.inner_text()
    links = page.locator(".bekal-search__results a")
    urls = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    marks = page.locator(".bekal-search__results mark").all_inner_texts()
    return urls, [m.lower() for m in marks]


def test_one_index_per_language(real_site):
    entry = json.loads((real_site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == set(LANGS)
    for lang, index in entry["languages"].items():
        assert index["page_count"] > 0, lang


def test_a_search_page_per_language_in_its_language(real_site):
    for lang in LANGS:
        html = (real_site / PROJECT.config.prefix(lang) / "cari/index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in html
        assert PROJECT.t(lang, "search_label") in html
        assert PROJECT.t(lang, "search_noscript") in html  # what readers without JS see
        assert re.search(r'<form class="bekal-search" role="search" method="get"', html)


def test_search_link_in_the_header_of_every_page(real_site):
    """Every page with the site's header (printables and slides have none)."""
    with_header = [p for p in built_pages(real_site)
                   if 'class="md-header' in p.read_text("utf-8")]
    assert len(with_header) >= 2 * (8 + len(PROJECT.tracks) + 2 * len(PROJECT.modules))
    for path in with_header:
        rel = path.relative_to(real_site).as_posix()
        lang = "en" if rel.startswith("en/") else PROJECT.config.default
        header = path.read_text("utf-8").split("<header", 1)[1].split("</header>", 1)[0]
        match = re.search(r'<a class="md-header__button bekal-header-link" href="([^"]+)">\s*'
                          r'<span class="bekal-icon bekal-icon--search"', header)
        assert match, f"no search link in the header of {rel}"
        href = match.group(1)  # 404 pages link from the site root
        target = (real_site / href.lstrip("/") if href.startswith("/")
                  else path.parent / href).resolve()
        assert target == (real_site / PROJECT.config.prefix(lang) / "cari").resolve(), rel
        assert PROJECT.t(lang, "search_button") in header, rel


def test_only_the_search_page_refers_to_search_files(real_site):
    for path in built_pages(real_site):
        html = path.read_text("utf-8")
        scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
        is_search = path.parent.name == "cari"
        rel = path.relative_to(real_site)
        # the search script, alone or joined with the page's other scripts
        texts = [(real_site / src.lstrip("/") if src.startswith("/") else path.parent / src)
                 .read_text("utf-8") for src in scripts]
        assert any("pagefind" in text for text in texts) == is_search, rel
        assert ("pagefind/" in html) == is_search, rel


@pytest.mark.browser
def test_menipu_finds_penipuan_on_an_indonesian_page(page, site_url):
    urls, marks = search(page, site_url, "", "menipu")
    assert urls, "no result for 'menipu'"
    assert "penipuan" in marks, f"'menipu' did not find 'penipuan' (highlighted: {marks})"
    assert all(not u.startswith(site_url + "en/") for u in urls)


@pytest.mark.browser
def test_english_search_returns_no_indonesian_page(page, site_url, real_site):
    urls, _ = search(page, site_url, "en/", "penipuan")
    for url in urls:
        assert url.startswith(site_url + "en/"), url
        built = real_site / url[len(site_url):] / "index.html"
        assert '<html lang="en"' in built.read_text("utf-8"), url


@pytest.mark.browser
def test_nothing_search_related_is_downloaded_before_searching(page, site_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ("", "modul/" + next(iter(PROJECT.modules)) + "/", "cari/", "en/cari/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "/pagefind/" in u]
    page.fill("#bekal-search-q", "paspor")
    page.press("#bekal-search-q", "Enter")
    page.wait_for_function(DONE, timeout=15000)
    assert [u for u in requested if "/pagefind/" in u]


def suggested_words(lang: str) -> list[str]:
    """The words the search page proposes: in its 'no results' line and in its intro."""
    none = PROJECT.t(lang, "search_none", query="x")
    pair = re.search(r"(\w+) (?:atau|or) (\w+)\.$", none)
    assert pair, f"no suggested words found in search_none ({lang}): {none}"
    page = PROJECT.content_dir / lang / "cari.md"
    intro = re.findall(r"\*(\w+)\*", page.read_text("utf-8")) if page.exists() else []
    return sorted({*pair.groups(), *intro})


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_suggested_word_finds_a_result(page, site_url, lang):
    words = suggested_words(lang)
    assert len(words) >= 2
    for word in words:
        urls, _ = search(page, site_url, PROJECT.config.prefix(lang), word)
        assert urls, f"the search page suggests '{word}' ({lang}), which finds nothing"


def result_titles(page) -> list[tuple[str, str]]:
    links = page.locator(".bekal-search__results a")
    return [(links.nth(i).evaluate("a => a.href"), links.nth(i).inner_text())
            for i in range(links.count())]


@pytest.mark.browser
@pytest.mark.parametrize("query", ["gaji", "lowongan", "penipuan"])
def test_lessons_rank_above_trainer_pages(page, site_url, query):
    urls, _ = search(page, site_url, "", query)
    assert urls, query
    assert "/pelatih/" not in urls[0], f"'{query}': the first result is a trainer page {urls[0]}"
    for url, title in result_titles(page):  # trainer pages say so in their title
        if "/pelatih/" in url:
            assert "pelatih" in title.lower(), (query, url, title)


def test_trainer_pages_get_a_low_search_weight(real_site):
    guide = next(real_site.glob("modul/*/pelatih/index.html")).read_text("utf-8")
    article = re.search(r"<article\b[^>]*>", guide).group(0)
    assert "data-pagefind-body" in article and 'data-pagefind-weight="0.2"' in article
    assert re.search(r'<h1\b[^>]*data-pagefind-weight="0.2"', guide)
    lesson = next(real_site.glob("modul/*/index.html")).read_text("utf-8")
    assert "data-pagefind-weight" not in lesson


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory) -> Path:
    """A fixture project whose 'tentang' page has no English version (English shows the
    Indonesian text: a static-i18n fallback page)."""
    root = make_project(tmp_path_factory.mktemp("search") / "p", {"uji-cari": "penipuan"})
    (root / "content/en/tentang.md").unlink()
    about = root / "content/id/tentang.md"
    about.write_text(about.read_text("utf-8") + f"\nSari hampir tertipu lowongan "
                     f"{UNIQUE_ID_WORD} arisan.\n", "utf-8")
    site = root.parent / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert UNIQUE_ID_WORD in (site / "en/tentang/index.html").read_text("utf-8")
    return site


@pytest.mark.browser
def test_untranslated_pages_stay_out_of_the_other_languages_index(page, untranslated_site):
    server = serve(untranslated_site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        found_id, _ = search(page, base, "", UNIQUE_ID_WORD)
        found_en, _ = search(page, base, "en/", UNIQUE_ID_WORD)
    finally:
        server.shutdown()
    assert found_id[0] == base + "tentang/"
    # Pagefind forgives typos, so other English pages may come up, but never this one
    assert base + "en/tentang/" not in found_en
    assert all(url.startswith(base + "en/") for url in found_en)


@pytest.mark.browser
def test_results_come_five_at_a_time(page, site_url):
    urls, _ = search(page, site_url, "", "paspor")
    total = int(re.search(r"\d+", page.locator(".bekal-search__status").inner_text()).group())
    assert len(urls) == min(total, 5)  # each result shown downloads that page's text
    more = page.locator(".bekal-search__more")
    assert more.is_visible() == (total > 5)
    if total > 5:
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.bekal-search__results li')"
                               f".length === {min(total, 10)}")
        assert page.evaluate("document.activeElement.closest('li') === "
                             "document.querySelectorAll('.bekal-search__results li')[5]")


# -- the index is made again only when the pages change ---------------------------------

def _pages(site: Path, words: str) -> Path:
    for lang, rel in (("id", "index.html"), ("id", "modul/a/index.html"), ("en", "en/index.html")):
        page = site / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><html lang="{lang}"><head><title>{rel}</title></head>'
                        f"<body><article data-pagefind-body><h1>{rel}</h1><p>{words}</p>"
                        "</article></body></html>", "utf-8")
    return site


def _bundle(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}


def test_unchanged_pages_reuse_the_last_index_and_a_changed_page_is_indexed(tmp_path,
                                                                            monkeypatch):
    from bekal.pipeline import search as search_step

    cache = tmp_path / "cache"
    first = _pages(tmp_path / "one", "paspor dan kontrak kerja")
    search_step.index_site(first, cache_dir=cache)
    made = _bundle(first)
    assert any(name.endswith("pagefind-entry.json") for name in made)
    runs = []
    real_run = search_step.subprocess.run
    monkeypatch.setattr(search_step.subprocess, "run",
                        lambda *a, **k: (runs.append(a), real_run(*a, **k))[1])
    same = _pages(tmp_path / "two", "paspor dan kontrak kerja")  # another build, same pages
    search_step.index_site(same, cache_dir=cache)
    assert runs == [] and _bundle(same) == made
    changed = _pages(tmp_path / "three", "paspor dan gaji")
    search_step.index_site(changed, cache_dir=cache)
    assert len(runs) == 1 and _bundle(changed) != made
    entry = json.loads((changed / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"id", "en"}
    assert len(list(cache.iterdir())) == 1  # the last build's index only
