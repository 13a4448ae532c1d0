"""Lighter HTML and cacheable assets for the built site (run on the new site before the swap).

- Template indentation is dropped: any run of whitespace that holds a line break becomes one
  line break, which renders the same, except inside elements that keep whitespace
  (pre, textarea, code, kbd) and inside script and style, which are left alone.
- Stylesheets, scripts and icons the pages link to get a content hash in their file name
  (``bekal.css`` -> ``bekal.3f2a9c1d7e.css``) and every page links to that name, so a host
  can let browsers keep them for a year: the next page costs only its own HTML.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|code|kbd|script|style)\b.*?</\2\s*>)",
                             re.S | re.I)
LINE_BREAK_RUN = re.compile(r"[ \t]*\n\s*")
ASSET_LINK = re.compile(r'(<(?:link|script)\b[^>]*?\b(?:href|src)=")([^"#?]+)(")', re.I)
FINGERPRINTED = re.compile(r"[._][0-9a-f]{7,}\.")
CACHEABLE = {".css", ".js", ".png", ".svg", ".ico", ".webp"}


class OptimizeError(ValueError):
    """A built page that cannot be read as text (its source was not UTF-8)."""


def compact(html: str) -> str:
    parts = KEEP_WHITESPACE.split(html)
    # split() yields: text, kept element, its tag name, text, kept element, tag name, ...
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(LINE_BREAK_RUN.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def _hashed_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return f"{path.stem}.{digest}{path.suffix}"


def _local_asset(site: Path, page: Path, url: str) -> Path | None:
    if urlsplit(url).scheme or url.startswith("//"):
        return None
    target = (site / url.lstrip("/")) if url.startswith("/") else (page.parent / url)
    target = target.resolve()
    if site not in target.parents or not target.is_file():
        return None
    if target.suffix.lower() not in CACHEABLE or FINGERPRINTED.search(target.name):
        return None
    return target


def optimize_site(site_dir: Path) -> int:
    """Compact every HTML page and fingerprint the assets they link; return pages changed."""
    site = site_dir.resolve()
    hashed: dict[Path, str] = {}

    def relink(page: Path, match: re.Match) -> str:
        url = match.group(2)
        target = _local_asset(site, page, url)
        if target is None:
            return match.group(0)
        if target not in hashed:
            hashed[target] = _hashed_name(target)
            # the plain name stays too, for anything that links to it from outside the site
            shutil.copy2(target, target.with_name(hashed[target]))
        new_url = url.rsplit("/", 1)[0] + "/" + hashed[target] if "/" in url else hashed[target]
        return match.group(1) + new_url + match.group(3)

    changed = 0
    for page in site.rglob("*.html"):
        data = page.read_bytes()
        try:
            html = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            rel = page.relative_to(site).as_posix()
            raise OptimizeError(
                f"{rel}:{line}: byte 0x{data[err.start]:02x} is not valid UTF-8 — hint: the "
                "page comes from a file in content/; save it as UTF-8") from None
        new = compact(ASSET_LINK.sub(lambda m, p=page: relink(p, m), html))
        if new != html:
            page.write_text(new, "utf-8")
            changed += 1
    return changed
