"""Page weight as a reader pays it: bytes on the wire for everything a page view loads.

A view is recorded through the Chrome DevTools Protocol: every request, its status and its
encoded (gzip) size including headers. The first view runs in a fresh browser context (cold
cache); later views in the same context reuse its cache, like a reader who moves on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# What a view may cost (gzip, with headers), held by tests/test_weight.py and reported by
# `make audit`. Reached with Bekal's own base theme in place of Material's stylesheet, the
# CSS purge, one bundled stylesheet, one joined script per page, scripts with only their
# language's words, the phone script's saving and listening parts loaded on a tap and the
# quiz script when the reader comes near the quiz, and each page's sources list on a page of
# its own (render/sourcepage.py): a module page with a quiz, first view 22.9 KB (id; 23.2
# en) = its HTML 9.5 KB + the stylesheet 8.8 KB + the joined script 4.3 KB + the logo, in 4
# requests; the help page 20.6 KB; the next module up to 10 KB (its own HTML: the longest
# lessons, 9.7 KB). Every page type's first view is held to the same budget (the creators'
# hub was 38.6 KB with the whole kit on it; it is 13.0 KB). Generated lessons reach 17.9 /
# 4.7 KB; issue 24 aims at 20 / 6 for every lesson.
FIRST_VIEW_BUDGET = 25 * 1024
# the next view keeps room for a file the first view loads late (the quiz script, the logo)
NEXT_VIEW_BUDGET = 13 * 1024
STYLES_BUDGET = 10 * 1024  # the one stylesheet (10.9 KB with Material's, 26.6 before the purge)
# A view is over when no request has been open for this long after the load event
# (Playwright's "networkidle" waits 500 ms on every view, which is most of a test's time).
QUIET_S = 0.15
LONGEST_S = 30.0


@dataclass
class Transfer:
    url: str
    status: int = 0
    bytes: int = 0
    from_cache: bool = False
    error: str = ""  # the browser's words when the request failed ('net::ERR_…')


@dataclass
class View:
    url: str
    transfers: list[Transfer] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(t.bytes for t in self.transfers)

    @property
    def requests(self) -> int:
        """Requests that went to the network (a 304 counts, a cache hit does not)."""
        return sum(1 for t in self.transfers if not t.from_cache)

    @property
    def outside(self) -> list[str]:
        """URLs of requests to any host other than this machine."""
        return [t.url for t in self.transfers
                if urlsplit(t.url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(t.url).hostname not in LOCAL_HOSTS]

    @property
    def failed(self) -> list[tuple[str, int]]:
        """Requests that got an error or no answer. A file served from the cache is not one
        of them even when the browser reports its request as failed (under load, Chromium
        now and then reports a cached icon so): the view that brought it found it."""
        return [(t.url, t.status) for t in self.transfers
                if t.status >= 400 or (t.status == 0 and not t.from_cache)]

    def kb(self) -> float:
        return self.bytes / 1024


class Recorder:
    """Records the network traffic of one Playwright page over CDP."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self._by_id: dict[str, Transfer] = {}
        self._open: set[str] = set()
        self._last_event = time.monotonic()
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.requestServedFromCache", self._cached)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)

    def _sent(self, event):
        url = event["request"]["url"]
        self._last_event = time.monotonic()
        if not url.startswith("data:"):
            self._by_id[event["requestId"]] = Transfer(url)
            self._open.add(event["requestId"])

    def _response(self, event):
        transfer = self._by_id.get(event["requestId"])
        if transfer:
            response = event["response"]
            transfer.status = response["status"]
            transfer.from_cache = transfer.from_cache or response.get("fromDiskCache", False) \
                or response.get("fromMemoryCache", False)

    def _cached(self, event):
        if event["requestId"] in self._by_id:
            self._by_id[event["requestId"]].from_cache = True

    def _finished(self, event):
        self._closed(event)
        transfer = self._by_id.get(event["requestId"])
        if transfer and not transfer.from_cache:
            transfer.bytes = int(event["encodedDataLength"])

    def _failed(self, event):
        self._closed(event)
        transfer = self._by_id.get(event["requestId"])
        if transfer and not event.get("canceled"):
            transfer.status = 0
            transfer.error = event.get("errorText", "")

    def _closed(self, event):
        self._open.discard(event["requestId"])
        self._last_event = time.monotonic()

    def _wait_until_quiet(self) -> None:
        """Until no request is open and none has started or ended for ``QUIET_S``."""
        deadline = time.monotonic() + LONGEST_S
        while time.monotonic() < deadline:
            if not self._open and time.monotonic() - self._last_event >= QUIET_S:
                return
            self.page.wait_for_timeout(50)  # lets the browser's events arrive

    def view(self, url: str) -> View:
        """Load ``url`` and wait until the network is quiet; return what it cost."""
        self._by_id, self._open = {}, set()
        self.page.goto(url, wait_until="load")
        self._wait_until_quiet()
        return View(url, list(self._by_id.values()))


def first_and_next(browser, first_url: str, next_url: str, **context_args) -> tuple[View, View]:
    """A cold first view of ``first_url``, then ``next_url`` with the cache it left."""
    context = browser.new_context(**context_args)
    try:
        recorder = Recorder(context.new_page())
        return recorder.view(first_url), recorder.view(next_url)
    finally:
        context.close()
