"""A feature's script and stylesheet from scripts/bekal/assets/, published under assets/
with a content hash in their names (long cache), only on the pages that use them.

A script that shows words has them baked in, one file per language (``with_strings``):
the words are not repeated in every page, and a reader downloads only her language's."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from bekal.outputs import Output
from bekal.resources import ASSETS

# where a script's words go: `const t = /*BEKAL_STRINGS*/{};`
STRINGS_PLACEHOLDER = b"/*BEKAL_STRINGS*/{}"


def hashed(stem: str, kind: str, content: bytes) -> tuple[str, bytes]:
    """(assets/<stem>.<hash>.<kind>, content): the name changes when the content does."""
    digest = hashlib.sha256(content).hexdigest()[:10]
    return f"assets/{stem}.{digest}.{kind}", content


def with_strings(source: bytes, strings: dict) -> bytes:
    """``source`` with ``strings`` (JSON) in place of its placeholder."""
    if STRINGS_PLACEHOLDER not in source:
        raise ValueError("the script has no /*BEKAL_STRINGS*/{} placeholder")
    return source.replace(STRINGS_PLACEHOLDER,
                          json.dumps(strings, ensure_ascii=False).encode("utf-8"))


@dataclass(frozen=True)
class AssetBundle:
    prefix: str                # 'bekal-quiz' -> assets/bekal-quiz.<hash>.js
    names: dict[str, str]      # kind ('js', 'css') -> file name in scripts/bekal/assets/

    def _files(self) -> dict[str, tuple[str, bytes]]:
        """kind -> (path inside the site, content); the hash changes when the content does."""
        return {kind: hashed(self.prefix, kind, (ASSETS / name).read_bytes())
                for kind, name in self.names.items()}

    def urls(self) -> dict[str, str]:
        """{'js': 'assets/<prefix>.<hash>.js', …}, relative to the site root."""
        return {kind: path for kind, (path, _) in self._files().items()}

    def outputs(self) -> list[Output]:
        kinds = {"js": "script", "css": "stylesheet"}
        return [Output(path, kinds.get(kind, kind), content)
                for kind, (path, content) in self._files().items()]
