"""What a rebuild reuses from the last one is exactly what it would make anew: parsed YAML
(copied out, only from clean files) and the glossary's links (first use, earliest term)."""

from __future__ import annotations

from types import SimpleNamespace

from bekal.model.issues import IssueList
from bekal.model.yamlio import load_yaml
from bekal.render.glossary_links import link_terms


def test_a_parsed_file_is_reused_as_a_copy(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("title:\n  id: Judul\nitems: [1, 2]\n", "utf-8")
    first, _ = load_yaml(path, IssueList(tmp_path))
    first["title"]["id"] = "diubah"
    first["items"].append(3)
    again, lines = load_yaml(path, IssueList(tmp_path))
    assert again == {"title": {"id": "Judul"}, "items": [1, 2]}
    assert lines.line_of(("items",)) == 3


def test_a_file_with_a_problem_is_read_and_reported_every_time(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("title: x\ntitle: y\n", "utf-8")  # a key twice
    for _ in range(2):
        issues = IssueList(tmp_path)
        load_yaml(path, issues)
        assert issues, "the second read must report the problem again"


def test_a_changed_file_is_read_again(tmp_path):
    path = tmp_path / "module.yml"
    path.write_text("a: 1\n", "utf-8")
    load_yaml(path, IssueList(tmp_path))
    path.write_text("a: 2\n", "utf-8")
    assert load_yaml(path, IssueList(tmp_path))[0] == {"a": 2}


def _project(terms: dict[str, str]):
    entry = lambda term: SimpleNamespace(model=SimpleNamespace(  # noqa: E731
        term={"id": term}, definition={"id": f"arti {term}"}))
    glossary = {key: entry(term) for key, term in terms.items()}
    return SimpleNamespace(glossary=glossary,
                           term=lambda key: glossary[key].model)


def test_each_term_links_once_at_its_first_use_and_the_earliest_term_wins():
    project = _project({"agen": "agen", "agen-resmi": "agen resmi", "paspor": "paspor"})
    html = "<p>Paspor dulu. Lalu paspor dan agen resmi, lalu agen lagi.</p>"
    out = link_terms(project, html, "id", "modul/x/", "glosarium/")
    # 'agen' comes first in the glossary and matches where 'agen resmi' starts
    assert out.count('href="../../glosarium/#agen"') == 1
    assert 'href="../../glosarium/#agen-resmi"' not in out
    assert out.count("#paspor") == 1 and ">paspor</a> dan" in out  # case as written
    assert ">agen</a> resmi" in out and "lalu agen lagi" in out


def test_no_term_links_inside_a_heading_or_a_link():
    project = _project({"paspor": "paspor"})
    html = '<h2>paspor</h2><p><a href="x">paspor</a> paspor</p>'
    out = link_terms(project, html, "id", "modul/x/", "glosarium/")
    assert out.startswith('<h2>paspor</h2><p><a href="x">paspor</a> <a class="bekal-term"')
