"""`bekal new`: a new module with every file it needs, in every configured language."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bekal.model.project import SLUG, load_project
from bekal.routes import MODULES

# A lesson has the story and help sections `bekal check` asks for (checks/content_rules.py).
_PAGES = {
    "index.md": "## The lesson {#pelajaran}\n\nWrite the lesson here.\n\n"
                "## A story {#cerita}\n\nTell one person's story here.\n\n"
                "## Where to get help {#bantuan}\n\nSay where to get help here.\n",
    "handout.md": "## Remember {#ingat}\n\nWrite the one-page summary here.\n",
    "pelatih.md": "## Facilitator notes {#catatan}\n\nWrite the trainer notes here.\n",
}

_TEXT = {
    "title": "New module: {slug}",
    "summary": "One line that says what this module teaches.",
    "caption": "A caption video creators can paste.",
}


def _localized(languages: list[str], text: str) -> dict[str, str]:
    return {lang: f"[{lang}] {text}" for lang in languages}


def _track_letter(project, track: str, siblings) -> str:
    """The letter the track's codes already use, or a free one from its name."""
    for sibling in siblings:
        prefix = re.match(r"[a-z]+", sibling.data.code)
        if prefix:
            return prefix.group(0)
    used = {re.match(r"[a-z]+", m.data.code).group(0) for m in project.modules.values()
            if m.module and m.data.track != track}
    return next((c for c in track if c not in used), track[0])


def new_module(root: Path, slug: str, track: str) -> list[Path]:
    """Create modules/<slug>/ and content/<lang>/modul/<slug>/; return the files written."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"'{slug}' is not a valid module name: use lowercase letters a-z, "
                         "digits and single dashes, e.g. modul-baru")
    project = load_project(root)
    if track not in project.tracks:
        known = ", ".join(sorted(project.tracks)) or "none"
        raise ValueError(f"unknown track '{track}' (known: {known})")
    module_dir = root / "modules" / slug
    if module_dir.exists():
        raise ValueError(f"modules/{slug} already exists")
    pages = [project.content_dir / lang / MODULES / slug / name
             for lang in project.config.codes for name in _PAGES]
    existing = [p.relative_to(root).as_posix() for p in pages if p.exists() or p.is_symlink()]
    if existing:
        raise ValueError(f"these files already exist and would be overwritten: "
                         f"{', '.join(existing)}; move them away or choose another name")
    langs = project.config.codes
    siblings = project.modules_of(track)
    order = max((m.data.order for m in siblings), default=0) + 1
    codes = {m.data.code for m in project.modules.values() if m.module}
    letter = _track_letter(project, track, siblings)
    code = f"{letter}{order}"
    while code in codes:
        order += 1
        code = f"{letter}{order}"
    module = {
        "track": track, "order": order, "minutes": 45, "code": code, "level": "dasar",
        **{key: _localized(langs, text.format(slug=slug)) for key, text in _TEXT.items()},
        "objectives": {lang: [f"[{lang}] Name one thing you can do after this module."]
                       for lang in langs},
        "key_points": {lang: [f"[{lang}] The most important point."] for lang in langs},
        "checklist": {lang: [f"[{lang}] I have done the first step."] for lang in langs},
        "activities": [{"minutes": 30, "title": _localized(langs, "Presentation")},
                       {"minutes": 15, "title": _localized(langs, "Quiz and discussion")}],
        "materials": {lang: [f"[{lang}] Printed handouts"] for lang in langs},
    }
    quiz = {"questions": [{
        "id": "q1", "type": "single", "prompt": _localized(langs, "A first question?"),
        "options": [
            {"id": "a", "correct": True, "text": _localized(langs, "The right answer"),
             "explain": _localized(langs, "Why this is right.")},
            {"id": "b", "text": _localized(langs, "A wrong answer"),
             "explain": _localized(langs, "Why this is wrong.")},
        ]}]}
    written = []
    module_dir.mkdir(parents=True)
    for name, data in (("module.yml", module), ("quiz.yml", quiz)):
        path = module_dir / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        written.append(path)
    for lang in langs:
        page_dir = project.content_dir / lang / MODULES / slug
        page_dir.mkdir(parents=True, exist_ok=True)
        for name, body in _PAGES.items():
            path = page_dir / name
            with path.open("x", encoding="utf-8") as out:  # never replaces a file
                out.write(f"<!-- [{lang}] replace with text in this language -->\n\n{body}")
            written.append(path)
    return written
