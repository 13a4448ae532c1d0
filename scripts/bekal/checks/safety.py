"""What the sanitizer would remove, told to the author: unsafe HTML, unsafe links, remote
files, YAML texts with HTML, files and links that may not be published.

Each page is rendered the way the site renders it (the Markdown extensions of mkdocs.yml)
and the result is compared with the sanitizer's allowlist (sanitize.py); whatever would be
removed is reported at the line of the source that made it.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import markdown
import nh3
import yaml

from bekal.model import content_files
from bekal.model.issues import Issue, IssueList
from bekal.model.project import Project
from bekal.model.siteconfig import markdown_extensions
from bekal.model.textfile import LINK_PROBLEM, shown
from bekal.model.yamlio import impossible_date
from bekal.render import sanitize

from . import memo
from .prose import MAX_BLOCK, MAX_LINE

# The way MkDocs finds front matter: a YAML mapping between two '---' lines.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# The sanitizer keeps form fields for Bekal's own quiz; a page an author writes asks for none.
AUTHOR_FORBIDDEN = frozenset({"form", "input", "button", "textarea"})
ALLOWED_HINT = ("write Markdown; a page may hold headings, paragraphs, lists, tables, links, "
                "images from this site, <details>, <abbr> and <div markdown> blocks")


def too_big_to_render(text: str) -> bool:
    """A line or paragraph over the prose check's limits: the Markdown renderer would stall
    on it, and the prose check reports it (line-too-long, block-too-long)."""
    if any(len(line) > MAX_LINE for line in text.splitlines()):
        return True
    return any(len(block) > MAX_BLOCK for block in re.split(r"\n[ \t]*\n", text))


def check(project: Project, issues: IssueList) -> None:
    _check_files(project, issues)
    site = _site_file(project.root)
    for path in sorted(project.content_dir.rglob("*.md")):
        if path.is_dir() or not content_files.publishable(path, project.root):
            continue  # reported by _check_files, or as not-a-file when the project loads
        text = memo.read(path, issues)
        if text is not None:
            issues.extend(_page_issues(project.root, site, issues.root, path, text))
    _check_yaml_texts(project, issues)


@memo.remembered
def _page_issues(root: Path, site: str | None, issues_root: Path, path: Path,
                 text: str) -> tuple[Issue, ...]:
    """What ``check_page`` finds on a page (memo.py): it reads the page's text, and the
    Markdown extensions of ``site``, the text of mkdocs.yml."""
    found = IssueList(issues_root)
    if not too_big_to_render(text):
        check_page(root, path, text, found)
    return tuple(found)


# -- files ------------------------------------------------------------------------


def _check_files(project: Project, issues: IssueList) -> None:
    for folder in (project.content_dir, project.root / "modules"):
        if folder.is_symlink():
            issues.add(shown(folder, project.root), 0, "symlink", *LINK_PROBLEM)
            continue
        for path in content_files.walk(folder):
            if any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue  # hidden files are never published
            if path.is_symlink():
                issues.add(shown(path, project.root), 0, "symlink", *LINK_PROBLEM)
            elif folder == project.content_dir \
                    and path.suffix.lower() not in content_files.PUBLISHED_SUFFIXES \
                    and path.is_file() and path.parent.name != "audio" \
                    and content_files.refusal(path, project.root) == "type":
                # a lesson's audio/ folder is checked by the recordings check (checks/phone.py)
                allowed = ", ".join(sorted(content_files.PUBLISHED_SUFFIXES))
                issues.add(path, 0, "unpublished-file",
                           f"'{path.name}' is not a page or an asset the site publishes",
                           f"content/ holds only these file types: {allowed}; write pages in "
                           "Markdown and ask a developer for anything else")


# -- pages ------------------------------------------------------------------------


def _site_file(root: Path) -> str | None:
    """mkdocs.yml's text (None when it cannot be read: markdown_extensions says why)."""
    try:
        return (root / "mkdocs.yml").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _renderer(root: Path) -> markdown.Markdown:
    """The site's Markdown renderer, made anew when mkdocs.yml changes."""
    return _renderer_for(root, _site_file(root))


