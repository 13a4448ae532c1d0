"""A page load over a slow mobile link, timed by the browser itself.

The link is emulated with the Chrome DevTools Protocol: 400 kbit/s each way and 400 ms
round trip (a congested 3G/EDGE connection), with the cache off.
"""

from __future__ import annotations

from dataclasses import dataclass

TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const ends = performance.getEntriesByType('resource').map(r => r.responseEnd);
  return {ttfb: nav.responseStart, fcp: fcp ? fcp.startTime : null,
          last_byte: Math.max(nav.responseEnd, ...ends), load: nav.loadEventEnd};
}"""


@dataclass
class Timing:
    ttfb_ms: float        # first byte of the HTML
    fcp_ms: float | None  # first contentful paint
    last_byte_ms: float   # last byte of anything the page loaded
    load_ms: float        # load event done


def throttled_load(browser, url: str, kbps: int = 400, rtt_ms: int = 400,
                   **context_args) -> Timing:
    context = browser.new_context(**context_args)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        bytes_per_second = kbps * 1000 / 8
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": rtt_ms,
            "downloadThroughput": bytes_per_second, "uploadThroughput": bytes_per_second})
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        t = page.evaluate(TIMINGS)
        return Timing(t["ttfb"], t["fcp"], t["last_byte"], t["load"])
    finally:
        context.close()
