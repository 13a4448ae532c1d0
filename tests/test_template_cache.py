"""Compiled templates are kept between builds (render/template_cache.py) and a kept one is
used only for the same source, compiled the same way."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.bccache import bc_magic

from bekal.render.template_cache import CACHE, keep_compiled
from conftest import make_project, run_build


def _env(folder, **options) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **options)


def _templates(root, source: str):
    """A folder of templates under ``root`` holding ``page.html``; the page's path."""
    (root / "t").mkdir(exist_ok=True)
    page = root / "t" / "page.html"
    page.write_text(source)
    return page


def _render(root, **values) -> str:
    """``page.html`` rendered by a new environment with the cache, as in the next build."""
    return keep_compiled(_env(root / "t"), root).get_template("page.html").render(**values)


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles from here on."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_new_environment_takes_the_kept_template_and_compiles_nothing(tmp_path, compiled):
    _templates(tmp_path, "{% for x in xs %}<b>{{ x }}</b>{% endfor %}")
    assert _render(tmp_path, xs=[1, 2]) == "<b>1</b><b>2</b>"
    assert compiled == ["page.html"]
    assert _render(tmp_path, xs=[3]) == "<b>3</b>"
    assert compiled == ["page.html"], "the second environment compiled the template again"


def test_a_changed_template_is_compiled_again(tmp_path, compiled):
    page = _templates(tmp_path, "old {{ x }}")
    assert _render(tmp_path, x=1) == "old 1"
    page.write_text("new {{ x }}")
    assert _render(tmp_path, x=1) == "new 1"
    assert compiled == ["page.html", "page.html"]


def test_templates_compiled_with_other_options_are_kept_apart(tmp_path):
    _templates(tmp_path, "{% if x %}\n  yes\n{% endif %}\n{{ s }}")
    plain = keep_compiled(_env(tmp_path / "t", autoescape=False), tmp_path)
    trimmed = keep_compiled(_env(tmp_path / "t", trim_blocks=True, lstrip_blocks=True,
                                 autoescape=True), tmp_path)
    assert plain.get_template("page.html").render(x=1, s="<i>") == "\n  yes\n\n<i>"
    assert trimmed.get_template("page.html").render(x=1, s="<i>") == "  yes\n&lt;i&gt;"
    assert len(list((tmp_path / CACHE).iterdir())) == 2


def test_a_kept_file_cut_short_is_compiled_again(tmp_path, compiled):
    _templates(tmp_path, "{{ x }}!")
    _render(tmp_path, x=0)
    [kept] = (tmp_path / CACHE).rglob("*.cache")
    kept.write_bytes(kept.read_bytes()[:len(bc_magic) + 3])  # the header, part of the digest
    assert _render(tmp_path, x=1) == "1!"
    assert compiled == ["page.html", "page.html"]


def test_a_project_whose_cache_cannot_be_made_still_renders(tmp_path):
    _templates(tmp_path, "{{ x }}")
    (tmp_path / ".cache").write_text("not a folder")
    env = keep_compiled(_env(tmp_path / "t"), tmp_path)
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render(x="ok") == "ok"


def test_a_build_keeps_the_themes_compiled_templates_and_the_next_build_is_the_same(tmp_path):
    project = make_project(tmp_path / "p", {"alpha": "persiapan"})
    assert run_build(project, tmp_path / "one", pdf=False).returncode == 0
    kept = sorted(p.name for p in (project / CACHE).rglob("*.cache"))
    assert len(kept) > 10  # Material's base.html, its partials and Bekal's overrides
    assert run_build(project, tmp_path / "two", pdf=False).returncode == 0
    for page in ("index.html", "modul/alpha/index.html", "en/modul/alpha/index.html"):
        assert (tmp_path / "one" / page).read_bytes() == (tmp_path / "two" / page).read_bytes()
