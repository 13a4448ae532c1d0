"""Translation status: missing pages and translations older than their source.

A translation records the hash of the default-language file it was brought up to
date with, in its front matter: ``source_hash: 1a2b3c4d5e6f``. ``bekal status``
compares it with the source as it is now; ``bekal status --accept <file>`` records
the current hash after a translator has updated the file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .siteconfig import read_site_config

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HASH_LINE = re.compile(r"^source_hash:\s*(\S+)\s*$", re.M)


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def recorded_hash(text: str) -> str | None:
    front = FRONT.match(text.removeprefix("\ufeff"))
    match = HASH_LINE.search(front.group(1)) if front else None
    return match.group(1) if match else None


def with_hash(text: str, digest: str) -> str:
    text = text.removeprefix("\ufeff")
    front = FRONT.match(text)
    if not front:
        return f"---\nsource_hash: {digest}\n---\n\n{text}"
    body = front.group(1)
    body = HASH_LINE.sub(f"source_hash: {digest}", body) if HASH_LINE.search(body) \
        else f"{body}\nsource_hash: {digest}"
    return f"---\n{body}\n---\n{text[front.end():]}"


def translation_state(root: Path) -> dict[str, dict[str, list[str]]]:
    """Per language: 'missing', 'outdated' and 'untracked' page paths."""
    config = read_site_config(root)
    content = root / config.docs_dir
    source_dir = content / config.default
    state: dict[str, dict[str, list[str]]] = {}
    for lang in config.codes:
        if lang == config.default:
            continue
        found = {"missing": [], "outdated": [], "untracked": []}
        for source in sorted(source_dir.rglob("*.md")):
            if not source.is_file():
                continue  # a folder named *.md; bekal check reports it
            rel = source.relative_to(source_dir).as_posix()
            target = content / lang / rel
            if not target.is_file():
                found["missing"].append(rel)
                continue
            recorded = recorded_hash(target.read_text("utf-8", errors="replace"))
            if recorded is None:
                found["untracked"].append(rel)
            elif recorded != source_hash(source):
                found["outdated"].append(rel)
        state[lang] = found
    return state


def status_report(root: Path) -> tuple[str, bool]:
    lines, stale = [], False
    for lang, found in translation_state(root).items():
        lines.append(f"[{lang}]")
        for kind, label in (("missing", "missing"), ("outdated", "source changed since translated"),
                            ("untracked", "no source_hash recorded")):
            for rel in found[kind]:
                lines.append(f"  {label}: content/{lang}/{rel}")
                stale = True
        if not any(found.values()):
            lines.append("  all pages translated and up to date")
    return "\n".join(lines), stale


class AcceptError(ValueError):
    """``bekal status --accept`` was given a file that is not a translation."""


def accept(root: Path, target: Path) -> None:
    """Record that ``target`` (a translation) is up to date with its source."""
    config = read_site_config(root)
    content = (root / config.docs_dir).resolve()
    resolved = target.resolve()
    if not resolved.is_relative_to(content):
        raise AcceptError(f"{target} is not inside {config.docs_dir}/; give a translated page, "
                          f"e.g. {config.docs_dir}/en/bantuan.md")
    rel = resolved.relative_to(content)
    others = [c for c in config.codes if c != config.default]
    if len(rel.parts) < 2 or rel.parts[0] not in others:
        raise AcceptError(f"{target} is not a translation; give a page under "
                          + " or ".join(f"{config.docs_dir}/{c}/" for c in others))
    if not resolved.is_file():
        raise AcceptError(f"{target} does not exist (or is not a file)")
    source = content / config.default / Path(*rel.parts[1:])
    if not source.is_file():
        raise AcceptError(f"{target} has no source page: "
                          f"{config.docs_dir}/{config.default}/{Path(*rel.parts[1:]).as_posix()} "
                          "does not exist")
    try:
        text = resolved.read_text("utf-8")
    except UnicodeDecodeError:
        raise AcceptError(f"{target} is not UTF-8 text; save it as UTF-8 first") from None
    resolved.write_text(with_hash(text, source_hash(source)), "utf-8")
