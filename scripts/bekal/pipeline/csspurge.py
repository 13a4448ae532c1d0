"""Ship only the CSS the built pages use: unused rules are dropped from the stylesheets.

Run on the built site, after MkDocs and before the asset fingerprints (``optimize.py``):

- What the site uses is read from every built HTML page (tag names, classes, ids, attributes
  and their values) and from every script the pages run, inline or linked, and Bekal's own
  scripts (``assets/*.js``): any word in a script counts as a class, id, tag or attribute
  it may add, and an attribute a script may set matches any value its words spell
  (``[role=columnheader]`` goes when no script says ``columnheader``). ``SAFELIST`` adds what
  no page or script of ours names (markup the search library writes).
- A selector is kept when every class, id, tag and attribute it names is used somewhere in
  the site. This is deliberately loose: it does not check that they meet on one element.
  ``:not()`` and other state or position pseudo-classes never drop a selector; ``:is()``,
  ``:where()`` and ``:has()`` need one of their alternatives to be used.
- A custom property (``--md-primary-fg-color: ...``) is kept when a kept declaration, a
  page or a script refers to it; ``@keyframes`` when a kept declaration names it. Empty
  ``@media``/``@supports`` blocks go.
- The purged sheet replaces the original. A sheet whose name carries a content hash
  (Material's ``main.57a0d79d.min.css``) loses it, and every page links the plain name, so
  that ``optimize.py`` gives it the hash of what it now holds.

The result is cached by content (the sheets and what the site uses) in ``.cache/csspurge``;
a site whose pages, scripts and sheets are those of the last build takes the last result
without reading what its pages use (``.cache/csspurge/same``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
SAFELIST = {"mark"}  # Pagefind's excerpts highlight the words found with <mark>
ALWAYS = {"html", "body", "root"}
# state, position and language pseudo-classes: they never make a selector unused
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}

TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTR = re.compile(r"([^\s\"'=<>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
SHEET_LINK = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>", re.I)
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.I)
PRINT_MEDIA = re.compile(r"\bmedia=\"?print\"?", re.I)
HREF = re.compile(r"\bhref=\"([^\"]+)\"", re.I)
WORD = re.compile(r"[A-Za-z_][\w-]*")
DATASET = re.compile(r"\bdataset\.([A-Za-z]\w*)")
VAR_REF = re.compile(r"--[\w-]+")
FINGERPRINT = re.compile(r"\.[0-9a-f]{7,}(?=\.)")


@dataclass
class Usage:
    """What the pages and their scripts use."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: dict[str, set[str]] = field(default_factory=dict)
    script_words: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        for match in TAG.finditer(html):
            self.tags.add(match.group(1).lower())
            for attr in ATTR.finditer(match.group(2)):
                name, value = attr.group(1).lower(), attr.group(2)
                if value is None:
                    value = ""
                elif value[:1] in "\"'":
                    value = value[1:-1]
                self.attrs.setdefault(name, set()).add(value)
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)
                elif name == "style":
                    self.variables.update(VAR_REF.findall(value))
        for body in INLINE_SCRIPT.findall(html):
            self.add_script(body)
        for body in INLINE_STYLE.findall(html):
            self.variables.update(VAR_REF.findall(body))

    def add_script(self, text: str) -> None:
        self.script_words.update(WORD.findall(text))
        self.script_words.update("data-" + re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(),
                                                  name) for name in DATASET.findall(text))
        self.variables.update(VAR_REF.findall(text))

    def key(self) -> str:
        state = [sorted(self.tags), sorted(self.classes), sorted(self.ids),
                 sorted((k, sorted(v)) for k, v in self.attrs.items()),
                 sorted(self.script_words), sorted(self.variables), sorted(SAFELIST)]
        return hashlib.sha256(json.dumps(state).encode()).hexdigest()

    def _script_may_give(self, op: str | None, value: str | None) -> bool:
        """Whether a script that sets an attribute may give it ``value``: every word of an
        exact value (``[role=columnheader]``) is a word of some script; a prefix, suffix or
        part (``^= $= *=``) is not checked."""
        if op is None or value is None or op not in ("=", "~="):
            return True
        return all(word in self.script_words for word in WORD.findall(value))

    # -- the questions a selector asks -------------------------------------------------
    def has_tag(self, name: str) -> bool:
        name = name.lower()
        return name in self.tags or name in self.script_words or name in SAFELIST \
            or name in ALWAYS

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.script_words or name in SAFELIST

    def has_id(self, name: str) -> bool:
        return name in self.ids or name in self.script_words or name in SAFELIST

    def has_attr(self, name: str, op: str | None, value: str | None) -> bool:
        name = name.lower()
        if name in SAFELIST:
            return True
        if name in self.script_words and self._script_may_give(op, value):
            return True  # a script may set it, to a value its words spell
        values = self.attrs.get(name)
        if values is None:
            return False
        if op is None or value is None:
            return True
        if op == "=":
            return value in values or value.lower() in {v.lower() for v in values}
        if op == "~=":
            return any(value in v.split() for v in values)
        return True  # ^= $= *= |=: the attribute is there, the value is not checked


