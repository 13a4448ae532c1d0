"""Saved contacts: one vCard 3.0 file per contact group and language (RFC 2426).

One card per service, so a phone's contact list shows each by its own name. Android's
contacts app imports every card of the file in one tap.
"""

from __future__ import annotations

from bekal.model.project import Project
from bekal.model.schema import ContactGroup

from .calls import Number, numbers


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 2425)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, chunk = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(chunk) + len(encoded) > (75 if not parts else 74):
            parts.append(chunk.decode("utf-8"))
            chunk = b""
        chunk += encoded
    parts.append(chunk.decode("utf-8"))
    return "\r\n ".join(parts)


def _tel(n: Number) -> str:
    """The number to dial: digits with a leading + where the registry has one."""
    digits = "".join(c for c in n.value if c.isdigit())
    return ("+" if n.value.strip().startswith("+") else "") + digits


def card(project: Project, n: Number, group_title: str, lang: str) -> str:
    name = f"{n.name} (WhatsApp)" if n.kind == "whatsapp" and "WhatsApp" not in n.name \
        else n.name
    kind = "CELL" if n.kind == "whatsapp" else "VOICE"
    note = [project.t(lang, "vcard_note", group=group_title)]
    if n.hours:
        note.append(n.hours)
    if n.mark:
        note.append(n.mark)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_escape(name)};;;;", f"FN:{_escape(name)}",
             f"ORG:{_escape('Bekal · ' + group_title)}", f"TEL;TYPE={kind}:{_tel(n)}",
             f"NOTE:{_escape(' · '.join(note))}", "END:VCARD"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def group_file(project: Project, group: ContactGroup, lang: str) -> str:
    """The whole file of one group; empty when the group has no callable number."""
    title = group.title.get(lang) or group.title[project.config.default]
    return "".join(card(project, n, title, lang) for n in numbers(project, group, lang))
