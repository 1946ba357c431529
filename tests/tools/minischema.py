"""A small JSON Schema validator for the keywords pdsa's schemas use (tests only).

``jsonschema`` is not a dependency of pdsa, and the schemas are deliberately simple
(self-contained, draft-07, no references), so this is enough to check that they
accept what the models accept and reject what they reject. TOML values are judged
as Taplo judges them: a TOML date satisfies ``"type": "string", "format": "date"``.
An unknown keyword is an error, so that a new kind of constraint cannot be silently
ignored here.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

ANNOTATIONS = {"$schema", "$id", "title", "description", "default", "x-taplo"}
KEYWORDS = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "pattern",
    "maxLength",
    "minimum",
    "maximum",
    "format",
    "anyOf",
    "oneOf",
}
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def errors(value: Any, schema: dict[str, Any], *, partial: bool = False, at: str = "") -> list[str]:
    """Every way ``value`` fails ``schema``; ``partial`` ignores ``required`` (templates)."""
    unknown = set(schema) - KEYWORDS - ANNOTATIONS
    if unknown:
        raise ValueError(f"{at or '(root)'}: keywords this validator does not know: {unknown}")
    found: list[str] = []
    place = at or "(root)"
    kind = schema.get("type")
    if kind is not None and not _is_type(value, kind, schema.get("format")):
        return [f"{place}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{place}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{place}: {value!r} does not match {schema['pattern']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{place}: longer than {schema['maxLength']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{place}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{place}: above {schema['maximum']}")
    if isinstance(value, dict):
        found += _object_errors(value, schema, partial=partial, at=at)
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], partial=partial, at=f"{at}[{index}]")
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf") or schema["oneOf"]
        passing = [option for option in options if not errors(value, option, partial=partial)]
        if not passing or ("oneOf" in schema and len(passing) > 1):
            found.append(f"{place}: matches {len(passing)} of the allowed forms")
    return found


def _object_errors(
    value: dict[str, Any], schema: dict[str, Any], *, partial: bool, at: str
) -> list[str]:
    found: list[str] = []
    properties = schema.get("properties", {})
    if not partial:
        found += [f"{at}.{key}: missing" for key in schema.get("required", []) if key not in value]
    for key, item in value.items():
        if key in properties:
            found += errors(item, properties[key], partial=partial, at=f"{at}.{key}".lstrip("."))
        elif schema.get("additionalProperties") is False:
            found.append(f"{at}.{key}: not allowed".lstrip("."))
    return found


def _is_type(value: Any, kind: str, form: str | None) -> bool:
    if kind == "string" and form == "date":
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return True
        return isinstance(value, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[kind])
