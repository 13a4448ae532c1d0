"""The files the phone features add to each language of the built site."""

from __future__ import annotations

from bekal.model.project import Project
from bekal.outputs import Output, page

from . import checker, offline, vcard


def language_outputs(project: Project, lang: str) -> list[Output]:
    """Every contact group's .vcf, the checker page and the web app manifest of ``lang``."""
    out = [offline.manifest_output(project, lang)]
    for loaded in project.contacts:
        content = vcard.group_file(project, loaded.model, lang)
        if content:
            out.append(Output(project.routes.contact_card(lang, loaded.model.id), "contacts",
                              content.encode("utf-8")))
    made = checker.checker_page(project, lang)
    if made is not None:
        url, html = made
        out.append(page(project.routes.file(url), html))
    return out
