"""Creator kit: short links, their lock file, QR codes, the kit page and link previews."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
import zxingcpp
from PIL import Image

from bekal.checks.shortlinks_lock import LOCK_NAME, check_short_links, publish_codes
from bekal.model.project import load_project
from bekal.model.shortlinks import page_links, short_links, short_url
from bekal.render import factrender
from bekal.render.creator.meta import og_locale
from conftest import ROOT, make_project, run_build

LOCK = f"modules/{LOCK_NAME}"
FIXTURE_MODULES = {"satu": "persiapan", "dua": "hak"}


class Page(HTMLParser):
    """What a reader's browser and a link preview crawler see of one HTML file."""

    def __init__(self, path: Path):
        super().__init__()
        self.lang = None
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[dict] = []
        self.textareas: dict[str, str] = {}
        self.buttons: list[dict] = []
        self._textarea = None
        self.feed(path.read_text("utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta":
            key = a.get("property") or a.get("name") or a.get("http-equiv")
            if key:
                self.meta.setdefault(key, []).append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "img":
            self.images.append(a)
        elif tag == "textarea":
            self._textarea = a
            self.textareas[a["id"]] = ""
        elif tag == "button":
            self.buttons.append(a)

    def handle_data(self, data):
        if self._textarea is not None:
            self.textareas[self._textarea["id"]] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]


def stub(site: Path, prefix: str, code: str) -> Path:
    return site / prefix / "go" / code / "index.html"


def assert_resolves(site: Path, stub_path: Path, slug: str, anchor: str | None) -> None:
    """The redirect goes to an existing page (and heading), and says so in a visible link."""
    page = Page(stub_path)
    refresh = page.one("refresh")
    match = re.fullmatch(r"0; url=(.+)", refresh)
    assert match, refresh
    href = match.group(1)
    assert href in page.links, "the visible link must match the redirect"
    path, _, fragment = href.partition("#")
    target_dir = posixpath.normpath(posixpath.join(stub_path.parent.relative_to(site).as_posix(),
                                                   path))
    target = site / target_dir / "index.html"
    assert target.exists(), f"{stub_path} -> {target_dir}: no page"
    assert target_dir.endswith(f"modul/{slug}")
    assert fragment == (anchor or "")
    if anchor:
        assert anchor in Page(target).ids, f"{target} has no heading id '{anchor}'"
    prefix = "en/" if target_dir.startswith("en/") else ""
    assert page.canonical == [Page(target).canonical[0]]
    assert page.canonical[0].endswith(f"/{prefix}modul/{slug}/")


# -- a small fixture project, built once ------------------------------------------------

def _edit_module(root: Path, slug: str, change) -> None:
    path = root / "modules" / slug / "module.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _add_section(root: Path, slug: str, code: str, anchor: str) -> None:
    _edit_module(root, slug, lambda data: data.setdefault("sections", {}).update({code: anchor}))


# facts the kit offers to quote: one checked against two sources, one against one
KIT_FACTS = ["hotline.kp2mi.call_center", "uji.polisi"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> tuple[Path, Path]:
    root = make_project(tmp_path_factory.mktemp("kit") / "p", FIXTURE_MODULES)
    _add_section(root, "satu", "p1-pelajaran", "pelajaran")  # bekal new writes {#pelajaran}
    _edit_module(root, "dua", lambda data: data.update({"facts": KIT_FACTS}))
    site = root.parent / "site"
    result = run_build(root, site, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, site


def test_fixture_short_links_resolve_in_both_languages(fixture_site):
    _root, site = fixture_site
    expected = {"p1": ("satu", None), "p1-pelajaran": ("satu", "pelajaran"), "h1": ("dua", None)}
    for prefix in ("", "en/"):
        written = {p.name for p in (site / prefix / "go").iterdir()}
        assert written == set(expected)
        for code, (slug, anchor) in expected.items():
            assert_resolves(site, stub(site, prefix, code), slug, anchor)


def test_fixture_qr_codes_decode_to_their_short_urls(fixture_site):
    root, site = fixture_site
    project = load_project(root)
    for lang in ("id", "en"):
        prefix = project.config.prefix(lang)
        for code in ("p1", "p1-pelajaran", "h1"):
            png = site / prefix / "kreator" / "qr" / f"{code}.png"
            assert zxingcpp.read_barcode(Image.open(png)).text == short_url(project, lang, code)
            svg = (png.with_suffix(".svg")).read_text("utf-8")
            assert "viewBox=" in svg and not re.search(r"<svg[^>]* width=", svg)


# -- the lock file -----------------------------------------------------------------------

@pytest.fixture()
def locked(tmp_path) -> Path:
    """A fixture project whose codes p1, p1-pelajaran and h1 are published."""
    root = make_project(tmp_path / "p", FIXTURE_MODULES)
    _add_section(root, "satu", "p1-pelajaran", "pelajaran")
    written, issues = publish_codes(load_project(root))
    assert written == ["p1", "p1-pelajaran", "h1"], [i.format() for i in issues]
    return root


def line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(needle))


def set_code(root: Path, slug: str, code: str) -> None:
    path = root / "modules" / slug / "module.yml"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^code: \S+$", f"code: {code}", text, flags=re.M), "utf-8")


def found(root: Path, severity: str = "errors") -> list[tuple[str, int, str]]:
    issues = getattr(check_short_links(load_project(root)), severity)
    return [(i.path, i.line, i.code) for i in issues]


def test_lock_is_clean_after_publishing(locked):
    assert found(locked) == []
    assert found(locked, "warnings") == []
    text = (locked / LOCK).read_text("utf-8")
    assert "p1: satu\n" in text and "p1-pelajaran: satu#pelajaran\n" in text


def test_removed_code_fails_at_its_lock_line(locked):
    set_code(locked, "dua", "h7")
    assert found(locked) == [(LOCK, line_of(locked, LOCK, "h1:"), "shortlink-removed")]


def test_removed_section_code_fails_at_its_lock_line(locked):
    path = locked / "modules/satu/module.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    del data["sections"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert found(locked) == [(LOCK, line_of(locked, LOCK, "p1-pelajaran:"), "shortlink-removed")]


def test_code_moved_to_another_module_fails_where_it_is_now(locked):
    set_code(locked, "dua", "h7")
    _add_section(locked, "satu", "h1", "pelajaran")
    rel = "modules/satu/module.yml"
    assert found(locked) == [(rel, line_of(locked, rel, "  h1:"), "shortlink-moved")]


def test_check_cli_names_file_line_and_hint_and_publish_refuses(locked):
    set_code(locked, "dua", "h7")
    before = (locked / LOCK).read_text("utf-8")
    check = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(locked), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 1
    line = line_of(locked, LOCK, "h1:")
    assert re.search(rf"{re.escape(LOCK)}:{line}: \[shortlink-removed\] published short code "
                     r"'h1' \(dua\) .* — hint: put 'h1' back in modules/dua/module.yml",
                     check.stdout)
    publish = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(locked),
                              "publish-codes"], capture_output=True, text=True)
    assert publish.returncode == 1 and "Traceback" not in publish.stderr
    assert (locked / LOCK).read_text("utf-8") == before


