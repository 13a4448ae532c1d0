"""The built site: pages, languages, language links, track lists, 404s, atomic builds."""

from __future__ import annotations

import re
from pathlib import Path

from bekal.project import load_project
from conftest import ROOT, make_project, run_build

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes


def expected_pages(project) -> set[str]:
    fixed = ["index.html", "bantuan/index.html", "tentang/index.html", "glosarium/index.html",
             "pelatih/index.html", "kreator/index.html", "404.html"]
    if (project.content_dir / project.config.default / "bantuan-terdekat.md").exists():
        fixed.append("bantuan-terdekat/index.html")
    fixed += [f"jalur/{t}/index.html" for t in project.tracks]
    for slug in project.modules:
        fixed += [f"modul/{slug}/index.html", f"modul/{slug}/pelatih/index.html"]
    search_page = project.content_dir / project.config.default / "cari.md"
    extra = {"cari/index.html"} if search_page.exists() else set()
    return {project.config.prefix(lang) + page for lang in project.config.codes
            for page in [*fixed, *extra]}


def trainer_kit_pages(project) -> set[str]:
    """Pages the build writes itself for trainers: slides, worksheet and printable key."""
    pages = set()
    for lang in project.config.codes:
        for slug, entry in project.modules.items():
            folders = ["slide", "lembar-kerja", "kunci"] if entry.quiz else ["slide"]
            pages |= {f"{project.config.prefix(lang)}modul/{slug}/{folder}/index.html"
                      for folder in folders}
        if any(entry.quiz for entry in project.modules.values()):  # the session kit
            pages.add(f"{project.config.prefix(lang)}pelatih/hitung/index.html")
    return pages


def phone_pages(project) -> set[str]:
    """Pages the build writes for readers on the phone: the job-offer checker."""
    return {f"{project.config.prefix(lang)}cek-tawaran/index.html"
            for lang in project.config.codes} if project.checkers else set()


def built_pages(site: Path) -> set[str]:
    """Content pages only (not short-link stubs or assets)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if "/go/" not in "/" + p.relative_to(site).as_posix() and "assets" not in p.parts}


def test_exact_set_of_pages_in_both_languages(real_site):
    assert built_pages(real_site) == (expected_pages(PROJECT) | trainer_kit_pages(PROJECT)
                                      | phone_pages(PROJECT))


def test_html_lang_per_language(real_site):
    for page in expected_pages(PROJECT):
        lang = "en" if page.startswith("en/") else "id"
        html = (real_site / page).read_text("utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page


def test_language_link_points_to_same_page_in_other_language(real_site):
    for page in expected_pages(PROJECT):
        if page.endswith("404.html"):
            continue
        html = (real_site / page).read_text("utf-8")
        other = "id" if page.startswith("en/") else "en"
        match = re.search(rf'<a class="md-header__button bekal-header-link" href="([^"]+)" '
                          rf'hreflang="{other}"', html)
        assert match, f"no language link on {page}"
        target = (real_site / page).parent / match.group(1)
        twin = page[3:] if page.startswith("en/") else "en/" + page
        assert target.resolve() == (real_site / twin).parent.resolve(), page


def test_help_button_on_every_page(real_site):
    for page in expected_pages(PROJECT):
        html = (real_site / page).read_text("utf-8")
        assert 'class="md-header__button bekal-header-link bekal-help"' in html, page


def test_track_page_lists_exactly_its_modules_in_order(real_site):
    for lang in LANGS:
        for track_id in PROJECT.tracks:
            html = (real_site / PROJECT.config.prefix(lang) / f"jalur/{track_id}/index.html"
                    ).read_text("utf-8")
            article = html.split('<article', 1)[1].split("</article>", 1)[0]
            listed = re.findall(r'href="\.\./\.\./modul/([^/]+)/"', article)
            expected = [m.slug for m in PROJECT.modules_of(track_id)]
            assert listed == expected, (lang, track_id)
            for m in PROJECT.modules_of(track_id):
                assert m.data.title[lang] in article


def test_404_in_each_language(real_site):
    root = (real_site / "404.html").read_text("utf-8")
    english = (real_site / "en/404.html").read_text("utf-8")
    assert '<html lang="id"' in root and "Halaman tidak ditemukan" in root
    assert '<html lang="en"' in english and "Page not found" in english
    assert 'href="/en/"' in english


def test_help_page_numbers_come_from_the_registry(real_site):
    html = (real_site / "bantuan/index.html").read_text("utf-8")
    assert 'href="tel:08001000"' in html
    assert 'data-fact="hotline.kp2mi.call_center"' in html
    assert "belum dicek ke sumber resmi" in html  # the mark of a number others report
    assert html.count("Tentang tanda di halaman ini") == 1  # explained once
    assert 'id="sumber"' in html


def test_broken_internal_link_fails_the_build(tmp_path):
    project = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    lesson = project / "content/id/modul/uji-coba/index.md"
    lesson.write_text(lesson.read_text("utf-8") + "\n[hilang](../tidak-ada/index.md)\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "broken-link" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_failed_build_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    before = (site / "index.html").read_bytes()
    quiz = project / "modules/uji-coba/quiz.yml"
    quiz.write_text(quiz.read_text("utf-8").replace("correct: true", "correct: false"))
    result = run_build(project, site)
    assert result.returncode != 0
    assert "quiz-single-correct" in result.stdout + result.stderr
    assert "last good site" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site-new-*"))


def test_every_fact_mark_links_to_its_sources_entry_on_the_same_page(real_site):
    for path in real_site.rglob("*.html"):
        html = path.read_text("utf-8")
        marks = set(re.findall(r'href="#(fakta-[^"]+)"', html))
        entries = set(re.findall(r'id="(fakta-[^"]+)"', html))
        assert marks <= entries, (path.relative_to(real_site), sorted(marks - entries))
