"""Every path and URL of the built site, per language: the one place they are spelled.

A *URL* here is relative to the site root, without a leading slash ('en/modul/x/'); a
*file* is the path of the file that serves it ('en/modul/x/index.html'). With MkDocs'
``use_directory_urls: false`` a page's URL is its file. Content pages are named by their
source inside ``content/<lang>/`` ('modul/x/index.md', 'bantuan.md'). Every link between
two outputs is ``relative(from_url, to_url)``, so the site also works from a USB stick.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

# folders of the site (and of content/<lang>/ for the authored pages)
MODULES = "modul"          # one folder per module: lesson, trainer guide, kits, handout
TRACKS = "jalur"           # one folder per track: its page and booklet
TRAINERS = "pelatih"       # the trainers' hub; inside a module folder, its trainer guide
NEAR_PRINTS = "bantuan-terdekat"  # the province lists to print, beside "Help near you"
WALLET = "kartu"           # the wallet cards
WORKSHEET = "lembar-kerja"
ANSWER_KEY = "kunci"
SLIDES = "slide"
GO = "go"                  # short links
CHECKER = "cek-tawaran"    # the job-offer checker
CONTACTS = "kontak"        # saved contacts (.vcf)
CREATOR = "kreator"        # the creators' hub; inside a module folder, its creator kit
QR = f"{CREATOR}/qr"       # QR codes of the short links
CARDS = "assets/bekal/cards"  # link preview images
OFFLINE_SEARCH = "assets/bekal-offline"  # the offline bundle's search scripts
SEARCH = "cari"
SOURCES = "sumber"         # inside a reader's page's folder: that page's sources
NOT_FOUND = "404.html"
SESSION_COUNT = "hitung"   # the trainers' page that counts a group's results

# authored pages Bekal itself refers to, by their source inside content/<lang>/
HELP_SOURCE = "bantuan.md"
TRAINERS_HUB_SOURCE = f"{TRAINERS}/index.md"
CREATOR_KIT_SOURCE = f"{CREATOR}/index.md"
NEAR_SOURCE = f"{NEAR_PRINTS}.md"  # "Help near you"
SESSION_COUNT_SOURCE = f"{TRAINERS}/{SESSION_COUNT}.md"  # no such file: the page's name

LESSON_SOURCE = re.compile(rf"^{MODULES}/([^/]+)/(index|{TRAINERS}|handout)\.md$")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-root relative).

    A URL ending in '/' (or empty: the home page) is a folder; anything else is a file in
    its parent folder. A link to a folder ends in '/'; a link to the page itself is './'.
    """
    path, hash_, anchor = to_url.partition("#")
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    rel = posixpath.relpath("/" + path, "/" + from_dir)
    if (path.endswith("/") or not path) and not rel.endswith("/"):
        rel += "/"
    if rel in (".", "./"):
        rel = "./"
    return rel + hash_ + anchor


def lesson_source(slug: str, page: str = "index") -> str:
    """A module's page inside content/<lang>/: 'modul/x/index.md' (or pelatih, handout)."""
    return f"{MODULES}/{slug}/{page}.md"


def track_source(track_id: str) -> str:
    return f"{TRACKS}/{track_id}/index.md"


def source_link(from_source: str, to_source: str) -> str:
    """A Markdown link between two pages of content/<lang>/ ('../y/index.md'): MkDocs turns
    it into the page's URL, whatever ``use_directory_urls`` says."""
    return posixpath.relpath(to_source, posixpath.dirname(from_source) or ".")


def module_of_source(source: str) -> tuple[str, str] | None:
    """'modul/x/pelatih.md' -> ('x', 'pelatih'); None for any other page."""
    match = LESSON_SOURCE.match(source)
    return (match.group(1), match.group(2)) if match else None


