"""The Markdown pieces Bekal adds to authored pages (render/pages.py)."""

from __future__ import annotations

import re

from bekal.model.project import load_project
from bekal.render.pages import CATALOGUE_PER_TRACK, catalogue
from conftest import make_project


def test_the_home_catalogue_lists_a_tracks_first_modules_then_links_to_all_of_them(tmp_path):
    many = CATALOGUE_PER_TRACK + 2
    modules = {f"p{i:02d}": "persiapan" for i in range(many)} | {"h00": "hak"}
    project = load_project(make_project(tmp_path / "p", modules))
    for lang, more in (("id", f"Semua {many} modul di jalur"), ("en", f"All {many} modules of")):
        text = catalogue(project, lang, "index.md")
        listed = re.findall(r"\]\(modul/([a-z0-9]+)/index\.md\)", text)
        assert listed == [f"p{i:02d}" for i in range(CATALOGUE_PER_TRACK)] + ["h00"]
        persiapan, hak = text.split("### ")[1:3]
        link = re.search(rf"\[({more} [^\]]+)\]\(([^)]+)\)", persiapan)
        assert link and link.group(2) == "jalur/persiapan/index.md", persiapan
        assert project.tracks["persiapan"].model.title[lang] in link.group(1)
        assert "jalur/hak/index.md)" in hak and "modul di jalur" not in hak
        assert "modules of" not in hak  # a short track lists all of its modules, no link
