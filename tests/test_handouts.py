"""Printable handouts: what a trainer checks on every PDF, the cache, and the page limit."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import yaml
import zxingcpp

from bekal.model.project import load_project
from bekal.render import handouts
from bekal.render.facts import FACT_REF, display_value
from bekal.render.handouts.content import HELP_FACTS
from conftest import ROOT, fixture_value, make_project, run_build

A4 = (595.28, 841.89)  # points
UNVERIFIED_MARK = re.compile(
    r"\s*\((?:belum dicek ke sumber resmi|not yet checked with an official source|"
    r"nomor berbeda di sumber lain|sources differ|perlu dicek ulang|needs a fresh check)\)")


# -- what a reader checks on one PDF -------------------------------------------------

def plain(text: str) -> str:
    """Whitespace and line-end hyphen breaks as a reader ignores them."""
    return re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "-", text)).strip()


def pdf_text(reader: pypdf.PdfReader, first_page: str | None = None) -> str:
    """The text of every page; ``first_page``: the first page's, when already extracted."""
    texts = [first_page if i == 0 and first_page is not None else page.extract_text()
             for i, page in enumerate(reader.pages)]
    return UNVERIFIED_MARK.sub("", plain("\n".join(texts)))


def expected_text(project, text: str, lang: str) -> str:
    """A module.yml text as printed: facts shown by value, Markdown emphasis dropped."""
    def value(match):
        fact = project.fact(match.group(1))
        return display_value(fact, fact.text(lang, project.config.default))
    return plain(FACT_REF.sub(value, text).replace("**", "").replace("*", ""))


def embedded_fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font on every page -> whether its font program is inside the PDF."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() \
                if font.get("/Subtype") == "/Type0" else font
            descriptor = described.get("/FontDescriptor", {})
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def qr_codes(path: Path) -> list[str]:
    page = pypdfium2.PdfDocument(path)[0]
    image = page.render(scale=2).to_pil()  # 144 dpi, a phone camera sees less
    return [code.text for code in zxingcpp.read_barcodes(image)]


def text_sizes(page) -> tuple[list[tuple[float, str]], str]:
    """(printed size in points, text) of every piece of text on the page, and its text
    (one extraction: it is most of this file's time)."""
    pieces: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            pieces.append((round(size * abs(tm[3] * cm[3] or 1), 1), text))
    return pieces, page.extract_text(visitor_text=visit)


def assert_handout(path: Path, project, slug: str, lang: str) -> None:
    module = project.modules[slug].data
    reader = pypdf.PdfReader(path)
    # one sheet, with the help box and every one of its numbers on it
    assert len(reader.pages) == 1, f"{path.name}: {len(reader.pages)} pages"
    pieces, first_text = text_sizes(reader.pages[0])
    first = plain(first_text)
    assert project.t(lang, "handout_help") in first, f"{path.name}: no help box on page 1"
    for key in HELP_FACTS:
        if key in project.facts:
            fact = project.fact(key)
            number = display_value(fact, fact.text(lang, project.config.default))
            assert number in first, f"{path.name}: {number} is not on page 1"
    large = re.sub(r"\s+", "", "".join(text for size, text in pieces if size >= 10.95))
    for point in module.key_points[lang]:  # body text at 11 pt at least, for older eyes
        assert re.sub(r"\s+", "", expected_text(project, point, lang)) in large, \
            f"{path.name}: {point} is under 11 pt"
    smallest = min(size for size, _ in pieces)
    assert smallest >= 7.9, f"{path.name}: some text is {smallest} pt (sources: 8 pt)"
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=1), f"{path.name} is not A4: {size}"
    text = pdf_text(reader, first_text)
    assert expected_text(project, module.title[lang], lang) in text, path.name
    for point in module.key_points[lang]:
        assert expected_text(project, point, lang) in text, f"{path.name}: {point}"
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), f"{path.name}: fonts not embedded: {fonts}"
    url = project.config.site_url + project.config.prefix(lang) + f"modul/{slug}/"
    assert url in qr_codes(path), f"{path.name}: QR code does not decode to {url}"


# -- a fixture project ----------------------------------------------------------------