def test_new_code_is_a_warning_until_published_and_an_error_for_publish(locked):
    set_code(locked, "dua", "h7")
    (locked / LOCK).write_text((locked / LOCK).read_text("utf-8").replace("h1: dua\n", ""))
    assert found(locked) == []
    assert [w[2] for w in found(locked, "warnings")] == ["shortlink-unpublished"]
    issues = check_short_links(load_project(locked), publish=True)
    assert [e.code for e in issues.errors] == ["shortlink-unpublished"]
    assert publish_codes(load_project(locked))[0] == ["h7"]
    assert found(locked, "warnings") == []


def test_section_code_without_its_heading_is_an_error(locked):
    lesson = "content/en/modul/satu/index.md"
    path = locked / lesson
    path.write_text(path.read_text("utf-8").replace("{#pelajaran}", "{#lesson}"), "utf-8")
    rel = "modules/satu/module.yml"
    assert found(locked) == [(rel, line_of(locked, rel, "  p1-pelajaran:"),
                              "shortlink-anchor-missing")]


# -- the real site -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_real_short_links_resolve_in_both_languages(real_site, project):
    links = short_links(project)
    assert len(links) >= len([m for m in project.modules.values() if m.module])
    pages = page_links(project)  # help, checker, track pages (modules/page-codes.yml)
    for lang in project.config.codes:
        prefix = project.config.prefix(lang)
        assert {p.name for p in (real_site / prefix / "go").iterdir()} == \
            {x.code for x in links + pages}
        for link in links:
            assert_resolves(real_site, stub(real_site, prefix, link.code), link.slug, link.anchor)
        for link in pages:
            refresh = Page(stub(real_site, prefix, link.code)).one("refresh")
            target = stub(real_site, prefix, link.code).parent / refresh.split("url=")[1]
            assert (target / "index.html").resolve() == \
                (real_site / prefix / link.page / "index.html").resolve()
            assert (target / "index.html").exists(), link


