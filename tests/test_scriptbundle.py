"""The deferred scripts of a page become one file that runs the same code in the same order
(pipeline/scriptbundle.py), on sites of the tests' own."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from bekal.pipeline.scriptbundle import bundle_scripts

A = '(function () { globalThis.order = (globalThis.order || []).concat("a"); })();\n'
B = 'globalThis.order.push("b")\n'  # no ';': the next script starts with '('
C = '(function () { globalThis.order.push("c"); })()\n'


def page(scripts: str, up: str = "") -> str:
    return (f'<!doctype html><html><head><script>var early = 1;</script></head><body>'
            f'<p>Isi</p>\n{scripts.format(up=up)}</body></html>\n')


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "assets").mkdir()
    for name, text in (("a.js", A), ("b.js", B), ("c.js", C)):
        (tmp_path / "assets" / name).write_text(text, "utf-8")
    return tmp_path


def write(site, rel, html):
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, "utf-8")
    return path


TRIO = ('<script src="{up}assets/a.js" defer></script>\n<p>tengah</p>\n'
        '<script src="{up}assets/b.js" defer></script>\n'
        '<script src="{up}assets/c.js" defer></script>\n')


def test_pages_with_the_same_scripts_share_one_file_in_their_order(site):
    home = write(site, "index.html", page(TRIO))
    lesson = write(site, "modul/x/index.html", page(TRIO, "../../"))
    bundles = bundle_scripts(site)
    assert bundles == {"assets/scripts-a-b-c.js": ["assets/a.js", "assets/b.js", "assets/c.js"]}
    assert '<script src="assets/scripts-a-b-c.js" defer></script>' in home.read_text("utf-8")
    lesson_html = lesson.read_text("utf-8")
    assert '<script src="../../assets/scripts-a-b-c.js" defer></script>' in lesson_html
    assert lesson_html.count("<script src=") == 1
    assert "<p>tengah</p>" in lesson_html and "var early = 1;" in lesson_html
    joined = (site / "assets/scripts-a-b-c.js").read_text("utf-8")
    assert joined.index("concat") < joined.index('push("b")') < joined.index('push("c")')
    assert (site / "assets/b.js").is_file()  # still there for anything that links it


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_the_joined_file_runs_each_script_whole_and_in_order(site):
    write(site, "index.html", page(TRIO))
    bundle_scripts(site)
    code = (site / "assets/scripts-a-b-c.js").read_text("utf-8")
    result = subprocess.run(["node", "-e", code + "\nconsole.log(globalThis.order.join(','))"],
                            capture_output=True, text=True)
    assert result.stdout.strip() == "a,b,c", result.stderr
    # the same text without the separator fails: b's line would call c's function
    broken = subprocess.run(["node", "-e", A + B + C], capture_output=True, text=True)
    assert broken.returncode != 0


@pytest.mark.parametrize("scripts", [
    '<script src="assets/a.js" defer></script>\n',  # one script: nothing to join
    '<script src="assets/a.js" defer></script>\n<script src="assets/b.js" async></script>\n',
    '<script src="assets/a.js" defer></script>\n<script type="module" src="assets/c.js">'
    '</script>\n<script src="assets/b.js" defer></script>\n',  # modules share the queue
    '<script src="assets/a.js" defer></script>\n<script src="assets/none.js" defer></script>\n'
    '<script src="assets/b.js" defer></script>\n',  # not a file of the site
    '<script src="https://example.org/x.js" defer></script>\n'
    '<script src="assets/a.js" defer></script>\n<script src="assets/b.js" defer></script>\n',
], ids=["one", "async", "module", "missing", "remote"])
def test_a_page_whose_order_joining_could_change_keeps_its_links(site, scripts):
    html = page(scripts)
    path = write(site, "index.html", html)
    assert bundle_scripts(site) == {}
    assert path.read_text("utf-8") == html


def test_a_page_that_links_from_the_root_gets_the_bundle_from_the_root(site):
    path = write(site, "404.html", page(TRIO.replace("{up}", "/")))
    bundle_scripts(site)
    assert '<script src="/assets/scripts-a-b-c.js" defer></script>' in path.read_text("utf-8")
