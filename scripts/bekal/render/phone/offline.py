"""Reading without signal, for the reader who asks: the service worker, the web app
manifest (one per language, the help page as a shortcut) and its icons.

Nothing here is linked from a page: the phone script adds the manifest link, and its offline
part (phone-offline.js, loaded on that tap) registers ``sw.js``, only after the reader taps
"Simpan untuk dibaca tanpa sinyal".
"""

from __future__ import annotations

import io
import json
import os
from importlib.resources import files
from pathlib import Path

from bekal.model.project import Project
from bekal.outputs import Output
from bekal.routes import HELP_SOURCE, relative

SW_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
ICON_SIZES = (192, 512)
THEME = "#0b5a4a"
ICON_VERSION = 1  # bump when _icon draws differently, to refresh the kept icons


def icon_path(size: int) -> str:
    return f"assets/bekal-icon-{size}.png"


def manifest(project: Project, lang: str) -> dict:
    """The manifest of one language, its URLs relative to the manifest's own folder."""
    here = project.config.prefix(lang) + MANIFEST_NAME
    up = "../" * project.config.prefix(lang).count("/")
    return {
        "name": f"Bekal · {project.t(lang, 'site_tagline')}",
        "short_name": "Bekal",
        "description": project.t(lang, "site_description"),
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [{"src": f"{up}{icon_path(size)}", "sizes": f"{size}x{size}",
                   "type": "image/png", "purpose": "any"} for size in ICON_SIZES],
        "shortcuts": [{"name": project.t(lang, "help_button_label"),
                       "short_name": project.t(lang, "help_button"),
                       "url": relative(here, project.routes.page(lang, HELP_SOURCE))}],
    }


def _icon(size: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), THEME)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", int(size * 0.6))
    except OSError:
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), "B", fill="#ffffff", font=font, anchor="mm")
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=True)
    return png.getvalue()


def _icon_output(size: int, cache_dir: Path | None) -> Output:
    """An icon, drawn once and kept in ``cache_dir`` (its drawing never changes between
    builds: about a tenth of a second with Pillow's loading, saved on every later build)."""
    if cache_dir is None:
        return Output(icon_path(size), "image", _icon(size))
    cached = cache_dir / f"icon-{ICON_VERSION}-{THEME.lstrip('#')}-{size}.png"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp")  # parallel builds
        partial.write_bytes(_icon(size))
        partial.replace(cached)
    return Output(icon_path(size), "image", source=cached)


def shared_outputs(cache_dir: Path | None = None) -> list[Output]:
    """The service worker (at the site root, so its scope is the whole site) and icons."""
    worker = Output(SW_NAME, "script", (files(__package__) / "assets" / SW_NAME).read_bytes())
    return [worker] + [_icon_output(size, cache_dir) for size in ICON_SIZES]


def manifest_output(project: Project, lang: str) -> Output:
    text = json.dumps(manifest(project, lang), ensure_ascii=False, indent=1)
    return Output(project.config.prefix(lang) + MANIFEST_NAME, "manifest", text.encode())
