"""Shared fixtures: the real site built once, fixture projects made from the test project
(tests/fixtures/project), a local server, Chromium."""

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
# The test project of its own (see its README.md): configuration, test facts, glossary,
# interface strings and site pages. No fixture project copies the real content.
FIXTURE = ROOT / "tests" / "fixtures" / "project"
# data files a fixture project only gets when a test asks for them (with_data)
OPTIONAL_DATA = ("contacts.yml", "cek-tawaran.yml", "page-codes.yml")


def run_build(project: Path, site_dir: Path, pdf: bool = True) -> subprocess.CompletedProcess:
    """``bekal build`` (atomic) of ``project`` into ``site_dir``; output captured.
    ``pdf=False``: without the handout PDFs (``BEKAL_PDF=0``), for a test that reads none of
    them (a fixture's PDFs take most of its build)."""
    return subprocess.run(
        [sys.executable, "-m", "bekal.cli", "--root", str(project), "build",
         "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BEKAL_PDF": "1" if pdf else "0"})


def make_project(dest: Path, modules: dict[str, str] | None = None) -> Path:
    """A small valid project: the test project (tests/fixtures/project) and the real theme
    code (overrides/), with generated modules.

    ``modules`` maps slug -> track; each module is made by ``bekal new``.
    """
    from bekal.authoring.scaffold import new_module

    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("README.md", *OPTIONAL_DATA))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for slug, track in (modules or {}).items():
        new_module(dest, slug, track)
    return dest


def with_data(root: Path, *names: str) -> Path:
    """Give a fixture project the test project's own ``modules/<name>`` data files
    (contacts.yml, cek-tawaran.yml, page-codes.yml); all of them without ``names``."""
    for name in names or OPTIONAL_DATA:
        shutil.copy2(FIXTURE / "modules" / name, root / "modules" / name)
    return root


@functools.cache
def fixture_project():
    """The test project as loaded by Bekal: tests read the facts and strings they expect
    from here (``fixture_project().fact(key)``, ``.t(lang, key)``), never retype them."""
    from bekal.model.project import load_project

    return load_project(FIXTURE)


def fixture_value(key: str, lang: str = "id") -> str:
    """A test fact's value as the registry spells it."""
    project = fixture_project()
    return project.fact(key).text(lang, project.config.default)


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
# The first process starts with the first file and builds the real site for it (a minute or
# more with the PDFs); the second takes the files after it in turn, so the next three need no
# real site and it does not sit waiting for that build.
LONGEST_FIRST = ("test_a11y.py", "test_hostile_input.py", "test_check_codes.py",
                 "test_quiz_browser.py", "test_handouts.py", "test_weight.py", "test_site.py",
                 "test_phone_browser.py", "test_phone_offline.py", "test_creator_kit.py",
                 "test_sessions.py", "test_search.py", "test_offline.py", "test_checks.py",
                 "test_robustness.py")


def pytest_collection_modifyitems(items):
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
