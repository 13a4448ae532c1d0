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
from pathlib import Path

KEEP_UNUSED_DAYS = 14


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> Path | None:
        path = self.path(key)
        if not path.exists():
            return None
        os.utime(path)  # marks it as in use, for prune()
        return path

    def put(self, key: str, pdf: bytes) -> Path:
        """Write atomically: builds running side by side never see half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(pdf)
        path = self.path(key)
        os.replace(tmp, path)
        return path

    def prune(self, days: int = KEEP_UNUSED_DAYS) -> None:
        """Forget PDFs no build has used for ``days`` days."""
        if not self.folder.is_dir():
            return
        limit = time.time() - days * 86400
        for path in self.folder.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:
                pass
