"""A local static host that behaves like a well-configured real one.

It gzips text, gives fingerprinted files (``main.57a0d79d.min.css``, ``bekal-quiz-id.<hash>.js``,
Pagefind's ``id_8bfa5a6.pf_index``) a one-year immutable cache, and makes everything else
revalidate (``no-cache`` with ETag, so an unchanged file costs a 304 and no body). README.md
says the same for real hosts. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import re
import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs"}
# a run of 7+ hex digits between dots or after an underscore: a content hash in the name
FINGERPRINT = re.compile(r"[._][0-9a-f]{7,}\.")
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest":
         "application/manifest+json"}


def cache_policy(name: str) -> str:
    return IMMUTABLE if FINGERPRINT.search(name) else REVALIDATE


@lru_cache(maxsize=4096)
def _encoded(path: Path, mtime_ns: int, compress: bool) -> bytes:
    data = path.read_bytes()
    return gzip.compress(data, compresslevel=6, mtime=0) if compress else data


class _CountingWriter:
    """Wraps the socket writer and counts the bytes sent (headers and body)."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _Handler(http.server.BaseHTTPRequestHandler):
    root: Path
    sent: list  # (path, status, bytes) per response, shared with the SiteServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def send_response(self, code, message=None):
        self._status, self._before = code, self.wfile.count
        super().send_response(code, message)

    def _log(self) -> None:
        self.wfile.flush()
        self.sent.append((self.path, self._status, self.wfile.count - self._before))

    def _resolve(self) -> Path | None:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / rel).resolve()
        if self.root not in (target, *target.parents):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _not_found(self) -> tuple[Path | None, int]:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        lang_page = self.root / rel.split("/", 1)[0] / "404.html"
        page = lang_page if "/" in rel and lang_page.is_file() else self.root / "404.html"
        return (page if page.is_file() else None), 404

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head: bool = False):
        path, status = self._resolve(), 200
        if path is None:
            path, status = self._not_found()
        if path is None:
            self.send_error(404)
            return
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        suffix = path.suffix.lower()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = suffix in COMPRESSIBLE and wants_gzip
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", cache_policy(path.name))
            self.end_headers()
            self._log()
            return
        body = _encoded(path, stat.st_mtime_ns, compress)
        self.send_response(status)
        kind = TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in {"application/json", "image/svg+xml"}:
            kind += "; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", cache_policy(path.name) if status == 200 else "no-store")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self._log()


class SiteServer:
    """``with SiteServer(site_dir) as server: server.url`` -> ``http://127.0.0.1:<port>/``."""

    def __init__(self, root: Path, port: int = 0):
        self.sent: list[tuple[str, int, int]] = []
        handler = type("Handler", (_Handler,), {"root": Path(root).resolve(), "sent": self.sent})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def mark(self) -> int:
        """A point in the log of responses; see ``sent_since``."""
        return len(self.sent)

    def sent_since(self, mark: int) -> list[tuple[str, int, int]]:
        """(path, status, bytes on the wire) of every response since ``mark``, whoever asked
        (a page, or a worker the page started)."""
        return self.sent[mark:]
