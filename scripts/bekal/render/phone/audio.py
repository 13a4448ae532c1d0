"""The player of a recorded lesson section (the recordings themselves: model/audio.py)."""

from __future__ import annotations

import re
from html import escape

from bekal.model.audio import AUDIO_DIR, MAX_BYTES, Recording, recordings
from bekal.model.project import Project


def player(project: Project, rec: Recording, lang: str) -> str:
    kb = max(1, round(rec.size / 1024))
    label = project.t(lang, "audio_label", kb=kb)
    src = f"{AUDIO_DIR}/{rec.path.name}"
    name = f"rekaman-{escape(rec.section)}"
    return (f'<div class="bekal-audio" data-section="{escape(rec.section)}" '
            f'data-bytes="{rec.size}">'
            f'<p class="bekal-audio__size" id="{name}">{escape(label)}</p>'
            f'<audio controls preload="none" src="{escape(src)}" aria-labelledby="{name}">'
            f'<a href="{escape(src)}">{escape(label)}</a></audio></div>')


def with_players(project: Project, markdown: str, slug: str, lang: str) -> str:
    """A player under each heading that has a recording of a known format."""
    for rec in recordings(project, slug, lang):
        if rec.mime is None or rec.size > MAX_BYTES:
            continue  # reported by `bekal check`
        heading = re.compile(rf"^##[^\n]*\{{#{re.escape(rec.section)}\b[^}}]*\}}[ \t]*$", re.M)
        match = heading.search(markdown)
        if match:
            at = match.end()
            markdown = markdown[:at] + f"\n\n{player(project, rec, lang)}\n\n" + markdown[at:]
    return markdown
