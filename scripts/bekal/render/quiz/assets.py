"""quiz.js and quiz.css, published under assets/ with a content hash in their names.

quiz.js is published once per language with the interface words it shows baked in
(assetbundle.with_strings): a lesson does not carry them, and the script is cached once."""

from __future__ import annotations

from bekal.model.project import Project
from bekal.outputs import Output
from bekal.render.assetbundle import AssetBundle, hashed, with_strings
from bekal.resources import ASSETS

STYLES = AssetBundle("bekal-quiz", {"css": "quiz.css"})
# Interface strings quiz.js needs (ui.yml's quiz_<key>), baked into each language's copy.
SCRIPT_STRINGS = ("result_right", "result_wrong", "result_partial", "result_unanswered",
                  "your_answer", "correct_answer", "you_ticked", "other_flags",
                  "flags_ticked", "score", "status_hint", "reset_done")


def _script(project: Project, lang: str) -> tuple[str, bytes]:
    strings = {key: project.t(lang, f"quiz_{key}") for key in SCRIPT_STRINGS}
    source = (ASSETS / "quiz.js").read_bytes()
    return hashed(f"bekal-quiz-{lang}", "js", with_strings(source, strings))


def asset_urls(project: Project, lang: str) -> dict[str, str]:
    """{'js': 'assets/bekal-quiz-<lang>.<hash>.js', 'css': 'assets/bekal-quiz.<hash>.css'},
    relative to the site root."""
    return {"js": _script(project, lang)[0], **STYLES.urls()}


def asset_outputs(project: Project) -> list[Output]:
    scripts = [_script(project, lang) for lang in project.config.codes]
    return [Output(path, "script", content) for path, content in scripts] + STYLES.outputs()
