"""The content model: what each YAML file may contain.

Pydantic models give both validation and a published JSON Schema. Checks that need
the configured languages or several files at once live in ``checks``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from .issues import IssueList
from .yamlio import LineMap

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
ShortCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
FactKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
Localized = dict[str, Text]
LocalizedList = dict[str, list[Text]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Track(Strict):
    id: Slug
    order: int = Field(ge=1)
    title: Localized
    description: Localized


class Activity(Strict):
    minutes: int = Field(ge=1)
    title: Localized


class Module(Strict):
    track: Slug
    order: int = Field(ge=1)
    minutes: int = Field(ge=1)
    code: ShortCode
    level: Literal["dasar", "lanjut"] = "dasar"
    title: Localized
    summary: Localized
    caption: Localized
    objectives: LocalizedList
    key_points: LocalizedList
    checklist: LocalizedList
    activities: list[Activity] = Field(min_length=1)
    materials: LocalizedList = {}
    facts: list[FactKey] = Field(default=[], max_length=3)
    sections: dict[ShortCode, Slug] = {}


class Option(Strict):
    id: ShortCode
    text: Localized
    explain: Localized
    correct: bool = False
    red_flag: bool | None = None


class Verdict(Strict):
    min_flags: int = Field(ge=0)
    title: Localized
    advice: Localized


QuestionType = Literal["single", "multiple", "truefalse", "checklist"]


class Question(Strict):
    id: ShortCode
    type: QuestionType
    prompt: Localized
    options: list[Option] = []
    answer: bool | None = None
    explain: Localized | None = None
    verdicts: list[Verdict] = []
    data: Slug | None = None  # checklist: take options and verdicts from modules/<data>.yml


class Quiz(Strict):
    questions: list[Question] = Field(min_length=1)


FactKind = Literal["phone", "whatsapp", "url", "email", "law", "text"]


Method = Literal["law-text", "official-page", "stored-copy", "phoned", "visited", "reported"]


class Check(Strict):
    """One check of a fact: when, against what kind of source, which source, and how."""
    date: dt.date | Text
    against: Literal["official", "secondary"]
    source: Text
    outlet: Text | None = None
    source_date: dt.date | Text = "undated"
    method: Method
    by: Text | None = None
    value: Text | None = None
    note: str = ""

    @field_validator("date", "source_date", mode="before")
    @classmethod
    def _year_as_text(cls, value):
        return str(value) if isinstance(value, int) else value


class Fact(Strict):
    kind: FactKind
    label: Localized
    value: Text | Localized
    checks: list[Check] = Field(min_length=1)
    confidence: Literal["high", "medium", "low"]
    note: str = ""

    def text(self, lang: str, default_lang: str) -> str:
        if isinstance(self.value, dict):
            return self.value.get(lang) or self.value.get(default_lang, "")
        return self.value


PlaceKind = Literal["village-service", "resource-centre", "one-roof-office", "ngo-branch",
                    "labour-office"]
Offer = Literal["information", "documents", "complaints", "legal-aid", "counselling",
                "training"]


class Place(Strict):
    """A place near home where a migrant or her family gets help (modules/layanan.yml)."""
    kind: PlaceKind
    name: Localized
    province: Text
    district: Text
    city: bool = False
    abroad: bool = False
    village: Text | None = None
    aliases: list[Text] = []
    offers: list[Offer] = Field(min_length=1)
    reach: Localized = {}
    contacts: list[FactKey] = []
    address: FactKey | None = None
    hours: Localized = {}
    checks: list[Check] = Field(min_length=1)
    note: str = ""


class Term(Strict):
    term: Localized
    definition: Localized


class UiStrings(Strict):
    """Interface strings of one language (modules/ui.yml)."""
    model_config = ConfigDict(extra="allow")


# --- The phone features (bekal/phone/): the job-offer checker and the call buttons ---------

class Checker(Strict):
    """modules/cek-tawaran.yml: the signs of a job offer and the verdicts, for the checker
    page and for every checklist question that names it with ``data:``."""
    signs: list[Option] = Field(min_length=2)
    verdicts: list[Verdict] = Field(min_length=1)


class ContactNumber(Strict):
    fact: FactKey            # a phone or whatsapp fact (a text fact is shown as a note)
    hours: FactKey | None = None  # a text fact saying when the service is open


class ContactGroup(Strict):
    """One place of modules/contacts.yml: its numbers, local emergency number first."""
    id: Slug
    title: Localized
    numbers: list[ContactNumber] = Field(min_length=1)
    guide: Slug | None = None  # the destination guide module: the group gets a wallet card


class PageCode(Strict):
    """modules/page-codes.yml: a permanent short code for a page that is not a module."""
    code: ShortCode
    page: Annotated[str, StringConstraints(pattern=r"^([a-z0-9-]+/)+$")]  # e.g. jalur/hak/
    title: Localized = {}  # a track page takes its track's title


SCHEMAS: dict[str, Any] = {
    "track": Track,
    "module": Module,
    "quiz": Quiz,
    "fact": Fact,
    "term": Term,
    "checker": Checker,
    "contact_group": ContactGroup,
    "page_code": PageCode,
    "place": Place,
}

_CODES = {
    "extra_forbidden": ("schema-unknown-field", "remove it or check its spelling"),
    "missing": ("schema-missing-field", "add it; see the JSON Schema in scripts/schemas/"),
}


def validate(model: type[BaseModel], data: Any, lines: LineMap, base: tuple,
             path, issues: IssueList) -> BaseModel | None:
    """Validate ``data`` (found at ``base`` in the file); record issues with lines."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        seen = set()
        for e in err.errors():
            loc = (*base, *e["loc"])
            if e["type"] != "missing":
                while len(loc) > len(base) and loc not in lines:
                    loc = loc[:-1]  # drop union member names pydantic adds
            if (loc, e["type"] == "missing") in seen:
                continue
            seen.add((loc, e["type"] == "missing"))
            code, hint = _CODES.get(e["type"], ("schema-type", _type_hint(e)))
            where = ".".join(str(p) for p in loc) or "(top)"
            if e["type"] == "extra_forbidden":
                message = f"field '{where}' is not allowed here"
            elif e["type"] == "missing":
                message = f"required field '{where}' is missing"
            else:
                message = f"field '{where}': {e['msg']}"
            issues.add(path, lines.line_of(loc), code, message, hint)
        return None


def _type_hint(error: dict) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "string_type" and (value is None or isinstance(value, dict)):
        return ("put the text in double quotes: a ': ' inside it, or a comma inside { }, "
                "splits it into fields")
    if kind.startswith("string_pattern"):
        return "use lowercase letters, digits and dashes (dots in fact keys)"
    if kind in ("dict_type", "model_type"):
        return "give a block of 'key: value' lines (for texts: one line per language, e.g. id: …)"
    if kind == "list_type":
        return "give a list: one '- item' per line"
    if kind.startswith("int") or kind.startswith("greater"):
        return "give a whole number"
    if kind.startswith("bool"):
        return "write true or false"
    if kind.startswith("literal"):
        return "use one of the values named in the message"
    return "see the JSON Schema in scripts/schemas/"
