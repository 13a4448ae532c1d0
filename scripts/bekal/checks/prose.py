"""Author Markdown: facts, links, anchors, headings, images, typed numbers (unsafe HTML:
checks/safety.py)."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from bekal.model.issues import Issue, IssueList
from bekal.model.markdown_scan import Heading, Link, ScannedPage, scan
from bekal.model.pageref import FACT_REF, KNOWN_MARKERS, MARKER
from bekal.model.project import Project
from bekal.routes import TRAINERS, module_of_source

from . import facts as fact_checks
from . import memo, memo_store, typed_facts

# Anchors the site adds to module lessons, whatever the author wrote.
GENERATED_IDS = {"poin-penting", "daftar-periksa", "sumber", "kuis"}
# Ids Bekal itself puts on a page (facts.sources_html, pages.module_footer, quiz.render,
# trainer.plan.guide_top); an author's heading may not take them.
PAGE_IDS = {"sumber"}
LESSON_IDS = GENERATED_IDS | {"kunci-jawaban"}
TRAINER_IDS = {"rencana-sesi", "tujuan", "bahan", "bahan-pelatih", "kunci-jawaban", "kuis"}
MAX_BRACKET_DEPTH = 20
# The Markdown renderer slows down more than linearly on some long paragraphs (many
# unclosed '<', many links): these limits keep a build fast. Real lessons stay far below.
MAX_LINE = 5000
MAX_BLOCK = 20000
TAG_START = re.compile(r"<[A-Za-z/!?]")
FRONT_TEXT = re.compile(r"^(?:title|description)\s*+:")
EXCLUDED_PAGES = {"handout.md"}



def check(project: Project, issues: IssueList, publish: bool) -> None:
    pages: dict[str, dict[str, tuple[Path, Page]]] = defaultdict(dict)
    for lang in project.config.codes:
        base = project.content_dir / lang
        if not base.is_dir():
            issues.add(base, 0, "missing-language", f"no content folder for language '{lang}'",
                       f"create content/{lang}/ with the same pages as the default language")
            continue
        for path in sorted(base.rglob("*.md")):
            if not path.is_file():
                continue  # a folder named *.md: reported by load_project
            text = memo.read(path, issues)
            if text is None:
                continue
            rel = path.relative_to(base).as_posix()
            page = _page(issues.root, path, text)
            issues.extend(page.found)
            _check_own_ids(project, rel, path, page, issues)
            pages[rel][lang] = (path, page)
            _check_uses(project, path, page, issues, publish)
    for rel, by_lang in pages.items():
        for lang, (path, scanned) in by_lang.items():
            _check_links(project, rel, lang, path, scanned, pages, issues)
        _check_heading_ids(project, by_lang, issues)
    _check_yaml_texts(project, issues, publish)


@dataclass(frozen=True)
class Page:
    """What one page's text holds, whatever the files around it (memo.py)."""
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    facts: tuple[tuple[str, int], ...]  # (key, line) of every {{fact:key}}
    tracks: tuple[tuple[str, int], ...]  # (track, line) of every bekal:modules marker
    found: tuple[Issue, ...]  # the problems of the text alone


memo_store.storable(Page, Heading, Link)


@memo.remembered
def _page(root: Path, path: Path, text: str) -> Page:
    scanned = scan(text)
    found = IssueList(root)
    tracks = _check_page(path, text, scanned, found)
    facts = tuple((match.group(1), line.line) for line in scanned.html
                  for match in FACT_REF.finditer(line.text))
    return Page(tuple(scanned.headings), tuple(scanned.links), facts, tracks, tuple(found))


def _check_uses(project, path, page: Page, issues, publish) -> None:
    """The facts and tracks a page names: the registry decides (checked on every run)."""
    for key, line in page.facts:
        fact_checks.check_use(project, key, path, line, issues, publish)
    for track, line in page.tracks:
        if track not in project.tracks:
            issues.add(path, line, "unknown-track",
                       f"marker names track '{track}', which does not exist",
                       f"use one of: {', '.join(sorted(project.tracks))}")


