"""JSON Schemas of the record files, generated from the Pydantic models.

The models are the one source of truth; this module turns their JSON Schema into
one an editor can use while a person types in a TOML file:

* every ``$ref`` is inlined, so the schema is one self-contained document that
  needs no resolver (and uses nothing beyond draft-07, which Taplo, the engine of
  VS Code's Even Better TOML, and other TOML tools understand);
* ``null`` is dropped from every union, because TOML has no null: leaving a key
  out is how a file says "not given";
* what the models check in validators is said where JSON Schema can say it: slugs
  get their pattern, required text must hold more than spaces, the progress score
  is one of its ten values;
* objects name their required keys in ``x-taplo.initKeys``, so completing a new
  table in Taplo fills them in.

The schemas ship in the package (``pdsa/schemas/<kind>.json``) and ``pdsa init``
copies them into the log's ``.pdsa/schemas/``; ``tests/tools/test_schema.py`` fails
when the shipped files drift from the models. Regenerate them with::

    pdsa schema --write src/pdsa/schemas
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from pdsa.model import base
from pdsa.model.base import SCHEMA_VERSION
from pdsa.model.project import PROGRESS_SCORES
from pdsa.model.slug import MAX_LENGTH, SLUG_PATTERN
from pdsa.store.files import replace_atomic
from pdsa.tools.kinds import Kind, model_of, schema_dir

DRAFT = "http://json-schema.org/draft-07/schema#"
#: The shipped folder, and the command that regenerates it (named in the drift test).
SHIPPED = "src/pdsa/schemas"
REGENERATE = f"pdsa schema --write {SHIPPED}"
_TITLES = {
    Kind.PROGRAMME: "pdsa programme (pdsa.toml)",
    Kind.PROJECT: "pdsa project (projects/<project>/project.toml)",
    Kind.MEASURE: "pdsa measure (projects/<project>/measures/<measure>.toml)",
    Kind.CYCLE: "pdsa PDSA cycle (projects/<project>/cycles/<cycle>.toml)",
}
# Constraints the models enforce in validators, which JSON Schema can state directly;
# keyed by (model title, field).
_EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Project", "progress_score"): {"enum": list(PROGRESS_SCORES)},
}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, plus the constraints of pdsa's own validators."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        generated = super().function_after_schema(schema)
        function = schema["function"].get("function")
        # Identity, not names: these are the validators behind ``Slug`` and ``Text``.
        if function is base._valid_slug:
            generated = {**generated, "pattern": SLUG_PATTERN, "maxLength": MAX_LENGTH}
        elif function is base._not_blank:
            generated = {**generated, "pattern": r"\S"}
        return generated


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a file of ``kind``, ready for editors."""
    model = model_of(kind)
    generated = model.model_json_schema(mode="validation", schema_generator=_Generator)
    definitions = generated.pop("$defs", {})
    body = _clean(_inline(generated, definitions), top=True)
    body["properties"]["schema_version"]["maximum"] = SCHEMA_VERSION
    return {
        "$schema": DRAFT,
        "$id": f"urn:pdsa:schema:{kind.value}:v{SCHEMA_VERSION}",
        "title": _TITLES[kind],
        **body,
    }


def schema_text(kind: Kind) -> str:
    """:func:`json_schema` as the text of a file (stable: the shipped files are this)."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def shipped_text(kind: Kind) -> str:
    """The schema file shipped in the package for ``kind``."""
    return resources.files("pdsa").joinpath("schemas", f"{kind.value}.json").read_text("utf-8")


def write_schemas(folder: Path, kinds: tuple[Kind, ...] = tuple(Kind)) -> list[Path]:
    """Write ``<kind>.json`` for each kind into ``folder``; return the files that changed.

    A file already up to date is not touched; a changed one is replaced atomically.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds:
        path = folder / f"{kind.value}.json"
        data = schema_text(kind).encode("utf-8")
        old = path.read_bytes() if path.is_file() else None
        if old != data:
            replace_atomic(path, data, expected=old)
            written.append(path)
    return written


def install_schemas(root: Path) -> list[Path]:
    """Put the schemas in the log's ``.pdsa/schemas/`` (``pdsa init`` calls this)."""
    return write_schemas(schema_dir(root))


def stale_schemas(root: Path) -> list[Path]:
    """The log's schema files that differ from this pdsa's (none if it has no folder)."""
    folder = schema_dir(root)
    if not folder.is_dir():
        return []
    stale = []
    for kind in Kind:
        path = folder / f"{kind.value}.json"
        if not path.is_file() or path.read_bytes() != schema_text(kind).encode("utf-8"):
            stale.append(path)
    return stale


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """``node`` with every ``{"$ref": "#/$defs/X"}`` replaced by X (the models never recurse)."""
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = _inline(definitions[reference.removeprefix("#/$defs/")], definitions)
        # Keys beside the $ref (a field's own description) say more than the model's.
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return {**target, **_inline(siblings, definitions)}
    return {key: _inline(value, definitions) for key, value in node.items()}


def _clean(node: Any, *, top: bool = False) -> Any:
    """Drop nulls and generated titles; add Taplo's init keys and validator constraints."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    cleaned: dict[str, Any] = {}
    for key, value in node.items():
        if key == "default" and value is None:
            continue
        if key == "title" and not top:
            continue
        if key == "properties":
            cleaned[key] = {
                name: _clean({**schema, **_EXTRA.get((node.get("title", ""), name), {})})
                for name, schema in value.items()
            }
            continue
        cleaned[key] = _clean(value)
    for union in ("anyOf", "oneOf"):
        if union in cleaned:
            options = [option for option in cleaned[union] if option != {"type": "null"}]
            if len(options) == 1:
                del cleaned[union]
                cleaned = {**options[0], **cleaned}
            else:
                cleaned[union] = options
    if cleaned.get("type") == "object" and cleaned.get("required"):
        cleaned["x-taplo"] = {"initKeys": list(cleaned["required"])}
    if top:
        cleaned.pop("title", None)
    return cleaned
