"""Author Markdown to print HTML: facts rendered, site links made absolute for paper."""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from bekal.render import sanitize
from bekal.routes import Routes

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "sane_lists"]
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


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
    """Converts the Markdown of one page in ``page_dir`` (inside content/<lang>/); links
    become full addresses on the site at ``site_url``."""

    def __init__(self, site_url: str, routes: Routes, lang: str, page_dir: str):
        def resolve(href: str) -> str:
            return site_url + routes.authored_link(lang, page_dir, href)

        self._md = markdown.Markdown(extensions=[*EXTENSIONS, _LinkExtension(resolve)])

    def block(self, text: str) -> str:
        self._md.reset()
        return sanitize.clean(self._md.convert(text))

    def inline(self, text: str) -> str:
        html = self.block(text).strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html
