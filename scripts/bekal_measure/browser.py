"""Debian's Chromium driven by Playwright, the same way the tests drive it."""

from __future__ import annotations

from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# A mid-range phone: what most readers hold.
PHONE = {"viewport": {"width": 390, "height": 800}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


@contextmanager
def chromium():
    """Yield a launched Playwright Chromium browser; closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
