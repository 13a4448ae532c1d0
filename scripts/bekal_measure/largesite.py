"""A large generated project: N modules per language, for weight budgets and the benchmark.

``seed`` makes a project with one module per track (``bekal new``) on a copy of a real
project's skeleton and site pages; ``grow`` then clones each track's module, with its own
slug, order, code and title, a lesson of about 650 words and a five-question quiz, until the
project has N modules per language; ``large_project`` does both. Cloning keeps every file
exactly in the shape ``bekal new`` writes, so the project passes ``bekal check`` as the
format evolves.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from bekal.authoring.scaffold import new_module
from bekal.model.project import load_project
from bekal.routes import MODULES

# What a generated project takes from the real one: configuration, theme and shared data
SKELETON = ("mkdocs.yml", "overrides", "modules/tracks.yml", "modules/facts.yml",
            "modules/glossary.yml", "modules/ui.yml")

WORDS = {
    "id": (
        "pekerja", "migran", "paspor", "kontrak", "gaji", "majikan", "agen", "resmi", "izin",
        "dokumen", "biaya", "penipuan", "lowongan", "palsu", "keluarga", "kantor", "desa",
        "pelatihan", "bantuan", "hak", "kerja", "libur", "upah", "aman", "tawaran",
        "perusahaan", "negara", "tujuan", "nomor", "pengaduan", "catatan", "asuransi", "visa"
    ),
    "en": (
        "migrant", "worker", "passport", "contract", "wage", "employer", "agent", "official",
        "licence", "document", "fee", "scam", "fake", "job", "family", "office", "village",
        "training", "help", "right", "work", "day", "off", "pay", "safe", "offer", "company",
        "destination", "country", "number", "complaint", "note", "insurance", "visa"
    ),
}
GLUE = {
    "id": (
        "dan", "yang", "untuk", "dengan", "di", "ke", "dari", "Anda", "ini", "itu"
    ),
    "en": (
        "and", "the", "for", "with", "in", "to", "from", "you", "this", "that"
    ),
}


def _sentence(rng: random.Random, lang: str) -> str:
    words = [rng.choice(WORDS[lang] if i % 2 == 0 else GLUE[lang]) for i in range(11)]
    return " ".join(words).capitalize() + "."


def lesson(seed: str, lang: str, sections: int = 4, paragraphs: int = 3) -> str:
    """About 650 words of Markdown in ``lang``, with headings that carry ids."""
    rng = random.Random(f"{seed}-{lang}")
    out = []
    for number in range(1, sections + 1):
        out.append(f"## {_sentence(rng, lang)[:-1]} {{#bagian-{number}}}\n")
        for _ in range(paragraphs):
            out.append(" ".join(_sentence(rng, lang) for _ in range(5)) + "\n")
    return "\n".join(out)


def _quiz(template: dict, questions: int = 5) -> dict:
    first = template["questions"][0]
    out = []
    for number in range(1, questions + 1):
        question = yaml.safe_load(yaml.safe_dump(first))
        question["id"] = f"q{number}"
        extra = dict(question["options"][-1], id="c")
        question["options"].append(extra)
        out.append(question)
    return {**template, "questions": out}


def grow(root: Path, per_lang: int) -> Path:
    """Clone the modules of ``root`` (one per track) until it has ``per_lang`` modules."""
    project = load_project(root)
    langs = project.config.codes
    seeds = [project.modules_of(track.id)[0] for track in project.ordered_tracks()]
    for index in range(per_lang):
        seed = seeds[index % len(seeds)]
        track = seed.data.track
        order = index // len(seeds) + 1
        slug = f"{track}-{order:03d}"
        module = yaml.safe_load((seed.dir / "module.yml").read_text("utf-8"))
        quiz = yaml.safe_load((seed.dir / "quiz.yml").read_text("utf-8"))
        module.update(order=order, code=f"{track}{order}")
        # no digits in titles: the prose check refuses figures typed into text
        module["title"] = {lang: _sentence(random.Random(slug + lang), lang)[:48].rstrip(" .")
                           for lang in langs}
        target = root / "modules" / slug
        target.mkdir(parents=True, exist_ok=True)
        (target / "module.yml").write_text(yaml.safe_dump(module, allow_unicode=True,
                                                          sort_keys=False), "utf-8")
        (target / "quiz.yml").write_text(yaml.safe_dump(_quiz(quiz), allow_unicode=True,
                                                        sort_keys=False), "utf-8")
        for lang in langs:
            source = project.content_dir / lang / MODULES / seed.slug
            pages = project.content_dir / lang / MODULES / slug
            if source != pages:
                shutil.copytree(source, pages, dirs_exist_ok=True)
            body = (source / "index.md").read_text("utf-8")
            (pages / "index.md").write_text(body + "\n" + lesson(slug, lang), "utf-8")
    for seed in seeds:
        if not seed.slug.endswith("-001"):
            shutil.rmtree(seed.dir)
            for lang in langs:
                shutil.rmtree(project.content_dir / lang / MODULES / seed.slug)
    return root


def seed(dest: Path, source: Path) -> Path:
    """``source``'s skeleton and site pages (no modules) in ``dest``, plus one module per
    track made by ``bekal new`` (slug ``<track>-seed``)."""
    for item in SKELETON:
        target = dest / item
        target.parent.mkdir(parents=True, exist_ok=True)
        if (source / item).is_dir():
            shutil.copytree(source / item, target)
        else:
            shutil.copy2(source / item, target)
    for lang_dir in (source / "content").iterdir():
        shutil.copytree(lang_dir, dest / "content" / lang_dir.name,
                        ignore=shutil.ignore_patterns(MODULES))
    for track in load_project(dest).ordered_tracks():
        new_module(dest, f"{track.id}-seed", track.id)
    return dest


def large_project(dest: Path, source: Path, per_lang: int) -> Path:
    """A project with ``per_lang`` generated modules per language on ``source``'s skeleton:
    module pages ``modul/<track>-<NNN>/`` (``persiapan-001``, ``persiapan-002``, ...)."""
    return grow(seed(dest, source), per_lang)
