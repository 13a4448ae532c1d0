"""How long a module's lesson takes to read, from its words: what readers see.

The session length in module.yml (``minutes``) is the training session; it stays on the
trainer pages. Readers see the reading time of the lesson page: its text, key points,
checklist and objectives, at an unhurried pace on a phone.
"""

from __future__ import annotations

import math
import re

from bekal.routes import lesson_source

from .project import ModuleEntry, Project
from .textfile import strip_front_matter

WORDS_PER_MINUTE = 150  # plain language, read carefully on a small screen
_MARKUP = re.compile(r"\{[^}\n]*\}|<[^>]+>|[#*_>`|\[\]()!-]")
_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(text: str) -> int:
    return len(_WORD.findall(_MARKUP.sub(" ", text)))


def reading_minutes(project: Project, entry: ModuleEntry, lang: str) -> int:
    """Minutes to read the module page in ``lang`` (at least 1)."""
    m = entry.data
    lesson = project.content_dir / lang / lesson_source(entry.slug)
    text = strip_front_matter(lesson.read_text("utf-8")) if lesson.exists() else ""
    for field in ("objectives", "key_points", "checklist"):
        text += "\n" + "\n".join(getattr(m, field).get(lang, []))
    return max(1, math.ceil(word_count(text) / WORDS_PER_MINUTE))


def reading_time(project: Project, entry: ModuleEntry, lang: str) -> str:
    """'±5 menit membaca' / 'about 5 minutes to read' (modules/ui.yml: reading_time)."""
    return project.t(lang, "reading_time", minutes=reading_minutes(project, entry, lang))
