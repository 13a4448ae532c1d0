"""The built site: pages, languages, language links, track lists, 404s, atomic builds."""

from __future__ import annotations

import posixpath
import re
import stat
from pathlib import Path

import pytest

from bekal.model.project import load_project
from conftest import ROOT, fixture_value, make_project, run_build

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


def creator_kit_pages(project) -> set[str]:
    """The creator kit's page of every module, written by the build."""
    return {f"{project.config.prefix(lang)}modul/{slug}/kreator/index.html"
            for lang in project.config.codes for slug in project.modules}


def phone_pages(project) -> set[str]:
    """Pages the build writes for readers on the phone: the job-offer checker."""
    return {f"{project.config.prefix(lang)}cek-tawaran/index.html"
            for lang in project.config.codes} if project.checkers else set()


def sources_pages(site: Path) -> set[str]:
    """The sources pages the reader's pages link to (a page with facts has one)."""
    linked = set()
    for page in site.rglob("*.html"):
        for href in re.findall(r'class="bekal-sources__more" href="([^"]+)"',
                               page.read_text("utf-8")):
            target = (page.parent / href / "index.html").resolve()
            linked.add(target.relative_to(site.resolve()).as_posix())
    return linked


def built_pages(site: Path) -> set[str]:
    """Content pages only (not short-link stubs or assets)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if "/go/" not in "/" + p.relative_to(site).as_posix() and "assets" not in p.parts}


def test_exact_set_of_pages_in_both_languages(real_site):
    sources = sources_pages(real_site)
    assert "modul/cek-dulu/sumber/index.html" in sources and "en/bantuan/sumber/index.html" \
        in sources
    assert built_pages(real_site) == (expected_pages(PROJECT) | trainer_kit_pages(PROJECT)
                                      | creator_kit_pages(PROJECT) | phone_pages(PROJECT)
                                      | sources)


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


def test_404_language_links_go_to_the_other_home_page(real_site):
    """The header's language switch on a 404 leads to the other language's home page."""
    for page, other, home in (("en/404.html", "id", "/"), ("404.html", "en", "/en/")):
        html = (real_site / page).read_text("utf-8")
        links = re.findall(rf'<a class="md-header__button bekal-header-link" href="([^"]+)" '
                           rf'hreflang="{other}"', html)
        assert links, f"no language link on {page}"
        assert {posixpath.normpath(link) for link in links} == {posixpath.normpath(home)}, \
            (page, links)


def test_readers_see_reading_time_and_trainers_the_session_length(real_site):
    from bekal.model.reading_time import reading_minutes

    for lang in LANGS:
        prefix = PROJECT.config.prefix(lang)
        session = PROJECT.t(lang, "minutes", minutes=0).replace("0", "").strip()  # "menit"
        for slug, entry in PROJECT.modules.items():
            if entry.module is None:
                continue
            reading = PROJECT.t(lang, "reading_time",
                                minutes=reading_minutes(PROJECT, entry, lang))
            lesson = (real_site / prefix / f"modul/{slug}/index.html").read_text("utf-8")
            meta = re.search(r'<p class="bekal-meta">(.*?)</p>', lesson, re.S).group(1)
            assert reading in meta, (lang, slug, meta)
            assert PROJECT.t(lang, "minutes", minutes=entry.data.minutes) not in meta
            guide = (real_site / prefix / f"modul/{slug}/pelatih/index.html").read_text("utf-8")
            assert PROJECT.t(lang, "minutes", minutes=entry.data.minutes) in guide
        for track_id in PROJECT.tracks:
            html = (real_site / prefix / f"jalur/{track_id}/index.html").read_text("utf-8")
            article = html.split("<article", 1)[1].split("</article>", 1)[0]
            for m in PROJECT.modules_of(track_id):
                reading = PROJECT.t(lang, "reading_time",
                                    minutes=reading_minutes(PROJECT, m, lang))
                assert reading in article, (lang, track_id, m.slug)
            assert not re.search(rf"\(\d+ {session}\)", article), (lang, track_id)


def test_reading_time_counts_the_lesson_words(tmp_path):
    from bekal.model.reading_time import WORDS_PER_MINUTE, reading_minutes

    project_dir = make_project(tmp_path / "p", {"uji-baca": "persiapan"})
    lesson = project_dir / "content/id/modul/uji-baca/index.md"
    lesson.write_text("## Bacaan {#bacaan}\n\n" + "kata " * (WORDS_PER_MINUTE * 7), "utf-8")
    project = load_project(project_dir)
    assert reading_minutes(project, project.modules["uji-baca"], "id") in (7, 8)
    lesson.write_text("Pendek.\n", "utf-8")
    project = load_project(project_dir)
    assert reading_minutes(project, project.modules["uji-baca"], "id") == 1


def tel(value: str) -> str:
    """The tel: address of a phone number as written in the registry."""
    return "tel:" + ("+" if value.startswith("+") else "") + re.sub(r"\D", "", value)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> tuple:
    """The test project with one module, built once."""
    root = make_project(tmp_path_factory.mktemp("site") / "p", {"uji-coba": "persiapan"})
    site = root.parent / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return load_project(root), site


def test_the_built_site_is_readable_like_any_new_folder(fixture_site, tmp_path):
    _, site = fixture_site
    made = tmp_path / "new"
    made.mkdir()  # what this machine gives a new folder
    assert stat.S_IMODE(site.stat().st_mode) == stat.S_IMODE(made.stat().st_mode)


def test_help_page_numbers_come_from_the_registry(fixture_site):
    project, site = fixture_site
    html = (site / "bantuan/index.html").read_text("utf-8")
    assert f'href="{tel(fixture_value("hotline.kp2mi.call_center"))}"' in html
    assert f'href="{tel(fixture_value("uji.hotline"))}"' in html
    assert 'data-fact="hotline.kp2mi.call_center"' in html
    # the mark of a number others report, explained once
    assert project.t("id", "fact_mark_secondary") in html
    assert html.count(project.t("id", "marks_note_title")) == 1
    assert 'id="sumber"' in html


def test_real_help_page_links_every_phone_number_it_names(real_site):
    """Whatever the numbers are today: each phone fact on the help page is a tel: link."""
    from bekal.render.facts import FACT_REF

    source = (PROJECT.content_dir / "id" / "bantuan.md").read_text("utf-8")
    html = (real_site / "bantuan/index.html").read_text("utf-8")
    keys = [k for k in dict.fromkeys(FACT_REF.findall(source)) if PROJECT.fact(k).kind == "phone"]
    assert keys
    for key in keys:
        assert f'href="{tel(PROJECT.fact(key).text("id", "id"))}"' in html, key


def test_broken_internal_link_fails_the_build(tmp_path):
    project = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    lesson = project / "content/id/modul/uji-coba/index.md"
    lesson.write_text(lesson.read_text("utf-8") + "\n[hilang](../tidak-ada/index.md)\n")
    result = run_build(project, tmp_path / "site", pdf=False)
    assert result.returncode != 0
    assert "broken-link" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_failed_build_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    site = tmp_path / "site"
    assert run_build(project, site, pdf=False).returncode == 0
    before = (site / "index.html").read_bytes()
    quiz = project / "modules/uji-coba/quiz.yml"
    quiz.write_text(quiz.read_text("utf-8").replace("correct: true", "correct: false"))
    result = run_build(project, site, pdf=False)
    assert result.returncode != 0
    assert "quiz-single-correct" in result.stdout + result.stderr
    assert "last good site" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site-new-*"))


def test_every_fact_mark_links_to_its_sources_entry(real_site):
    """On the page itself (trainer and kit pages) or on the page's sources page."""
    missing, linked_away = [], 0
    for path in real_site.rglob("*.html"):
        html = path.read_text("utf-8")
        for target, entry in set(re.findall(r'href="([^"#]*)#(fakta-[^"]+)"', html)):
            linked_away += bool(target)
            page = (path.parent / target / "index.html") if target else path
            if f'id="{entry}"' not in page.read_text("utf-8"):
                missing.append(f"{path.relative_to(real_site)}: {target}#{entry}")
    assert not missing, "\n".join(missing)
    assert linked_away  # the reader's pages do link to their sources pages


