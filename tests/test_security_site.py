"""The safety invariant over every built page: the real site, and a site built from a
fixture full of payloads with the check switched off (the sanitizer alone must hold)."""

from __future__ import annotations

import re

import pypdf
import pytest
from security_invariant import page_problems, site_problems
from security_payloads import BAD_FILES, MARK, SLUG, build_payload_project

from conftest import run_build


def test_real_site_keeps_the_invariant(real_site):
    assert site_problems(real_site) == []


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("payload-site")
    root = build_payload_project(base / "project", base / "outside")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("strict: true", "strict: false")
    config.write_text(re.sub(r"(?m)^  - bekal$", "  - bekal:\n      check: false", text), "utf-8")
    site = base / "site"
    result = run_build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_payload_site_keeps_the_invariant(payload_site):
    assert site_problems(payload_site) == []


def test_payload_pages_were_built(payload_site):
    """The invariant must not pass because the pages are missing."""
    page = (payload_site / "uji" / "attr-no-space" / "index.html").read_text("utf-8")
    assert MARK in page
    assert (payload_site / "uji" / "aman" / "index.html").exists()


def test_safe_markup_survives(payload_site):
    page = (payload_site / "uji" / "aman" / "index.html").read_text("utf-8")
    assert '<a href="https://example.org/">situs lain</a>' in page
    assert "<details>" in page and '<div class="catatan">' in page
    assert re.search(r'<th style="text-align: ?left;?">a</th>', page)


def test_files_that_are_not_content_are_not_published(payload_site):
    names = {p.name for p in payload_site.rglob("*")}
    for rel in BAD_FILES:
        assert rel.rsplit("/", 1)[1] not in names
    assert "rahasia.txt" not in names
    assert not (payload_site / "luar").exists()
    assert not (payload_site / "folder-luar").exists()
    for path in payload_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".txt", ".xml", ".json", ".js"):
            assert "RAHASIA-SECRET" not in path.read_text("utf-8", errors="replace"), path


def test_yaml_texts_are_shown_as_text(payload_site):
    """Track, module, UI and glossary texts with HTML reach pages as visible text only."""
    home = (payload_site / "index.html").read_text("utf-8")
    module = (payload_site / "modul" / SLUG / "index.html").read_text("utf-8")
    glossary = (payload_site / "glosarium" / "index.html").read_text("utf-8")
    for page in (home, module, glossary):
        assert f"<b>{MARK}</b>" not in page
        assert page_problems(page) == []
    assert f"&lt;b&gt;{MARK}&lt;/b&gt;" in home  # the track title in the menu
    assert f"Judul &lt;b&gt;{MARK}" in module
    assert f"Poin &lt;b&gt;{MARK}" in module
    assert f"Pekerja Migran Indonesia &lt;b&gt;{MARK}" in glossary
    assert "onmouseover" not in glossary


def test_front_matter_title_is_text(payload_site):
    page = (payload_site / "uji" / "front-matter-title" / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title
    assert "</title><script>" not in page


def test_handout_pdf_embeds_nothing(payload_site):
    pdf = payload_site / "modul" / SLUG / f"bekal-{SLUG}-id.pdf"
    reader = pypdf.PdfReader(pdf)
    assert reader.attachments == {}
    assert b"root:x:0:0" not in pdf.read_bytes()


def test_checked_build_refuses_payloads_and_keeps_the_last_site(tmp_path):
    root = build_payload_project(tmp_path / "project", tmp_path / "outside")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", "utf-8")
    (site / ".bekal-site").write_text("", "utf-8")  # a site an earlier build wrote
    result = run_build(root, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "[unsafe-html]" in output and "[symlink]" in output
    assert (site / "index.html").read_text("utf-8") == "last good build"
