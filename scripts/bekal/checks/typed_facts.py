"""Facts typed into reader-facing text: phone numbers, figures, web addresses, laws, money.

Facts belong in ``modules/facts.yml`` and reach pages as ``{{fact:key}}``; a number typed
into prose is never checked and never updated. The detector reads *normalised* text, the
way a reader's phone shows it: HTML entities decoded, Unicode NFKC (full-width digits and
dots become plain ones), zero-width characters removed, ideographic full stops as dots.
Every pattern is linear in the text's length. Years (1900–2099, alone or as a range),
counts of one or two digits and ranges of them (ages 18-29) stay allowed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from bekal.model.pageref import FACT_REF

from . import memo

# zero-width and invisible formatting characters a reader does not see
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f"
                                    "\u2060\u2061\u2062\u2063\u2064\ufeff"), None)
_DOTS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u2024": ".", "\ufe52": "."})

# a run of digits with single separators: 0812-3456-7890, 08.1234.5678, 0812/3456/7890
NUMBER = re.compile(r"(?<![\w+])\+?\d++(?:[ .,\-/]\d++)*+(?![\w])")
_RUN = re.compile(r"\d++(?:[ .,\-/]\d++)*+")
YEAR = re.compile(r"(?:19|20)\d\d")
SMALL_RANGE = re.compile(r"\d{1,2}-\d{1,2}")  # ages 18-29, 3-5 days
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-/]\s?(?:19|20)\d\d")
MONEY_AFTER = re.compile(r"\s*+(?:rupiah|ribu|juta|miliar|dolar|dollars?|ringgit|"
                         r"yuan|riyal|rial|won|yen)\b", re.I)
# the last label of a host name that makes "word.word" a web address
_TLDS = frozenset({"id", "org", "com", "net", "gov", "info", "me", "ly", "io", "co", "hk", "sg",
                   "my", "tw", "sa", "ae", "qa", "kr", "jp", "app", "link", "site", "online",
                   "xyz", "biz"})
WEB_ADDRESS = re.compile(
    r"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*+://\S++"  # any scheme, any case: HTTPS://…
    r"|(?<![\w.-])//[a-z0-9-]++\.\S++"        # //host: a protocol-relative address
    r"|(?<![\w.-])[a-z0-9-]++(?:\.[a-z0-9-]++)++(?:/\S*+)?",  # a.b.c: see _is_address
    re.I)
# a law word (capitalised names of regulations after "Peraturan"/"Keputusan"), then a
# number; or a bare "Nomor 18 Tahun 2017" / "No. 18/2017" / "Number 18 of 2017"
_CAP = r"\s++(?-i:[A-Z])\w*+"
LAW_REF = re.compile(
    r"\b(?:Pasal|Article|Undang-Undang|UU|Law|Perpres|Permen\w*+|Perban|Perda|PP|Kepmen\w*+|"
    rf"Peraturan(?:{_CAP}){{0,3}}|Keputusan(?:{_CAP}){{0,3}}|Regulation)"
    r"\s*+(?:Nomor\s*+|No\.?\s*+|Number\s*+)?\d"
    r"|\b(?:Nomor|No\.|Number)\s*+\d++\s*+(?:Tahun\b|of\b|Year\b|/\s*+\d)",
    re.I)
MONEY = re.compile(r"\b(?:Rp|IDR|USD|US\$|RM|HK\$|NT\$|SGD|SAR|TWD|MYR)\s?\d", re.I)


def normalise(text: str) -> str:
    """The text as a reader sees it (see the module docstring)."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_INVISIBLE).translate(_DOTS)


def _is_address(candidate: str) -> bool:
    """A scheme or ``//`` makes an address; ``a.b.c`` only when ``c`` is a known ending."""
    if "://" in candidate or candidate.startswith("//"):
        return True
    host = candidate.split("/", 1)[0]
    return host.rsplit(".", 1)[-1].lower() in _TLDS


def _is_allowed(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) < 3:
        return True
    bare = number.strip()
    return bool(YEAR.fullmatch(bare) or YEAR_RANGE.fullmatch(bare)
                or SMALL_RANGE.fullmatch(bare))


def find(text: str) -> Iterator[tuple[str, str, str]]:
    """(code, message, hint) for every fact typed into ``text``, one per fact: a number
    inside an address, a law reference or an amount is reported as that."""
    text = normalise(FACT_REF.sub(" ", text))
    taken: list[tuple[int, int]] = []
    for match in WEB_ADDRESS.finditer(text):
        if not _is_address(match.group(0)):
            continue
        taken.append(match.span())
        yield ("typed-address", f"web address '{match.group(0)}' typed into prose",
               "add it to modules/facts.yml as a url fact and write {{fact:key}}")
    for match in LAW_REF.finditer(text):
        taken.append((match.start(), _number_end(text, match.end())))
        yield ("typed-law", f"law reference '{text[match.start():taken[-1][1]]}' typed into prose",
               "use a law fact, e.g. {{fact:law.uu18_2017.art13.cite}}")
    for match in MONEY.finditer(text):
        taken.append((match.start(), _number_end(text, match.end())))
        yield ("typed-money", f"amount '{text[match.start():taken[-1][1]]}' typed into prose",
               "take fees and amounts from modules/facts.yml: {{fact:key}}")
    for match in NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        number = match.group(0).strip(" .,-/")
        if _is_allowed(number):
            continue
        if MONEY_AFTER.match(text, match.end()):
            yield ("typed-money", f"amount '{number}' typed into prose",
                   "take fees and amounts from modules/facts.yml: {{fact:key}}")
            continue
        yield ("typed-number",
               f"'{number}' looks like a phone number or figure typed into prose",
               "take it from the registry: {{fact:key}} (modules/facts.yml), "
               "or write small numbers in words")


@memo.remembered(size=65536)
def found(text: str) -> tuple[tuple[str, str, str], ...]:
    """``find``, remembered per text: a YAML text is checked on every run."""
    return tuple(find(text))


def _number_end(text: str, end: int) -> int:
    """The end of the number run that starts just before ``end``."""
    match = _RUN.match(text, end - 1) if end and text[end - 1].isdigit() else None
    return match.end() if match else end


def is_outside_address(target: str) -> bool:
    """A link target that leaves the site: any scheme, ``//host``, or a bare domain."""
    target = normalise(FACT_REF.sub("", target)).strip()
    if not target:
        return False
    return bool(re.match(r"[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//")
                or bool(WEB_ADDRESS.match(target) and _is_address(target.split("#")[0]))
                or target.startswith("\\\\"))
