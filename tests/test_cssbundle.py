"""One stylesheet per first view (bekal/pipeline/cssbundle.py), on small sites of its own."""

from __future__ import annotations

import re
from pathlib import Path

from bekal.pipeline.cssbundle import BUNDLE, BundleSkipped, bundle_styles

SHEETS = {"assets/stylesheets/main.css": '@charset "UTF-8";.md-a{color:red}',
          "assets/quiz.css": ".bekal-q{color:green}",
          "assets/bekal.css": ".bekal-b{color:blue}",
          "assets/print.css": "a::after{content:attr(href)}"}


def link(href: str, media: str = "") -> str:
    return f'<link rel="stylesheet" href="{href}"{media}>\n'


def page(*links: str, body: str = "<p>x</p>") -> str:
    return f"<!doctype html><html><head>{''.join(links)}</head><body>{body}</body></html>"


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, text in {**SHEETS, **pages}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    return tmp_path


def screen_links(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)


def test_every_page_links_one_bundle_in_an_order_each_page_agrees_with(tmp_path):
    root = site(tmp_path, {
        "index.html": page(link("assets/stylesheets/main.css"), link("assets/bekal.css"),
                           link("assets/print.css", ' media="print"')),
        "modul/a/index.html": page(link("../../assets/stylesheets/main.css"),
                                   link("../../assets/quiz.css"),
                                   link("../../assets/bekal.css")),
        "404.html": page(link("/assets/stylesheets/main.css"), link("/assets/bekal.css")),
        "slides.html": "<!doctype html><html><head></head><body>no sheet</body></html>",
    })
    order = bundle_styles(root)
    assert order == ["assets/stylesheets/main.css", "assets/quiz.css", "assets/bekal.css"]
    bundle = (root / BUNDLE).read_text("utf-8")
    # Material's rules first, then the quiz's, then Bekal's: the cascade every page had
    assert bundle.index(".md-a") < bundle.index(".bekal-q") < bundle.index(".bekal-b")
    assert bundle.count("@charset") == 1 and bundle.startswith("@charset")
    home = (root / "index.html").read_text("utf-8")
    assert screen_links(home) == [BUNDLE]
    assert 'href="assets/print.css" media="print"' in home  # print stays apart
    assert screen_links((root / "modul/a/index.html").read_text("utf-8")) == [f"../../{BUNDLE}"]
    assert screen_links((root / "404.html").read_text("utf-8")) == [f"/{BUNDLE}"]
    assert "no sheet" in (root / "slides.html").read_text("utf-8")
    for rel in SHEETS:  # the sheets stay, for links from outside the site
        assert (root / rel).is_file()


def test_pages_that_disagree_on_the_order_keep_their_own_links(tmp_path):
    pages = {"a.html": page(link("assets/quiz.css"), link("assets/bekal.css")),
             "b.html": page(link("assets/bekal.css"), link("assets/quiz.css"))}
    root = site(tmp_path, pages)
    assert isinstance(bundle_styles(root), BundleSkipped)
    assert not (root / BUNDLE).exists()
    assert {rel: (root / rel).read_text("utf-8") for rel in pages} == pages


def test_a_page_with_a_style_element_keeps_every_link(tmp_path):
    pages = {"a.html": page(link("assets/quiz.css"), "<style>p{color:red}</style>",
                            link("assets/bekal.css"))}
    root = site(tmp_path, pages)
    skipped = bundle_styles(root)
    assert isinstance(skipped, BundleSkipped) and "a.html" in skipped.reason
    assert (root / "a.html").read_text("utf-8") == pages["a.html"]


def test_outside_and_missing_sheets_are_left_as_linked(tmp_path):
    root = site(tmp_path, {"a.html": page(link("https://example.org/x.css"),
                                          link("assets/gone.css"), link("assets/bekal.css"),
                                          link("assets/quiz.css"))})
    assert bundle_styles(root) == ["assets/bekal.css", "assets/quiz.css"]
    assert screen_links((root / "a.html").read_text("utf-8")) == [
        "https://example.org/x.css", "assets/gone.css", BUNDLE]
