"""The curriculum itself: complete in both languages, plain, and free of typed numbers."""

from __future__ import annotations

import re

import pytest

from bekal.model.markdown_scan import scan
from bekal.model.project import load_project
from bekal.render.facts import FACT_REF
from conftest import ROOT

PROJECT = load_project(ROOT)
CURRICULUM_TRACKS = ["persiapan", "hak", "rekrutmen", "penipuan", "aman", "tujuan", "pulang"]
MODULES = [m for t in CURRICULUM_TRACKS for m in PROJECT.modules_of(t)]


def lesson_text(slug: str, lang: str) -> str:
    """The reader's words of a lesson: no headings ids, links or fact markup."""
    raw = (PROJECT.content_dir / lang / "modul" / slug / "index.md").read_text("utf-8")
    text = FACT_REF.sub("X", re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S))
    text = re.sub(r"\{[#:.][^}]*\}", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[#*_>\[\]!]|^\s*[-\d]+[.)]?\s", " ", text, flags=re.M)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[-*\d])", text)
    return [p for p in parts if len(p.split()) >= 2]


def test_every_track_has_three_modules():
    for track in CURRICULUM_TRACKS:
        assert len(PROJECT.modules_of(track)) >= 3, track


@pytest.mark.parametrize("entry", MODULES, ids=[m.slug for m in MODULES])
def test_module_is_complete_in_both_languages(entry):
    m = entry.data
    assert re.fullmatch(r"[phrfank]\d+", m.code)
    assert entry.quiz is not None and len(entry.quiz.model.questions) >= 5
    for lang in PROJECT.config.codes:
        folder = PROJECT.content_dir / lang / "modul" / entry.slug
        for name in ("index.md", "handout.md", "pelatih.md"):
            assert (folder / name).exists(), f"{lang}/{entry.slug}/{name}"
        assert m.summary[lang] and m.caption[lang]
        words = len(lesson_text(entry.slug, lang).split())
        assert 450 <= words <= 1000, f"{lang}/{entry.slug}: {words} words"
        headings = {h.explicit_id for h in scan((folder / "index.md").read_text()).headings}
        assert {"cerita", "bantuan"} <= headings, f"{lang}/{entry.slug}: {headings}"
    assert sum(a.minutes for a in m.activities) == m.minutes


@pytest.mark.parametrize("entry", MODULES, ids=[m.slug for m in MODULES])
def test_lessons_use_short_sentences(entry):
    for lang in PROJECT.config.codes:
        found = sentences(lesson_text(entry.slug, lang))
        average = sum(len(s.split()) for s in found) / len(found)
        assert average <= 15, f"{lang}/{entry.slug}: {average:.1f} words per sentence"


def test_no_phone_like_number_in_any_prose():
    offenders = []
    for path in PROJECT.content_dir.rglob("*.md"):
        text = path.read_text("utf-8")
        front = re.match(r"\A---\n.*?\n---\n", text, re.S)
        skip = text[:front.end()].count("\n") if front else 0
        for number, line in enumerate(text.splitlines(), start=1):
            if number <= skip:
                continue  # front matter (source_hash) is not prose
            line = FACT_REF.sub("", line)
            line = re.sub(r"<!--.*?-->", "", line)
            for match in re.finditer(r"(?<![\w/])\+?\d[\d\s-]{5,}\d", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert offenders == []


def test_indonesian_uses_anda_never_kamu():
    for path in (PROJECT.content_dir / "id").rglob("*.md"):
        assert not re.search(r"\bkamu\b", path.read_text("utf-8"), re.I), path
