"""Every handout and track booklet of one language: rendered when changed, else from the cache."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import multiprocessing
import os
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from bekal.model import publisher
from bekal.model.issues import Issue
from bekal.model.pageref import PageRef
from bekal.model.project import Project
from bekal.model.site_address import is_local
from bekal.outputs import Output
from bekal.render.qr import qr_svg
from bekal.routes import track_source

from . import booklet, web
from .cache import PdfCache, cache_key
from .content import HandoutContent, gather, localized
from .errors import HandoutError
from .render import Rendered, render_pdf, renderer_fingerprint, templates

MAX_WORKERS = 2  # the machines this runs on have two cores; more only adds memory


@dataclass(frozen=True)
class Pdf:
    site_path: str  # relative to the site root
    file: Path      # the cached PDF
    pages: int
    size: int


@dataclass
class HandoutSet:
    """The PDFs of one language, ready to link from pages and to copy into the site."""
    project: Project | None = None
    lang: str = ""
    handouts: dict[str, Pdf] = field(default_factory=dict)   # slug -> PDF
    booklets: dict[str, Pdf] = field(default_factory=dict)   # track id -> PDF

    def links_for(self, ref: PageRef) -> str:
        """The download link a page shows: a module's handout, or a track's booklet."""
        if self.project is None or ref.lang != self.lang:
            return ""
        slug = ref.module_slug
        if ref.kind == "index" and slug in self.handouts:
            pdf = self.handouts[slug]
            return web.download_link(self.project, ref.lang, pdf.site_path, pdf.size,
                                     "handout_download")
        for track_id, pdf in self.booklets.items():
            if ref.path == track_source(track_id):
                return web.download_link(self.project, ref.lang, pdf.site_path, pdf.size,
                                         "booklet_download")
        return ""

    def outputs(self) -> list[Output]:
        return [Output(pdf.site_path, "pdf", source=pdf.file)
                for pdf in [*self.handouts.values(), *self.booklets.values()]]


def wanted(command: str, environ: Mapping[str, str] = os.environ) -> bool:
    """PDFs are built by ``build``; ``serve`` skips them unless BEKAL_PDF=1."""
    setting = environ.get("BEKAL_PDF", "")
    if setting in ("0", "1"):
        return setting == "1"
    return command != "serve"


def build_date(environ: Mapping[str, str] = os.environ) -> str:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


class _Builder:
    def __init__(self, project: Project, lang: str, site_name: str,
                 progress: Callable[[str], None], cache_dir: Path | None):
        self.project, self.lang, self.progress = project, lang, progress
        self.cache = PdfCache(cache_dir or project.root / ".cache" / "handouts")
        self.rendered = self.cached = 0
        address = project.config.site_url.split("://", 1)[-1].rstrip("/")
        found = publisher.for_project(project, lang)
        self.page = {"site_name": site_name, "site_address": address, "built": build_date(),
                     "publisher": found.name if found else "",
                     "preview": is_local(project.config.site_url),  # QR codes lead nowhere
                     "t": lambda key, **values: project.t(lang, key, **values)}

    def _pdf(self, site_path: str, key: str, make: Callable[[], Rendered]) -> Pdf:
        started = time.perf_counter()
        cached = self.cache.get(key)
        if cached is None:
            rendered = make()
            cached = self.cache.put(key, rendered.pdf, rendered.pages)
            self.rendered += 1
            state = f"rendered in {time.perf_counter() - started:.2f} s"
        else:
            self.cached += 1
            state = "cached"
        pdf = Pdf(site_path, cached.file, cached.pages, cached.file.stat().st_size)
        self.progress(f"PDF {site_path}: {state}, {pdf.pages} page(s), "
                      f"{web.human_size(self.project, self.lang, pdf.size)}")
        return pdf

    def handout_job(self, content: HandoutContent) -> tuple[str, str, str, Path]:
        """(site path, cache key, HTML, source) of one handout."""
        html = templates().get_template("handout.html").render(h=content, **self.page)
        key = cache_key("handout", renderer_fingerprint(), html)
        return (self.project.routes.handout_pdf(self.lang, content.slug), key, html,
                content.source)

    def handouts(self, contents: list[HandoutContent]) -> list[Pdf]:
        """The handouts, those not in the cache rendered on both cores first."""
        jobs = [self.handout_job(content) for content in contents]
        missing = {key: (html, source) for _, key, html, source in jobs
                   if self.cache.get(key) is None}
        made = dict(zip(missing, _render_all(list(missing.values()), self.project.root),
                        strict=True))
        return [self._pdf(path, key, lambda key=key: made[key]) for path, key, _, _ in jobs]

    def track_booklet(self, track_id: str, members: list[tuple[str, str, Pdf]]) -> Pdf:
        project, lang = self.project, self.lang
        track = project.track(track_id)
        url = project.config.site_url + project.routes.track(lang, track_id)
        entries = booklet.contents([(code, title, pdf.file, pdf.pages)
                                    for code, title, pdf in members])
        title = localized(project, track.title, lang)
        html = templates().get_template("handout-booklet.html").render(
            lang=lang, track_title=title,
            track_description=localized(project, track.description, lang),
            entries=entries, url=url, qr=Markup(qr_svg(url)), **self.page)
        key = cache_key("booklet", renderer_fingerprint(), importlib.metadata.version("pypdf"),
                        html, *(pdf.file.name for _, _, pdf in members))

        def make() -> Rendered:
            front = render_pdf(html, project.tracks[track_id].path, project.root, max_pages=None)
            merged = booklet.merge(front.pdf, entries, f"{title} · {self.page['site_name']}", lang)
            return Rendered(merged, front.pages + sum(pdf.pages for _, _, pdf in members))

        return self._pdf(project.routes.booklet(lang, track_id), key, make)


def check_all(project: Project, site_name: str = "Bekal",
              cache_dir: Path | None = None) -> list:
    """Every handout of every language laid out (from the cache when unchanged): the issues
    of all that do not fit or cannot be made, not only the first (``bekal check --handouts``)."""
    from .errors import HandoutError

    issues = []
    for lang in project.config.codes:
        builder = _Builder(project, lang, site_name, lambda _: None, cache_dir)
        for _slug, entry in sorted(project.modules.items()):
            if entry.module is None:
                continue
            try:
                builder.handouts([gather(project, entry, lang)])
            except HandoutError as err:
                issues.append(err.issue)
    return issues


def build_language(project: Project, lang: str, site_name: str,
                   progress: Callable[[str], None] = print,
                   cache_dir: Path | None = None) -> HandoutSet:
    """Make (or reuse) every handout and booklet of ``lang``; bad input raises HandoutError."""
    started = time.perf_counter()
    builder = _Builder(project, lang, site_name, progress, cache_dir)
    result = HandoutSet(project, lang)
    modules = [(slug, entry) for slug, entry in sorted(project.modules.items())
               if entry.module is not None]
    pdfs = builder.handouts([gather(project, entry, lang) for _, entry in modules])
    result.handouts.update(zip([slug for slug, _ in modules], pdfs, strict=True))
    for track in project.ordered_tracks():
        members = [(m.data.code, localized(project, m.data.title, lang),
                    result.handouts[m.slug])
                   for m in project.modules_of(track.id) if m.slug in result.handouts]
        if members:
            result.booklets[track.id] = builder.track_booklet(track.id, members)
    builder.cache.prune()
    progress(f"PDFs ({lang}): {builder.rendered} rendered, {builder.cached} cached, "
             f"{time.perf_counter() - started:.1f} s")
    return result


def _render(job: tuple[str, Path, Path]) -> Rendered | Issue:
    try:
        return render_pdf(*job)
    except HandoutError as err:  # its issue crosses back from a worker; the error would not
        return err.issue


def _render_all(jobs: list[tuple[str, Path]], root: Path) -> list[Rendered]:
    """Render handouts (HTML, source); on both cores when there is more than one. A handout
    that is too long raises HandoutError, as it does when rendered alone."""
    args = [(html, source, root) for html, source in jobs]
    workers = min(len(args), os.cpu_count() or 1, MAX_WORKERS)
    if workers <= 1:
        results = [_render(a) for a in args]
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_render, args))
    for result in results:
        if isinstance(result, Issue):
            raise HandoutError(result)
    return results
