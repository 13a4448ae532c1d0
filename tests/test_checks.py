"""`bekal check` as a whole: warnings and errors, all problems at once, the command line.

Each issue code has its fixture row (code, path and line) in tests/test_check_codes.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bekal.checks import run_checks
from bekal.model.project import load_project
from conftest import make_project

MOD = "modules/uji-coba"
LESSON_ID = "content/id/modul/uji-coba/index.md"


@pytest.fixture()
def project(tmp_path) -> Path:
    """A valid fixture project with one module, 'uji-coba' (made by `bekal new`)."""
    root = make_project(tmp_path / "p", {"uji-coba": "persiapan"})
    issues = run_checks(load_project(root))
    assert not issues.errors, [i.format() for i in issues.errors]
    return root


def append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def errors(root: Path, publish: bool = False) -> list[tuple[str, int, str]]:
    issues = run_checks(load_project(root), publish=publish)
    return [(i.path, i.line, i.code) for i in issues.errors]


def test_all_problems_reported_at_once(project):
    append(project, LESSON_ID, "\nHubungi 0812-3456-7890.\n\n![](x.png)\n")
    append(project, f"{MOD}/module.yml", "colour: red\n")
    codes = {f[2] for f in errors(project)}
    assert {"typed-number", "image-no-alt", "schema-unknown-field"} <= codes


def test_cli_prints_issue_lines_and_fails_without_traceback(project):
    append(project, LESSON_ID, "\nHubungi 0812-3456-7890.\n")
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(project), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = line_of(project, LESSON_ID, "0812")
    assert re.search(rf"{re.escape(LESSON_ID)}:{line}: \[typed-number\] .* — hint: ",
                     result.stdout)
    assert "1 error(s)" in result.stdout


def test_scaffolded_module_appears_in_the_built_site(project, tmp_path):
    from conftest import run_build

    result = run_build(project, tmp_path / "site", pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "en/"):
        assert (tmp_path / "site" / prefix / "modul/uji-coba/index.html").exists()
        track = (tmp_path / "site" / prefix / "jalur/persiapan/index.html").read_text("utf-8")
        assert "modul/uji-coba/" in track