def _check_page(path, text, scanned: ScannedPage, issues) -> tuple[tuple[str, int], ...]:
    """The problems of a page's text alone; returns the tracks its markers name."""
    tracks = []
    # markers are HTML comments, which scanned.html blanks: read the text as render/pages.py does
    for number, raw in enumerate(text.split("\n"), start=1):
        for match in MARKER.finditer(raw):
            name, arg = match.group(1), match.group(2)
            if name not in KNOWN_MARKERS:
                issues.add(path, number, "unknown-marker", f"unknown marker 'bekal:{name}'",
                           f"use one of: {', '.join(sorted(KNOWN_MARKERS))}")
            elif name == "modules":
                tracks.append((arg, number))
    for line in scanned.prose:
        _typed_facts(path, line.line, line.text, issues)
    for line in scanned.front:
        if FRONT_TEXT.match(line.text):  # the page title and description readers see
            _typed_facts(path, line.line, FRONT_TEXT.sub("", line.text), issues)
    depth, at = scanned.deepest_brackets
    if depth > MAX_BRACKET_DEPTH:
        issues.add(path, at, "nesting-too-deep",
                   f"brackets or parentheses are nested {depth} levels deep",
                   f"no text needs more than {MAX_BRACKET_DEPTH}; close the brackets you opened")
    _check_sizes(path, scanned, issues)
    for link in scanned.links:
        if link.title:
            _typed_facts(path, link.line, link.title, issues)
        if not link.image and typed_facts.is_outside_address(link.target):
            issues.add(path, link.line, "typed-address",
                       f"web address '{link.target}' typed into a link",
                       "link to an outside site through a url fact: [text]({{fact:key}})")
        if link.image and not link.text.strip():
            issues.add(path, link.line, "image-no-alt", "image without alt text",
                       "describe the image inside the brackets: ![what it shows](file.png)")
    return tuple(tracks)


def _check_sizes(path, scanned: ScannedPage, issues: IssueList) -> None:
    """Over-long lines and paragraphs, and '<' that opens a tag no '>' closes."""
    blocks: list[list] = [[]]
    for line in scanned.html:
        if len(line.text) > MAX_LINE:
            issues.add(path, line.line, "line-too-long",
                       f"a line of {len(line.text):,} characters (at most {MAX_LINE:,})",
                       "break it into paragraphs; a reader on a phone needs short ones")
        previous = blocks[-1][-1].line if blocks[-1] else None
        if not line.text.strip() or (previous is not None and line.line != previous + 1):
            blocks.append([])
        if line.text.strip():
            blocks[-1].append(line)
    for block in blocks:
        if not block:
            continue
        size = sum(len(line.text) + 1 for line in block)
        if size > MAX_BLOCK and not (len(block) == 1 and len(block[0].text) > MAX_LINE):
            issues.add(path, block[0].line, "block-too-long",
                       f"a paragraph of {size:,} characters (at most {MAX_BLOCK:,})",
                       "split it with blank lines into shorter paragraphs")
        closed = max((line.line, line.text.rfind(">")) for line in block
                     if ">" in line.text) if any(">" in line.text for line in block) else (0, -1)
        for line in block:
            start = closed[1] + 1 if line.line == closed[0] else 0
            if line.line < closed[0]:
                continue
            if TAG_START.search(line.text, start):
                issues.add(path, line.line, "unclosed-tag",
                           "'<' opens an HTML tag that no '>' closes",
                           "write 'kurang dari' / 'less than', or put it in `code`; "
                           "or close the tag with '>'")
                break


def _typed_facts(path, line: int, text: str, issues: IssueList) -> None:
    for code, message, hint in typed_facts.found(text):
        issues.add(path, line, code, message, hint)


