"""phone.js and phone.css, published under assets/ with a content hash in their names:
after the first page they cost nothing. phone.js is published once per language, with that
language's interface strings baked in: a reader downloads only the words she reads.

The rarely used parts of the script are published the same way as scripts of their own
(``PARTS``): phone.js knows their hashed names and loads one only when the reader first
taps its button, so a page she only reads never downloads them. The quiz's script
(bekal/render/quiz/, published there) is a part too: phone.js loads it when the reader
comes near the quiz, and a lesson saved for reading without signal stores it."""

from __future__ import annotations

import json
from importlib.resources import files

from bekal.model.project import Project
from bekal.outputs import Output
from bekal.render import quiz
from bekal.render.assetbundle import hashed, with_strings

from .offline import MANIFEST_NAME

# Interface strings the script needs, baked into it: {lang: {key: text}}, default first.
SCRIPT_STRINGS = ("done_mark", "done_undo", "done_badge", "history_done", "history_quiz",
                  "history_cleared", "copy_done", "copy_failed", "share_copy", "gloss_more",
                  "listen", "listen_pause", "listen_failed", "offline_save", "offline_remove",
                  "offline_saving", "offline_saved", "offline_failed", "offline_removed",
                  "offline_remove_failed", "offline_audio")
# The parts loaded on the first tap: name in phone.js -> (source file, its strings).
PARTS = {"offline": ("phone-offline.js", ()),
         "listen": ("phone-listen.js", ("listen_pause", "listen_resume", "listen_reading"))}
# Parts another feature publishes, one per language: name in phone.js -> its path.
OTHER_PARTS = {"quiz": lambda project, lang: quiz.asset_urls(project, lang)["js"]}
PARTS_PLACEHOLDER = b"/*BEKAL_PARTS*/{}"


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _script(project: Project, name: str, keys: tuple[str, ...],
            extra: dict[str, dict[str, str]] | None = None,
            langs: list[str] | None = None) -> bytes:
    """A script of assets/ with the strings ``keys`` of ``langs`` (every language when
    None) baked in; a script that shows no words is published as it is."""
    source = (files(__package__) / "assets" / name).read_bytes()
    if not keys and not extra:
        return source
    strings = {lang: {key: project.t(lang, key) for key in keys} | (extra or {}).get(lang, {})
               for lang in langs or project.config.codes}
    return with_strings(source, strings)


def _bundle(project: Project) -> tuple[dict[str, tuple[str, bytes]],
                                       dict[str, tuple[str, bytes]]]:
    """({lang: phone.js in it}, {'css' and each part: the one file for all languages}),
    each as (site path, content)."""
    parts = {name: hashed(f"bekal-phone-{name}", "js", _script(project, source, keys))
             for name, (source, keys) in PARTS.items()}
    # where the script finds the language's manifest
    manifests = {lang: {"manifest": project.config.prefix(lang) + MANIFEST_NAME}
                 for lang in project.config.codes}

    def part_names(lang: str) -> bytes:
        return _json({name: path for name, (path, _) in parts.items()}
                     | {name: path(project, lang) for name, path in OTHER_PARTS.items()})

    scripts = {lang: hashed(f"bekal-phone-{lang}", "js", _script(
        project, "phone.js", SCRIPT_STRINGS, manifests, [lang]).replace(PARTS_PLACEHOLDER,
                                                                        part_names(lang)))
               for lang in project.config.codes}
    css = (files(__package__) / "assets" / "phone.css").read_bytes()
    return scripts, {"css": hashed("bekal-phone", "css", css),
                     **{f"js-{name}": part for name, part in parts.items()}}


def asset_urls(project: Project, lang: str) -> dict[str, str]:
    """{'js': 'assets/bekal-phone-<lang>.<hash>.js', 'css': …, 'js-offline': …,
    'js-listen': …}, relative to the site root; a page in ``lang`` links 'js' and 'css'."""
    scripts, shared = _bundle(project)
    return {"js": scripts[lang][0], **{kind: path for kind, (path, _) in shared.items()}}


def asset_outputs(project: Project) -> list[Output]:
    scripts, shared = _bundle(project)
    return [Output(path, "stylesheet" if kind == "css" else "script", content)
            for kind, (path, content) in [*scripts.items(), *shared.items()]]
