"""What one handout says: gathered from handout.md, module.yml and the facts registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from bekal.model.help_numbers import HELP_FACTS
from bekal.model.issues import IssueList
from bekal.model.project import ModuleEntry, Project
from bekal.model.textfile import read_text, strip_front_matter
from bekal.render.qr import qr_svg
from bekal.render.sanitize import text as plain
from bekal.routes import MODULES, NEAR_SOURCE, lesson_source

from .errors import HandoutError
from .markup import PrintMarkdown
from .print_facts import SourceLine, check_refs, print_fact, shared_mark, source_lines, substitute


@dataclass
class HelpLine:
    label: str
    value: Markup


@dataclass
class HandoutContent:
    """Everything the handout template shows, already in the handout's language."""
    slug: str
    lang: str
    source: Path                      # the file an author edits to change the handout
    title: str
    track: str
    code: str
    url: str
    qr: Markup
    body: Markup
    key_points: list[Markup]
    checklist: list[Markup]
    help_lines: list[HelpLine]
    sources: list[SourceLine]
    help_note: str = ""               # said once when every help number has the same mark
    near_url: str = ""                # the "Help near you" page, when the registry has places


def module_url(project: Project, slug: str, lang: str) -> str:
    """The public address of a module page in ``lang``."""
    return project.config.site_url + project.routes.lesson(lang, slug)


def handout_source(project: Project, slug: str, lang: str) -> Path:
    return project.content_dir / lang / lesson_source(slug, "handout")


def localized(project: Project, texts: dict, lang: str):
    """A text in ``lang``, or in the default language while a translation is missing."""
    return texts.get(lang) or texts.get(project.config.default) or ""


def _read_markdown(project: Project, path: Path) -> str | None:
    if not path.exists():
        return None
    issues = IssueList(project.root)
    text = read_text(path, issues)
    if text is None:
        raise HandoutError(issues[0])
    return strip_front_matter(text)


def gather(project: Project, entry: ModuleEntry, lang: str) -> HandoutContent:
    """The content of ``entry``'s handout in ``lang``; bad input raises HandoutError."""
    module = entry.data
    url = module_url(project, entry.slug, lang)
    md = PrintMarkdown(project.config.site_url, project.routes, lang,
                       f"{MODULES}/{entry.slug}")
    used: list[str] = []

    def prose(text: str, path: Path, line: int, inline: bool = True) -> Markup:
        check_refs(project, text, path, line)
        text = substitute(project, text, lang, used)
        return Markup(md.inline(text) if inline else md.block(text))

    def from_module(field: str) -> list[Markup]:
        """A module.yml text or list in ``lang`` (the default language while untranslated)."""
        texts = getattr(module, field)
        shown = lang if lang in texts else project.config.default
        value = texts.get(shown, [])
        if isinstance(value, str):  # plain text: escaped before Markdown sees it
            return [prose(plain(value), module_file, entry.module.line(field, shown))]
        return [prose(plain(text), module_file, entry.module.line(field, shown, i))
                for i, text in enumerate(value)]

    module_file = entry.module.path
    source = handout_source(project, entry.slug, lang)
    markdown_text = _read_markdown(project, source)
    if markdown_text is None:  # no handout.md yet: the module's own summary leads
        source = module_file
        body = Markup(f"<p>{from_module('summary')[0]}</p>")
    else:
        body = prose(markdown_text, source, 1, inline=False)
    key_points = from_module("key_points")
    checklist = from_module("checklist")
    help_lines = []
    help_keys = [key for key in HELP_FACTS if key in project.facts]
    help_note = shared_mark(project, help_keys, lang)  # one sentence instead of a mark each
    for key in help_keys:
        if key not in used:
            used.append(key)
        fact = project.fact(key)
        help_lines.append(HelpLine(localized(project, fact.label, lang),
                                   Markup(print_fact(project, key, lang, not help_note))))
    track = project.track(module.track).title if module.track in project.tracks else {}
    return HandoutContent(
        slug=entry.slug, lang=lang, source=source,
        title=localized(project, module.title, lang),
        track=localized(project, track, lang) or module.track,
        code=module.code, url=url, qr=Markup(qr_svg(url)), body=body,
        key_points=key_points, checklist=checklist, help_lines=help_lines,
        sources=source_lines(project, used, lang), help_note=help_note,
        near_url=(project.config.site_url + project.routes.page(lang, NEAR_SOURCE)
                  if project.places else ""))

