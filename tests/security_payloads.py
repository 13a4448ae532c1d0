"""A fixture project full of hostile content, one page or field per payload.

Each payload says which file it is in, the code ``bekal check`` must report and a piece
of the line it must point at. The same project, built with the check switched off, is
what the site-wide invariant runs on: what the check misses, the sanitizer must still
make inert.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from conftest import make_project

SLUG = "uji-coba"
MARK = "ZZMARK"  # a word the payloads carry, to find their output on the built pages


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    code: str
    needle: str  # a piece of the line the issue must point at


# class 1: scripts that would run on the page
PAGES = [
    Page("attr-no-space", f"# T\n\nFoto {MARK}:\n\n![foto](data:,){{onerror=alert(1)}}\n",
         "unsafe-html", "![foto](data:,)"),
    Page("attr-data-src", "# T\n\n![foto](data:,){onerror=alert(1)}\n", "unsafe-link",
         "![foto](data:,)"),
    Page("img-in-div", '# T\n\n<div>\n<p>a</p>\n<img src="a.png" alt="a" onerror="alert(1)">\n'
         "</div>\n", "unsafe-html", "onerror"),
    Page("script-between-code-spans",
         "# T\n\nKode `<!--` ini.\n\n<script>alert(1)</script>\n\nLalu `-->` itu.\n",
         "unsafe-html", "<script>"),
    Page("script-between-fence-lines",
         "# T\n\n```a``` teks\n<script>alert(1)</script>\n```b``` teks\n",
         "unsafe-html", "<script>"),
    Page("script-in-leading-block", "---\n<script>alert(1)</script>\n---\n\n# T\n",
         "unsafe-html", "<script>"),
    Page("front-matter-title",
         "---\ntitle: Judul</title><script>alert(1)</script>\n---\n\n# T\n",
         "unsafe-title", "title:"),
    Page("front-matter-alias",
         "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n\n# T\n", "front-matter-alias", "a: &a"),
    Page("javascript-link", "# T\n\nKlik [di sini](javascript:alert(1)).\n", "unsafe-link",
         "javascript:"),
    Page("javascript-tab-entity", "# T\n\nKlik [di sini](java&#x09;script:alert(1)).\n",
         "unsafe-link", "&#x09;"),
    Page("javascript-html-link", '# T\n\n<a href="JaVaScRiPt:alert(1)">klik</a>\n',
         "unsafe-link", "JaVaScRiPt"),
    Page("attr-list-onclick", '# T\n\nTeks.\n{: onclick="alert(1)" }\n', "unsafe-html",
         "onclick"),
    Page("heading-onclick", "# T\n\n## Judul {onclick=alert(1)}\n", "unsafe-html", "Judul"),
    Page("onclick-next-line", '# T\n\n<div\nonclick="alert(1)">x</div>\n', "unsafe-html",
         "onclick"),
    Page("meta-refresh",
         '# T\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n',
         "unsafe-html", "<meta"),
    Page("base-href", '# T\n\n<base href="//evil.example/">\n', "unsafe-html", "<base"),
    Page("form-action", '# T\n\n<form action="//evil.example/"><input name="q"></form>\n',
         "unsafe-html", "<form"),
    Page("svg-onload", "# T\n\n<svg onload=alert(1)><circle r=1 /></svg>\n", "unsafe-html",
         "<svg"),
    Page("iframe", '# T\n\n<iframe src="/x"></iframe>\n', "unsafe-html", "<iframe"),
    # class 4: resources from another site
    Page("remote-image", "# T\n\n![foto](https://evil.example/x.png)\n", "remote-resource",
         "evil.example"),
    Page("protocol-relative-image", '# T\n\n<img src="//evil.example/x.png" alt="x">\n',
         "remote-resource", "evil.example"),
    Page("entity-encoded-image", '# T\n\n<img src="&#x68;ttps://evil.example/x.png" alt="x">\n',
         "remote-resource", "&#x68;ttps"),
    Page("remote-stylesheet", '# T\n\n<link rel="stylesheet" href="//evil.example/s.css">\n',
         "unsafe-html", "<link"),
    Page("style-url", "# T\n\n<style>body { background: url(//evil.example/y) }</style>\n",
         "unsafe-html", "<style>"),
    Page("style-attribute", '# T\n\n<p style="background:url(//evil.example/y)">x</p>\n',
         "unsafe-html", "style="),
]
SAFE_PAGE = ("# Aman\n\nLihat [situs lain](https://example.org/) dan [bantuan](../bantuan.md)."
             '\n\n<details markdown>\n<summary>Lagi</summary>\n\nIsi.\n\n</details>\n\n'
             '<div class="catatan" markdown>\n\n*Catatan*.\n\n</div>\n\n'
             "| a | b |\n|:--|--:|\n| 1 | 2 |\n")


@dataclass(frozen=True)
class YamlText:
    file: str
    old: str
    new: str
    code: str


# class 2: YAML texts that hold HTML (plain text everywhere)
HTML = f"<b>{MARK}</b><img src=x onerror=alert(1)>"
YAML_TEXTS = [
    YamlText("modules/tracks.yml", "id: Persiapan (jalur uji)",  # the test project's
             f"id: 'Persiapan {HTML}'", "yaml-html"),
    YamlText(f"modules/{SLUG}/module.yml", "id: '[id] New module: uji-coba'",
             f"id: 'Judul {HTML}'", "yaml-html"),
    YamlText(f"modules/{SLUG}/module.yml",
             "id: '[id] One line that says what this module teaches.'",
             f"id: 'Ringkasan {HTML}'", "yaml-html"),
    YamlText(f"modules/{SLUG}/module.yml",
             "- '[id] Name one thing you can do after this module.'",
             f"- 'Tujuan {HTML}'", "yaml-html"),
    YamlText(f"modules/{SLUG}/module.yml", "- '[id] The most important point.'",
             f"- 'Poin {HTML}'", "yaml-html"),
    YamlText(f"modules/{SLUG}/module.yml", "- '[id] I have done the first step.'",
             f"- 'Periksa {HTML} [klik](javascript:alert(1))'", "unsafe-link"),
    YamlText("modules/ui.yml", "  key_points: Poin penting", f"  key_points: 'Poin {HTML}'",
             "yaml-html"),
    YamlText("modules/glossary.yml", "pmi:\n", 'zz" onmouseover="alert(1):\n', "bad-id"),
    YamlText("modules/glossary.yml",
             "id: Pekerja Migran Indonesia. Warga Indonesia",
             f"id: Pekerja Migran Indonesia {HTML}. Warga Indonesia", "yaml-html"),
]

# class 3: files that are not content
BAD_FILES = {"content/id/halaman.html": f"<script>alert(1)</script>{MARK}",
             "content/id/gambar.svg": "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
             "content/id/kode.js": "alert(1)"}
# class 4: a handout that would embed a file of the machine, or fetch a remote picture
HANDOUT = f"content/id/modul/{SLUG}/handout.md"
HANDOUT_LINES = [("[berkas](file:///etc/passwd){rel=attachment}", "unsafe-link"),
                 ("[lampiran](../../../modules/facts.yml){rel=attachment}", "unsafe-html"),
                 ("![foto](http://127.0.0.1:9/x.png)", "remote-resource")]
OUTSIDE_MD = "# Luar\n\nHalaman dari luar repositori.\n"


LINKED_HANDOUT = f"content/en/modul/{SLUG}/handout.md"


def build_payload_project(dest: Path, outside: Path, linked_handout: bool = False) -> Path:
    """The fixture: every payload page, YAML text, file and link; ``outside`` is a folder
    outside the project for the links to point at. ``linked_handout`` also makes the
    English handout a link to a file outside (the PDF step stops on it, so the site
    fixture goes without)."""
    root = make_project(dest, {SLUG: "persiapan"})
    pages = root / "content" / "id" / "uji"
    pages.mkdir(parents=True)
    for page in PAGES:
        (pages / f"{page.name}.md").write_text(page.text, "utf-8")
    (pages / "aman.md").write_text(SAFE_PAGE, "utf-8")
    for item in YAML_TEXTS:
        path = root / item.file
        text = path.read_text("utf-8")
        assert item.old in text, (item.file, item.old)
        path.write_text(text.replace(item.old, item.new, 1), "utf-8")
    for rel, text in BAD_FILES.items():
        (root / rel).write_text(text, "utf-8")
    handout = root / "content" / "id" / "modul" / SLUG / "handout.md"
    handout.write_text(handout.read_text("utf-8") + "".join(
        f"\n{line}\n" for line, _ in HANDOUT_LINES), "utf-8")
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "rahasia.txt").write_text("RAHASIA-SECRET\n", "utf-8")
    (outside / "luar.md").write_text(OUTSIDE_MD, "utf-8")
    os.symlink(outside / "rahasia.txt", root / "content" / "id" / "rahasia.txt")
    os.symlink(outside / "luar.md", root / "content" / "id" / "luar.md")
    os.symlink(outside / "rahasia.txt", root / "modules" / SLUG / "catatan.txt")
    os.symlink(outside, root / "content" / "id" / "folder-luar", target_is_directory=True)
    if linked_handout:
        (root / LINKED_HANDOUT).unlink()
        os.symlink(outside / "luar.md", root / LINKED_HANDOUT)
    return root


def page_path(page: Page) -> str:
    return f"content/id/uji/{page.name}.md"