@lru_cache(maxsize=8)
def _renderer_for(root: Path, site: str | None) -> markdown.Markdown:
    """(``site``, mkdocs.yml's text, only keys the cache: markdown_extensions reads it.)"""
    names, configs = markdown_extensions(root)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _rendered(root: Path, body: str) -> str:
    """A page body as MkDocs would render it (a rebuild renders only the pages that
    changed: ``_page_issues`` remembers the others)."""
    md = _renderer(root)
    md.reset()
    return md.convert(body)


@dataclass(frozen=True)
class FrontMatter:
    """A page as MkDocs reads it: its front matter, and the body after it."""
    data: dict  # {} when the page has none, or one MkDocs cannot read
    body: str  # the whole page when ``data`` is {}: MkDocs then shows the front matter
    first: int  # the line of the body's first line
    alias: bool = False  # it uses a YAML alias: refused whole
    problem: tuple[int, str] | None = None  # (line, why) when it cannot be read


def read_front_matter(text: str) -> FrontMatter:
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text, 1)
    if _has_alias(match.group(1)):
        return FrontMatter({}, text, 1, alias=True)
    data, problem = _load_front_matter(match.group(1))
    if not isinstance(data, dict):
        return FrontMatter({}, text, 1, problem=problem)
    rest = text[match.end():]
    body = rest.lstrip("\n")
    skipped = text[:match.end()].count("\n") + (len(rest) - len(body))
    return FrontMatter(data, body, 1 + skipped)


def _load_front_matter(block: str) -> tuple[object, tuple[int, str] | None]:
    """(the block's data, or None; (line in the page, why it cannot be read), or None)."""
    try:
        return yaml.safe_load(block), None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        return None, (2 + (mark.line if mark else 0),
                      err.problem or err.context or "unexpected text")
    except yaml.YAMLError as err:
        return None, (2, str(err))
    except (ValueError, OverflowError):  # a date that looks like one but is not
        line, value = impossible_date(block)
        return None, (1 + line, f"'{value}' is not a real date")


def _has_alias(text: str) -> bool:
    """YAML aliases in front matter (a page needs none; expanding them can be endless)."""
    try:
        return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text))
    except yaml.YAMLError:
        return False


def check_page(root: Path, path: Path, text: str, issues: IssueList) -> None:
    front = read_front_matter(text)
    if front.alias:
        issues.add(path, 2, "front-matter-alias", "the front matter uses a YAML alias (*name)",
                   "write each value out; front matter holds only a title or a description")
    if front.problem:
        issues.add(path, front.problem[0], "front-matter-unreadable",
                   f"the front matter cannot be read: {front.problem[1]}",
                   "write each line as 'key: value' (quote a value with ':' in it); "
                   "the site would show these lines as text at the top of the page")
    meta, body, first = front.data, front.body, front.first
    for key, value in meta.items():
        if isinstance(value, str) and ("<" in value or ">" in value):
            issues.add(path, _line_of(text, f"{key}:", 1), "unsafe-title",
                       f"front matter '{key}' holds HTML; titles are plain text",
                       "write the title without < and >")
    rendered = _rendered(root, body)
    lines = body.split("\n")
    cursor = 0
    last: dict[sanitize.Removal, int] = {}
    for removal in sanitize.removals(rendered, forbid=AUTHOR_FORBIDDEN):
        # the same thing twice is on a later line (or a later place on the same one)
        start = min(last[removal] + 1, len(lines) - 1) if removal in last else cursor
        index = _find(lines, removal, max(start, cursor))
        cursor = last[removal] = index
        code, message, hint = describe(removal)
        issues.add(path, first + index, code, message, hint)


def describe(removal: sanitize.Removal) -> tuple[str, str, str]:
    """Code, message and hint for one thing the sanitizer removes."""
    tag, attribute, value = removal.tag, removal.attribute, _short(removal.value or "")
    kind = removal.kind
    if kind == "lost":
        what = f"<{tag}>" if attribute is None else f"the attribute '{attribute}' on <{tag}>"
        return ("unsafe-html", f"{what} would be lost: broken markup around it hides it",
                "close every <!-- with --> and every tag you open, or write Markdown")
    if kind == "element" and tag in AUTHOR_FORBIDDEN:
        return ("unsafe-html", f"<{tag}> is not allowed on a page: form fields belong to "
                "Bekal's quiz", "a page does not ask readers to type anything; put questions "
                "in quiz.yml")
    if kind == "element":
        return ("unsafe-html", f"<{tag}> is not allowed on a page (the build removes it)",
                ALLOWED_HINT)
    if kind == "handler":
        return ("unsafe-html", f"the script attribute '{attribute}' on <{tag}> is not allowed",
                "remove it; pages hold no scripts (ask a developer for a component)")
    if kind == "remote":
        return ("remote-resource",
                f"<{tag}> loads '{value}' from another site; readers' phones would ask it",
                "save the file next to the page (png, jpg, webp) and use a relative address; "
                "a plain link [text](address) to another site is fine")
    if kind == "link":
        return ("unsafe-link", f"the address '{value}' in <{tag} {attribute}> is not allowed",
                "links may be http, https, mailto, tel or a page of this site; images and "
                "media only from this site")
    return ("unsafe-html", f"the attribute '{attribute}' on <{tag}> is not allowed",
            "remove it; Markdown attributes may set id, class, title, lang and data-…")


