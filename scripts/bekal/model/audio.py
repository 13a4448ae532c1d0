"""Recorded audio by authors: one recording per lesson section, played instead of the
phone's synthetic voice (the player: render/phone/audio.py).

    content/<lang>/modul/<slug>/audio/<section-id>.opus   (or .ogg, .mp3)

The lesson shows a player under the section's heading with the file's size; it loads
nothing until the reader presses play (preload="none"). MkDocs copies the files with
the site, so the offline bundle carries them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bekal.model.project import Project
from bekal.routes import MODULES

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
    folder = project.content_dir / lang / MODULES / slug / AUDIO_DIR
    if not folder.is_dir():
        return []
    return [Recording(p.stem, p) for p in sorted(folder.iterdir()) if p.is_file()
            and not p.name.startswith(".")]
