"""The Nu HTML checker (vnu.jar from npm's vnu-jar, runs on Java) over built pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")


class CheckerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class HtmlError:
    file: str
    line: int
    message: str
    kind: str = "error"  # or "warning", "info"

    def format(self) -> str:
        label = "" if self.kind == "error" else f"{self.kind}: "
        return f"{self.file}:{self.line}: {label}{self.message}"


def vnu_jar(root: Path) -> Path:
    jar = root / VNU_JAR
    if not jar.exists():
        raise CheckerMissing(f"{jar} is missing: run `npm ci` in {root} (make test does)")
    if not shutil.which("java"):
        raise CheckerMissing("java is missing: run `scripts/setup-system.sh test` as root")
    return jar


def check_html(root: Path, pages: list[Path], relative_to: Path,
               warnings: bool = False) -> list[HtmlError]:
    """Errors the Nu HTML checker reports for ``pages``; with ``warnings``, its warnings and
    other messages too (``kind`` "warning" or "info"), from the same run."""
    if not pages:
        return []
    command = ["java", "-Xss1m", "-jar", str(vnu_jar(root)),
               *([] if warnings else ["--errors-only"]),
               "--format", "json", "--exit-zero-always", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = []
    for message in report.get("messages", []):
        if message.get("type") in ("error", "non-document-error"):  # the latter: unreadable
            kind = "error"
        elif warnings:
            kind = message.get("subType") or "info"  # "warning", or a plain "info" message
        else:
            continue
        path = Path(message.get("url", "").removeprefix("file:"))
        name = path.relative_to(relative_to).as_posix() if path.is_absolute() else str(path)
        errors.append(HtmlError(name, message.get("lastLine", 0), message.get("message", ""),
                                kind))
    return errors
