"""What `bekal check` says about modules/layanan.yml, with file and line."""

from __future__ import annotations

from collections import defaultdict

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.model.schema import Place
from bekal.model.services import normalise

CONTACT_KINDS = {"phone", "whatsapp", "url", "email"}


def check(project: Project, issues: IssueList) -> None:
    spellings: dict[str, dict[str, tuple]] = defaultdict(dict)  # normalised -> raw -> where
    names: dict[tuple, str] = {}
    for key, loaded in project.places.items():
        place: Place = loaded.model  # type: ignore[assignment]
        path = loaded.path
        line = loaded.line("district")
        spellings[normalise(place.district)].setdefault(place.district, (path, line, key))
        for alias in place.aliases:
            spellings[normalise(alias)].setdefault(f"alias:{place.district}", (path, line, key))
        same = (place.kind, normalise(place.district), normalise(place.name.get("id", "")))
        if same in names:
            issues.add(path, loaded.line("name"), "place-duplicate",
                       f"place '{key}' repeats '{names[same]}' (same kind, district and name)",
                       "remove one of them, or give each its own name")
        names.setdefault(same, key)
        _check_facts(project, issues, key, loaded, place)
    for found in spellings.values():
        raws = sorted({raw.removeprefix("alias:") for raw in found})
        if len(raws) > 1:
            for raw, (path, line, key) in found.items():
                if raw.startswith("alias:"):
                    continue
                issues.add(path, line, "place-district-spelling",
                           f"district '{raw}' of '{key}' is also written "
                           + " / ".join(f"'{r}'" for r in raws if r != raw),
                           "write each district one way everywhere; put other spellings "
                           "readers type in 'aliases'")


def _check_facts(project: Project, issues: IssueList, key: str, loaded, place: Place) -> None:
    refs = [("contacts", i, ref) for i, ref in enumerate(place.contacts)]
    if place.address:
        refs.append(("address", None, place.address))
    for field, index, ref in refs:
        line = loaded.line(field, index) if index is not None else loaded.line(field)
        if ref not in project.facts:
            issues.add(loaded.path, line, "unknown-fact",
                       f"place '{key}' names unknown fact '{ref}'",
                       "use a key from modules/facts.yml, or add the fact there with its source")
        elif field == "contacts" and project.fact(ref).kind not in CONTACT_KINDS:
            issues.add(loaded.path, line, "place-contact-kind",
                       f"contact '{ref}' of '{key}' is a {project.fact(ref).kind}, not a way "
                       "to reach someone", "list phone, WhatsApp, web or e-mail facts here; "
                       "an address goes in 'address'")