def set_key_points(project_dir: Path, slug: str, points: dict[str, list[str]]) -> None:
    path = project_dir / "modules" / slug / "module.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["key_points"] = points
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    """Three modules in two tracks, built twice: the second build comes from the cache."""
    project_dir = make_project(tmp_path_factory.mktemp("handouts") / "project",
                               {"alpha": "persiapan", "beta": "persiapan", "gamma": "hak"})
    set_key_points(project_dir, "alpha", {
        "id": ["Simpan nomor {{fact:hotline.kp2mi.call_center}} di ponsel Anda.",
               "Jangan serahkan paspor kepada **siapa pun**."],
        "en": ["Save {{fact:hotline.kp2mi.call_center}} in your phone.",
               "Do not hand your passport to **anyone**."]})
    (project_dir / "content/id/modul/alpha/handout.md").write_text(
        "Ringkasan modul alpha.\n\n## Ingat {#ingat}\n\n"
        "- Baca [halaman bantuan](../../bantuan.md).\n"
        "- Call center: {{fact:hotline.kp2mi.call_center}}.\n", "utf-8")
    (project_dir / "content/en/modul/gamma/handout.md").unlink()  # built from key points
    site = project_dir / "site"
    first = run_build(project_dir, site)
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_build(project_dir, site)
    assert second.returncode == 0, second.stdout + second.stderr
    return (load_project(project_dir), site, first.stdout + first.stderr,
            second.stdout + second.stderr)


def test_every_fixture_handout_is_a_good_pdf(fixture_build):
    project, site, *_ = fixture_build
    for lang in project.config.codes:
        for slug in project.modules:
            assert_handout(site / project.routes.handout_pdf(lang, slug), project, slug, lang)


def test_handout_content(fixture_build):
    project, site, *_ = fixture_build
    alpha = pypdf.PdfReader(site / "modul/alpha/bekal-alpha-id.pdf")
    text = plain(" ".join(page.extract_text() for page in alpha.pages))
    assert "Ringkasan modul alpha." in text
    call_centre = fixture_value("hotline.kp2mi.call_center")  # a test fact others report
    assert f"{call_centre} ({project.t('id', 'fact_mark_secondary')})" in text  # as on the web
    assert project.t("id", "handout_help") in text and project.t("id", "sources") in text
    links = [annot.get_object()["/A"].get("/URI") for page in alpha.pages
             for annot in page.get("/Annots", [])]
    assert project.config.site_url + "bantuan/" in links  # a relative link made absolute
    gamma = pypdf.PdfReader(site / "en/modul/gamma/bekal-gamma-en.pdf")
    summary = project.modules["gamma"].data.summary["en"]
    assert summary in plain(gamma.pages[0].extract_text())  # no handout.md: the summary leads


def test_track_booklets(fixture_build):
    project, site, *_ = fixture_build
    for lang in project.config.codes:
        for track_id, modules in (("persiapan", ["alpha", "beta"]), ("hak", ["gamma"])):
            reader = pypdf.PdfReader(site / project.routes.booklet(lang, track_id))
            pages = [len(pypdf.PdfReader(site / project.routes.handout_pdf(lang, slug)).pages)
                     for slug in modules]
            assert len(reader.pages) == 2 + sum(pages)
            contents = plain(reader.pages[1].extract_text())
            start = 3
            for slug, count in zip(modules, pages, strict=True):
                title = project.modules[slug].data.title[lang]
                assert f"{title} {start}" in contents, contents
                start += count
            assert [item["/Title"].split(" · ")[1] for item in reader.outline] == \
                [project.modules[slug].data.title[lang] for slug in modules]


def test_download_links_show_the_real_size(fixture_build):
    project, site, *_ = fixture_build
    for lang, word in (("id", "Unduh handout"), ("en", "Download handout")):
        for slug in project.modules:
            pdf = site / project.routes.handout_pdf(lang, slug)
            page = (pdf.parent / "index.html").read_text("utf-8")
            size = round(pdf.stat().st_size / 1024)
            assert f'<a href="{pdf.name}" type="application/pdf">{word} (PDF, {size} KB)</a>' \
                in page, f"{lang} {slug}"
        booklet = site / project.routes.booklet(lang, "persiapan")
        assert f'href="{booklet.name}"' in (booklet.parent / "index.html").read_text("utf-8")


def test_second_build_renders_nothing(fixture_build):
    _, _, first, second = fixture_build
    for lang in ("id", "en"):
        assert re.search(rf"PDFs \({lang}\): [1-9]\d* rendered", first), first
        assert f"PDFs ({lang}): 0 rendered, 5 cached" in second, second
    assert len(re.findall(r"bekal: PDF \S+\.pdf: cached", second)) == 10


# -- the cache and the page limit, on the core alone -----------------------------------

