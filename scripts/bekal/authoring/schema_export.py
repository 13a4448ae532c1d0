"""JSON Schemas of the YAML files, for completion and checking in authors' editors."""

from __future__ import annotations

import json
from pathlib import Path

from bekal.model.schema import (
    Checker,
    ContactGroup,
    Fact,
    Module,
    PageCode,
    Place,
    Quiz,
    Term,
    Track,
)


def schemas() -> dict[str, dict]:
    def keyed(model, title: str) -> dict:
        return {"title": title, "type": "object",
                "additionalProperties": {"$ref": f"#/$defs/{model.__name__}"},
                "$defs": _defs(model)}

    def _defs(model) -> dict:
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs = schema.pop("$defs", {})
        defs[model.__name__] = schema
        return defs

    return {
        "module.schema.json": Module.model_json_schema(),
        "quiz.schema.json": Quiz.model_json_schema(),
        "tracks.schema.json": {"title": "Tracks", "type": "array",
                               "items": Track.model_json_schema()},
        "facts.schema.json": keyed(Fact, "Facts registry"),
        "glossary.schema.json": keyed(Term, "Glossary"),
        "checker.schema.json": Checker.model_json_schema(),
        "contacts.schema.json": {"title": "Contacts", "type": "array",
                                 "items": ContactGroup.model_json_schema()},
        "page-codes.schema.json": {"title": "Short codes of pages", "type": "array",
                                   "items": PageCode.model_json_schema()},
        "layanan.schema.json": keyed(Place, "Help near home: the services registry"),
    }


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(path)
    return written
