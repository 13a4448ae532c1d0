"""A feature's script and stylesheet from scripts/bekal/assets/, published under assets/
with a content hash in their names (long cache), only on the pages that use them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bekal.outputs import Output
from bekal.resources import ASSETS


@dataclass(frozen=True)
class AssetBundle:
    prefix: str                # 'bekal-quiz' -> assets/bekal-quiz.<hash>.js
    names: dict[str, str]      # kind ('js', 'css') -> file name in scripts/bekal/assets/

    def _files(self) -> dict[str, tuple[str, bytes]]:
        """kind -> (path inside the site, content); the hash changes when the content does."""
        out = {}
        for kind, name in self.names.items():
            content = (ASSETS / name).read_bytes()
            digest = hashlib.sha256(content).hexdigest()[:10]
            out[kind] = (f"assets/{self.prefix}.{digest}.{kind}", content)
        return out

    def urls(self) -> dict[str, str]:
        """{'js': 'assets/<prefix>.<hash>.js', …}, relative to the site root."""
        return {kind: path for kind, (path, _) in self._files().items()}

    def outputs(self) -> list[Output]:
        kinds = {"js": "script", "css": "stylesheet"}
        return [Output(path, kinds.get(kind, kind), content)
                for kind, (path, content) in self._files().items()]
