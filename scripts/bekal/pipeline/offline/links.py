"""Links that work from file://: a folder link gets its index.html, everything is checked.

A browser opening ``file:///…/modul/x/`` shows a folder listing, not the page, so every
relative link to a folder that holds an index.html is rewritten to that file. Links to
the public site's own address become relative too, so they stay inside the bundle.
Whatever still points at nothing in the bundle is reported.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

TAG = re.compile(r"<(a|link|script|img|source|iframe|form|meta)\b[^>]*>", re.I)
ATTR = re.compile(r'\b(href|src|action)=(["\'])(.*?)\2', re.I | re.S)
REFRESH = re.compile(r'(\bcontent=(["\'])\s*\d+\s*;\s*url=)(.*?)(\2)', re.I | re.S)
CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


@dataclass(frozen=True)
class BrokenLink:
    page: str   # relative to the bundle root
    url: str

    def format(self) -> str:
        return f"{self.page}: {self.url}"


class LinkFixer:
    def __init__(self, root: Path, site_url: str):
        self.root = root.resolve()
        self.site_url = site_url
        self.broken: list[BrokenLink] = []

    def _local(self, page: Path, url: str) -> str | None:
        """The working relative URL for ``url`` on ``page``, or None when it leads nowhere."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        tail = (f"?{parts.query}" if parts.query else "") + \
            (f"#{parts.fragment}" if parts.fragment else "")
        if not path:
            return url
        if path.startswith("/"):
            return None
        target = (page.parent / path).resolve()
        if target != self.root and self.root not in target.parents:
            return None
        if target.is_file():
            return url
        if target.is_dir() and (target / "index.html").is_file():
            return posixpath.join(parts.path or ".", "index.html") + tail
        return None

    def _from_site(self, page: Path, url: str) -> str | None:
        """A link to the public site's own address, as a relative link inside the bundle."""
        parts = urlsplit(url[len(self.site_url):])
        here = page.parent.relative_to(self.root).as_posix()
        rel = posixpath.relpath(parts.path or ".", here or ".")
        if not parts.path or parts.path.endswith("/"):
            rel = rel.rstrip("/") + "/"
        tail = (f"?{parts.query}" if parts.query else "") + \
            (f"#{parts.fragment}" if parts.fragment else "")
        return self._local(page, rel + tail)

    def _rewrite(self, page: Path, url: str, site_links: bool) -> str:
        url = url.strip()
        if site_links and url.startswith(self.site_url):
            return self._from_site(page, url) or url
        if not url or EXTERNAL.match(url):
            return url
        fixed = self._local(page, url)
        if fixed is None:
            self.broken.append(BrokenLink(page.relative_to(self.root).as_posix(), url))
            return url
        return fixed

    def fix_page(self, page: Path) -> bool:
        html = page.read_text("utf-8")

        def tag(match: re.Match) -> str:
            element = match.group(0)
            name = match.group(1).lower()
            if name == "meta":
                return REFRESH.sub(lambda m: m.group(1) + self._rewrite(page, m.group(3), False)
                                   + m.group(4), element)
            if name == "link" and re.search(r'rel=["\']?(canonical|alternate)', element, re.I):
                return element  # addresses of the public site, for search engines
            return ATTR.sub(lambda m: f"{m.group(1)}={m.group(2)}"
                            f"{self._rewrite(page, m.group(3), name == 'a')}{m.group(2)}",
                            element)

        new = TAG.sub(tag, html)
        if new != html:
            page.write_text(new, "utf-8")
        return new != html

    def check_css(self, sheet: Path) -> None:
        for match in CSS_URL.finditer(sheet.read_text("utf-8", errors="replace")):
            url = match.group(2).strip()
            if EXTERNAL.match(url) or url.startswith("data:"):
                continue
            if self._local(sheet, url) is None:
                self.broken.append(BrokenLink(sheet.relative_to(self.root).as_posix(), url))


def fix_links(root: Path, site_url: str) -> list[BrokenLink]:
    """Rewrite every page under ``root`` for file://; return the links that lead nowhere."""
    fixer = LinkFixer(root, site_url)
    for page in sorted(root.rglob("*.html")):
        fixer.fix_page(page)
    for sheet in sorted(root.rglob("*.css")):
        fixer.check_css(sheet)
    return fixer.broken
