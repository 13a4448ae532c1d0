"""The theme is Material's, changed by blocks: every linked asset exists, no hashed Material
name is frozen in overrides/, the footer names the publisher in the page's language."""

from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from bekal.model import publisher
from bekal.render import theme
from conftest import ROOT

HASHED = re.compile(r"\b[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)\b")


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def linked_assets(page: Path) -> list[str]:
    parser = _Assets()
    parser.feed(page.read_text("utf-8"))
    return parser.urls


def test_every_stylesheet_and_script_a_page_links_to_exists(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 20
    missing, seen = [], set()
    for page in pages:
        for url in linked_assets(page):
            parts = urlsplit(url)
            assert not parts.scheme and not url.startswith("//"), f"{page}: outside asset {url}"
            base = real_site if parts.path.startswith("/") else page.parent  # 404 pages
            target = (base / parts.path.lstrip("/")).resolve()
            seen.add(target.suffix)
            if not target.is_file():
                missing.append(f"{page.relative_to(real_site)}: {url}")
    assert {".css", ".js"} <= seen
    assert not missing, "\n".join(missing[:20])


def test_every_page_loads_bekals_theme_in_one_stylesheet_and_nothing_of_materials(real_site):
    page = (real_site / "modul" / "dokumen" / "index.html").read_text("utf-8")
    # one screen stylesheet, fingerprinted by the build: Bekal's base theme (in place of
    # Material's sheet), purged, and Bekal's parts after it (bekal/pipeline/cssbundle.py)
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', page)
    assert len(sheets) == 1 and re.search(r"assets/bekal-site\.[0-9a-f]{10}\.css$", sheets[0])
    bundle = (real_site / "modul" / "dokumen" / sheets[0]).resolve().read_text("utf-8")
    theme = (real_site / "assets" / "theme.css").read_text("utf-8")
    charset = '@charset "UTF-8";'
    # the theme comes first (its print rules follow it in the bundle, folded in)
    assert bundle.removeprefix(charset).lstrip()[:500] == theme.removeprefix(charset).lstrip()[:500]
    assert bundle.index(".md-typeset") < bundle.index(".bekal-")
    assert "--md-" not in bundle  # none of Material's variables: none of its rules
    assert "assets/stylesheets/" not in page and "assets/javascripts/bundle." not in page


def test_overrides_copy_no_material_base_and_freeze_no_hashed_asset_name():
    assert not (ROOT / "overrides" / "base.html").exists()
    frozen = [f"{path.relative_to(ROOT)}: {m.group(0)}"
              for path in (ROOT / "overrides").rglob("*") if path.is_file()
              and path.suffix in (".html", ".css", ".js")
              for m in HASHED.finditer(path.read_text("utf-8"))]
    assert frozen == []


def test_material_is_pinned_to_the_minor_version_the_overrides_were_written_for():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    spec = next(d for d in project["project"]["dependencies"] if d.startswith("mkdocs-material"))
    low = re.search(r">=\s*(\d+)\.(\d+)", spec)
    high = re.search(r"<\s*(\d+)\.(\d+)", spec)
    assert low and high, f"{spec}: give a lower and an upper bound"
    lock = (ROOT / "requirements.lock").read_text("utf-8")
    pinned = re.search(r"^mkdocs-material==(\d+)\.(\d+)", lock, re.M)
    locked = tuple(int(x) for x in pinned.groups())
    assert (int(low[1]), int(low[2])) <= locked < (int(high[1]), int(high[2]))
    assert (int(high[1]), int(high[2])) <= (locked[0], locked[1] + 1), "one minor version only"


def test_the_installed_material_is_inside_the_pin():
    from importlib.metadata import version
    spec = next(d for d in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
                ["project"]["dependencies"] if d.startswith("mkdocs-material"))
    low, high = re.search(r">=\s*([\d.]+)\s*,\s*<\s*([\d.]+)", spec).groups()
    installed = tuple(int(x) for x in version("mkdocs-material").split(".")[:2])
    assert tuple(int(x) for x in low.split(".")[:2]) <= installed
    assert installed < tuple(int(x) for x in high.split(".")[:2])


def test_tidy_drops_what_no_block_reaches_and_keeps_the_drawer():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
            'autocomplete="off">\n<input class="md-toggle" data-md-toggle="search" '
            'type="checkbox" id="__search" autocomplete="off">\n<label for="__drawer"></label>'
            '<div class="md-dialog" data-md-component="dialog">\n'
            '<div class="md-dialog__inner md-typeset"></div>\n</div>\n'
            '<input type="search" name="q" autocomplete="off">')
    out = theme.tidy(html)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in out
    assert "__search" not in out and "md-dialog" not in out
    assert '<input type="search" name="q" autocomplete="off">' in out  # not a theme toggle


def test_tidy_drops_materials_script_hooks_outside_the_article_and_keeps_the_drawer_switch():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
            '<div data-md-component="announce">\n</div>\n'
            '<div class="md-sidebar" data-md-component="sidebar" data-md-type="navigation" >'
            '<nav class="md-nav" data-md-level="1"><ul class="md-nav__list" data-md-scrollfix>'
            '</ul></nav></div><article class="md-content__inner">'
            '<p data-md-component="x">the author\'s</p></article>'
            '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix></ul>')
    out = theme.tidy(html)
    assert 'data-md-toggle="drawer"' in out and "announce" not in out
    assert '<div class="md-sidebar" >' in out and '<nav class="md-nav">' in out
    assert '<ul class="md-nav__list"></ul>' in out
    assert '<p data-md-component="x">the author\'s</p>' in out  # the article is left alone
    assert out.count("data-md-") == 2


def test_publisher_in_each_language_with_its_contact_and_date():
    block = {"name": {"id": "Proyek Bekal", "en": "The Bekal project"},
             "description": {"id": "Deskripsi.", "en": "Description."},
             "contact": "tentang/#penerbit", "logo": "assets/logo.svg", "reviewed": "2026-11"}
    id_ = publisher.publisher(block, "id", "id", "")
    en = publisher.publisher(block, "en", "id", "en/")
    assert (id_.name, id_.contact_url, id_.reviewed) == ("Proyek Bekal", "tentang/#penerbit",
                                                         "November 2026")
    assert (en.name, en.description, en.contact_url) == ("The Bekal project", "Description.",
                                                         "en/tentang/#penerbit")
    assert publisher.format_date("2026-03-05", "id") == "5 Maret 2026"
    assert publisher.format_date("sometime", "en") == ""
    assert publisher.publisher({"contact": "x"}, "id", "id") is None
    assert publisher.publisher({"name": "N", "contact": "https://example.org/"}, "en", "id",
                               "en/").contact_url == "https://example.org/"


def footer(page: Path) -> str:
    html = page.read_text("utf-8")
    return html[html.index("<footer"):html.index("</footer>")]


def test_footer_names_the_publisher_in_the_pages_language(real_site):
    block = publisher.read_block(ROOT)
    for path, lang, words in (("index.html", "id", "Diterbitkan oleh"),
                              ("modul/dokumen/index.html", "id", "Diterbitkan oleh"),
                              ("en/modul/dokumen/index.html", "en", "Published by"),
                              ("en/404.html", "en", "Published by")):
        text = footer(real_site / path)
        assert words in text and block["name"][lang] in text, path
        assert "Made with" not in text, path
    about = (real_site / "tentang" / "index.html").read_text("utf-8")
    assert 'id="penerbit"' in about and 'class="bekal-publisher"' in about
