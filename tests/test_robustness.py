"""Whatever authors type, `bekal check` answers with issue records, never a traceback.

Each example starts from a clean copy of one fixture project (the test project with one
module and its phone data), breaks one file, and runs `bekal check` in-process. Every issue
must name a file of that project (or, for the few codes that report a missing file, a place
inside it) and a line within the file, be printed in the report, and the exit status must
say whether there were errors.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bekal import checks, cli
from bekal.model.issues import Issue, Severity
from conftest import make_project, with_data

MODULE = "modules/uji-coba"
LESSON = "content/id/modul/uji-coba/index.md"
YAML_TARGETS = [f"{MODULE}/module.yml", f"{MODULE}/quiz.yml", "modules/facts.yml",
                "modules/glossary.yml", "modules/tracks.yml", "modules/ui.yml",
                "modules/contacts.yml", "modules/cek-tawaran.yml", "modules/page-codes.yml"]
# codes that report a file that should be there but is not: their path names the file
MISSING_FILE_CODES = {"missing-file", "module-missing-file", "missing-prose",
                      "shortlink-unpublished"}
EXAMPLES = settings(max_examples=20, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)

structured_yaml = yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))
# what an author's slip leaves in a file: brackets, quotes, tabs, anchors, tags, a NUL byte
SLIPS = ["[", "]", "{", "}", ": ", "'", '"', "\t", "&a ", "*a ", "!!python/object:x ", "|",
         "> ", "- ", "\n  ", "\n", "%", "@", "`", "\x00", "\ufeff", "{{fact:", "}}", "<script>",
         "0812-3456-7890", "? "]
# an edit of the file as it is: at a place (0..1 of its length) delete some characters and
# type a slip; most of the file stays valid, so the checks behind the YAML reader run too
edits = st.tuples(st.floats(0, 1), st.integers(0, 30), st.sampled_from(SLIPS))
markdownish = st.lists(st.sampled_from(
    [*"ab #{}[]()!<>:-*`\n0123456789+.", "{{fact:", "}}", "<!-- bekal:", "-->",
     "## ", "{#x}", "<script>", "\udcff"]),
    max_size=120).map("".join)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The pristine fixture project every example copies; `bekal check` finds no error."""
    root = with_data(make_project(tmp_path_factory.mktemp("fuzz") / "template",
                                  {"uji-coba": "persiapan"}))
    status, issues, _ = check(root)
    assert status == 0 and not issues.errors, [i.format() for i in issues.errors]
    return root


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cases")


def fresh(template: Path, workdir: Path) -> Path:
    """A clean copy of the template for one example."""
    root = workdir / "case"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(template, root, symlinks=True)
    return root


def check(root: Path):
    """`bekal check` in-process: its exit status, the issues it found, and what it printed."""
    found = []
    real = checks.run_checks

    def recording(*args, **kwargs):
        found.append(real(*args, **kwargs))
        return found[-1]

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(io.StringIO()):
        patch.setattr(checks, "run_checks", recording)
        status = cli.main(["--root", str(root), "check"])
    assert len(found) == 1
    return status, found[0], out.getvalue()


def assert_sound(root: Path) -> list[Issue]:
    status, issues, report = check(root)
    errors = [i for i in issues if i.severity == Severity.ERROR]
    assert status == (1 if errors else 0), (status, [i.format() for i in errors])
    assert report.rstrip().endswith(f"{len(errors)} error(s), {len(issues) - len(errors)} "
                                    "warning(s)"), report[-300:]
    inside = root.resolve()
    for issue in issues:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", issue.code), issue
        assert issue.path and not Path(issue.path).is_absolute(), issue
        target = root / issue.path
        assert target.resolve().is_relative_to(inside), issue.format()
        if issue.code in MISSING_FILE_CODES:
            assert target.parent.resolve().is_relative_to(inside), issue.format()
        else:
            assert target.is_file(), f"{issue.format()}: no such file in the project"
            lines = target.read_bytes().count(b"\n") + 1
            assert 0 <= issue.line <= lines, f"{issue.format()}: the file has {lines} lines"
        assert issue.format() in report, issue.format()
    return list(issues)


def edited(text: str, edit: tuple[float, int, str]) -> str:
    where, cut, slip = edit
    at = int(where * len(text))
    return text[:at] + slip + text[at + cut:]


@EXAMPLES
@given(target=st.sampled_from(YAML_TARGETS),
       text=st.one_of(structured_yaml, st.text(max_size=200), edits))
def test_any_yaml_gives_sound_issue_records(template, workdir, target, text):
    root = fresh(template, workdir)
    path = root / target
    path.write_text(text if isinstance(text, str) else edited(path.read_text("utf-8"), text),
                    "utf-8")
    assert_sound(root)


@EXAMPLES
@given(text=markdownish)
def test_any_markdown_gives_sound_issue_records(template, workdir, text):
    root = fresh(template, workdir)
    # "\udcff" stands for a byte that is not valid UTF-8
    (root / LESSON).write_bytes(text.encode("utf-8", errors="surrogateescape"))
    assert_sound(root)


def test_a_broken_module_is_an_error_with_exit_status_1(template, workdir):
    """The properties above can fail: a known error is found, printed and fails the run."""
    root = fresh(template, workdir)
    (root / f"{MODULE}/module.yml").write_text("track: [persiapan\n", "utf-8")
    issues = assert_sound(root)
    assert ("modules/uji-coba/module.yml", "yaml-syntax") in {(i.path, i.code) for i in issues}
    assert check(root)[0] == 1
