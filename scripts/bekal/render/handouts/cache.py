"""PDFs cached by a hash of everything they are made from, so an unchanged one is never redone.

The key covers the final HTML (template, Markdown, module.yml data, facts, language,
site URL, QR code, build date) plus the stylesheet, the font files and the WeasyPrint
version (see ``render.renderer_fingerprint``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_UNUSED_DAYS = 14


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class CachedPdf:
    file: Path
    pages: int


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> CachedPdf | None:
        path, count = self.path(key), self.path(key).with_suffix(".pages")
        try:
            pages = int(count.read_text())
        except (FileNotFoundError, ValueError):
            return None
        if not path.exists():
            return None
        os.utime(path)  # marks it as in use, for prune()
        return CachedPdf(path, pages)

    def put(self, key: str, pdf: bytes, pages: int) -> CachedPdf:
        """Write atomically (the page count last): parallel builds never see half an entry."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(key)
        self._write(path, pdf)
        self._write(path.with_suffix(".pages"), str(pages).encode())
        return CachedPdf(path, pages)

    def _write(self, path: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)

    def prune(self, days: int = KEEP_UNUSED_DAYS) -> None:
        """Forget PDFs no build has used for ``days`` days."""
        if not self.folder.is_dir():
            return
        limit = time.time() - days * 86400
        for path in self.folder.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.with_suffix(".pages").unlink(missing_ok=True)
                    path.unlink()
            except FileNotFoundError:
                pass
