"""Every built page is valid HTML for the Nu HTML checker (the W3C validator); the trainer
kit's pages (hub, trainer guide, worksheet, answer key, slides) not even with a warning."""

from __future__ import annotations

from bekal.model.project import load_project
from bekal_measure.pagetypes import built_pages
from bekal_measure.validate import check_html
from conftest import ROOT

PROJECT = load_project(ROOT)
KIT_PAGES = ("pelatih", "lembar-kerja", "kunci", "slide")


def kit_pages(site) -> set[str]:
    """The trainer hub and the first module's kit pages, in every language."""
    first = next(entry for _, entry in sorted(PROJECT.modules.items()) if entry.module)
    pages = set()
    for lang in PROJECT.config.codes:
        prefix = PROJECT.config.prefix(lang)
        pages.add(f"{prefix}pelatih/index.html")
        pages |= {f"{prefix}modul/{first.slug}/{kind}/index.html" for kind in KIT_PAGES}
    assert all((site / page).exists() for page in pages), sorted(pages)
    return pages


def test_every_page_is_valid_html_and_kit_pages_have_no_warning(real_site):
    pages = built_pages(real_site)
    assert len(pages) > 20
    kit = kit_pages(real_site)
    # one run of the checker for both: starting Java costs more than most pages
    found = check_html(ROOT, pages, real_site, warnings=True)
    errors = [e for e in found if e.kind == "error"]
    assert not errors, "\n".join(e.format() for e in errors)
    kit_warnings = [e for e in found if e.file in kit]
    assert not kit_warnings, "\n".join(e.format() for e in kit_warnings)
