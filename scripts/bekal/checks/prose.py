"""Author Markdown: facts, links, anchors, headings, images, typed numbers (unsafe HTML:
checks/safety.py)."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from pathlib import Path

from markdown.extensions.toc import slugify

from ..facts import FACT_REF
from ..issues import IssueList
from ..markdown_scan import ScannedPage, scan
from ..pages import KNOWN_MARKERS, MARKER
from ..project import Project
from ..textfile import read_text
from . import facts as fact_checks

# Anchors the site adds to module lessons, whatever the author wrote.
GENERATED_IDS = {"poin-penting", "daftar-periksa", "sumber", "kuis"}
EXCLUDED_PAGES = {"handout.md"}

PHONE_LIKE = re.compile(r"(?<![\w/.,-])\+?\d(?:[\d\- ]*\d)?(?![\w/])")
YEAR = re.compile(r"^(19|20)\d\d$")
WEB_ADDRESS = re.compile(
    r"\bhttps?://\S+|\b(?:[a-z0-9-]+\.)+(?:go\.id|or\.id|ac\.id|co\.id|id|org|com|net|gov|info)\b",
    re.I)
LAW_REF = re.compile(r"\b(?:Pasal|Article|UU|Law|Perpres|Permen|PP)\s+(?:No\.\s*)?\d+", re.I)
MONEY = re.compile(r"\b(?:Rp|IDR|USD|US\$|RM|HK\$|NT\$|SGD)\s?\d", re.I)


def check(project: Project, issues: IssueList, publish: bool) -> None:
    pages: dict[str, dict[str, tuple[Path, ScannedPage]]] = defaultdict(dict)
    for lang in project.config.codes:
        base = project.content_dir / lang
        if not base.is_dir():
            issues.add(base, 0, "missing-language", f"no content folder for language '{lang}'",
                       f"create content/{lang}/ with the same pages as the default language")
            continue
        for path in sorted(base.rglob("*.md")):
            text = read_text(path, issues)
            if text is None:
                continue
            rel = path.relative_to(base).as_posix()
            scanned = scan(text)
            pages[rel][lang] = (path, scanned)
            _check_page(project, path, text, scanned, issues, publish)
    for rel, by_lang in pages.items():
        for lang, (path, scanned) in by_lang.items():
            _check_links(project, rel, lang, path, scanned, pages, issues)
        _check_heading_ids(project, by_lang, issues)
    _check_yaml_texts(project, issues, publish)


def _check_page(project, path, text, scanned: ScannedPage, issues, publish) -> None:
    for line in scanned.html:
        for match in FACT_REF.finditer(line.text):
            fact_checks.check_use(project, match.group(1), path, line.line, issues, publish)
        for match in MARKER.finditer(line.text):
            name, arg = match.group(1), match.group(2)
            if name not in KNOWN_MARKERS:
                issues.add(path, line.line, "unknown-marker", f"unknown marker 'bekal:{name}'",
                           f"use one of: {', '.join(sorted(KNOWN_MARKERS))}")
            elif name == "modules" and arg not in project.tracks:
                issues.add(path, line.line, "unknown-track",
                           f"marker names track '{arg}', which does not exist",
                           f"use one of: {', '.join(sorted(project.tracks))}")
    for line in scanned.prose:
        _typed_facts(path, line.line, FACT_REF.sub(" ", line.text), issues)
    for link in scanned.links:
        if link.image and not link.text.strip():
            issues.add(path, link.line, "image-no-alt", "image without alt text",
                       "describe the image inside the brackets: ![what it shows](file.png)")


def _typed_facts(path, line: int, text: str, issues: IssueList) -> None:
    for match in PHONE_LIKE.finditer(text):
        number = match.group(0)
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 3 and not YEAR.match(number.strip()):
            issues.add(path, line, "typed-number",
                       f"'{number.strip()}' looks like a phone number or figure typed into prose",
                       "take it from the registry: {{fact:key}} (modules/facts.yml), "
                       "or write small numbers in words")
    for match in WEB_ADDRESS.finditer(text):
        issues.add(path, line, "typed-address",
                   f"web address '{match.group(0)}' typed into prose",
                   "add it to modules/facts.yml as a url fact and write {{fact:key}}")
    for match in LAW_REF.finditer(text):
        issues.add(path, line, "typed-law",
                   f"law reference '{match.group(0)}' typed into prose",
                   "use a law fact, e.g. {{fact:law.uu18_2017.art13.cite}}")
    for match in MONEY.finditer(text):
        issues.add(path, line, "typed-money", f"amount '{match.group(0)}…' typed into prose",
                   "take fees and amounts from modules/facts.yml: {{fact:key}}")


def _check_links(project, rel, lang, path, scanned, pages, issues) -> None:
    for link in scanned.links:
        target = link.target
        if link.image or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            if re.match(r"^https?://", target) and not link.image:
                issues.add(path, link.line, "typed-address",
                           f"web address '{target}' typed into a link",
                           "link to an outside site through a url fact: {{fact:key}}")
            continue
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


def _anchors(project, rel: str, scanned: ScannedPage) -> set[str]:
    ids = {h.id for h in scanned.headings}
    if rel.startswith("modul/") and rel.endswith("/index.md"):
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
    """Facts and typed numbers inside reader-visible YAML texts (module and quiz files)."""
    from .languages import _walk

    for entry in project.modules.values():
        for loaded in (entry.module, entry.quiz):
            if loaded is None:
                continue
            for loc, texts in _walk(loaded.model, ()):
                for lang, value in texts.items():
                    values = value if isinstance(value, list) else [value]
                    for i, text in enumerate(values):
                        line = loaded.line(*loc, lang, *([i] if isinstance(value, list) else []))
                        for match in FACT_REF.finditer(text):
                            fact_checks.check_use(project, match.group(1), loaded.path, line,
                                                  issues, publish)
                        _typed_facts(loaded.path, line, FACT_REF.sub(" ", text), issues)


__all__ = ["check", "slugify"]
