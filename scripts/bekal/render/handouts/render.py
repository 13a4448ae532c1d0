"""HTML to PDF with WeasyPrint: the handout stylesheet, a packaged font, a page limit."""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader

from bekal.model.issues import IssueList
from bekal.resources import TEMPLATES

from .errors import HandoutError

STYLESHEET = TEMPLATES / "handout.css"
# Debian's fonts-dejavu-core: covers Indonesian and English, and is embedded as a subset.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FACES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
MAX_PAGES = 1  # a handout is one sheet: the help box must be on the page handed out
LINE_MM = 5.2        # one line of 11 pt body text
WORDS_PER_LINE = 12  # across the page (two columns of about 6)
# The only files of the project a PDF may show: pictures (never attachments or pages).
PROJECT_FILES = frozenset({".png", ".jpg", ".jpeg", ".webp"})
# Bump when the way PDFs are made changes in a way the inputs do not show.
RENDER_VERSION = "2"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int


def content_bottom(page) -> float | None:
    """The bottom (CSS px) of the lowest line or picture on a laid-out page, running headers
    and footers not counted; None on a page without any."""
    from weasyprint.formatting_structure.boxes import LineBox, MarginBox, ReplacedBox

    bottom = None
    for child in page._page_box.children:
        if isinstance(child, MarginBox):
            continue
        for leaf in child.descendants():
            if isinstance(leaf, LineBox | ReplacedBox):
                end = leaf.position_y + leaf.margin_height()
                bottom = end if bottom is None else max(bottom, end)
    return bottom


def overflow_mm(document, max_pages: int) -> float:
    """How far the content runs past page ``max_pages``, in millimetres (0 when it fits).

    The height of what the pages after the limit hold (running footers not counted):
    about what has to go for the handout to fit.
    """
    total = 0.0
    for page in document.pages[max_pages:]:
        top = page._page_box.content_box_y()
        bottom = content_bottom(page)
        total += max(bottom, top) - top if bottom is not None else 0.0
    return total * 25.4 / 96  # CSS px to mm


@cache
def templates() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def font_files() -> dict[str, Path]:
    files = {weight: FONT_DIR / name for weight, name in FONT_FACES.items()}
    for path in files.values():
        if not path.exists():
            issues = IssueList(Path.cwd())
            issues.add(path, 0, "handout-font-missing", "the handout font is not installed",
                       "install Debian's fonts-dejavu-core: scripts/setup-system.sh site")
            raise HandoutError(issues[0])
    return files


@cache
def stylesheet() -> str:
    """The print stylesheet, with the packaged font declared by file.

    The family has a name of its own: under "DejaVu Sans" fontconfig would also offer
    other installed faces (fonts-dejavu-extra's oblique), which the cache key cannot see.
    Italics are slanted from the regular face instead.
    """
    return font_face_css() + STYLESHEET.read_text("utf-8")


@cache
def font_face_css() -> str:
    """@font-face rules for the packaged font, as "Bekal Sans", for every printed page."""
    return "".join(
        f'@font-face {{ font-family: "Bekal Sans"; font-weight: {weight}; '
        f'src: url("{path.as_uri()}"); }}\n'
        for weight, path in font_files().items())


@cache
def renderer_fingerprint() -> str:
    """Everything besides the HTML that shapes a PDF: stylesheet, font files, library versions.
    WeasyPrint's version is read from its installed metadata: importing it takes about half
    a second, which a build whose PDFs are all cached need not pay."""
    digest = hashlib.sha256()
    for part in (RENDER_VERSION, importlib.metadata.version("weasyprint"), stylesheet()):
        digest.update(part.encode() + b"\0")
    for path in font_files().values():
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Refused(ValueError):
    """A URL the PDF renderer may not fetch."""


def allowed_file(url: str, root: Path) -> Path | None:
    """The local file ``url`` names when a PDF may read it: the handout font, or a picture
    inside the project (no link leading out); otherwise None."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(unquote(parts.path)))
    if not path.is_absolute():
        return None
    real = path.resolve()
    if real in {font.resolve() for font in font_files().values()}:
        return real
    try:
        real.relative_to(root.resolve())
    except ValueError:
        return None
    if real.suffix.lower() not in PROJECT_FILES or not real.is_file():
        return None
    return real


def url_fetcher(root: Path):
    """A WeasyPrint fetcher that serves the project's own pictures and the font, and refuses
    everything else: no network, no file outside the project, no attachment."""
    import weasyprint

    class ProjectFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)  # inline data, no file and no network
            path = allowed_file(url, root)
            if path is None:
                raise Refused(f"a handout may not load {url[:80]}")
            return weasyprint.urls.URLFetcherResponse(path.as_uri(), path.read_bytes())

    return ProjectFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def render_pdf(html: str, source: Path, root: Path, max_pages: int | None = MAX_PAGES) -> Rendered:
    """Lay out and write a PDF; more than ``max_pages`` raises HandoutError naming ``source``."""
    try:
        import weasyprint
    except OSError as err:  # Pango is missing
        issues = IssueList(root)
        issues.add(source, 0, "handout-pango-missing", f"WeasyPrint cannot start: {err}",
                   "install Pango: scripts/setup-system.sh site")
        raise HandoutError(issues[0]) from None
    fetcher = url_fetcher(root)
    document = weasyprint.HTML(string=html, base_url=str(root), url_fetcher=fetcher).render(
        stylesheets=[weasyprint.CSS(string=stylesheet(), url_fetcher=fetcher)])
    pages = len(document.pages)
    if max_pages is not None and pages > max_pages:
        issues = IssueList(root)
        over = overflow_mm(document, max_pages)
        lines = max(1, round(over / LINE_MM))
        limit = "one A4 page" if max_pages == 1 else f"{max_pages} A4 pages"
        issues.add(source, 1 if source.suffix == ".md" else 0, "handout-too-long",
                   f"the printed handout runs {pages} pages: {over:.0f} mm (about {lines} "
                   f"line(s) of text) more than {limit}, so the help box may not be on "
                   f"the sheet a trainer hands out",
                   f"shorten handout.md by about {lines * WORDS_PER_LINE} words (120-220 in "
                   "all), or the key points and checklist in module.yml; keep every warning "
                   "and number")
        raise HandoutError(issues[0])
    return Rendered(document.write_pdf(pdf_tags=True), pages)


def fonts_only(url: str):
    """A URL fetcher that gives WeasyPrint the packaged font files and nothing else."""
    import weasyprint

    if url in {path.as_uri() for path in font_files().values()}:
        return weasyprint.default_url_fetcher(url)
    raise ValueError(f"printed pages load nothing from outside ({url})")


def sealed_layout(html: str, stylesheet_text: str):
    """Lay out ``html`` with one stylesheet, fetching nothing but the font: a Document."""
    import weasyprint

    return weasyprint.HTML(string=html, url_fetcher=fonts_only).render(
        stylesheets=[weasyprint.CSS(string=stylesheet_text, url_fetcher=fonts_only)])
