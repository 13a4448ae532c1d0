"""Smaller scripts (bekal/pipeline/minify.py): the same program, fewer bytes."""

from __future__ import annotations

import gzip
import shutil
import subprocess

import pytest

from bekal.pipeline.minify import minify_scripts

SCRIPT = """/* A comment a reader should not pay for. */
(() => {
  "use strict";
  // the root of the site
  const root = `${location.origin}/`;
  const re = /\\/modul\\/([^/]+)\\//;
  const words = ["a  b", 'c   d'];
  return [root, re, words];
})();
"""


def test_comments_and_spaces_go_and_strings_regexes_and_templates_stay(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "bekal.js").write_text(SCRIPT, "utf-8")
    assert minify_scripts(tmp_path) == [tmp_path / "assets" / "bekal.js"]
    small = (tmp_path / "assets" / "bekal.js").read_text("utf-8")
    assert "comment" not in small and "the root" not in small
    for kept in ("`${location.origin}/`", r"/\/modul\/([^/]+)\//", '"a  b"', "'c   d'"):
        assert kept in small
    assert len(small) < len(SCRIPT) * 0.8


def test_the_search_library_material_and_minified_files_are_not_touched(tmp_path):
    untouched = {"pagefind/pagefind.js": SCRIPT, "assets/javascripts/bundle.js": SCRIPT,
                 "assets/x.min.js": SCRIPT}
    for rel, text in untouched.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    assert minify_scripts(tmp_path) == []
    assert {rel: (tmp_path / rel).read_text("utf-8") for rel in untouched} == untouched


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_every_script_of_the_real_site_is_smaller_and_still_parses(real_site):
    scripts = [p for p in real_site.rglob("*.js")
               if not p.is_relative_to(real_site / "pagefind")
               and not p.is_relative_to(real_site / "assets" / "javascripts")]
    assert len(scripts) >= 5
    broken = []
    for path in scripts:
        result = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        if result.returncode:
            broken.append(f"{path.relative_to(real_site)}: {result.stderr[-400:]}")
        text = path.read_text("utf-8")
        assert "/* " not in text[:200], f"{path.name} still starts with a comment"
    assert not broken, "\n".join(broken)
    phone = next(real_site.glob("assets/bekal-phone-id.*.js"))
    assert len(gzip.compress(phone.read_bytes())) < 5 * 1024
