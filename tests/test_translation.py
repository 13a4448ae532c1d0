"""Translation status: missing pages, outdated translations, and the fallback notice."""

from __future__ import annotations

import subprocess
import sys

from bekal.model.translation import translation_state
from conftest import fixture_project, make_project, run_build


def test_status_lists_missing_and_outdated_pages(tmp_path):
    root = make_project(tmp_path / "p")
    for path in (root / "content/en").rglob("*.md"):
        subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(root), "status",
                        "--accept", str(path)], check=True, capture_output=True)
    (root / "content/en/tentang.md").unlink()
    about = root / "content/id/bantuan.md"
    about.write_text(about.read_text("utf-8") + "\nKalimat baru.\n", "utf-8")
    state = translation_state(root)["en"]
    assert state["missing"] == ["tentang.md"]
    assert state["outdated"] == ["bantuan.md"]
    result = subprocess.run([sys.executable, "-m", "bekal.cli", "--root", str(root), "status",
                             "--strict"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "missing: content/en/tentang.md" in result.stdout
    assert "source changed since translated: content/en/bantuan.md" in result.stdout


def test_untranslated_page_shows_a_notice_in_the_readers_language(tmp_path):
    root = make_project(tmp_path / "p")
    (root / "content/en/tentang.md").unlink()
    result = run_build(root, tmp_path / "site", pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site/en/tentang/index.html").read_text("utf-8")
    assert fixture_project().t("en", "untranslated_notice") in html
    title = (root / "content/id/tentang.md").read_text("utf-8").split("\n# ", 1)[1].split("\n")[0]
    assert title in html  # the Indonesian page, shown in its place


def test_translation_metadata_never_reaches_readers(real_site):
    import pypdfium2  # reads the text of some 400 PDFs twenty times faster than pypdf

    leaks = [p for p in real_site.rglob("*.html") if "source_hash" in p.read_text("utf-8")]
    pdfs = list(real_site.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(pdf)
        text = "".join(page.get_textpage().get_text_range() for page in document)
        document.close()
        if "source_hash" in text:
            leaks.append(pdf)
    assert leaks == []
