"""Edit to preview: which edits let `mkdocs serve` rebuild the default language alone."""

from __future__ import annotations

import os
from pathlib import Path

from bekal.pipeline.preview_scope import only_language, snapshot


def project(root: Path) -> Path:
    for path in ("mkdocs.yml", "modules/dokumen/module.yml", "modules/dokumen/quiz.yml",
                 "content/id/modul/dokumen/index.md", "content/en/modul/dokumen/index.md"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x\n", "utf-8")
    return root


def edit(path: Path) -> None:
    path.write_text(path.read_text("utf-8") + "more\n", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_an_indonesian_lesson_edit_rebuilds_indonesian_alone(tmp_path):
    root = project(tmp_path)
    before = snapshot(root)
    edit(root / "content/id/modul/dokumen/index.md")
    assert only_language(before, snapshot(root), "id")


def test_other_edits_rebuild_every_language(tmp_path):
    root = project(tmp_path)
    for path in ("content/en/modul/dokumen/index.md", "modules/dokumen/module.yml",
                 "modules/dokumen/quiz.yml", "mkdocs.yml"):
        before = snapshot(root)
        edit(root / path)
        assert not only_language(before, snapshot(root), "id"), path
    before = snapshot(root)
    (root / "content/id/modul/dokumen/index.md").unlink()
    (root / "modules/dokumen/quiz.yml").unlink()
    assert not only_language(before, snapshot(root), "id")


def test_first_build_and_no_change_rebuild_everything(tmp_path):
    root = project(tmp_path)
    assert not only_language(None, snapshot(root), "id")
    assert not only_language(snapshot(root), snapshot(root), "id")