def test_cache_renders_only_what_changed(tmp_path):
    project_dir = make_project(tmp_path / "project", {"alpha": "persiapan", "beta": "hak"})
    cache = tmp_path / "cache"

    def build(lang="id"):
        lines: list[str] = []
        handouts.build_language(load_project(project_dir), lang, "Bekal", lines.append, cache)
        return {line.split(":")[0].removeprefix("PDF "): line for line in lines[:-1]}

    assert all("rendered" in line for line in build().values())
    assert all(line.endswith("KB") and ": cached" in line for line in build().values())
    handout = project_dir / "content/id/modul/alpha/handout.md"
    handout.write_text(handout.read_text("utf-8") + "\nSatu kalimat baru.\n", "utf-8")
    again = build()
    changed = {path for path, line in again.items() if "rendered" in line}
    assert changed == {"modul/alpha/bekal-alpha-id.pdf", "jalur/persiapan/bekal-persiapan-id.pdf"}
    facts = project_dir / "modules/facts.yml"  # a fact on every handout (the help box)
    number = fixture_value("hotline.kp2mi.call_center")
    facts.write_text(facts.read_text("utf-8").replace(f'value: "{number}"',
                                                      f'value: "{number}9"', 1), "utf-8")
    assert all("rendered" in line for line in build().values())


def test_overflow_names_the_file_and_page_count(tmp_path):
    project_dir = make_project(tmp_path / "project", {"panjang": "persiapan"})
    handout = project_dir / "content/id/modul/panjang/handout.md"
    handout.write_text("## Terlalu panjang {#panjang}\n\n"
                       + "\n\n".join(f"Kalimat nomor {n} dari handout yang terlalu panjang."
                                     for n in range(150)), "utf-8")
    with pytest.raises(handouts.HandoutError) as err:
        handouts.build_language(load_project(project_dir), "id", "Bekal", lambda _: None,
                                tmp_path / "cache")
    assert err.value.issue.path == "content/id/modul/panjang/handout.md"
    assert err.value.issue.line == 1
    over = re.search(r"runs ([2-9]) pages: (\d+) mm \(about (\d+) line\(s\) of text\) more "
                     r"than one A4 page", str(err.value))
    assert over, str(err.value)
    assert int(over.group(2)) > 250  # 150 sentences: far more than a page too many
    assert "shorten handout.md by about" in err.value.issue.hint
    result = run_build(project_dir, project_dir / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/id/modul/panjang/handout.md:1: [handout-too-long]" in output
    assert "Traceback" not in output
    assert not (project_dir / "site").exists()


def test_check_names_every_handout_that_does_not_fit(tmp_path):
    """`bekal check --handouts` reports all of them, before a trainer prints one."""
    import subprocess
    import sys

    project_dir = make_project(tmp_path / "project", {"panjang": "persiapan", "pendek": "hak"})
    for lang in ("id", "en"):
        (project_dir / f"content/{lang}/modul/panjang/handout.md").write_text(
            "\n\n".join(f"Kalimat nomor {n} dari handout yang terlalu panjang."
                         for n in range(90)), "utf-8")
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project_dir),
                             "check", "--handouts"], capture_output=True, text=True)
    assert result.returncode == 1
    for lang in ("id", "en"):
        assert re.search(rf"content/{lang}/modul/panjang/handout\.md:1: \[handout-too-long\] "
                         r"the printed handout runs [2-9] pages: \d+ mm", result.stdout), \
            result.stdout
    assert "pendek/handout.md" not in result.stdout  # it fits (other checks may name the lesson)
    plain_check = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project_dir),
                                  "check"], capture_output=True, text=True)
    assert "handout-too-long" not in plain_check.stdout  # only when asked: it takes time


def test_overflow_by_a_few_lines_says_how_much(tmp_path):
    """Just too long: the message says by how many millimetres, so an author knows what to cut."""
    project_dir = make_project(tmp_path / "project", {"panjang": "persiapan"})
    handout = project_dir / "content/id/modul/panjang/handout.md"
    fits = 0
    for count in range(40, 160, 4):
        handout.write_text("\n\n".join(f"Kalimat nomor {n} dari handout ini."
                                       for n in range(count)), "utf-8")
        try:
            handouts.build_language(load_project(project_dir), "id", "Bekal", lambda _: None,
                                    tmp_path / "cache")
            fits = count
        except handouts.HandoutError as err:
            assert fits, "even the shortest text did not fit"
            mm = int(re.search(r"(\d+) mm", str(err)).group(1))
            assert 1 <= mm <= 40, str(err)  # four more short paragraphs: a few lines
            break
    else:
        pytest.fail("the handout never overflowed")


def test_a_preview_build_says_so_on_every_handout(fixture_build, tmp_path):
    if os.environ.get("BEKAL_SITE_URL"):
        pytest.skip("BEKAL_SITE_URL is set: the fixture is not a preview build")
    project, site, *_ = fixture_build
    for lang in project.config.codes:  # the fixture is built without BEKAL_SITE_URL
        text = plain(pypdf.PdfReader(site / project.routes.handout_pdf(lang, "alpha"))
                     .pages[0].extract_text())
        assert project.t(lang, "handout_preview") in text
    project_dir = make_project(tmp_path / "project", {"alpha": "persiapan"})
    config = project_dir / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", "site_url: https://bekal.example.org/",
                             config.read_text("utf-8")), "utf-8")
    public = handouts.build_language(load_project(project_dir), "id", "Bekal", lambda _: None,
                                     tmp_path / "cache")
    text = plain(pypdf.PdfReader(public.handouts["alpha"].file).pages[0].extract_text())
    assert "bekal.example.org" in text
    assert project.t("id", "handout_preview") not in text