def test_real_qr_codes_decode_to_their_short_urls(real_site, project):
    for lang in project.config.codes:
        for link in short_links(project):
            png = real_site / project.config.prefix(lang) / "kreator" / "qr" / f"{link.code}.png"
            assert zxingcpp.read_barcode(Image.open(png)).text == \
                short_url(project, lang, link.code)


def test_every_page_has_link_preview_tags_in_its_language(real_site, project):
    base = project.config.site_url
    pages = html_pages(real_site)
    assert len(pages) > 40
    for path in pages:
        page = Page(path)
        lang = page.lang
        where = path.relative_to(real_site).as_posix()
        assert lang in project.config.codes, where
        assert page.one("og:locale") == og_locale(lang), where
        others = {og_locale(c) for c in project.config.codes if c != lang}
        assert set(page.meta["og:locale:alternate"]) == others, where
        assert page.one("twitter:card") == "summary_large_image"
        assert page.one("og:title") and page.one("og:description"), where
        assert len(page.canonical) == 1 and page.canonical[0] == page.one("og:url"), where
        image = page.one("og:image")
        assert image.startswith(base + f"assets/bekal/cards/{lang}/"), where
        assert (real_site / image.removeprefix(base)).exists(), where
        url = page.one("og:url").removeprefix(base)
        match = re.fullmatch(r"(?:en/)?modul/([^/]+)/", url)
        if match and "go" not in Path(where).parts:
            module = project.modules[match.group(1)].data
            assert page.one("og:title") == module.title[lang], where
            assert page.one("og:description") == module.summary[lang], where


def test_preview_images_are_1200_by_630(real_site, project):
    cards = sorted((real_site / "assets/bekal/cards").rglob("*.png"))
    per_lang = len(project.tracks) + len([m for m in project.modules.values() if m.module]) + 1
    assert len(cards) == per_lang * len(project.config.codes)
    for card in cards:
        with Image.open(card) as image:
            assert image.size == (1200, 630), card


def target(page_file: Path, href: str) -> Path:
    """The file a relative link of a built page opens."""
    path = (page_file.parent / href.partition("#")[0]).resolve()
    return path / "index.html" if path.is_dir() else path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_hub_links_every_module_to_its_kit_page_and_stays_light(fixture_site, lang):
    """The hub only lists the modules: with everything on it, it weighed 25.6 KB gzip."""
    root, site = fixture_site
    project = load_project(root)
    hub_file = site / project.config.prefix(lang) / "kreator" / "index.html"
    hub = Page(hub_file)
    opened = {target(hub_file, href) for href in hub.links}
    for entry in (m for m in project.modules.values() if m.module):
        kit = site / project.routes.file(project.routes.creator_module(lang, entry.slug))
        assert kit.resolve() in opened, entry.slug
    assert hub.textareas == {} and not [i for i in hub.images if "qr/" in i["src"]]


