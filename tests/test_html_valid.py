"""Every built page is valid HTML for the Nu HTML checker (the W3C validator)."""

from __future__ import annotations

from bekal_measure.pagetypes import built_pages
from bekal_measure.validate import check_html
from conftest import ROOT


def test_every_page_is_valid_html(real_site):
    pages = built_pages(real_site)
    assert len(pages) > 20
    errors = check_html(ROOT, pages, real_site)
    assert not errors, "\n".join(e.format() for e in errors)