def test_unknown_fact_in_handout_is_reported(tmp_path):
    project_dir = make_project(tmp_path / "project", {"salah": "persiapan"})
    handout = project_dir / "content/en/modul/salah/handout.md"
    handout.write_text("Intro.\n\nCall {{fact:hotline.nope}} now.\n", "utf-8")
    with pytest.raises(handouts.HandoutError) as err:
        handouts.build_language(load_project(project_dir), "en", "Bekal", lambda _: None,
                                tmp_path / "cache")
    assert str(err.value).startswith(
        "content/en/modul/salah/handout.md:3: [handout-unknown-fact] unknown fact 'hotline.nope'")
    handout.write_text("Intro.\n", "utf-8")
    set_key_points(project_dir, "salah", {"id": ["Satu."], "en": ["One.", "Call {{fact:x.y}}."]})
    module_yml = project_dir / "modules/salah/module.yml"
    line = module_yml.read_text("utf-8").splitlines().index("  - Call {{fact:x.y}}.") + 1
    with pytest.raises(handouts.HandoutError) as err:
        handouts.build_language(load_project(project_dir), "en", "Bekal", lambda _: None,
                                tmp_path / "cache")
    assert str(err.value).startswith(f"modules/salah/module.yml:{line}: [handout-unknown-fact]")


def test_serve_skips_pdfs_unless_asked():
    assert handouts.wanted("build", {}) and not handouts.wanted("serve", {})
    assert handouts.wanted("serve", {"BEKAL_PDF": "1"})
    assert not handouts.wanted("build", {"BEKAL_PDF": "0"})


# -- the real site ----------------------------------------------------------------------

REAL = load_project(ROOT)
REAL_MODULES = sorted(slug for slug, entry in REAL.modules.items() if entry.module)
HAS_HANDOUTS = any((REAL.content_dir / lang / "modul" / slug / "handout.md").exists()
                   for lang in REAL.config.codes for slug in REAL_MODULES)


@pytest.mark.skipif(not HAS_HANDOUTS, reason="no curriculum handouts written yet")
def test_every_real_handout_is_a_good_pdf(real_site):
    report = []
    for lang in REAL.config.codes:
        for slug in REAL_MODULES:
            path = real_site / REAL.routes.handout_pdf(lang, slug)
            assert_handout(path, REAL, slug, lang)
            report.append(f"{path.relative_to(real_site)}: {len(pypdf.PdfReader(path).pages)} "
                          f"page(s), {path.stat().st_size // 1024} KB")
        for track in REAL.ordered_tracks():
            if REAL.modules_of(track.id):
                assert (real_site / REAL.routes.booklet(lang, track.id)).exists()
    print("\n".join(report))



# -- printing a web page ------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.skipif(not REAL_MODULES, reason="no curriculum modules yet")
def test_web_page_prints_on_a4_without_navigation(page, site_url):
    page.goto(site_url + f"modul/{REAL_MODULES[0]}/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer__inner", ".bekal-download"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible()
    assert page.locator(".bekal-publisher-line").is_visible()  # who published it, on paper too
    link_after = page.evaluate("""() => {
        const a = Object.assign(document.createElement('a'),
                                {href: 'https://example.org/bekal', textContent: 'a site'});
        document.querySelector('article').append(a);
        return getComputedStyle(a, '::after').content; }""")
    assert "https://example.org/bekal" in link_after
    fact_after = page.evaluate(
        "getComputedStyle(document.querySelector('.bekal-fact a'), '::after').content")
    assert fact_after in ("none", "normal")  # a fact already shows its number
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    first = printed.pages[0].mediabox
    assert (float(first.width), float(first.height)) == pytest.approx(A4, abs=1)


def test_a_handout_names_its_publisher_in_the_page_language(tmp_path):
    from bekal.model import publisher
    from bekal.render.handouts import build_language

    project = load_project(make_project(tmp_path / "p", {"alpha": "persiapan"}))
    for lang in ("id", "en"):
        found = publisher.for_project(project, lang)
        assert found is not None, "mkdocs.yml names a publisher"
        pdf = build_language(project, lang, "Bekal", progress=lambda _: None,
                             cache_dir=tmp_path / "cache").handouts["alpha"]
        text = re.sub(r"\s+", " ", " ".join(
            p.extract_text() for p in pypdf.PdfReader(pdf.file).pages))
        assert f"{project.t(lang, 'publisher_by')} {found.name}" in text, lang
