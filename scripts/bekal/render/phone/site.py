"""The files the phone features add to each language of the built site."""

from __future__ import annotations

from pathlib import Path

from bekal.model.project import Project

from . import checker, offline, vcard


def write_language(project: Project, site_dir: Path, lang: str) -> list[Path]:
    """Every contact group's .vcf, the checker page and the web app manifest of ``lang``;
    with the default language, the service worker and the icons shared by all."""
    written = [offline.write_manifest(project, site_dir, lang)]
    if lang == project.config.default:
        written += offline.write_shared(site_dir)
    for loaded in project.contacts:
        content = vcard.group_file(project, loaded.model, lang)
        if not content:
            continue
        target = site_dir / vcard.card_path(project, loaded.model.id, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))
        written.append(target)
    page = checker.write_page(project, site_dir, lang)
    if page is not None:
        written.append(page)
    return written
