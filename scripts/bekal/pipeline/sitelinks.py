"""The built pages' links to the site's own files, for the steps that join files after
MkDocs (``cssbundle.py``, ``scriptbundle.py``): which file a link names, how a page links
the joined file instead, and the page with its links replaced by one."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from bekal.routes import relative


def site_file(site: Path, page: Path, url: str) -> str | None:
    """The path from the site root ('assets/x.css') of the file ``url`` names on ``page``;
    None for another site's address or anything that is not a file inside ``site``."""
    if urlsplit(url).scheme or url.startswith("//"):
        return None
    base = "" if url.startswith("/") else page.parent.relative_to(site).as_posix()
    rel = posixpath.normpath(posixpath.join(base, url.lstrip("/")))
    if rel.startswith("../") or rel == ".." or not (site / rel).is_file():
        return None
    return rel


def link_like(url: str, target: str, site: Path, page: Path) -> str:
    """The link from ``page`` to ``target`` (a path from the site root), written the way
    ``page`` wrote ``url``: from the site root (404 pages) or relative. (A root link under
    a prefix, '/bekal/assets/x.css', names no file of the site: ``site_file`` is None for
    it, so such a page keeps its own links.)"""
    if url.startswith("/"):
        return "/" + target
    return relative(page.relative_to(site).as_posix(), target)


def with_first_only(html: str, tags: list[re.Match], first: str) -> str:
    """``html`` with the first of ``tags`` (matches in it, in order) written as ``first``
    and the others gone."""
    out, at = [], 0
    for index, tag in enumerate(tags):
        out.append(html[at:tag.start()])
        if index == 0:
            out.append(first)
        at = tag.end()
    out.append(html[at:])
    return "".join(out)
