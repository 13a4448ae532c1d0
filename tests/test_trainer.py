"""The trainer kit in the built site: session plans from module.yml, hub, worksheets, keys."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from bekal.model.project import load_project
from bekal.render.trainer.plan import clock
from bekal.render.trainer.slides import SLIDE_WORDS, render_slides
from conftest import ROOT

PROJECT = load_project(ROOT)
LANGS = PROJECT.config.codes
MODULES = [entry for _, entry in sorted(PROJECT.modules.items()) if entry.module]
TAG = re.compile(r"<[^>]+>")
INLINE = re.compile(r"</?(?:a|span|strong|em|small|mark|abbr|code)\b[^>]*>")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(TAG.sub(" ", INLINE.sub("", html)))).strip()


def page(site: Path, lang: str, path: str) -> str:
    return (site / PROJECT.config.prefix(lang) / path / "index.html").read_text("utf-8")


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def tables(html: str) -> list[str]:
    return re.findall(r'<div class="bekal-plan[^"]*">\s*<table>(.*?)</table>', html, re.S)


def body_rows(table: str) -> list[list[str]]:
    body = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[cell for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def links_resolve(site: Path, page_file: Path, html: str) -> list[str]:
    """Relative links in ``html`` that lead to no file or folder page of the site."""
    missing = []
    for url in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', html):
        target = (page_file.parent / url).resolve()
        if not (target.is_file() or (target / "index.html").is_file()):
            missing.append(url)
    return missing


# -- trainer guides ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_trainer_guide_has_the_session_plan_of_module_yml(real_site, lang):
    for entry in MODULES:
        m = entry.data
        html = article(page(real_site, lang, f"modul/{entry.slug}/pelatih"))
        where = f"{lang}/{entry.slug}"
        plan = tables(html)[0]
        rows = body_rows(plan)
        assert len(rows) == len(m.activities), where
        start = 0
        for row, activity in zip(rows, m.activities, strict=True):
            _number, title, minutes, span = row
            assert text_of(title) == text_of(activity.title[lang]), where
            assert int(minutes) == activity.minutes, where
            assert span == f"{start}–{start + activity.minutes}", where
            start += activity.minutes
        total = re.search(r"<tfoot>.*?<td>(\d+)</td>", plan, re.S).group(1)
        assert int(total) == sum(int(row[2]) for row in rows) == m.minutes, where
        assert str(m.minutes) in text_of(plan.split("</caption>")[0]), where
        objectives = html.split('id="tujuan"', 1)[1].split("</ul>", 1)[0]
        assert objectives.count("<li>") == len(m.objectives[lang]), where
        for item in m.materials.get(lang, []):
            assert text_of(item) in text_of(html), where


@pytest.mark.parametrize("lang", LANGS)
def test_trainer_guide_keeps_notes_and_key_in_order(real_site, lang):
    for entry in MODULES:
        html = article(page(real_site, lang, f"modul/{entry.slug}/pelatih"))
        ids = ['id="rencana-sesi"', 'id="bahan-pelatih"', 'id="catatan"', 'id="diskusi"',
               'id="kunci-jawaban"']
        positions = [html.find(i) for i in ids]
        assert -1 not in positions and positions == sorted(positions), (lang, entry.slug)
        title = PROJECT.t(lang, "trainer_guide_title", title=entry.data.title[lang])
        assert f">{title}</h1>" in unescape(html)


@pytest.mark.parametrize("lang", LANGS)
def test_trainer_guide_links_every_piece_of_the_kit(real_site, lang):
    for entry in MODULES:
        path = real_site / PROJECT.config.prefix(lang) / f"modul/{entry.slug}/pelatih/index.html"
        html = article(path.read_text("utf-8"))
        kit = html.split('<ul class="bekal-kit">', 1)[1].split("</ul>", 1)[0]
        hrefs = re.findall(r'href="([^"]+)"', kit)
        assert hrefs == ["../", f"../bekal-{entry.slug}-{lang}.pdf", "../lembar-kerja/",
                         "../kunci/", "../slide/"], (lang, entry.slug)
        assert links_resolve(real_site, path, kit) == []


# -- the trainers' hub ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_hub_plans_every_track_in_order_with_total_time(real_site, lang):
    path = real_site / PROJECT.config.prefix(lang) / "pelatih/index.html"
    html = article(path.read_text("utf-8"))
    assert "bekal:" not in html  # the marker is replaced
    plans = tables(html)
    tracks = [t for t in PROJECT.ordered_tracks() if PROJECT.modules_of(t.id)]
    assert len(plans) == len(tracks)
    for plan, track in zip(plans, tracks, strict=True):
        entries = PROJECT.modules_of(track.id)
        rows = body_rows(plan)
        assert [row[1] for row in rows] == [e.data.code for e in entries], track.id
        start = 0
        for row, entry in zip(rows, entries, strict=True):
            assert text_of(row[2]) == entry.data.title[lang]
            assert int(row[3]) == entry.data.minutes
            assert row[4] == f"{clock(start)}–{clock(start + entry.data.minutes)}"
            start += entry.data.minutes
            kit = re.findall(r'href="([^"]+)"', row[5])
            assert len(kit) == 5, (track.id, entry.slug)
        total = sum(e.data.minutes for e in entries)
        caption = text_of(plan.split("</caption>", 1)[0])
        assert track.title[lang] in caption and str(total) in caption
        assert f"<td>{total}</td>" in plan.split("<tfoot>", 1)[1]
    assert links_resolve(real_site, path, html) == []
    assert html.count('type="application/pdf"') >= len(MODULES) + len(tracks)


def test_clock():
    assert [clock(0), clock(59), clock(60), clock(135)] == ["0:00", "0:59", "1:00", "2:15"]


# -- worksheets and printable keys ---------------------------------------------------------

def _texts(localized_items, lang):
    return [text_of(item[lang]) for item in localized_items if item and "{{" not in item[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_worksheet_has_every_question_and_no_answer(real_site, lang):
    for entry in MODULES:
        html = re.sub(r"<style>.*?</style>", "",
                      page(real_site, lang, f"modul/{entry.slug}/lembar-kerja"), flags=re.S)
        plain = text_of(html)
        questions = entry.quiz.model.questions
        assert f'<html lang="{lang}">' in html
        boxes = 0
        for q in questions:
            assert text_of(q.prompt[lang]) in plain or "{{" in q.prompt[lang]
            for text in _texts([o.text for o in q.options], lang):
                assert text in plain, (lang, entry.slug, q.id)
            for text in _texts([o.explain for o in q.options] + [q.explain], lang):
                assert text not in plain, (lang, entry.slug, q.id, "answer shown")
            boxes += 2 if q.type == "truefalse" else len(q.options)
        assert html.count('class="kit-box') == boxes, (lang, entry.slug)
        assert html.count('class="kit-question"') == len(questions)
        for marker in ("data-correct", "data-answer", "data-flag", "bekal-key"):
            assert marker not in html, (lang, entry.slug, marker)


@pytest.mark.parametrize("lang", LANGS)
def test_printable_key_has_every_explanation(real_site, lang):
    for entry in MODULES:
        html = page(real_site, lang, f"modul/{entry.slug}/kunci")
        plain = text_of(html)
        for q in entry.quiz.model.questions:
            for text in _texts([o.explain for o in q.options] + [q.explain], lang):
                if q.type == "truefalse":  # the key line says "Pernyataan ini salah." already
                    for word in (PROJECT.t(lang, "quiz_true"), PROJECT.t(lang, "quiz_false")):
                        text = text.removeprefix(word + ". ")
                assert text in plain, (lang, entry.slug, q.id)
        title = PROJECT.t(lang, "key_page_title", title=entry.data.title[lang])
        assert f"<h1>{title}</h1>" in unescape(html)


def test_kit_pages_link_back_and_to_the_other_language(real_site):
    for lang in LANGS:
        for folder in ("lembar-kerja", "kunci", "slide"):
            for entry in MODULES:
                path = (real_site / PROJECT.config.prefix(lang) / "modul" / entry.slug
                        / folder / "index.html")
                html = path.read_text("utf-8")
                assert links_resolve(real_site, path, html) == [], (lang, folder, entry.slug)
                assert 'href="../pelatih/"' in html
                other = next(c for c in LANGS if c != lang)
                twin = re.search(rf'href="([^"]+)" hreflang="{other}"', html).group(1)
                assert (path.parent / twin).resolve() == (
                    real_site / PROJECT.config.prefix(other) / "modul" / entry.slug / folder
                ).resolve()


# -- slides as HTML ------------------------------------------------------------------------

def test_slides_cover_every_section_of_the_lesson_and_the_key_points(real_site):
    for lang in LANGS:
        for entry in MODULES:
            html = page(real_site, lang, f"modul/{entry.slug}/slide")
            lesson = (PROJECT.content_dir / lang / "modul" / entry.slug / "index.md"
                      ).read_text("utf-8")
            ids = re.findall(r"^## .*\{#([a-z0-9-]+)\}", lesson, re.M)
            for section in [*ids, "poin-penting"]:
                assert f'<h2 id="{section}">' in html, (lang, entry.slug, section)
            assert len(re.findall(r'<section\b[^>]*class="slide', html)) >= len(ids) + 2
            assert "{{fact:" not in html and ".md" not in html.split("<main", 1)[1]
            for point in entry.data.key_points[lang]:
                if "{{" not in point:
                    assert text_of(point) in text_of(html)


def slide_words(slide: str) -> int:
    """Words a projector shows on one slide: not its heading, not the notes, not fact marks."""
    shown = re.sub(r'<aside class="slide-notes">.*?</aside>', " ", slide, flags=re.S)
    shown = re.sub(r"<small\b.*?</small>|<h[12]\b.*?</h[12]>", " ", shown, flags=re.S)
    return len(re.findall(r"\w+", unescape(re.sub(r"<[^>]+>", " ", shown))))


def slides_of(html: str) -> list[str]:
    return re.findall(r'<section\b[^>]*class="slide[^"]*".*?</section>', html, re.S)


def test_every_real_slide_holds_at_most_40_words(real_site):
    """A heading and about 40 words: what a room can read; the rest is in the notes."""
    for lang in LANGS:
        for entry in MODULES:
            html = page(real_site, lang, f"modul/{entry.slug}/slide")
            slides = slides_of(html)
            counts = [slide_words(s) for s in slides[1:]]  # after the title slide
            assert max(counts) <= SLIDE_WORDS, (lang, entry.slug, counts)
            lesson = (PROJECT.content_dir / lang / "modul" / entry.slug / "index.md"
                      ).read_text("utf-8")
            words = len(re.findall(r"\w+", re.sub(r"\{[^}]*\}", " ", lesson)))
            if words > SLIDE_WORDS * len(slides):  # more text than slides: notes hold it
                assert '<aside class="slide-notes">' in html, (lang, entry.slug)


def test_a_long_list_continues_on_the_next_slide_and_long_text_goes_to_the_notes():
    lesson = ("## Panjang {#panjang}\n\n" + "".join(
        f"- Butir {n} dengan beberapa kata lagi di sini.\n" for n in range(12))
        + "\n" + "Kalimat pertama cerita ini. " + "Kalimat lain yang panjang sekali. " * 12)
    html = render_slides(PROJECT, "x", "id", lesson, [])
    slides = slides_of(html)
    assert len(slides) >= 3
    assert '<h2 id="panjang">Panjang</h2>' in slides[0]
    assert "Panjang (lanjutan)" in slides[1]
    assert all(slide_words(s) <= SLIDE_WORDS for s in slides)
    assert sum(s.count("<li>") for s in slides) == 12  # every item shown, none in the notes
    notes = re.findall(r'<aside class="slide-notes">(.*?)</aside>', html, re.S)
    assert notes and "Kalimat lain yang panjang sekali." in notes[-1]
    assert PROJECT.t("id", "slides_notes") in notes[-1]


def test_fact_marks_on_slides_are_small():
    css = (ROOT / "scripts/bekal/templates/slides.css").read_text("utf-8")
    size = re.search(r"\.slide small \{ font-size: ([0-9.]+)em; \}", css)
    assert size and float(size.group(1)) <= 0.6


def test_slides_use_the_markdown_extensions_of_mkdocs_yml():
    lesson = ('## A {#a}\n\n!!! warning "Hati-hati"\n    Isi.\n\n'
              "| x | y |\n|---|---|\n| 1 | 2 |\n\n"
              "Lihat [cek](../cek-dulu/index.md#cek) dan [bantuan](../../bantuan.md).\n")
    html = render_slides(PROJECT, "x", "id", lesson, [])
    assert '<div class="admonition warning">' in html and "<table>" in html
    assert 'href="../../cek-dulu/#cek"' in html and 'href="../../../bantuan/"' in html
