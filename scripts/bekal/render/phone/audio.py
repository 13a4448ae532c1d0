"""Recorded audio by authors: one recording per lesson section, played instead of the
phone's synthetic voice.

    content/<lang>/modul/<slug>/audio/<section-id>.opus   (or .ogg, .mp3)

The lesson shows a player under the section's heading with the file's size; it loads
nothing until the reader presses play (preload="none"). MkDocs copies the files with
the site, so the offline bundle carries them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bekal.model.project import Project

AUDIO_DIR = "audio"
FORMATS = {".opus": "audio/ogg; codecs=opus", ".ogg": "audio/ogg", ".mp3": "audio/mpeg"}
# About five minutes of speech in Opus at 24 kbit/s, or two at 64 kbit/s MP3: a section
# longer than that should be split, and a bigger file costs a reader on prepaid data.
MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Recording:
    section: str
    path: Path

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def mime(self) -> str | None:
        return FORMATS.get(self.path.suffix.lower())


def recordings(project: Project, slug: str, lang: str) -> list[Recording]:
    """The files in the lesson's audio folder of ``lang`` (every file, known or not)."""
    folder = project.content_dir / lang / "modul" / slug / AUDIO_DIR
    if not folder.is_dir():
        return []
    return [Recording(p.stem, p) for p in sorted(folder.iterdir()) if p.is_file()
            and not p.name.startswith(".")]


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