def _check_own_ids(project: Project, rel: str, path, scanned: Page,
                   issues: IssueList) -> None:
    """Two headings with one id, or a heading with an id Bekal puts on this page itself."""
    reserved = set(PAGE_IDS)
    page = module_of_source(rel)
    if page and page[1] == "index":
        reserved |= LESSON_IDS
    elif page and page[1] == TRAINERS:
        reserved |= TRAINER_IDS
    elif rel == "glosarium.md":
        reserved |= set(project.glossary)
    seen: dict[str, int] = {}
    for heading in scanned.headings:
        hid = heading.id
        if not hid:
            continue
        if hid in reserved:
            issues.add(path, heading.line, "duplicate-heading-id",
                       f"heading id '{hid}' is one Bekal gives a section of this page itself",
                       f"give the heading another id: ## {heading.text} {{#{hid}-2}}")
        elif hid in seen:
            issues.add(path, heading.line, "duplicate-heading-id",
                       f"heading id '{hid}' is already used on line {seen[hid]}",
                       "give each heading on a page its own id: ## Title {#other-id}")
        else:
            seen[hid] = heading.line


def _check_links(project, rel, lang, path, scanned, pages, issues) -> None:
    for link in scanned.links:
        target = link.target
        if link.image or typed_facts.is_outside_address(target) or FACT_REF.search(target):
            continue  # outside addresses are reported by _check_page
        page_part, _, anchor = target.partition("#")
        if not page_part:
            target_rel = rel
        else:
            target_rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel), page_part))
            if target_rel.endswith("/"):
                target_rel += "index.md"
            if not target_rel.endswith(".md"):
                continue  # a file such as a PDF; the build checks those
        found = pages.get(target_rel, {})
        scanned_target = (found.get(lang) or found.get(project.config.default) or (None, None))[1]
        if scanned_target is None or posixpath.basename(target_rel) in EXCLUDED_PAGES:
            issues.add(path, link.line, "broken-link", f"link to '{target}': no such page",
                       "link to an existing .md file, relative to this file")
            continue
        if anchor and anchor not in _anchors(project, target_rel, scanned_target):
            issues.add(path, link.line, "broken-anchor",
                       f"link to '{target}': the page has no heading with id '{anchor}'",
                       "give the heading an explicit id: ## Title {#id}")


def _anchors(project, rel: str, scanned: Page) -> set[str]:
    ids = {h.id for h in scanned.headings}
    page = module_of_source(rel)
    if page and page[1] == "index":
        ids |= GENERATED_IDS
    if rel == "glosarium.md":
        ids |= set(project.glossary)
    return ids


def _check_heading_ids(project, by_lang, issues) -> None:
    ids = {lang: {h.explicit_id: h.line for h in s.headings if h.explicit_id}
           for lang, (_, s) in by_lang.items()}
    everywhere = set().union(*ids.values()) if ids else set()
    for lang, (path, _) in by_lang.items():
        for missing in sorted(everywhere - set(ids[lang])):
            others = [other for other in ids if missing in ids[other]]
            issues.add(path, 1, "heading-id-mismatch",
                       f"heading id '{missing}' exists in {', '.join(others)} but not here",
                       f"give the matching heading the same id: ## … {{#{missing}}}")


def _check_yaml_texts(project: Project, issues: IssueList, publish: bool) -> None:
    """Facts and typed numbers in every reader-visible YAML text: modules, quizzes,
    tracks, the glossary and the interface strings."""
    from .languages import fields

    loaded_files = [*project.tracks.values(), *project.glossary.values()]
    for entry in project.modules.values():
        loaded_files += [loaded for loaded in (entry.module, entry.quiz) if loaded is not None]
    for loaded in loaded_files:
        for loc, texts in fields(loaded.model):
            for lang, value in texts.items():
                values = value if isinstance(value, list) else [value]
                for i, text in enumerate(values):
                    line = loaded.line(*loc, lang, *([i] if isinstance(value, list) else []))
                    _yaml_text(project, loaded.path, line, text, issues, publish)
    ui_path = project.root / "modules" / "ui.yml"
    for lang, strings in project.ui.items():
        for key, text in strings.items():
            line = project.ui_lines.line_of((lang, key))
            _yaml_text(project, ui_path, line, text, issues, publish)


def _yaml_text(project, path, line: int, text, issues: IssueList, publish: bool) -> None:
    if not isinstance(text, str):
        return
    for match in FACT_REF.finditer(text):
        fact_checks.check_use(project, match.group(1), path, line, issues, publish)
    _typed_facts(path, line, text, issues)


__all__ = ["check", "slugify"]
