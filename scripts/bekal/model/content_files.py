"""Which files under content/ may be published: Markdown and a short list of asset types.

Anything else (an HTML page, an SVG, a script) would reach readers without passing the
sanitizer, and a symbolic link could publish a file from outside the repository; both are
refused by the checks and left out of the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Markdown pages, and the assets a lesson may use: pictures, a PDF, recorded audio.
ASSET_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".pdf", ".opus", ".mp3", ".m4a"})
PAGE_SUFFIXES = frozenset({".md"})
PUBLISHED_SUFFIXES = PAGE_SUFFIXES | ASSET_SUFFIXES


def walk(folder: Path) -> Iterator[Path]:
    """Every entry below ``folder`` (files, folders, links), without following links."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(dirpath)
        for name in sorted(dirnames + filenames):
            yield base / name


def refusal(path: Path, root: Path) -> str | None:
    """Why ``path`` (under content/) may not be published, or None when it may."""
    if path.is_symlink():
        return "link"
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return "outside"
    if path.is_file() and path.suffix.lower() not in PUBLISHED_SUFFIXES:
        return "type"
    return None


def publishable(path: Path, root: Path) -> bool:
    """A file MkDocs may copy or render: inside the repository, no link on the way, a
    published type."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    current = root
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return False
    return refusal(path, root) is None
