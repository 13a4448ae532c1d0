"""How the house is built, checked: paths are spelled in routes.py only, only the front end
and the pipeline write into the site, and ``bekal check`` loads no image or PDF library."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bekal import outputs
from bekal.model.project import load_project
from bekal.pipeline.cssbundle import BUNDLE
from conftest import ROOT

PACKAGE = ROOT / "scripts" / "bekal"
CORE = [p for p in PACKAGE.rglob("*.py")
        if not p.is_relative_to(PACKAGE / "adapters") and p.name != "routes.py"]
# a site folder spelled in code: "modul/…", f"{…}jalur/", "kreator/qr" …
SPELLED_PATH = re.compile(r"""["'/](modul|jalur|pelatih|go|kreator|kontak|cek-tawaran)/""")


def _code_lines(path: Path):
    in_doc = False
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        quotes = line.count('"""')
        if in_doc or line.strip().startswith('"""') or line.strip().startswith("#"):
            in_doc = in_doc != (quotes % 2 == 1)
            continue
        yield number, line.split("  #")[0]


def test_no_site_path_is_spelled_outside_routes():
    spelled = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in CORE
               for n, line in _code_lines(p) if SPELLED_PATH.search(line)]
    assert not spelled, "\n".join(spelled)


def test_only_the_front_ends_and_the_pipeline_know_the_site_folder():
    knows = [str(p.relative_to(ROOT)) for p in CORE
             if not p.is_relative_to(PACKAGE / "pipeline") and p.name != "cli.py"
             and re.search(r"\bsite_dir\b", p.read_text("utf-8"))]
    assert not knows, knows


def test_the_checks_load_no_image_qr_or_pdf_library():
    code = ("import sys; from bekal.checks import run_checks; "
            "from bekal.model.project import load_project; "
            f"run_checks(load_project(__import__('pathlib').Path({str(ROOT)!r}))); "
            "print(sorted(m for m in ('PIL', 'segno', 'weasyprint', 'pypdf', 'mkdocs') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]", loaded


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def test_every_output_is_in_the_built_site_as_made(real_site, project):
    """What outputs.py lists (all but the PDF sets, made during a language's build) is
    what the adapter put in the site, byte for byte."""
    bundle = (real_site / BUNDLE).read_text("utf-8")
    for lang in project.config.codes:
        listed = outputs.for_language(project, lang, outputs.Made())
        assert listed, lang
        kinds = {o.kind for o in listed}
        assert {"page", "image", "manifest"} <= kinds, kinds
        for output in listed:
            built = real_site / output.path
            if output.kind == "stylesheet":  # purged (under its plain name), then bundled
                purged = real_site / (output.path.rsplit(".", 2)[0] + ".css")
                assert purged.is_file(), output.path
                assert purged.read_text("utf-8") in bundle, output.path
                continue
            assert built.is_file(), output.path
            if output.kind not in ("page", "script"):  # pages and scripts are made lighter
                assert built.read_bytes() == output.data(), output.path


def test_the_outputs_of_a_language_have_one_path_each(project):
    for lang in project.config.codes:
        paths = [o.path for o in outputs.for_language(project, lang, outputs.Made())]
        assert len(paths) == len(set(paths)), lang


def _imports(folder: str) -> set[tuple[str, str]]:
    found = set()
    for path in (PACKAGE / folder).rglob("*.py"):
        text = path.read_text("utf-8")
        for match in re.finditer(r"^\s*(?:(?:from|import) bekal\.(\w+)|from bekal import (\w+))",
                                 text, re.M):
            found.add((str(path.relative_to(PACKAGE)), match.group(1) or match.group(2)))
    return found


@pytest.mark.parametrize(("folder", "allowed"), [
    ("model", {"model", "routes"}),
    ("checks", {"model", "routes", "checks"}),
    ("render", {"model", "routes", "render", "outputs", "resources"}),
])
def test_imports_point_down_the_house(folder, allowed):
    """ARCHITECTURE.md's arrows; the one exception: the safety check asks the sanitizer
    what it would remove, so it imports render/sanitize.py."""
    wrong = {(path, target) for path, target in _imports(folder) if target not in allowed}
    wrong.discard(("checks/safety.py", "render"))
    assert not wrong, sorted(wrong)
