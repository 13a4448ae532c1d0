"""Link preview images (1200×630) per module, per track and for the site, per language.

Rendered with Pillow and Debian's DejaVu font, so the build needs no internet (Material's
social plugin downloads fonts). Cards are cached by their content in .cache/bekal/cards,
so a rebuild only draws the cards whose text changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bekal.model.pageref import FACT_REF
from bekal.model.project import Project
from bekal.model.shortlinks import short_url
from bekal.outputs import Output
from bekal.render import factrender
from bekal.routes import MODULES, TRACKS

if TYPE_CHECKING:  # Pillow loads only when a card is drawn: a warm build finds them cached
    from PIL import Image, ImageFont

SIZE = (1200, 630)
MARGIN = 60
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
WHITE, HIGHLIGHT = "#ffffff", "#ffe9a8"
# (background, band) per track, in the order of the tracks; the site's card takes the first.
# Each is dark enough for white and the highlight colour to read on it (contrast >= 7:1).
TONES = (("#0b5a4a", "#073d32"), ("#1d4e89", "#12335c"), ("#5b2a6e", "#3d1c4a"),
         ("#7a2e10", "#52200b"), ("#24505c", "#17353d"), ("#2f3e7c", "#1f2a54"),
         ("#5a3d1e", "#3c2914"))
RENDERER_VERSION = 4  # bump when the drawing changes, to refresh cached cards


class MissingFont(RuntimeError):
    """The packaged font is not installed."""


@dataclass(frozen=True)
class Card:
    kicker: str
    title: str
    body: str
    footer: str
    badge: str = ""
    tone: int = 0     # which of TONES: a track's cards share a colour, tracks differ
    mark: str = ""    # a short code in a circle at the top right (a module's code)


def plain(project: Project, text: str, lang: str) -> str:
    """Text with fact references replaced by their plain value, for images and captions."""
    def value(match):
        key = match.group(1)
        if key not in project.facts:
            return match.group(0)
        return factrender.inline(project, key, lang, "plain")
    return FACT_REF.sub(value, text)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    path = FONT_DIR / name
    if not path.exists():
        raise MissingFont(f"the font {path} is missing: install Debian's fonts-dejavu-core "
                          "(scripts/setup-system.sh site does it)")
    return ImageFont.truetype(str(path), size)


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit(text: str, name: str, sizes: range, width: int, max_lines: int):
    """The largest font size at which ``text`` fits; cut with an ellipsis if none does."""
    for size in sizes:
        font = _font(name, size)
        lines = _wrap(text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    while lines[-1] and font.getlength(lines[-1] + " …") > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += " …"
    return font, lines


def draw_card(card: Card) -> Image.Image:
    from PIL import Image, ImageDraw

    background, band = TONES[card.tone % len(TONES)]
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    if card.mark:  # a ring with the module's code: cards of one track still differ
        box = (SIZE[0] - MARGIN - 120, 30, SIZE[0] - MARGIN, 150)
        draw.ellipse(box, outline=HIGHLIGHT, width=6)
        draw.text(((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), card.mark,
                  font=_font(BOLD, 44), fill=HIGHLIGHT, anchor="mm")
    width = SIZE[0] - 2 * MARGIN
    brand = _font(BOLD, 44)
    draw.text((MARGIN, 48), "Bekal", font=brand, fill=WHITE)
    if card.kicker:
        indent = int(brand.getlength("Bekal")) + 36
        room = width - indent - (150 if card.mark else 0)
        kicker, kicker_lines = _fit(card.kicker, REGULAR, range(30, 21, -2), room, 1)
        draw.text((MARGIN + indent, 58), kicker_lines[0], font=kicker, fill=HIGHLIGHT)
    title, title_lines = _fit(card.title, BOLD, range(68, 43, -4),
                              width - (150 if card.mark else 0), 3)
    y = 140
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title, fill=WHITE)
        y += int(title.size * 1.2)
    body, body_lines = _fit(card.body, REGULAR, range(32, 25, -2), width, 6 - len(title_lines))
    y += 20
    for line in body_lines:
        draw.text((MARGIN, y), line, font=body, fill=WHITE)
        y += int(body.size * 1.35)
    band_top = SIZE[1] - 96
    draw.rectangle((0, band_top, SIZE[0], SIZE[1]), fill=band)
    footer, footer_lines = _fit(card.footer, BOLD, range(34, 21, -2), width - 320, 1)
    draw.text((MARGIN, band_top + 28), footer_lines[0], font=footer, fill=HIGHLIGHT)
    if card.badge:
        badge = _font(REGULAR, 30)
        draw.text((SIZE[0] - MARGIN, band_top + 30), card.badge, font=badge, fill=WHITE,
                  anchor="ra")
    return image


def card_file(card: Card, cache_dir: Path) -> Path:
    """``card`` as a PNG in the cache, drawn only if it is not there yet."""
    key = json.dumps([RENDERER_VERSION, asdict(card)], ensure_ascii=False)
    cached = cache_dir / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".png")
    if not cached.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp")  # parallel builds
        from PIL import Image

        # 64 colours keep the anti-aliased text smooth at a third of the size
        image = draw_card(card).quantize(64, method=Image.Quantize.FASTOCTREE)
        image.save(partial, format="PNG", optimize=True)
        partial.replace(cached)
    return cached


def _bare(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def project_cards(project: Project, lang: str) -> dict[str, Card]:
    """Every card of a language, by its site-relative path."""
    routes = project.routes
    site = project.config.site_url
    cards = {routes.preview_card(lang, "site", "bekal"): Card(
        "", project.t(lang, "site_tagline"), project.t(lang, "site_description"),
        _bare(site + routes.home(lang)))}
    for tone, track in enumerate(project.ordered_tracks()):
        modules = project.modules_of(track.id)
        cards[routes.preview_card(lang, TRACKS, track.id)] = Card(
            project.t(lang, "track"), track.title[lang],
            plain(project, track.description[lang], lang),
            _bare(site + routes.track(lang, track.id)),
            project.t(lang, "module_count", count=len(modules)), tone)
        for entry in modules:
            m = entry.data
            cards[routes.preview_card(lang, MODULES, entry.slug)] = Card(
                track.title[lang], m.title[lang], plain(project, m.summary[lang], lang),
                _bare(short_url(project, lang, m.code)), tone=tone, mark=m.code.upper())
    return cards


def card_outputs(project: Project, lang: str) -> list[Output]:
    cache_dir = project.root / ".cache" / "bekal" / "cards"
    return [Output(path, "image", source=card_file(card, cache_dir))
            for path, card in project_cards(project, lang).items()]
