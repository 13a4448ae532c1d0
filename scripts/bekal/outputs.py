"""The one list of files Bekal adds to a built site, per language.

Every feature gives its files as ``Output`` records (where in the site, what kind, the
bytes or an already-made file such as a cached PDF); ``for_language`` gathers them. A
front end registers them with its tool (the MkDocs adapter as ``File.generated``), so
nothing but the front end and the pipeline writes into the site folder.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from bekal.model.project import Project


@dataclass(frozen=True)
class Output:
    path: str                    # inside the site, from routes.py: 'en/go/p1/index.html'
    kind: str                    # page, pdf, image, script, stylesheet, contacts, manifest
    content: bytes | None = None
    source: Path | None = None   # a file made before (a cached PDF or picture), copied as is

    def data(self) -> bytes:
        return self.content if self.content is not None else self.source.read_bytes()


def page(path: str, html: str) -> Output:
    return Output(path, "page", html.encode("utf-8"))


@dataclass
class Made:
    """What the slow part of a language's build made before its pages (PDF sets)."""
    handouts: object = None
    sessions: object = None
    provinces: object = None
    cards: object = None


def for_modules(project: Project, lang: str, slugs: Collection[str]) -> list[Output]:
    """What an edit of these modules' lessons changes among the outputs: their trainer
    pages and slides, their creator kit pages (a preview rebuilds only these; the rest
    stays from the last build)."""
    from bekal.render import trainer
    from bekal.render.creator import module_page

    return (trainer.language_outputs(project, lang, slugs)
            + module_page.language_outputs(project, lang, slugs))


def for_language(project: Project, lang: str, made: Made) -> list[Output]:
    """Every file Bekal adds to the site for ``lang``; the default language also carries
    the files all languages share (scripts, stylesheets, the service worker, icons)."""
    from bekal.render import phone, quiz, services, trainer
    from bekal.render.creator import assets as creator
    from bekal.render.trainer import sessions

    out: list[Output] = []
    for pdfs in (made.handouts, made.sessions, made.provinces, made.cards):
        if pdfs is not None:
            out += pdfs.outputs()
    if made.sessions is not None and made.sessions.kits:
        out.append(sessions.count_output(project, made.sessions, lang))
    if lang == project.config.default:
        out += quiz.asset_outputs(project) + services.asset_outputs()
        out += phone.asset_outputs(project)
        out += phone.shared_outputs(project.root / ".cache" / "icons")
    out += phone.language_outputs(project, lang)
    out += trainer.language_outputs(project, lang)
    out += creator.language_outputs(project, lang)
    return out
