"""Is the site built for its public address, or for this computer only?

Without ``BEKAL_SITE_URL`` the site is built for ``http://127.0.0.1:8000/``: every handout
QR code, preview card, ``og:url`` and canonical link then leads to the author's own computer.
Fine for a preview, useless on paper: the build says so loudly, handouts say "preview",
and ``bekal check --publish`` and ``bekal offline`` refuse it.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from bekal.model.issues import IssueList

ENV = "BEKAL_SITE_URL"
HINT = (f"set {ENV} to the address the site is published at, e.g. "
        f"{ENV}=https://bekal.example.org/ bekal build")


def is_local(url: str) -> bool:
    """True for an address only this computer can open (a village network's own address,
    such as 192.168.1.10, is allowed: phones on that network can open it)."""
    host = (urlsplit(url).hostname or "").lower()
    if not host or host == "localhost" or host.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _config_line(root: Path) -> int:
    try:
        lines = (root / "mkdocs.yml").read_text("utf-8").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines, 1) if line.startswith("site_url:")), 0)


def check(root: Path, site_url: str, issues: IssueList, what: str = "a published site") -> None:
    """An error when ``site_url`` is a local address (for ``check --publish``, ``offline``)."""
    if is_local(site_url):
        issues.add(root / "mkdocs.yml", _config_line(root), "site-url-local",
                   f"the site address is {site_url}, a local address: QR codes, cards and "
                   f"links in {what} would lead nowhere", HINT)


def warning(site_url: str) -> str:
    """The banner ``bekal build`` prints for a preview build ('' for a public address)."""
    if not is_local(site_url):
        return ""
    rule = "!" * 72
    return (f"{rule}\nbekal build: PREVIEW BUILD for {site_url}\n"
            f"  QR codes, preview cards, og:url and canonical links point to this computer,\n"
            f"  and every handout says 'preview'. Do not print or publish this build.\n"
            f"  To publish: {HINT}\n{rule}")
