"""Reading author files: UTF-8 text with a clear error for bad bytes."""

from __future__ import annotations

import re
from pathlib import Path

from .issues import IssueList


def read_text(path: Path, issues: IssueList) -> str | None:
    """The file's text, or None after recording an [encoding] or [symlink] issue (a link,
    or a file outside the repository, is never read)."""
    if not inside(path, issues.root):
        issues.add(shown(path, issues.root), 0, "symlink", *LINK_PROBLEM)
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        issues.add(path, line, "encoding",
                   f"byte 0x{data[err.start]:02x} is not valid UTF-8",
                   "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)")
        return None


LINK_PROBLEM = ("a symbolic link, or a file outside the repository",
                "replace the link with the real file (a link may point outside the repository, "
                "and the build would publish what it points to)")


def shown(path: Path, root: Path) -> str:
    """``path`` as the issue list shows it, without following a link."""
    try:
        return path.absolute().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def inside(path: Path, root: Path) -> bool:
    """``path`` lies in ``root`` with no symbolic link on the way."""
    root = root.resolve()
    try:
        rel = path.absolute().relative_to(root)
    except ValueError:
        return False
    current = root
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return False
    return True


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def strip_front_matter(text: str) -> str:
    """Markdown without its leading '---' block (page metadata such as source_hash)."""
    return _FRONT_MATTER.sub("", text, count=1)
