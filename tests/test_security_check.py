"""Hostile content is refused by `bekal check` with path, line, code and hint (issue 14).

One fixture per class: scripts on the page (1), YAML texts with HTML (2), files that are
not content (3), a build that would reach out (4). Each payload must be reported at its
own file and line; the safe page next to them must pass.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from security_payloads import (
    BAD_FILES,
    HANDOUT,
    HANDOUT_LINES,
    LINKED_HANDOUT,
    PAGES,
    SLUG,
    YAML_TEXTS,
    build_payload_project,
    page_path,
)

from bekal.checks import run_checks
from bekal.model.project import load_project

SECURITY_CODES = {"unsafe-html", "unsafe-link", "unsafe-title", "remote-resource", "yaml-html",
                  "bad-id", "symlink", "unpublished-file"}


@pytest.fixture(scope="module")
def payload_project(tmp_path_factory):
    base = tmp_path_factory.mktemp("payloads")
    return build_payload_project(base / "project", base / "outside", linked_handout=True)


@pytest.fixture(scope="module")
def issues(payload_project):
    return run_checks(load_project(payload_project))


def line_of(root, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text("utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def found(issues, path: str, code: str) -> list:
    return [i for i in issues.errors if i.path == path and i.code == code]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_payload_is_refused_at_its_line(payload_project, issues, page):
    hits = found(issues, page_path(page), page.code)
    assert hits, [i.format() for i in issues if i.path == page_path(page)]
    assert line_of(payload_project, page_path(page), page.needle) in {i.line for i in hits}
    assert all(i.hint for i in hits)


def test_safe_page_passes(issues):
    assert not [i for i in issues.errors
                if i.path == "content/id/uji/aman.md" and i.code in SECURITY_CODES]


@pytest.mark.parametrize("item", YAML_TEXTS, ids=[f"{t.file}:{t.code}:{n}"
                                                  for n, t in enumerate(YAML_TEXTS)])
def test_yaml_text_with_html_is_refused_at_its_line(payload_project, issues, item):
    needle = item.new.strip().split("\n")[0][:25]
    hits = found(issues, item.file, item.code)
    assert hits, [i.format() for i in issues if i.path == item.file]
    assert line_of(payload_project, item.file, needle) in {i.line for i in hits}


@pytest.mark.parametrize("rel", sorted(BAD_FILES))
def test_file_that_is_not_content_is_refused(issues, rel):
    assert found(issues, rel, "unpublished-file")


@pytest.mark.parametrize("rel", ["content/id/rahasia.txt", "content/id/luar.md",
                                 f"modules/{SLUG}/catatan.txt", "content/id/folder-luar",
                                 LINKED_HANDOUT])
def test_symlink_is_refused(issues, rel):
    assert found(issues, rel, "symlink"), [i.format() for i in issues if "symlink" in i.code]


@pytest.mark.parametrize(("text", "code"), HANDOUT_LINES)
def test_handout_that_reaches_out_is_refused(payload_project, issues, text, code):
    hits = found(issues, HANDOUT, code)
    assert line_of(payload_project, HANDOUT, text) in {i.line for i in hits}, \
        [i.format() for i in issues if i.path == HANDOUT]


def test_cli_names_path_line_code_and_hint_without_traceback(payload_project):
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(payload_project),
                             "check"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    page = PAGES[0]
    line = line_of(payload_project, page_path(page), page.needle)
    assert f"{page_path(page)}:{line}: [{page.code}]" in result.stdout
    assert "— hint:" in result.stdout


def test_linked_handout_is_never_read(payload_project, tmp_path):
    """The PDF step stops with the check's message instead of printing the linked file."""
    from conftest import run_build

    result = run_build(payload_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "RAHASIA" not in output and "Halaman dari luar" not in output
    assert not (tmp_path / "site").exists()