@dataclass(frozen=True)
class Routes:
    """The URLs of one site: its languages' prefixes ('' for the default, 'en/' …)."""

    prefixes: dict[str, str]
    directory_urls: bool = True

    # -- the one rule for folder pages ---------------------------------------------
    def _folder(self, lang: str, folder: str) -> str:
        """A page that is a folder's index: 'en/' + 'modul/x/' (or '…/index.html')."""
        url = self.prefixes[lang] + folder
        return url if self.directory_urls else self.file(url)

    def file(self, url: str) -> str:
        """The file that serves ``url``: a folder's index.html, else the URL itself."""
        path = url.partition("#")[0]
        return path + "index.html" if path.endswith("/") or not path else path

    def folder(self, url: str) -> str:
        """The folder a URL's file sits in, ending in '/' ('' for the site root)."""
        parent = posixpath.dirname(self.file(url))
        return parent + "/" if parent else ""

    def page(self, lang: str, source: str) -> str:
        """The URL of an authored page: 'modul/x/index.md' -> 'modul/x/', 'bantuan.md' ->
        'bantuan/' ('bantuan.html' without directory URLs), 'index.md' -> ''."""
        path, hash_, anchor = source.partition("#")
        if not path.endswith(".md"):  # a file beside the pages: a PDF, a picture
            return self.prefixes[lang] + path + hash_ + anchor
        stem = path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            url = self._folder(lang, stem[: -len("index")])
        elif self.directory_urls:
            url = self.prefixes[lang] + stem + "/"
        else:
            url = self.prefixes[lang] + stem + ".html"
        return url + hash_ + anchor

    def authored_link(self, lang: str, source_dir: str, href: str) -> str:
        """A relative link an author wrote in a page of content/<lang>/ whose folder is
        ``source_dir`` ('modul/x'), as the URL of its target ('../y/index.md' -> 'modul/y/')."""
        path, hash_, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(source_dir, path)) if path else ""
        return (self.page(lang, target) if target else "") + hash_ + anchor

    # -- pages -----------------------------------------------------------------------
    def home(self, lang: str) -> str:
        return self._folder(lang, "")

    def lesson(self, lang: str, slug: str) -> str:
        return self._folder(lang, f"{MODULES}/{slug}/")

    def track(self, lang: str, track_id: str) -> str:
        return self._folder(lang, f"{TRACKS}/{track_id}/")

    def trainer_guide(self, lang: str, slug: str) -> str:
        return self.page(lang, lesson_source(slug, TRAINERS))

    def trainers_hub(self, lang: str) -> str:
        return self._folder(lang, f"{TRAINERS}/")

    def worksheet(self, lang: str, slug: str) -> str:
        return self._folder(lang, f"{MODULES}/{slug}/{WORKSHEET}/")

    def answer_key(self, lang: str, slug: str) -> str:
        return self._folder(lang, f"{MODULES}/{slug}/{ANSWER_KEY}/")

    def slides(self, lang: str, slug: str) -> str:
        return self._folder(lang, f"{MODULES}/{slug}/{SLIDES}/")

    def creator_module(self, lang: str, slug: str) -> str:
        """A module's page in the creator kit: its QR codes, caption and facts to quote."""
        return self._folder(lang, f"{MODULES}/{slug}/{CREATOR}/")

    def checker(self, lang: str) -> str:
        return self._folder(lang, f"{CHECKER}/")

    def search(self, lang: str) -> str:
        return self.page(lang, f"{SEARCH}.md")

    def not_found(self, lang: str) -> str:
        return self.prefixes[lang] + NOT_FOUND

    def short_link(self, lang: str, code: str) -> str:
        return self._folder(lang, f"{GO}/{code}/")

    def sources_page(self, page_url: str) -> str:
        """The sources of the page at ``page_url``, beside it: 'modul/x/' -> 'modul/x/sumber/',
        '' (home) -> 'sumber/'; without directory URLs 'bantuan.html' ->
        'bantuan/sumber/index.html' and 'modul/x/index.html' -> 'modul/x/sumber/index.html'."""
        path = page_url.partition("#")[0]
        if path.endswith("/") or not path:
            folder = path
        elif path == "index.html" or path.endswith("/index.html"):
            folder = path[: -len("index.html")]
        else:
            folder = posixpath.splitext(path)[0] + "/"
        url = f"{folder}{SOURCES}/"
        return url if self.directory_urls else self.file(url)

    def session_count(self, lang: str) -> str:
        return self._folder(lang, f"{TRAINERS}/{SESSION_COUNT}/")

    # -- files ------------------------------------------------------------------------
    def handout_pdf(self, lang: str, slug: str) -> str:
        return f"{self.prefixes[lang]}{MODULES}/{slug}/bekal-{slug}-{lang}.pdf"

    def booklet(self, lang: str, track_id: str) -> str:
        return f"{self.prefixes[lang]}{TRACKS}/{track_id}/bekal-{track_id}-{lang}.pdf"

    def session_folder(self, lang: str, kind: str, unit_id: str) -> str:
        """Where a session kit's sheets sit: beside a module's trainer guide, or in the
        track's folder ('modul/x/pelatih/', 'jalur/t/pelatih/')."""
        place = MODULES if kind == "module" else TRACKS
        return f"{self.prefixes[lang]}{place}/{unit_id}/{TRAINERS}/"

    def trainers_folder(self, lang: str) -> str:
        """Sheets that serve every session, beside the trainers' hub."""
        return f"{self.prefixes[lang]}{TRAINERS}/"

    def qr_image(self, lang: str, code: str, kind: str) -> str:
        """A short link's QR code ('svg' or 'png'), inside the language's folder."""
        return f"{self.prefixes[lang]}{QR}/{code}.{kind}"

    def preview_card(self, lang: str, kind: str, name: str) -> str:
        """A link preview image: 'assets/bekal/cards/<lang>/<kind>-<name>.png'."""
        return f"{CARDS}/{lang}/{kind}-{name}.png"

    def near_prints(self, lang: str) -> str:
        """The folder of the province lists (A4 PDFs) of "Help near you"."""
        return f"{self.prefixes[lang]}{NEAR_PRINTS}/"

    def wallet_card(self, lang: str, group_id: str, sheet: bool = False) -> str:
        """A destination's wallet card: four card-size pages, or the A4 sheet of eight."""
        name = f"{WALLET}-{group_id}-a4-{lang}" if sheet else f"{WALLET}-{group_id}-{lang}"
        return f"{self.prefixes[lang]}{WALLET}/{name}.pdf"

    def contact_card(self, lang: str, group_id: str) -> str:
        return f"{self.prefixes[lang]}{CONTACTS}/bekal-{group_id}.vcf"
