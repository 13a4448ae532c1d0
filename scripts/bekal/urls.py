"""Site URLs: directory URLs per language, and relative links between pages."""

from __future__ import annotations

import posixpath


def relative(from_url: str, to_url: str) -> str:
    """A link from page ``from_url`` to ``to_url`` (both site-root relative, like 'en/modul/x/')."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    rel = posixpath.relpath("/" + to_url, "/" + from_dir)
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def page_url(prefix: str, path: str) -> str:
    """'en/' + 'modul/x/' -> 'en/modul/x/'; the home page is ''."""
    return f"{prefix}{path}"
