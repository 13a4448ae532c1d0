"""Edit to preview: which edits let `mkdocs serve` rebuild the default language alone, or
only the edited lessons; and a live preview that shows every kind of edit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from bekal.pipeline.preview_scope import edited_modules, only_language, only_lessons, snapshot


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


def test_a_lesson_edit_rebuilds_only_lessons_and_names_its_module(tmp_path):
    root = project(tmp_path)
    before = snapshot(root)
    edit(root / "content/en/modul/dokumen/index.md")
    assert only_lessons(before, snapshot(root))
    assert edited_modules(before, snapshot(root)) == {"dokumen"}


def test_anything_beyond_lessons_rebuilds_every_page(tmp_path):
    root = project(tmp_path)
    for path in ("modules/dokumen/module.yml", "modules/dokumen/quiz.yml", "mkdocs.yml"):
        before = snapshot(root)
        edit(root / path)
        assert not only_lessons(before, snapshot(root)), path
    before = snapshot(root)
    new = root / "content/id/modul/baru/index.md"  # a new page changes the navigation
    new.parent.mkdir(parents=True)
    new.write_text("x\n", "utf-8")
    assert not only_lessons(before, snapshot(root))
    assert not only_lessons(None, snapshot(root))


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, server, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        page = _get(url)
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def test_the_preview_shows_a_lesson_edit_and_a_module_yml_edit_everywhere(tmp_path):
    """`make serve` (mkdocs serve --dirty): a lesson edit reaches its page; a title change in
    module.yml reaches the lesson and the track page that lists it (every page is rebuilt)."""
    from conftest import make_project

    root = make_project(tmp_path / "p", {"uji-pratinjau": "persiapan"})
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a",
         f"127.0.0.1:{port}"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        lesson = root / "content/id/modul/uji-pratinjau/index.md"
        _wait_for(base + "modul/uji-pratinjau/", "</html>", server)
        time.sleep(1.0)  # as make bench does: settle after the first build
        lesson.write_text(lesson.read_text("utf-8") + "\n\nKalimat-pratinjau-satu.\n", "utf-8")
        _wait_for(base + "modul/uji-pratinjau/", "Kalimat-pratinjau-satu", server)
        module = root / "modules/uji-pratinjau/module.yml"
        data = yaml.safe_load(module.read_text("utf-8"))
        data["title"]["id"] = "Judul Pratinjau Baru"
        module.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        _wait_for(base + "modul/uji-pratinjau/", "Judul Pratinjau Baru", server)
        _wait_for(base + "jalur/persiapan/", "Judul Pratinjau Baru", server)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Aborted" not in errors.decode("utf-8", "replace")
