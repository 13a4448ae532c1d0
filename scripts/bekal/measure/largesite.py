"""A large generated project: N modules per language, for weight budgets and the benchmark.

Start from a project that has one module per track (``make_project`` in tests/conftest.py
makes one with ``bekal new``), then ``grow`` it: each track's module is cloned, with its own
slug, order, code and title, a lesson of about 650 words and a five-question quiz, until the
project has N modules per language. Cloning keeps every file exactly in the shape
``bekal new`` writes, so the project passes ``bekal check`` as the format evolves.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from bekal.model.project import load_project

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
            source = project.content_dir / lang / "modul" / seed.slug
            pages = project.content_dir / lang / "modul" / slug
            if source != pages:
                shutil.copytree(source, pages, dirs_exist_ok=True)
            body = (source / "index.md").read_text("utf-8")
            (pages / "index.md").write_text(body + "\n" + lesson(slug, lang), "utf-8")
    for seed in seeds:
        if not seed.slug.endswith("-001"):
            shutil.rmtree(seed.dir)
            for lang in langs:
                shutil.rmtree(project.content_dir / lang / "modul" / seed.slug)
    return root
