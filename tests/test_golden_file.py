"""A golden test fails on a missing or different golden file, with a diff and the update hint."""

from __future__ import annotations

import pytest
from golden_file import assert_golden


def test_a_missing_golden_file_fails_and_is_not_written(tmp_path):
    path = tmp_path / "quiz.id.html"
    with pytest.raises(pytest.fail.Exception) as failed:
        assert_golden(path, "<p>satu</p>\n", update=False)
    message = str(failed.value)
    assert "golden file quiz.id.html is missing" in message
    assert "BEKAL_UPDATE_GOLDEN=1" in message
    assert "+<p>satu</p>" in message  # what the file would hold
    assert not path.exists()


def test_a_different_golden_file_fails_with_a_diff(tmp_path):
    path = tmp_path / "quiz.id.html"
    path.write_text("<p>satu</p>\n<p>dua</p>\n", "utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        assert_golden(path, "<p>satu</p>\n<p>tiga</p>\n", update=False)
    message = str(failed.value)
    assert "-<p>dua</p>" in message and "+<p>tiga</p>" in message
    assert "BEKAL_UPDATE_GOLDEN=1" in message
    assert path.read_text("utf-8") == "<p>satu</p>\n<p>dua</p>\n"  # left alone


def test_the_update_switch_writes_the_file_and_passes(tmp_path):
    path = tmp_path / "golden" / "quiz.en.html"
    assert_golden(path, "<p>one</p>\n", update=True)
    assert path.read_text("utf-8") == "<p>one</p>\n"
    assert_golden(path, "<p>one</p>\n", update=False)
