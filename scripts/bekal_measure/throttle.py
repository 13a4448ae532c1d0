"""A page load over a slow mobile link.

The link is emulated with the Chrome DevTools Protocol: 400 kbit/s each way and 400 ms
round trip (a congested 3G/EDGE connection), with the cache off. Times come from the
protocol's network events (the page's own Navigation Timing does not see the emulated
delay) and from the page's paint timing for the first contentful paint.
"""

from __future__ import annotations

from dataclasses import dataclass

FCP = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"


@dataclass
class Timing:
    ttfb_ms: float        # from sending the request for the HTML to its first response byte
    fcp_ms: float | None  # first contentful paint
    last_byte_ms: float   # last byte of anything the page loaded


class _Clock:
    def __init__(self):
        self.start: float | None = None
        self.document: str | None = None
        self.first_byte: float | None = None
        self.last: float = 0.0

    def sent(self, event):
        if self.start is None and event.get("type") == "Document":
            self.start, self.document = event["timestamp"], event["requestId"]

    def response(self, event):
        if event["requestId"] == self.document and self.first_byte is None:
            self.first_byte = event["timestamp"]

    def finished(self, event):
        self.last = max(self.last, event["timestamp"])


def throttled_load(browser, url: str, kbps: int = 400, rtt_ms: int = 400,
                   **context_args) -> Timing:
    context = browser.new_context(**context_args)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        clock = _Clock()
        cdp.on("Network.requestWillBeSent", clock.sent)
        cdp.on("Network.responseReceived", clock.response)
        cdp.on("Network.loadingFinished", clock.finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        bytes_per_second = kbps * 1000 / 8
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": rtt_ms,
            "downloadThroughput": bytes_per_second, "uploadThroughput": bytes_per_second})
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        fcp = page.evaluate(FCP)
        return Timing(ttfb_ms=(clock.first_byte - clock.start) * 1000,
                      fcp_ms=fcp, last_byte_ms=(clock.last - clock.start) * 1000)
    finally:
        context.close()
