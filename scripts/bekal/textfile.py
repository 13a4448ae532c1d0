"""Reading author files: UTF-8 text with a clear error for bad bytes."""

from __future__ import annotations

import re
from pathlib import Path

from .issues import IssueList


def read_text(path: Path, issues: IssueList) -> str | None:
    """The file's text, or None after recording an [encoding] issue."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        issues.add(path, line, "encoding",
                   f"byte 0x{data[err.start]:02x} is not valid UTF-8",
                   "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)")
        return None


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def strip_front_matter(text: str) -> str:
    """Markdown without its leading '---' block (page metadata such as source_hash)."""
    return _FRONT_MATTER.sub("", text, count=1)
