"""The registry seen by province and district, and the spellings readers type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bekal.model.project import Project
from bekal.model.schema import Place

# Words that are not part of a district's name when readers type it.
PREFIXES = re.compile(r"^(?:kabupaten|kab|kota|kotamadya|kec|kecamatan|desa)\b\.?\s*")


def normalise(name: str) -> str:
    """'Kab. Lombok-Tengah ' -> 'lombok tengah': no accents, case, prefixes or punctuation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    while True:
        stripped = PREFIXES.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped


def slug(name: str) -> str:
    return normalise(name).replace(" ", "-")


@dataclass
class District:
    name: str
    city: bool
    places: list[tuple[str, Place]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slug(self.name)

    def search_terms(self) -> list[str]:
        """Everything a reader may type to find this district, normalised."""
        terms = {normalise(self.name)}
        for _, place in self.places:
            terms.update(normalise(alias) for alias in place.aliases)
            if place.village:
                terms.add(normalise(place.village))
        return sorted(terms)


@dataclass
class Province:
    name: str
    abroad: bool
    districts: list[District] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slug(self.name)


def grouped(project: Project) -> list[Province]:
    """Provinces in Indonesia by name, then places abroad; districts by name inside."""
    provinces: dict[str, Province] = {}
    for key, loaded in project.places.items():
        place: Place = loaded.model  # type: ignore[assignment]
        province = provinces.setdefault(place.province, Province(place.province, place.abroad))
        district = next((d for d in province.districts if d.id == slug(place.district)), None)
        if district is None:
            district = District(place.district, place.city)
            province.districts.append(district)
        district.places.append((key, place))
    for province in provinces.values():
        province.districts.sort(key=lambda d: normalise(d.name))
        for district in province.districts:
            district.places.sort(key=lambda kp: (KIND_ORDER.index(kp[1].kind), kp[0]))
    return sorted(provinces.values(), key=lambda p: (p.abroad, normalise(p.name)))


# Where to go first: the office closest to home, then the district's own services.
KIND_ORDER = ["village-service", "resource-centre", "one-roof-office", "labour-office",
              "ngo-branch"]


def place_trust(place: Place) -> str:
    """'official' when an official source names the place, else 'secondary'."""
    return "official" if any(c.against == "official" for c in place.checks) else "secondary"