def test_a_readers_page_ends_with_a_short_sources_section_and_its_sources_page(real_site):
    """The lesson's foot says how many facts it uses and how many were checked against an
    official source, and links to its sources page, which lists each fact with its
    sources; the trainer guide keeps its whole list."""
    from bekal.model.trust import Level
    from bekal.render import factrender

    slug = "cek-dulu"  # its trainer guide names facts too
    for lang in PROJECT.config.codes:
        lesson = (real_site / PROJECT.routes.file(PROJECT.routes.lesson(lang, slug))
                  ).read_text("utf-8")
        foot = lesson[lesson.index('<section class="bekal-sources"'):]
        foot = foot[:foot.index("</section>")]
        keys = list(dict.fromkeys(re.findall(r'data-fact="([^"]+)"', lesson)))
        official = sum(factrender.level_of(PROJECT, PROJECT.fact(k)) == Level.OFFICIAL
                       for k in keys)
        assert PROJECT.t(lang, "sources_summary", count=len(keys), official=official) in foot
        assert 'href="sumber/"' in foot and "<li" not in foot
        listed = (real_site / PROJECT.routes.file(
            PROJECT.routes.sources_page(PROJECT.routes.lesson(lang, slug)))).read_text("utf-8")
        assert f'<html lang="{lang}">' in listed
        assert set(re.findall(r'<li id="(fakta-[^"]+)"', listed)) == {
            factrender.anchor(k) for k in keys}
        guide = (real_site / PROJECT.routes.file(PROJECT.routes.trainer_guide(lang, slug))
                 ).read_text("utf-8")
        assert '<li id="fakta-' in guide and 'href="sumber/' not in guide
def _bekal(*args: str, env: dict[str, str]):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "bekal.cli", *args], capture_output=True,
                          text=True, env=env)


def test_a_local_site_address_is_refused_for_publishing_and_loud_in_a_build(tmp_path):
    import os

    from bekal.model.site_address import is_local

    local = {k: v for k, v in os.environ.items() if k != "BEKAL_SITE_URL"}
    public = {**local, "BEKAL_SITE_URL": "https://bekal.example.org/"}
    project = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    check = _bekal("--root", str(project), "check", "--publish", env=local)
    assert re.search(r"mkdocs\.yml:\d+: \[site-url-local\]", check.stdout), check.stdout[-2000:]
    assert "BEKAL_SITE_URL" in check.stdout and check.returncode == 1
    assert "site-url-local" not in _bekal("--root", str(project), "check", "--publish",
                                          env=public).stdout
    assert "site-url-local" not in _bekal("--root", str(project), "check", env=local).stdout

    build = _bekal("--root", str(project), "build", "--site-dir", str(tmp_path / "site"),
                   env={**local, "NO_MKDOCS_2_WARNING": "1", "BEKAL_PDF": "0"})
    assert build.returncode == 0, build.stderr[-2000:]
    assert build.stderr.count("PREVIEW BUILD for http://127.0.0.1:8000/") == 2  # start and end
    assert "BEKAL_SITE_URL" in build.stderr
    assert is_local("http://localhost:8000/") and is_local("http://0.0.0.0/")
    assert not is_local("https://bekal.example.org/") and not is_local("http://192.168.1.10/")