def _short(value: str) -> str:
    value = re.sub(r"[\x00-\x1f\x7f]", "?", value)
    return value if len(value) <= 60 else value[:57] + "…"


def _find(lines: list[str], removal: sanitize.Removal, start: int) -> int:
    """The index of the source line that most likely made ``removal``, searching from
    ``start`` on and then from the top."""
    tag = re.compile(rf"<\s*{re.escape(removal.tag)}(?![\w-])", re.I)
    needles: list[tuple[re.Pattern, ...]] = []
    if removal.value and len(removal.value.strip()) >= 3:
        value = re.compile(re.escape(removal.value.strip()[:40]), re.I)
        needles += [(tag, value), (value,)]
    if removal.attribute:
        attribute = re.compile(rf"(?<![\w-]){re.escape(removal.attribute)}\s*=", re.I)
        needles += [(tag, attribute), (attribute,)]
    needles.append((tag,))
    order = list(range(start, len(lines))) + list(range(start))
    plain = {}
    for patterns in needles:
        for i in order:
            if i not in plain:
                plain[i] = htmllib.unescape(lines[i])
            if all(p.search(lines[i]) or p.search(plain[i]) for p in patterns):
                return i
    return start


def _line_of(text: str, needle: str, default: int) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith(needle):
            return number
    return default


# -- YAML texts -----------------------------------------------------------------


@cache
def _inline() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list"])


def check_yaml_text(path: Path, line: int, text: str, issues: IssueList) -> None:
    """A YAML text is plain text: HTML in it is shown as typed; Markdown links are checked."""
    for code, message, hint in _yaml_text_findings(text):
        issues.add(path, line, code, message, hint)


@lru_cache(maxsize=65536)
def _yaml_text_findings(text: str) -> tuple[tuple[str, str, str], ...]:
    """What is wrong with one text, whatever file it is in (computed once per text)."""
    found = []
    if nh3.is_html(text):
        found.append(("yaml-html", "this text holds HTML; YAML texts are plain text",
                      "remove the tags: the site shows them as typed, not as HTML"))
    if "[" in text:  # escaped, only a Markdown link or image could still make an element
        md = _inline()
        md.reset()
        found += [describe(removal)
                  for removal in sanitize.removals(md.convert(sanitize.text(text)))]
    return tuple(found)


def _walk_texts(model):
    from .languages import fields

    for where, texts in fields(model):
        for lang, item in texts.items():
            if isinstance(item, list):
                for i, one in enumerate(item):
                    yield (*where, lang, i), one
            elif isinstance(item, str):
                yield (*where, lang), item


def _check_yaml_texts(project: Project, issues: IssueList) -> None:
    loaded_files = list(project.tracks.values()) + list(project.glossary.values())
    for entry in project.modules.values():
        loaded_files += [x for x in (entry.module, entry.quiz) if x is not None]
    for loaded in loaded_files:
        for loc, text in _walk_texts(loaded.model):
            check_yaml_text(loaded.path, loaded.line(*loc), text, issues)
    for key, loaded in project.glossary.items():
        if not sanitize.SAFE_ID.match(key):
            issues.add(loaded.path, loaded.line(), "bad-id",
                       f"glossary key '{_short(key)}' cannot be a link target",
                       "use lowercase letters, digits and single dashes, e.g. 'agen-resmi'")
    ui_file = project.root / "modules" / "ui.yml"
    for lang, strings in project.ui.items():
        for key, text in strings.items():
            check_yaml_text(ui_file, project.ui_lines.line_of((lang, key)), text, issues)
