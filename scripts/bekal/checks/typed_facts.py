"""Facts typed into reader-facing text: phone numbers, figures, web addresses, laws, money.

Facts belong in ``modules/facts.yml`` and reach pages as ``{{fact:key}}``; a number typed
into prose is never checked and never updated. The detector reads *normalised* text, the
way a reader's phone shows it: HTML entities decoded, Unicode NFKC (full-width digits and
dots become plain ones), zero-width characters removed, ideographic full stops as dots.
Every pattern is linear in the text's length. Years (1900–2099, alone or as a range) and
counts of one or two digits stay allowed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from ..facts import FACT_REF

# zero-width and invisible formatting characters a reader does not see
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f"
                                    "\u2060\u2061\u2062\u2063\u2064\ufeff"), None)
_DOTS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u2024": ".", "\ufe52": "."})

# a run of digits with single separators: 0812-3456-7890, 08.1234.5678, 0812/3456/7890
NUMBER = re.compile(r"(?<![\w+])\+?\d++(?:[ .,\-/]\d++)*+(?![\w])")
YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-/]\s?(?:19|20)\d\d")
MONEY_AFTER = re.compile(r"\s*+(?:rupiah|ribu|juta|miliar|dolar|dollars?|ringgit|"
                         r"yuan|riyal|rial|won|yen)\b", re.I)
_TLDS = ("go\\.id|or\\.id|ac\\.id|co\\.id|web\\.id|my\\.id|id|org|com|net|gov|info|me|ly|"
         "io|co|hk|sg|my|tw|sa|ae|qa|kr|jp|app|link|site|online|xyz|biz")
WEB_ADDRESS = re.compile(
    r"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*+://\S++"  # any scheme, any case: HTTPS://…
    r"|(?<![\w.-])//[a-z0-9-]++\.\S++"        # //host: a protocol-relative address
    rf"|(?<![\w.@-])(?:[a-z0-9-]++\.)++(?:{_TLDS})\b(?!\.\w)",
    re.I)
LAW_REF = re.compile(
    r"\b(?:Pasal|Article|Undang-Undang|UU|Law|Act|Perpres|Permen\w*+|Perban|Perda|PP|"
    r"Peraturan(?:\s++[A-Z]\w*+){0,3}|Regulation|Keputusan(?:\s++[A-Z]\w*+){0,3}|Kepmen\w*+|"
    r"Nomor|No\.|Number)\s*+(?:Nomor\s*+|No\.?\s*+|Number\s*+)?\d",
    re.I)
MONEY = re.compile(r"\b(?:Rp|IDR|USD|US\$|RM|HK\$|NT\$|SGD|SAR|TWD|MYR)\s?\d", re.I)


def normalise(text: str) -> str:
    """The text as a reader sees it (see the module docstring)."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_INVISIBLE).translate(_DOTS)


def _is_allowed(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) < 3:
        return True
    bare = number.strip()
    return bool(YEAR.fullmatch(bare) or YEAR_RANGE.fullmatch(bare))


def find(text: str) -> Iterator[tuple[str, str, str]]:
    """(code, message, hint) for every fact typed into ``text``."""
    text = normalise(FACT_REF.sub(" ", text))
    for match in NUMBER.finditer(text):
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
    for match in WEB_ADDRESS.finditer(text):
        yield ("typed-address", f"web address '{match.group(0)}' typed into prose",
               "add it to modules/facts.yml as a url fact and write {{fact:key}}")
    for match in LAW_REF.finditer(text):
        yield ("typed-law", f"law reference '{match.group(0)}…' typed into prose",
               "use a law fact, e.g. {{fact:law.uu18_2017.art13.cite}}")
    for match in MONEY.finditer(text):
        yield ("typed-money", f"amount '{match.group(0)}…' typed into prose",
               "take fees and amounts from modules/facts.yml: {{fact:key}}")


def is_outside_address(target: str) -> bool:
    """A link target that leaves the site: any scheme, ``//host``, or a bare domain."""
    target = normalise(FACT_REF.sub("", target)).strip()
    if not target:
        return False
    return bool(re.match(r"[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//")
                or WEB_ADDRESS.match(target) or target.startswith("\\\\"))
