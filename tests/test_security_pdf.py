"""The PDF renderer reads only the project's own pictures and the font: no network, no file
outside the project, no attachment (issue 14, class 4)."""

from __future__ import annotations

import base64
import http.server
import io
import threading

import pypdf
import pytest

from bekal.render.handouts import render
from conftest import ROOT

# a 1×1 PNG
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwAB"
                       "BAEAwS2OUAAAAABJRU5ErkJggg==")


@pytest.fixture()
def counting_server():
    """A local web server that counts every request made to it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_pdf_fetches_nothing_from_outside(tmp_path, counting_server):
    url, hits = counting_server
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-SECRET", "utf-8")
    port = url.rsplit(":", 1)[1]
    html = (f'<html><head><link rel="stylesheet" href="{url}/s.css">'
            f'<link rel="attachment" href="{secret.as_uri()}"></head><body>'
            f'<p><img src="{url}/x.png" alt="x"> <img src="//127.0.0.1:{port}/y.png"'
            f' alt="y"> <img src="{secret.as_uri()}" alt="z"></p>'
            f'<p><a rel="attachment" href="file:///etc/passwd">x</a> '
            f'<a rel="attachment" href="{(ROOT / "modules" / "facts.yml").as_uri()}">y</a></p>'
            f'<style>@import url("{url}/i.css"); p {{ background: url("{url}/b.png") }}</style>'
            "</body></html>")
    pdf = render.render_pdf(html, tmp_path / "handout.md", tmp_path, max_pages=None).pdf
    assert hits == []
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {}
    assert b"RAHASIA" not in pdf and b"root:x:0:0" not in pdf


def test_project_picture_and_font_are_allowed(tmp_path):
    picture = tmp_path / "foto.png"
    picture.write_bytes(PNG)
    assert render.allowed_file(picture.as_uri(), tmp_path) == picture.resolve()
    font = next(iter(render.font_files().values()))
    assert render.allowed_file(font.as_uri(), tmp_path) is not None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1/x.png",
                                 "https://example.org/x.png", "file://evil.example/x.png",
                                 "ftp://example.org/x.png"])
def test_everything_else_is_refused(tmp_path, url):
    assert render.allowed_file(url, tmp_path) is None
    with pytest.raises(ValueError):
        render.url_fetcher(tmp_path).fetch(url)


def test_link_out_of_the_project_and_other_files_are_refused(tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    project = tmp_path / "project"
    project.mkdir()
    (project / "foto.png").symlink_to(outside)
    (project / "notes.yml").write_text("a: 1", "utf-8")
    assert render.allowed_file((project / "foto.png").as_uri(), project) is None
    assert render.allowed_file((project / "notes.yml").as_uri(), project) is None