# -- selectors ---------------------------------------------------------------------------

def _split(tokens: list, separator: str = ",") -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == separator:
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _attribute(block, usage: Usage) -> bool:
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return True  # namespaces and anything odd: keep
    name = tokens[0].value
    op = tokens[1].value if len(tokens) > 2 and tokens[1].type == "literal" else None
    value = None
    if op is not None and tokens[2].type in ("ident", "string"):
        value = tokens[2].value
    return usage.has_attr(name, op, value)


def used(selector: list, usage: Usage) -> bool:
    """Whether every class, id, tag and attribute this (complex) selector names is used."""
    previous = None
    for token in selector:
        kind = token.type
        after_colon = previous is not None and previous.type == "literal" \
            and previous.value == ":"
        if kind == "ident":
            if after_colon:
                pass  # a pseudo-class or pseudo-element: never a reason to drop
            elif previous is not None and previous.type == "literal" and previous.value == ".":
                if not usage.has_class(token.value):
                    return False
            elif not usage.has_tag(token.value):
                return False
        elif kind == "hash":
            if not usage.has_id(token.value):
                return False
        elif kind == "[] block":
            if not _attribute(token, usage):
                return False
        elif kind == "function" and after_colon and token.lower_name in ANY_OF \
                and not any(used(_trim(o), usage) for o in _split(list(token.arguments))):
            return False
        previous = token
    return True


def _trim(tokens: list) -> list:
    start, end = 0, len(tokens)
    while start < end and tokens[start].type in ("whitespace", "comment"):
        start += 1
    while end > start and tokens[end - 1].type in ("whitespace", "comment"):
        end -= 1
    return tokens[start:end]


def _text(tokens: list) -> str:
    """Serialized tokens with every run of whitespace as one space."""
    out = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(tinycss2.serialize([token]))
    return "".join(out).strip()


# -- the sheet ---------------------------------------------------------------------------

def _declarations(content: list) -> list:
    return [d for d in tinycss2.parse_declaration_list(content, skip_comments=True,
                                                       skip_whitespace=True)
            if d.type == "declaration"]


def _declaration_text(decl) -> str:
    value = _text(decl.value)
    return f"{decl.name}:{value}{'!important' if decl.important else ''}"


def _selectors(rule, usage: Usage) -> list[str]:
    return [_text(s) for s in (_trim(s) for s in _split(list(rule.prelude)))
            if s and used(s, usage)]


