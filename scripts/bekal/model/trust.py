"""How far a fact can be trusted, derived from its recorded checks (never typed by hand).

Levels, strongest doubt first:

- ``conflict``: some check's source gives another value than the fact's;
- ``stale``: the newest check is older than the configured age (18 months by default);
- ``official``: an official source (law text, the ministry's own page or document) confirms it;
- ``secondary``: only others (news, NGO material) report it.

The age is set in mkdocs.yml: ``extra: {bekal: {facts_max_age_months: 18}}``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .schema import Check, Fact
from .siteconfig import SiteConfigError, read_mkdocs_yml  # as plain YAML, no MkDocs

DEFAULT_MAX_AGE_MONTHS = 18


class Level(StrEnum):
    OFFICIAL = "official"
    SECONDARY = "secondary"
    CONFLICT = "conflict"
    STALE = "stale"


ORDER = (Level.CONFLICT, Level.STALE, Level.SECONDARY, Level.OFFICIAL)
UNCERTAIN = frozenset({Level.CONFLICT, Level.STALE, Level.SECONDARY})


@dataclass(frozen=True)
class Settings:
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS
    help_box_marked: bool = False  # the handouts' help box may show secondary facts
    today: dt.date | None = None  # None: the day the program runs

    def now(self) -> dt.date:
        """Today, or BEKAL_TODAY (YYYY-MM-DD) to build or test as of another day."""
        if self.today:
            return self.today
        override = os.environ.get("BEKAL_TODAY")
        if not override:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(override)
        except ValueError:
            raise SiteConfigError(f"BEKAL_TODAY is '{override}', which is not a day: write "
                                  "it as year-month-day, e.g. 2026-12-01, or unset it") from None


@lru_cache(maxsize=8)
def _read_settings(mkdocs_yml: Path, mtime: float) -> Settings:
    config = read_mkdocs_yml(mkdocs_yml.parent)
    bekal = ((config.get("extra") or {}).get("bekal") or {})
    months = bekal.get("facts_max_age_months", DEFAULT_MAX_AGE_MONTHS)
    months = int(months) if str(months).isdigit() else DEFAULT_MAX_AGE_MONTHS
    return Settings(months, bekal.get("help_box_secondary") == "marked")


def settings_for(root: Path) -> Settings:
    path = Path(root) / "mkdocs.yml"
    if not path.exists():
        return Settings()
    return _read_settings(path, path.stat().st_mtime)


# --- dates as the registry writes them: 2025-04-10, 2025-04 or 2025 -----------------

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True)
class Day:
    """A date known to the year, month or day."""
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def parse_day(value) -> Day | None:
    """A date, 'YYYY-MM' or 'YYYY'; None for 'undated' or anything else."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Day(value.year, value.month, value.day)
    match = PARTIAL_DATE.match(str(value).strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    day_ = Day(year, month, day)
    try:
        day_.first  # noqa: B018  (raises for 2025-13 or 2025-02-30)
    except ValueError:
        return None
    return day_


MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def human_date(value, lang: str) -> str:
    """'10 April 2025', 'April 2025', '2025' (month names in ``lang``); '' when undated."""
    day = parse_day(value)
    if day is None:
        return ""
    if day.month is None:
        return str(day.year)
    month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if day.day else f"{month} {day.year}"


def months_before(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(date.day, 28))


# --- the level ----------------------------------------------------------------------


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _same(fact: Fact, value: str) -> bool:
    values = fact.value.values() if isinstance(fact.value, dict) else [fact.value]
    wanted = " ".join(value.split()).casefold()
    for own in values:
        if " ".join(own.split()).casefold() == wanted:
            return True
        if fact.kind in ("phone", "whatsapp") and _digits(own) == _digits(value):
            return True
    return False


def is_remark(value: str | None) -> bool:
    """A check 'value' in brackets is a remark ('(no number on the page)'), not a value."""
    text = (value or "").strip()
    return text.startswith("(") and text.endswith(")")


def differing(fact: Fact) -> list[Check]:
    """The checks whose source gives another value than the fact's."""
    return [c for c in fact.checks
            if c.value is not None and not is_remark(c.value) and not _same(fact, c.value)]


def newest_check(fact: Fact) -> Day | None:
    days = [d for d in (parse_day(c.date) for c in fact.checks) if d is not None]
    return max(days, key=lambda d: d.first) if days else None


def is_stale(fact: Fact, settings: Settings) -> bool:
    newest = newest_check(fact)
    if newest is None:
        return True
    return newest.first < months_before(settings.now(), settings.max_age_months)


def confirming_official(fact: Fact) -> list[Check]:
    return [c for c in fact.checks  # a remark in 'value' says the source did not confirm it
            if c.against == "official" and (c.value is None or _same(fact, c.value))]


def evidence_date(fact: Fact, check: Check) -> dt.date | None:
    """Up to when a check shows the value held.

    A stored copy of a page shows what the page said when it was written: its date (the
    last day of a month or year given alone) counts, not the day the copy was read. A law
    text stays what it says, so for laws, and for every other method, the check's date.
    """
    day = parse_day(check.source_date) if check.method == "stored-copy" \
        and fact.kind != "law" else None
    if day is None:
        day = parse_day(check.date)
        return day.first if day else None
    if day.month is None:
        return dt.date(day.year, 12, 31)
    if day.day is None:
        return months_before(dt.date(day.year, day.month, 1), -1) - dt.timedelta(days=1)
    return day.first


def level(fact: Fact, settings: Settings | None = None) -> Level:
    """Conflict, then stale, then official, else secondary."""
    settings = settings or Settings()
    if differing(fact):
        return Level.CONFLICT
    if is_stale(fact, settings):
        return Level.STALE
    if confirming_official(fact):
        return Level.OFFICIAL
    return Level.SECONDARY


def old_official_evidence(fact: Fact, settings: Settings) -> dt.date | None:
    """The date of the newest official evidence when even that is older than the set age.

    An official page read in a stored copy shows what it said when it was written; the
    level stays official (emergency and office numbers rarely change, and a doubt mark
    beside them would do harm), but the editor is told to check it is still current.
    """
    dates = [d for d in (evidence_date(fact, c) for c in confirming_official(fact)) if d]
    if not dates or max(dates) >= months_before(settings.now(), settings.max_age_months):
        return None
    return max(dates)


# --- sources ------------------------------------------------------------------------

URL = re.compile(r"^https?://\S+$")
# A source must name a page, a document or a role: these say nothing a reader can find.
_VAGUE = re.compile(
    r"^(?:tbd|todo|unknown|n/?a|none|various|misc|internet|online|the web|web|google|news|"
    r"media|social media|see (?:the )?note.*|research(?: notes?)?.*|notes?.*|"
    r"links? in .*|public code.*|memory|from memory|\?+|-+)$", re.I)


def is_placeholder(source: str) -> bool:
    """True for a source that is no document, page or named role ('links in public code')."""
    text = source.strip()
    if URL.match(text):
        return False
    if _VAGUE.match(text):
        return True
    # a named document or role has a capital letter or a number in it
    return not re.search(r"[A-Z0-9]", text)


def short_host(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/", 1)[0]
    return re.sub(r"^(www|amp|m)\.", "", host)


@dataclass(frozen=True)
class Source:
    """One check as a reader sees it: who said it, when, and how we read it."""
    href: str            # the address, or '' for a document named in words
    name: str            # the outlet, else the short host, else the document's name
    official: bool
    source_date: str     # as people write dates, '' when undated
    checked: str         # the check's date, as people write dates
    method: str          # the method key (law-text, stored-copy, ...)
    by: str
    value: str | None    # another value this source gives (a conflict)


def source_of(check: Check, lang: str) -> Source:
    text = check.source.strip()
    href = text if URL.match(text) else ""
    name = check.outlet or (short_host(text) if href else text)
    value = None if is_remark(check.value) else check.value
    return Source(href, name, check.against == "official", human_date(check.source_date, lang),
                  human_date(check.date, lang), check.method, check.by or "", value)


def sources_of(fact: Fact, lang: str) -> list[Source]:
    """Every check of a fact as a source, official ones first, then by order recorded."""
    sources = [source_of(c, lang) for c in fact.checks]
    return sorted(sources, key=lambda s: not s.official)
