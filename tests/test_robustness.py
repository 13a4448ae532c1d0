"""Whatever authors type, the checker answers with issue records, never a traceback."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bekal.checks import run_checks
from bekal.model.issues import Issue
from bekal.model.project import load_project
from conftest import make_project

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)

structured_yaml = yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))
markdownish = st.lists(st.sampled_from(
    [*"ab #{}[]()!<>:-*`\n0123456789+.", "{{fact:", "}}", "<!-- bekal:", "-->",
     "## ", "{#x}", "<script>", "\udcff"]),
    max_size=120).map("".join)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("fuzz") / "p", {"uji-coba": "persiapan"})


def _check(root) -> list[Issue]:
    return list(run_checks(load_project(root)))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(module=st.one_of(structured_yaml, st.text(max_size=200)), quiz=structured_yaml)
def test_any_yaml_gives_issue_records(root, module, quiz):
    (root / "modules/uji-coba/module.yml").write_text(module, "utf-8")
    (root / "modules/uji-coba/quiz.yml").write_text(quiz, "utf-8")
    issues = _check(root)
    assert all(isinstance(i, Issue) and i.code and i.path for i in issues)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=markdownish)
def test_any_markdown_gives_issue_records(root, text):
    # "\udcff" stands for a byte that is not valid UTF-8
    (root / "content/id/modul/uji-coba/index.md").write_bytes(
        text.encode("utf-8", errors="surrogateescape"))
    issues = _check(root)
    assert all(isinstance(i, Issue) and i.code and i.path for i in issues)