@pytest.mark.parametrize(("lang", "copied"), [("id", "Disalin"), ("en", "Copied")])
def test_every_module_kit_page_gives_link_qr_caption_and_ways_back(fixture_site, lang, copied):
    root, site = fixture_site
    project = load_project(root)
    routes = project.routes
    for entry in (m for m in project.modules.values() if m.module):
        m = entry.data
        kit_file = site / routes.file(routes.creator_module(lang, entry.slug))
        page = Page(kit_file)
        where = kit_file.relative_to(site).as_posix()
        assert page.lang == lang, where
        assert short_url(project, lang, m.code) in kit_file.read_text("utf-8"), where
        (img,) = [i for i in page.images if i["src"].endswith(f"qr/{m.code}.svg")]
        assert img["alt"] and target(kit_file, img["src"]).exists(), where
        for kind in ("svg", "png"):
            (href,) = [h for h in page.links if h.endswith(f"qr/{m.code}.{kind}")]
            assert target(kit_file, href).exists(), where
        assert page.textareas[f"kit-{m.code}-caption"].strip(), where
        (button,) = page.buttons
        assert button["data-copied"] == copied and "hidden" in button, where
        opened = {target(kit_file, href) for href in page.links}
        for back in (routes.page(lang, "kreator/index.md"), routes.lesson(lang, entry.slug)):
            assert (site / routes.file(back)).resolve() in opened, (where, back)
        for other in project.config.codes:
            twin = site / routes.file(routes.creator_module(other, entry.slug))
            assert other == lang or twin.resolve() in opened, (where, other)


@pytest.mark.browser
def test_copy_button_works_by_keyboard_and_announces(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "kreator/")
    page.locator(".bekal-kit-list a").first.click()
    page.wait_for_load_state()
    button = page.locator(".bekal-copy").first
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(".bekal-copy-status").first
    status.filter(has_text="Disalin").wait_for()
    caption = page.locator(".bekal-kit-caption").first.input_value()
    assert page.evaluate("navigator.clipboard.readText()") == caption


@pytest.mark.browser
def test_kit_pages_links_are_44_px_tap_targets_at_360px(page, site_url, project):
    """The bar of every page a kit writes itself, and the module kit page's own links (short
    links, QR downloads, sources of the facts), at least 44 px tall on a phone."""
    page.set_viewport_size({"width": 360, "height": 740})
    slug = next(s for s, e in project.modules.items() if e.quiz and e.data.sections)
    small = []
    for url in (project.routes.creator_module("id", slug), project.routes.worksheet("en", slug)):
        page.goto(site_url + url)
        boxes = page.evaluate("""() => [...document.querySelectorAll(
            ".kit-bar a, .bekal-kit-link a, .bekal-kit-sections a, .bekal-kit-facts li > a")]
            .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])""")
        assert len(boxes) >= 3, (url, boxes)
        small += [(url, text, height) for text, height in boxes if height < 44]
    assert not small, small


@pytest.mark.browser
def test_short_link_opens_the_section_in_the_browser(page, site_url):
    page.goto(site_url + "en/go/p1-langkah/")
    page.wait_for_url(site_url + "en/modul/jalur-resmi/#langkah")
    assert page.locator("html").get_attribute("lang") == "en"


def test_preview_cards_of_different_tracks_and_modules_are_not_alike():
    from bekal.render.creator.cards import Card, draw_card

    def corner(card):
        return draw_card(card).getpixel((5, 5))

    first = Card("Jalur", "Judul", "Isi", "contoh.org/go/p1", tone=0, mark="P1")
    other_track = Card("Jalur", "Judul", "Isi", "contoh.org/go/h1", tone=1, mark="H1")
    assert corner(first) != corner(other_track)
    same_track = Card("Jalur", "Judul", "Isi", "contoh.org/go/p2", tone=0, mark="P2")
    assert draw_card(first).tobytes() != draw_card(same_track).tobytes()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_fact_of_the_kit_links_to_its_source_on_the_page(fixture_site, lang):
    """A creator who quotes a fact finds, one tap away, who published it and how it was
    checked: the kit links each fact to its entry in the page's list of sources."""
    root, site = fixture_site
    project = load_project(root)
    html = (site / project.routes.file(project.routes.creator_module(lang, "dua"))
            ).read_text("utf-8")
    for key in KIT_FACTS:
        anchor = factrender.anchor(key)
        assert f'<a class="bekal-kit-source" href="#{anchor}">' in html, key
        entry = re.search(rf'<li id="{anchor}"[^>]*>(.*?)</li>', html, re.S)
        assert entry, f"{key} is not in the page's sources"
        sentence = factrender.sources_sentence(project, project.fact(key), lang)
        assert unescape(sentence) in unescape(entry.group(1)), key  # who, when and how
