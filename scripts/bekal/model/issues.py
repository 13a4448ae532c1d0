"""Issue records: one content problem, with where it is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    path: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" — hint: {self.hint}" if self.hint else ""
        return f"{where}: [{self.code}] {self.message}{hint}"


class IssueList(list):
    """Collects issues; paths are stored relative to the project root."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root
        self._relative: dict[str, str] = {}  # resolving a path costs system calls

    def add(self, path: Path | str, line: int | None, code: str, message: str,
            hint: str = "", severity: Severity = Severity.ERROR) -> None:
        self.append(Issue(self.relative(path), line or 0, code, message, hint, severity))

    def warn(self, path: Path | str, line: int | None, code: str, message: str,
             hint: str = "") -> None:
        self.add(path, line, code, message, hint, Severity.WARNING)

    def relative(self, path: Path | str) -> str:
        key = str(path)
        if key not in self._relative:
            path = Path(path)
            try:
                self._relative[key] = path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                self._relative[key] = path.as_posix()
        return self._relative[key]

    @property
    def errors(self) -> list[Issue]:
        return sorted(i for i in self if i.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Issue]:
        return sorted(i for i in self if i.severity is Severity.WARNING)


def format_report(issues: IssueList) -> str:
    """All problems, errors first, then warnings, with a count line at the end."""
    lines: list[str] = []
    if issues.errors:
        lines.append(f"Errors ({len(issues.errors)}):")
        lines += ["  " + i.format() for i in issues.errors]
    if issues.warnings:
        lines.append(f"Warnings ({len(issues.warnings)}):")
        lines += ["  " + i.format() for i in issues.warnings]
    lines.append(f"{len(issues.errors)} error(s), {len(issues.warnings)} warning(s)")
    return "\n".join(lines)
