"""Markdown pieces the site adds to authored pages, built from modules/*.yml.

Authors place a marker where a generated piece belongs:
    <!-- bekal:modules <track> -->   the modules of a track (title, summary, minutes)
    <!-- bekal:catalogue -->         every track with its first modules (CATALOGUE_PER_TRACK)
    <!-- bekal:glossary -->          the glossary entries
    <!-- bekal:creator-kit -->       the creators' hub: every module's kit page (creator/kit.py)
    <!-- bekal:quiz -->              where the module's quiz goes (quiz/page.py)
    <!-- bekal:trainer-hub -->       every track's session plan and module kits (trainer/plan.py)
    <!-- bekal:services -->          help near home by province and district (services/page.py)
Module lessons (modul/<slug>/index.md) get their title, objectives, key points and
checklist from module.yml without a marker.
"""

from __future__ import annotations

import re

from bekal.model.pageref import MARKER, PageRef
from bekal.model.project import ModuleEntry, Project
from bekal.model.reading_time import reading_time
from bekal.routes import lesson_source, source_link, track_source

from .creator.kit import creator_kit
from .sanitize import SAFE_ID
from .sanitize import text as plain


def module_list(project: Project, entries: list[ModuleEntry], lang: str, from_path: str) -> str:
    lines = []
    for entry in entries:
        m = entry.data
        target = source_link(from_path, lesson_source(entry.slug))
        reading = reading_time(project, entry, lang)  # readers' time, not the session's
        lines.append(f"1. **[{plain(m.title[lang])}]({target})**  \n"
                     f"   {plain(m.summary[lang])} *({plain(reading)})*")
    return "\n".join(lines) + "\n"


# The home page lists this many modules of each track, then links to the track's page, which
# lists them all: the page a reader opens first stays the same size however many modules
# there are.
CATALOGUE_PER_TRACK = 6


def catalogue(project: Project, lang: str, from_path: str) -> str:
    parts = []
    for track in project.ordered_tracks():
        target = source_link(from_path, track_source(track.id))
        title = plain(track.title[lang])
        parts.append(f"### [{title}]({target})\n\n{plain(track.description[lang])}\n")
        entries = project.modules_of(track.id)
        parts.append(module_list(project, entries[:CATALOGUE_PER_TRACK], lang, from_path))
        if len(entries) > CATALOGUE_PER_TRACK:
            more = project.t(lang, "catalogue_more", count=len(entries), track=track.title[lang])
            parts.append(f"[{plain(more)}]({target})\n")
    return "\n".join(parts)


def glossary(project: Project, lang: str) -> str:
    entries = sorted(project.glossary.items(), key=lambda kv: kv[1].model.term[lang].lower())
    lines = []
    for key, loaded in entries:
        term = loaded.model
        anchor = f" {{#{key}}}" if SAFE_ID.match(key) else ""  # the checks name bad keys
        lines.append(f"{plain(term.term[lang])}{anchor}\n:   {plain(term.definition[lang])}\n")
    return "\n".join(lines)


def expand_markers(project: Project, markdown: str, page: PageRef) -> str:
    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        if name == "modules" and arg in project.tracks:
            return module_list(project, project.modules_of(arg), page.lang, page.path)
        if name == "catalogue":
            return catalogue(project, page.lang, page.path)
        if name == "glossary":
            return glossary(project, page.lang)
        if name == "creator-kit":
            return creator_kit(project, page.lang, page.path)
        return match.group(0)
    return MARKER.sub(replace, markdown)


def module_header(project: Project, entry: ModuleEntry, lang: str) -> str:
    m = entry.data
    track = project.track(m.track) if m.track in project.tracks else None
    meta = plain(project.t(lang, "module_meta_reader",
                           track=track.title[lang] if track else m.track,
                           reading=reading_time(project, entry, lang), code=m.code))
    objectives = "\n".join(f"    - {plain(o)}" for o in m.objectives.get(lang, []))
    title = plain(project.t(lang, "objectives")).replace('"', "&quot;")
    return (f"# {plain(m.title[lang])}\n\n{meta}\n{{: .bekal-meta }}\n\n"
            f'!!! abstract "{title}"\n\n{objectives}\n\n')


def module_footer(project: Project, entry: ModuleEntry, lang: str) -> str:
    m = entry.data
    points = "\n".join(f"- {plain(p)}" for p in m.key_points.get(lang, []))
    checks = "\n".join(f"- {plain(c)}" for c in m.checklist.get(lang, []))
    return (f'\n\n## {plain(project.t(lang, "key_points"))} {{#poin-penting}}\n\n'
            f'<div class="bekal-keypoints" markdown>\n\n{points}\n\n</div>\n\n'
            f'## {plain(project.t(lang, "checklist"))} {{#daftar-periksa}}\n\n'
            f'<div class="bekal-checklist" markdown>\n\n{checks}\n\n</div>\n')
