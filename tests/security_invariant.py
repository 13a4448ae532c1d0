"""The site-wide safety invariant, checked over built HTML (used by the security tests).

On every page: no event-handler attribute; no javascript:, data: or vbscript: address in
a link or form; every resource the browser fetches by itself (image, media, frame,
stylesheet, script) comes from the site; every <script> is one the theme or Bekal's own
templates wrote (its text appears verbatim in their sources), and none is loaded from
elsewhere; data blocks (<script type="application/json">) run nothing and pass.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
LINK_ATTRIBUTES = {("a", "href"), ("area", "href"), ("form", "action"),
                   ("button", "formaction"), ("input", "formaction")}
RESOURCE_ATTRIBUTES = {"src", "poster", "srcset", "data", "background"}
RESOURCE_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                  "apple-touch-icon", "shortcut", "import", "attachment"}
JS_TYPES = {"text/javascript", "module", "application/javascript", "application/ecmascript",
            "text/ecmascript"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _compact(value: str) -> str:
    return _CONTROL.sub("", value).lower()


def _remote(value: str) -> bool:
    compact = _compact(value)
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", compact)) or compact.startswith(("//", "\\",
                                                                                  "/\\"))


@cache
def _script_sources() -> str:
    """Every text a trusted script may come from: the theme's and Bekal's own templates."""
    import material

    folders = [Path(material.__file__).parent / "templates", ROOT / "overrides",
               ROOT / "scripts" / "bekal" / "templates"]
    parts = [p.read_text("utf-8", errors="replace") for folder in folders
             for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".js")]
    return "\n".join(parts)


class _Page(HTMLParser):
    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def _problem(self, text: str) -> None:
        self.problems.append(f"{self.name}:{self.getpos()[0]}: {text}")

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self._problem(f"<{tag} {name}=…> event handler")
            if (tag, name) in LINK_ATTRIBUTES and _compact(value).startswith(BAD_SCHEMES):
                self._problem(f"<{tag} {name}={value[:40]!r}> unsafe address")
            if name in RESOURCE_ATTRIBUTES and _remote(value):
                self._problem(f"<{tag} {name}={value[:60]!r}> resource from elsewhere")
            if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                self._problem(f"<{tag} style=…> loads a resource")
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & RESOURCE_LINKS and _remote(values.get("href", "")):
                self._problem(f"<link rel={values.get('rel')} href={values.get('href')!r}> "
                              "from elsewhere")
        if tag in ("base", "iframe", "frame", "object", "embed", "applet"):
            self._problem(f"<{tag}> element")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            # short links (go/…) forward to a page of the site; nothing else forwards
            target = re.sub(r"^\s*\d+\s*;?\s*(url\s*=)?\s*", "", values.get("content", ""),
                            flags=re.I)
            if _remote(target) or not self.name.startswith(("go/", "en/go/")):
                self._problem(f"<meta http-equiv=refresh> to {target[:60]!r}")
        if tag == "script":
            kind = values.get("type", "").strip().lower()
            if kind and kind not in JS_TYPES:
                return  # a data block (application/json): the browser runs nothing
            if "src" in values:
                if _remote(values["src"]) or "assets/" not in values["src"]:
                    self._problem(f"<script src={values['src']!r}> not one of the site's")
            else:
                self._script = []

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script).strip()
            self._script = None
            # a short body could match any scrap of the sources; ours are all longer
            if body and (len(body) < 40 or body not in _script_sources()):
                self._problem(f"<script> the templates did not write: {body[:60]!r}")


def page_problems(html: str, name: str = "page") -> list[str]:
    page = _Page(name)
    page.feed(html)
    page.close()
    return page.problems


def site_problems(site: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        problems += page_problems(path.read_text("utf-8", errors="replace"),
                                  path.relative_to(site).as_posix())
    # SVG files are documents too (QR codes the build writes): no script inside
    for path in sorted(site.rglob("*.svg")):
        text = path.read_text("utf-8", errors="replace")
        if re.search(r"<script|\son\w+\s*=|javascript:", text, re.I):
            problems.append(f"{path.relative_to(site).as_posix()}: script in an SVG")
    return problems
