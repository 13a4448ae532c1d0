"""The short links' QR codes in the creator kit: SVG (scales, for print) and PNG (for video
editors), drawn by render/qr.py."""

from __future__ import annotations

from bekal.model.project import Project
from bekal.model.shortlinks import short_links, short_url
from bekal.outputs import Output
from bekal.render.qr import qr_files


def download_name(project: Project, lang: str, code: str, kind: str) -> str:
    """A file name that stays clear in a creator's downloads folder."""
    suffix = "" if lang == project.config.default else f"-{lang}"
    return f"bekal-{code}{suffix}.{kind}"


def qr_outputs(project: Project, lang: str) -> list[Output]:
    """Every short link's QR code for ``lang``, as SVG and PNG."""
    out = []
    for link in short_links(project):
        url = short_url(project, lang, link.code)
        svg, png = qr_files(url, url, project.root / ".cache" / "qr")
        out += [Output(project.routes.qr_image(lang, link.code, "svg"), "image", source=svg),
                Output(project.routes.qr_image(lang, link.code, "png"), "image", source=png)]
    return out
