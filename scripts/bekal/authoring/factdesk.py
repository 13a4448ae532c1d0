"""The fact editor's desk: list facts by trust level, print a call sheet, record a check.

``bekal facts`` lists every fact by level with where it is used, its sources and what a
check would need; ``bekal facts sheet`` writes a printable call sheet (A4 HTML and CSV);
``bekal facts record`` adds a check to modules/facts.yml, keeping its comments and layout.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bekal.model import trust
from bekal.model.pageref import FACT_REF
from bekal.model.project import Project
from bekal.model.schema import Check, Fact
from bekal.model.trust import Level

LEVEL_ORDER = (Level.CONFLICT, Level.STALE, Level.SECONDARY, Level.OFFICIAL)
LEVEL_NAMES = {
    Level.CONFLICT: "conflict: sources disagree",
    Level.STALE: "stale: the newest check is too old",
    Level.SECONDARY: "secondary: only others report it",
    Level.OFFICIAL: "official: an official source confirms it",
}


class DeskError(Exception):
    """A wrong key or option: the message says what to do."""


# --- where each fact is used --------------------------------------------------------


def usage(project: Project) -> dict[str, list[str]]:
    """Fact key -> where readers meet it: pages, handouts, cards, the creator kit."""
    from bekal.model.help_numbers import HELP_FACTS

    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(project.content_dir.rglob("*.md")):
        rel = path.relative_to(project.content_dir).as_posix().split("/", 1)[-1]  # no language
        kind = "handout" if path.name == "handout.md" else "page"
        if path.name == "handout.md":
            rel = rel.removesuffix("/handout.md")
        for match in FACT_REF.finditer(path.read_text("utf-8", errors="replace")):
            found[match.group(1)].add(f"{kind} {rel}")
    for slug, entry in project.modules.items():
        for loaded, kind in ((entry.module, "module.yml"), (entry.quiz, "quiz.yml")):
            if loaded is None:
                continue
            text = loaded.path.read_text("utf-8", errors="replace")
            for match in FACT_REF.finditer(text):
                found[match.group(1)].add(f"{kind} {slug}")
        module = entry.data if entry.module else None
        if module is None:
            continue
        for lang_text in module.summary.values():
            for match in FACT_REF.finditer(lang_text):
                found[match.group(1)].add(f"card {slug}")
        for key in module.facts:
            found[key].add(f"creator kit {slug}")
    for loaded in project.tracks.values():
        for text in loaded.model.description.values():
            for match in FACT_REF.finditer(text):
                found[match.group(1)].add(f"card track {loaded.model.id}")
    for key in HELP_FACTS:
        found[key].add("handout help box (every handout)")
    return {key: sorted(places) for key, places in found.items()}


# --- what a check would need --------------------------------------------------------


def what_to_check(fact: Fact, level: Level, settings: trust.Settings | None = None) -> str:
    """What the person checking should do or ask, in one line."""
    settings = settings or trust.Settings()
    old = trust.old_official_evidence(fact, settings) if level == Level.OFFICIAL else None
    if old:
        return (f"the official page was read in a copy from {old.isoformat()}: check it is "
                "still current (phone, or open the live page) and record it")
    if level == Level.CONFLICT:
        values = "; ".join(f"{c.value} ({c.outlet or c.source})" for c in trust.differing(fact))
        return ("sources disagree: ask the official source which is right: "
                f"{fact_value(fact)} or {values}")
    if fact.kind in ("phone", "whatsapp"):
        what = "send a WhatsApp message to" if fact.kind == "whatsapp" else "phone"
        ask = f"{what} {fact_value(fact)}; ask whose line it is and whether it serves migrant " \
              "workers; record --method phoned, --against official if the office answers"
    elif fact.kind == "url":
        ask = f"open {fact_value(fact)}; check it is the office's own site; record " \
              "--method official-page --against official"
    elif fact.kind == "law":
        ask = "read the article in the official text (peraturan.bpk.go.id, the ministry's " \
              "JDIH, or the State Gazette); record --method law-text, or stored-copy"
    elif fact.kind == "email":
        ask = f"write to {fact_value(fact)} and ask for a reply; record --method reported"
    else:
        ask = "find it in the office's own page or document (or the law text); record " \
              "--method official-page or law-text"
    if "CONFLICT" in fact.note and not trust.differing(fact):
        ask += "; the note names another value: record that source with --value"
    return ask


def fact_value(fact: Fact) -> str:
    if isinstance(fact.value, dict):
        first = next(iter(fact.value.values()))
        return first
    return fact.value


def check_line(check: Check) -> str:
    parts = [str(check.date), check.against, check.method, check.source]
    if check.outlet:
        parts.append(check.outlet)
    if check.source_date != "undated":
        parts.append(f"source dated {check.source_date}")
    if check.value:
        parts.append(f"gives {check.value}")
    return " | ".join(parts)


# --- bekal facts ----------------------------------------------------------------------


@dataclass
class Row:
    key: str
    fact: Fact
    level: Level
    used: list[str]


def rows(project: Project) -> list[Row]:
    settings = trust.settings_for(project.root)
    used = usage(project)
    out = [Row(key, loaded.model, trust.level(loaded.model, settings), used.get(key, []))
           for key, loaded in project.facts.items()]
    return sorted(out, key=lambda r: (LEVEL_ORDER.index(r.level), r.key))


def counts(project: Project) -> dict[Level, int]:
    found = {level: 0 for level in LEVEL_ORDER}
    for row in rows(project):
        found[row.level] += 1
    return found


def listing(project: Project, only: str | None = None) -> str:
    settings = trust.settings_for(project.root)
    out = []
    all_rows = rows(project)
    for level in LEVEL_ORDER:
        group = [r for r in all_rows if r.level == level]
        if only and level.value != only:
            continue
        out.append(f"== {LEVEL_NAMES[level]} ({len(group)}) ==")
        for row in group:
            out.append(f"{row.key}: {fact_value(row.fact)}")
            out.append(f"  used in: {', '.join(row.used) if row.used else 'nowhere yet'}")
            for check in row.fact.checks:
                out.append(f"  check:   {check_line(check)}")
            todo = what_to_check(row.fact, level, settings)
            if level != Level.OFFICIAL or "CONFLICT" in row.fact.note \
                    or trust.old_official_evidence(row.fact, settings):
                out.append(f"  to do:   {todo}")
        out.append("")
    summary = ", ".join(f"{lv.value} {sum(r.level == lv for r in all_rows)}" for lv in LEVEL_ORDER)
    out.append(f"{len(all_rows)} facts: {summary}")
    return "\n".join(out)


# --- bekal facts sheet -----------------------------------------------------------------

SHEET_COLUMNS = ["key", "fact", "value", "level", "sources so far", "what to ask or look for",
                 "confirmed (yes/no)", "value found if different", "source (office, page, "
                 "or role of the person)", "date", "checked by (role)"]


def sheet_rows(project: Project) -> list[list[str]]:
    settings = trust.settings_for(project.root)
    out = []
    for row in rows(project):
        fact = row.fact
        label = fact.label.get(project.config.default) or next(iter(fact.label.values()))
        sources = "; ".join(
            f"{c.outlet + ': ' if c.outlet else ''}{c.source} ({c.against}, {c.method}, "
            f"source {c.source_date}, checked {c.date})" for c in fact.checks)
        out.append([row.key, label, fact_value(fact), row.level.value, sources,
                    what_to_check(fact, row.level, settings), "", "", "", "", ""])
    return out


def sheet_csv(project: Project) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SHEET_COLUMNS)
    writer.writerows(sheet_rows(project))
    return buffer.getvalue()


_SHEET_CSS = """
@page { size: A4 landscape; margin: 10mm; }
body { font: 9pt/1.3 "DejaVu Sans", sans-serif; color: #000; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
p { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.6pt solid #000; padding: 1.2mm; vertical-align: top; text-align: left; }
th { font-size: 8pt; background: #eee; }
tr { break-inside: avoid; }
td.box { height: 12mm; }
.level { font-weight: bold; }
.small { font-size: 7.5pt; overflow-wrap: anywhere; }
"""


def sheet_html(project: Project, today: dt.date | None = None) -> str:
    today = today or trust.settings_for(project.root).now()
    body = []
    for cells in sheet_rows(project):
        key, label, value, level, sources, ask = cells[:6]
        body.append(
            "<tr>"
            f'<td class="small">{escape(key)}</td><td>{escape(label)}</td>'
            f"<td><strong>{escape(value)}</strong></td>"
            f'<td class="level">{escape(level)}</td>'
            f'<td class="small">{escape(sources)}</td><td class="small">{escape(ask)}</td>'
            + '<td class="box">☐ yes ☐ no</td>' + '<td class="box"></td>' * 4 + "</tr>")
    widths = (9, 10, 12, 8, 16, 14, 6, 7, 9, 4, 5)  # per cent, one per column
    heads = "".join(f'<th style="width:{w}%">{escape(c)}</th>'
                    for c, w in zip(SHEET_COLUMNS, widths, strict=True))
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Bekal facts: call sheet</title><style>{_SHEET_CSS}</style></head><body>"
            f"<h1>Bekal facts: call sheet ({today.isoformat()})</h1>"
            "<p>One row per fact. Phone or visit the official source, write what you found, "
            "then record each row with <code>bekal facts record KEY --against official "
            "--method phoned --source \"…\" --by \"…\"</code>.</p>"
            f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            "</body></html>\n")


def write_sheet(project: Project, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / "bekal-facts-sheet.html"
    csv_path = out_dir / "bekal-facts-sheet.csv"
    html_path.write_text(sheet_html(project), "utf-8")
    csv_path.write_text(sheet_csv(project), "utf-8")
    return html_path, csv_path


# --- bekal facts record ----------------------------------------------------------------

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def record(facts_file: Path, key: str, *, against: str, source: str, method: str,
           by: str | None = None, date: str | None = None, outlet: str | None = None,
           source_date: str | None = None, value: str | None = None,
           today: dt.date | None = None) -> Check:
    """Append one check to fact ``key`` in ``facts_file``; everything else stays as it was."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    date = date or (today or trust.Settings().now()).isoformat()
    for name, given in (("--date", date), ("--source-date", source_date)):
        bad = not DATE.match(given or "") or trust.parse_day(given) is None
        if given and given != "undated" and bad:
            raise DeskError(f"{name} '{given}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    if trust.is_placeholder(source):
        raise DeskError(f"--source '{source}' names no page or document: give the web address, "
                        "the document's title or the office or role you asked")
    fields = {"date": date, "against": against, "source": source, "outlet": outlet,
              "source_date": source_date or "undated", "method": method, "by": by,
              "value": value}
    check = Check.model_validate({k: v for k, v in fields.items() if v is not None})
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(facts_file.read_text("utf-8"))
    if not data or key not in data:
        close = [k for k in (data or {}) if k.split(".")[0] == key.split(".")[0]][:5]
        hint = f"; similar keys: {', '.join(close)}" if close else ""
        raise DeskError(f"no fact '{key}' in {facts_file.name}{hint}")
    entry = CommentedMap()
    for name in ("date", "against", "source", "outlet", "source_date", "method", "by", "value"):
        if fields[name] is not None:
            entry[name] = _scalar(fields[name], name)
    checks = data[key].get("checks")
    if checks is None:
        raise DeskError(f"fact '{key}' has no 'checks' list to add to")
    checks.append(entry)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    facts_file.write_text(buffer.getvalue(), "utf-8")
    return check


def _scalar(value: str, name: str):
    """Dates stay plain (2026-12-01); texts with ': ' or '#' are quoted as YAML needs."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if name in ("date", "source_date") and DATE.match(value):
        return value if len(value) != 10 else dt.date.fromisoformat(value)
    if name == "value" or re.search(r": |#|^[\[{&*!|>'\"%@`-]|^\d", value):
        return DoubleQuotedScalarString(value)
    return value
