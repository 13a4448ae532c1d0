"""Author Markdown to print HTML: facts rendered, site links made absolute for paper."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from bekal.render import sanitize

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "sane_lists"]
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def page_url(content_path: str) -> str:
    """'modul/x/index.md' -> 'modul/x/', 'bantuan.md' -> 'bantuan/' (directory URLs)."""
    path, _, anchor = content_path.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return path + (f"#{anchor}" if anchor else "")


class _AbsoluteLinks(Treeprocessor):
    """A PDF has no 'next to': relative links become full addresses, printed after the text."""

    def __init__(self, md, resolve: Callable[[str], str]):
        super().__init__(md)
        self.resolve = resolve

    def run(self, root):
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href or href.startswith("#"):
                continue
            if not SCHEME.match(href):
                link.set("href", self.resolve(href))
            if link.get("href", "").startswith(("http://", "https://")) \
                    and "".join(link.itertext()).strip() != link.get("href"):
                link.set("class", (link.get("class", "") + " bekal-print-url").strip())


class _LinkExtension(Extension):
    def __init__(self, resolve: Callable[[str], str]):
        super().__init__()
        self.resolve = resolve

    def extendMarkdown(self, md):
        md.treeprocessors.register(_AbsoluteLinks(md, self.resolve), "bekal_absolute_links", 1)


class PrintMarkdown:
    """Converts the Markdown of one page; ``base_url`` is the language's site root."""

    def __init__(self, base_url: str, page_dir: str):
        def resolve(href: str) -> str:
            target = posixpath.normpath(posixpath.join(page_dir, href.split("#")[0]))
            anchor = href.partition("#")[2]
            return base_url + page_url(target + (f"#{anchor}" if anchor else ""))

        self._md = markdown.Markdown(extensions=[*EXTENSIONS, _LinkExtension(resolve)])

    def block(self, text: str) -> str:
        self._md.reset()
        return sanitize.clean(self._md.convert(text))

    def inline(self, text: str) -> str:
        html = self.block(text).strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html
