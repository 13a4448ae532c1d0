"""phone.js (with its interface strings in every language) and phone.css, published
under assets/ with a content hash in their names: after the first page they cost nothing,
in either language."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

from bekal.model.project import Project
from bekal.outputs import Output

from .offline import MANIFEST_NAME

# Interface strings the script needs, baked into it: {lang: {key: text}}, default first.
SCRIPT_STRINGS = ("done_mark", "done_undo", "done_badge", "history_done", "history_quiz",
                  "history_cleared", "copy_done", "copy_failed", "share_copy", "gloss_more",
                  "listen", "listen_pause", "listen_resume", "listen_reading", "offline_save",
                  "offline_remove", "offline_saving", "offline_saved", "offline_failed",
                  "offline_removed", "offline_audio")
PLACEHOLDER = b"/*BEKAL_STRINGS*/{}"


def _hashed(stem: str, kind: str, content: bytes) -> tuple[str, bytes]:
    digest = hashlib.sha256(content).hexdigest()[:10]
    return f"assets/{stem}.{digest}.{kind}", content


def _bundle(project: Project) -> dict[str, tuple[str, bytes]]:
    source = files(__package__) / "assets"
    strings = {lang: {key: project.t(lang, key) for key in SCRIPT_STRINGS}
               for lang in project.config.codes}
    for lang, texts in strings.items():  # where the script finds the language's manifest
        texts["manifest"] = project.config.prefix(lang) + MANIFEST_NAME
    script = (source / "phone.js").read_bytes().replace(
        PLACEHOLDER, json.dumps(strings, ensure_ascii=False).encode("utf-8"))
    return {"js": _hashed("bekal-phone", "js", script),
            "css": _hashed("bekal-phone", "css", (source / "phone.css").read_bytes())}


def asset_urls(project: Project) -> dict[str, str]:
    """{'js': 'assets/bekal-phone.<hash>.js', 'css': …}, relative to the site root."""
    return {kind: path for kind, (path, _) in _bundle(project).items()}


def asset_outputs(project: Project) -> list[Output]:
    kinds = {"js": "script", "css": "stylesheet"}
    return [Output(path, kinds[kind], content)
            for kind, (path, content) in _bundle(project).items()]