def _keep_rules(rules: list, usage: Usage) -> list:
    """The rules with their used selectors, as (selectors, declarations) or at-rules."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule, usage)
            if selectors:
                kept.append(("rule", selectors, _declarations(rule.content or [])))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if name in ("media", "supports", "layer", "container", "document") \
                    and rule.content is not None:
                inner = _keep_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                             skip_whitespace=True), usage)
                if inner:
                    kept.append(("block", rule, inner))
            elif name.endswith("keyframes"):
                kept.append(("keyframes", rule, _text(rule.prelude)))
            else:
                kept.append(("raw", rule))
    return kept


def _walk_declarations(kept: list):
    for item in kept:
        if item[0] == "rule":
            yield from item[2]
        elif item[0] == "block":
            yield from _walk_declarations(item[2])


def _needed_variables(kept: list, usage: Usage) -> set[str]:
    defined: dict[str, set[str]] = {}
    needed = set(usage.variables)
    for decl in _walk_declarations(kept):
        refs = set(VAR_REF.findall(tinycss2.serialize(decl.value)))
        if decl.name.startswith("--"):
            defined.setdefault(decl.name, set()).update(refs)
        else:
            needed |= refs
    todo = list(needed)
    while todo:
        for ref in defined.get(todo.pop(), ()):
            if ref not in needed:
                needed.add(ref)
                todo.append(ref)
    return needed


def _animation_names(kept: list) -> set[str]:
    names = set()
    for decl in _walk_declarations(kept):
        if decl.lower_name.startswith(("animation", "-webkit-animation")):
            names.update(t.value for t in decl.value if t.type == "ident")
    return names


def _write(kept: list, variables: set[str], animations: set[str]) -> str:
    out = []
    for item in kept:
        kind = item[0]
        if kind == "rule":
            decls = [_declaration_text(d) for d in item[2]
                     if not d.name.startswith("--") or d.name in variables]
            if decls:
                out.append(",".join(item[1]) + "{" + ";".join(decls) + "}")
        elif kind == "block":
            inner = _write(item[2], variables, animations)
            if inner:
                out.append(f"@{item[1].at_keyword} {_text(item[1].prelude)}{{{inner}}}")
        elif kind == "keyframes":
            name = item[2].split()[-1] if item[2] else ""
            if name.strip("\"'") in animations:
                out.append(item[1].serialize())
        else:
            out.append(item[1].serialize())
    return "".join(out)


def purge_css(sheets: list[str], usage: Usage) -> list[str]:
    """The stylesheets ``sheets`` without the rules, custom properties and keyframes the
    site does not use. Custom properties and keyframes count as used across the sheets:
    one sheet may set a property that another one reads."""
    kept = [_keep_rules(tinycss2.parse_stylesheet(css, skip_comments=True,
                                                  skip_whitespace=True), usage)
            for css in sheets]
    everything = [item for sheet in kept for item in sheet]
    variables, animations = _needed_variables(everything, usage), _animation_names(everything)
    return [_write(sheet, variables, animations) for sheet in kept]


# -- the site ----------------------------------------------------------------------------

def _local(site: Path, page: Path, url: str) -> Path | None:
    if "://" in url or url.startswith(("//", "data:", "#")):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    target = (site / url.lstrip("/")) if url.startswith("/") else (page.parent / url)
    target = target.resolve()
    return target if site in target.parents and target.is_file() else None


def _plain_name(path: Path) -> Path:
    return path.with_name(FINGERPRINT.sub("", path.name, count=1))


def purge_site(site_dir: Path, cache_dir: Path | None = None,
               scripts: list[Path] | None = None) -> dict[str, tuple[int, int]]:
    """Purge every local stylesheet the pages of ``site_dir`` link; return per sheet (site
    path) its size before and after. ``scripts``: more scripts that may run on the pages
    (Bekal's own, added later by other steps).

    A print stylesheet (``media="print"``) that every page links right after the same sheet
    is folded into that sheet as ``@media print {...}`` and its link goes: browsers fetch a
    print stylesheet on every first view anyway, and one request costs less than two."""
    site = site_dir.resolve()
    texts: dict[Path, str] = {}
    links: dict[Path, list[tuple[Path, bool, str]]] = {}  # page: (sheet, print only, tag)
    # with every script published in assets/: a linked one may load it later (phone.js's parts)
    script_files: dict[Path, None] = dict.fromkeys([*(scripts or []),
                                                    *sorted(site.glob("assets/*.js"))])
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8", errors="replace")
        texts[page] = html
        links[page] = []
        for tag in SHEET_LINK.findall(html):
            href = HREF.search(tag)
            target = href and _local(site, page, href.group(1))
            if target is not None and target.suffix == ".css":
                links[page].append((target, bool(PRINT_MEDIA.search(tag)), tag))
        for src in SCRIPT_SRC.findall(html):
            target = _local(site, page, src)
            if target is not None:
                script_files[target] = None
    script_texts = [script.read_text("utf-8", errors="replace") for script in script_files
                    if script.is_file()]
    folds = _print_folds(links)
    sheets = dict.fromkeys(sheet for page_links in links.values() for sheet, _, _ in page_links)
    original = {sheet: sheet.read_text("utf-8", errors="replace") for sheet in sheets}
    purged = dict(zip(sheets, _purged(cache_dir, texts, script_texts, list(original.values())),
                      strict=True))
    sizes, renames = {}, {}
    for sheet in sheets:
        if sheet in folds:
            continue  # its rules are in the sheet before it
        css = purged[sheet] + "".join(f"@media print{{{purged[p]}}}"
                                      for p, host in folds.items() if host == sheet)
        target = _plain_name(sheet)
        target.write_text(css, "utf-8")
        if target != sheet:
            renames[sheet.name] = target.name
        sizes[str(sheet.relative_to(site))] = (len(original[sheet].encode()),
                                                len(css.encode()))
    for page, html in texts.items():
        new = html
        for sheet, _, tag in links[page]:
            if sheet in folds:
                new = new.replace(tag, "", 1)
        if renames:
            new = re.sub("|".join(re.escape(name) for name in renames),
                         lambda m: renames[m.group(0)], new)
        if new != html:
            page.write_text(new, "utf-8")
    for sheet in sheets:
        if sheet.name in renames:
            sheet.unlink()
            sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
    return sizes


def _print_folds(links: dict[Path, list[tuple[Path, bool, str]]]) -> dict[Path, Path]:
    """Print sheet -> the sheet it can be folded into: the one linked right before it, the
    same on every page that links it, and never linked for print itself."""
    hosts: dict[Path, set] = {}
    for page_links in links.values():
        for index, (sheet, print_only, _) in enumerate(page_links):
            if print_only:
                before = page_links[index - 1] if index else None
                host = before[0] if before and not before[1] else None
                hosts.setdefault(sheet, set()).add(host)
    printed = set(hosts)
    return {sheet: next(iter(found)) for sheet, found in hosts.items()
            if len(found) == 1 and None not in found and not (found & printed)
            and all(not (s == sheet and not p) for ls in links.values() for s, p, _ in ls)}


def _purged(cache_dir: Path | None, pages: dict[Path, str], scripts: list[str],
            sheets: list[str]) -> list[str]:
    """The purged sheets. Pages, scripts and sheets the same as the last build's: its result,
    without reading what the pages use (most of the purge's time); else by what they use."""
    same = None
    if cache_dir is not None:
        digest = hashlib.sha256(_CODE.encode())
        for text in [*pages.values(), "\0scripts", *scripts, "\0sheets", *sheets]:
            digest.update(text.encode("utf-8", "surrogateescape") + b"\0")
        same = cache_dir / "same" / f"{digest.hexdigest()[:20]}.json"
        if same.is_file():
            return json.loads(same.read_text("utf-8"))
    usage = Usage()
    for html in pages.values():
        usage.add_html(html)
    for text in scripts:
        usage.add_script(text)
    key = usage.key() + _CODE  # a change to the purge's rules is a change of its result
    purged = _cached(cache_dir, key, sheets, usage)
    if same is not None:
        _keep_only(same, purged)
    return purged


def _cached(cache_dir: Path | None, key: str, sheets: list[str], usage: Usage) -> list[str]:
    if cache_dir is None:
        return purge_css(sheets, usage)
    digest = hashlib.sha256("\0".join([key, *sheets]).encode()).hexdigest()[:20]
    entry = cache_dir / f"{digest}.json"
    if entry.is_file():
        return json.loads(entry.read_text("utf-8"))
    purged = purge_css(sheets, usage)
    _keep_only(entry, purged)
    return purged


def _keep_only(entry: Path, purged: list[str]) -> None:
    """``purged`` as the one entry of its folder: the last build's."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    for old in entry.parent.glob("*.json"):
        old.unlink()
    entry.write_text(json.dumps(purged), "utf-8")
