"""Lighter HTML and fingerprinted assets (bekal/optimize.py) keep pages as they were."""

from __future__ import annotations

import re
from pathlib import Path

from bekal.pipeline.optimize import compact, optimize_site


def test_indentation_goes_but_whitespace_that_shows_stays():
    html = ("<ul>\n    <li>\n      <a href='x'>one</a>\n      <a href='y'>two</a>\n    </li>\n"
            "</ul>\n<pre><code>  keep\n    this</code></pre>\n<textarea>\n  and this\n"
            "</textarea>\n<p>a <code>x  \n  y</code> b</p>\n<script>\n  var a = 1;\n</script>")
    out = compact(html)
    assert "<ul>\n<li>\n<a href='x'>one</a>\n<a href='y'>two</a>\n</li>\n</ul>" in out
    assert "<pre><code>  keep\n    this</code></pre>" in out
    assert "<textarea>\n  and this\n</textarea>" in out
    assert "<code>x  \n  y</code>" in out
    assert "<script>\n  var a = 1;\n</script>" in out


def site_with_page(root: Path, css: str) -> Path:
    (root / "assets").mkdir(parents=True)
    (root / "assets/bekal.css").write_text(css)
    (root / "assets/main.57a0d79d.min.css").write_text("main")
    (root / "modul/x").mkdir(parents=True)
    (root / "modul/x/index.html").write_text(
        '<link rel="stylesheet" href="../../assets/bekal.css">\n'
        '<link rel="stylesheet" href="../../assets/main.57a0d79d.min.css">\n'
        '<link rel="canonical" href="https://example.org/modul/x/">\n'
        '<a href="../../assets/bekal.css">a link, not an asset the page loads</a>')
    return root


def linked(site: Path) -> str:
    return re.search(r'href="\.\./\.\./assets/(bekal[^"]*)"',
                     (site / "modul/x/index.html").read_text()).group(1)


def test_linked_assets_get_a_content_hash_in_their_name(tmp_path):
    site = site_with_page(tmp_path / "a", "a { color: red }")
    optimize_site(site)
    name = linked(site)
    assert re.fullmatch(r"bekal\.[0-9a-f]{10}\.css", name)
    assert (site / "assets" / name).read_text() == "a { color: red }"
    assert (site / "assets/bekal.css").exists()  # the plain name still works
    page = (site / "modul/x/index.html").read_text()
    assert 'href="../../assets/main.57a0d79d.min.css"' in page  # already hashed: unchanged
    assert 'href="https://example.org/modul/x/"' in page
    assert '<a href="../../assets/bekal.css">' in page

    other = site_with_page(tmp_path / "b", "a { color: blue }")
    optimize_site(other)
    assert linked(other) != name  # new content, new name: browsers fetch it
