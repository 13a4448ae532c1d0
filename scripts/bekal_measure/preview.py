"""Edit to preview: how long after an author saves a lesson `mkdocs serve` serves the new text.

Starts ``mkdocs serve`` on a project, waits until it serves the page, appends a unique line
to the lesson's Markdown and polls the served page until the line is there.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def edit_to_preview(project: Path, lesson: Path, page: str, edits: int = 3,
                    timeout: float = 300.0, serve_args: tuple[str, ...] = ()) -> list[float]:
    """Seconds from saving ``lesson`` (a file under ``project``) to ``page`` (a site path)
    serving the change, for each of ``edits`` edits. The lesson is restored afterwards."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", *serve_args, "-a",
         f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    original = lesson.read_text("utf-8")
    times = []
    try:
        started = time.perf_counter()
        while _get(url) is None:
            if server.poll() is not None or time.perf_counter() - started > timeout:
                raise RuntimeError(f"mkdocs serve did not serve {url}")
            time.sleep(0.2)
        # settle after the first build as between edits (one run once never saw its first
        # edit, an edit right after the first page came; the cause was not found)
        time.sleep(1.0)
        for _ in range(edits):
            marker = f"preview-{uuid.uuid4().hex[:12]}"
            lesson.write_text(original + f"\n\n{marker}\n", "utf-8")
            saved = time.perf_counter()
            while marker not in (_get(url) or ""):
                if time.perf_counter() - saved > timeout:
                    raise RuntimeError(f"the edit of {lesson} never reached {url}")
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
            time.sleep(1.0)  # let the watcher settle before the next edit
    finally:
        lesson.write_text(original, "utf-8")
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return times
