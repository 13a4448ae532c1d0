"""In Chromium: pages in both languages, the language switch, and every request local and OK."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def record(page):
    requests, failures = [], []
    page.on("request", lambda r: requests.append(r.url))
    # A request the browser cancels because the reader moved on (net::ERR_ABORTED) did
    # not fail; anything else that fails, or any 4xx/5xx answer, does.
    page.on("requestfailed", lambda r: failures.append((r.url, r.failure))
            if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: failures.append((r.url, r.status)) if r.status >= 400 else None)
    return requests, failures


def test_pages_and_language_switch_make_only_local_successful_requests(page, site_url):
    requests, failures = record(page)
    module = "modul/dokumen/"
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "id"
    page.goto(site_url + module)
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == site_url + "en/" + module
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(site_url + "en/")
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_load_state()
    assert page.url == site_url
    page.locator("header .bekal-help").click()
    page.wait_for_load_state()
    assert page.url == site_url + "bantuan/"
    assert requests, "no request recorded"
    outside = [u for u in requests if urlparse(u).hostname not in ("127.0.0.1", None)
               and not u.startswith("data:")]
    assert outside == []
    assert failures == []
