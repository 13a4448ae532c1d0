"""Shared fixtures: the real site built once, fixture projects, a local server, Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SKELETON = ["mkdocs.yml", "overrides", "modules/tracks.yml", "modules/facts.yml",
            "modules/glossary.yml", "modules/ui.yml"]


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """``bekal build`` (atomic) of ``project`` into ``site_dir``; output captured."""
    return subprocess.run(
        [sys.executable, "-m", "bekal.cli", "--root", str(project), "build",
         "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def make_project(dest: Path, modules: dict[str, str] | None = None) -> Path:
    """A small project: the real skeleton and site pages, with generated modules.

    ``modules`` maps slug -> track; each module is made by ``bekal new``.
    """
    from bekal.authoring.scaffold import new_module

    for item in SKELETON:
        src = ROOT / item
        target = dest / item
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target)
        else:
            shutil.copy2(src, target)
    for lang_dir in (ROOT / "content").iterdir():
        shutil.copytree(lang_dir, dest / "content" / lang_dir.name,
                        ignore=shutil.ignore_patterns("modul"))
    for slug, track in (modules or {}).items():
        new_module(dest, slug, track)
    return dest


@contextlib.contextmanager
def shared(tmp_path_factory, name: str):
    """A folder every test process of this run shares (pytest-xdist starts several), and a
    lock held while the caller fills it: the first process builds, the others wait and reuse."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder = base / f"shared-{name}"
    folder.mkdir(exist_ok=True)
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once for the whole test run (by one process of the run)."""
    with shared(tmp_path_factory, "real") as folder:
        site, log = folder / "site", folder / "build.log"
        if not (site / "index.html").exists():
            result = run_build(ROOT, site)
            log.write_text(result.stdout + result.stderr, "utf-8")
            assert result.returncode == 0, result.stdout + result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served on 127.0.0.1; yields its base URL ending in '/'."""
    server = serve(real_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# The longest files first (figures of a full run): `make test` hands whole files to its two
# test processes in collection order (--dist loadfile --no-loadscope-reorder), so both finish
# together instead of one waiting for the other's last long file. Files not named follow.
LONGEST_FIRST = ("test_a11y.py", "test_hostile_input.py", "test_handouts.py",
                 "test_weight.py", "test_robustness.py", "test_check_codes.py", "test_site.py",
                 "test_creator_kit.py", "test_phone_browser.py", "test_checks.py",
                 "test_offline.py", "test_sessions.py")


def pytest_collection_modifyitems(items):
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
