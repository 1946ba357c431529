"""Tests for ``pdsa schema``, the shipped JSON Schemas and the ``#:schema`` directive."""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from minischema import ANNOTATIONS, KEYWORDS, errors
from pydantic import ValidationError
from tools_support import Cli
from typer.testing import CliRunner

from pdsa.cli.main import app
from pdsa.model.build import drop_blank
from pdsa.store.locate import index_keys
from pdsa.store.templates import template_text
from pdsa.tools.kinds import Kind, model_of, schema_directive
from pdsa.tools.schema import REGENERATE, json_schema, schema_text, shipped_text
from pdsa.tools.walk import walk


@pytest.fixture(scope="module")
def example_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("tools-example") / "log"
    result = CliRunner().invoke(app, ["init", str(root), "--example"])
    assert result.exit_code == 0, result.output
    yield root


# -- the shipped files ------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(Kind))
def test_the_shipped_schemas_match_the_models(kind: Kind) -> None:
    assert shipped_text(kind) == schema_text(kind), (
        f"src/pdsa/schemas/{kind.value}.json is out of date with the models; "
        f"regenerate the schemas with: {REGENERATE}"
    )


def _walk_schema(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("properties", "x-taplo"):
                yield from _walk_schema(value)
        for value in node.get("properties", {}).values():
            yield from _walk_schema(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_schema(item)


@pytest.mark.parametrize("kind", list(Kind))
def test_each_schema_is_one_self_contained_draft_07_document(kind: Kind) -> None:
    schema = json.loads(shipped_text(kind))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == f"urn:pdsa:schema:{kind.value}:v1"
    assert kind.where in schema["title"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["schema_version"]["maximum"] == 1
    assert schema["x-taplo"]["initKeys"][0] == "schema_version"
    for node in _walk_schema(schema):
        assert set(node) <= KEYWORDS | ANNOTATIONS, set(node) - KEYWORDS - ANNOTATIONS
        assert node.get("type") != "null"  # TOML has no null
        assert "$ref" not in node


# -- the schemas agree with the models --------------------------------------------------


def test_every_file_of_the_example_log_is_valid(example_log: Path) -> None:
    files = walk(example_log).files
    assert len(files) > 50
    for file in files:
        data = tomllib.loads(file.path.read_text(encoding="utf-8"))
        assert errors(data, json_schema(file.kind)) == [], file.shown


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("programme", Kind.PROGRAMME),
        ("project", Kind.PROJECT),
        ("measure", Kind.MEASURE),
        ("cycle", Kind.CYCLE),
        ("do", Kind.CYCLE),
        ("study", Kind.CYCLE),
        ("act", Kind.CYCLE),
    ],
)
def test_every_key_of_the_templates_is_in_the_schema(template: str, kind: Kind) -> None:
    # A template is a skeleton: blanks are "not given" and required answers are
    # missing, so only the keys and the types of what is filled in are checked.
    data = drop_blank(tomllib.loads(template_text(template)))
    assert errors(data, json_schema(kind), partial=True) == []


CYCLE: dict[str, Any] = {
    "schema_version": 1,
    "title": "Text reminders",
    "change_idea": "texts",
    "measures": ["attendance-rate"],
    "plan": {
        "date": datetime.date(2024, 3, 4),
        "objective": "Find out whether a text helps",
        "predictions": [
            "Fewer missed appointments",
            {"text": "Attendance reaches 80%", "measure": "attendance-rate", "target": 80},
        ],
        "scale": {"description": "1 clinic", "people": 20},
        "tasks": [{"what": "Draft the text", "when": datetime.date(2024, 3, 8)}],
    },
    "study": {
        "date": datetime.date(2024, 3, 29),
        "results": "17 of 20",
        "prediction_matched": "yes",
        "learning": "Replies need an answer",
    },
}
PROJECT: dict[str, Any] = {
    "schema_version": 1,
    "title": "Outreach",
    "aim": "Test 500 people by March",
    "lead_organisation": "Riverside",
    "progress_score": 2.5,
    "change_ideas": [{"id": "texts", "title": "Text reminders"}],
}
MEASURE: dict[str, Any] = {
    "schema_version": 1,
    "title": "Attendance",
    "type": "outcome",
    "baseline": 12,
    "points": [{"date": datetime.date(2024, 3, 4), "value": 70.5}],
}


def _changed(base: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    holder: Any = data
    for part in path[:-1]:
        holder = holder[part]
    if value is _DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return data


_DELETE = object()
INVALID = [
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("titel",), "x"), id="unknown key"),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("title",), "   "), id="blank text"),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("follows",), "Phone Calls"), id="bad slug"),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("follows",), "a" * 61), id="long slug"),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("plan", "objective"), _DELETE), id="missing"),
    pytest.param(
        Kind.CYCLE, _changed(CYCLE, ("study", "prediction_matched"), "maybe"), id="bad choice"
    ),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("plan", "scale", "people"), -1), id="negative"),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("plan", "scale"), 20), id="text or table"),
    pytest.param(
        Kind.CYCLE, _changed(CYCLE, ("plan", "tasks", 0, "when"), 20240308), id="not a date"
    ),
    pytest.param(Kind.CYCLE, _changed(CYCLE, ("measures",), "attendance-rate"), id="not a list"),
    pytest.param(Kind.PROJECT, _changed(PROJECT, ("progress_score",), 0.7), id="off the scale"),
    pytest.param(Kind.PROJECT, _changed(PROJECT, ("status",), "done"), id="bad status"),
    pytest.param(Kind.MEASURE, _changed(MEASURE, ("baseline",), 0), id="baseline zero"),
    pytest.param(Kind.MEASURE, _changed(MEASURE, ("points", 0, "value"), "70"), id="text value"),
    pytest.param(Kind.MEASURE, _changed(MEASURE, ("goal",), True), id="bool for number"),
    pytest.param(Kind.PROGRAMME, {"schema_version": 1}, id="no name"),
]


@pytest.mark.parametrize(
    ("kind", "data"), [(Kind.CYCLE, CYCLE), (Kind.PROJECT, PROJECT), (Kind.MEASURE, MEASURE)]
)
def test_records_the_model_accepts_the_schema_accepts(kind: Kind, data: dict[str, Any]) -> None:
    model_of(kind).model_validate(data)
    assert errors(data, json_schema(kind)) == []


@pytest.mark.parametrize(("kind", "data"), INVALID)
def test_records_the_model_rejects_the_schema_rejects(kind: Kind, data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model_of(kind).model_validate(data)
    assert errors(data, json_schema(kind)) != []


def test_what_only_pdsa_check_can_tell() -> None:
    # JSON has no dates, so editors accept a quoted date where TOML wants a date;
    # the model (and so `pdsa check`) does not. A newer schema_version is caught by
    # the schema's maximum, and by pdsa's version check rather than the model.
    quoted = _changed(CYCLE, ("plan", "date"), "2024-03-04")
    assert errors(quoted, json_schema(Kind.CYCLE)) == []
    with pytest.raises(ValidationError):
        model_of(Kind.CYCLE).model_validate(quoted)
    newer = _changed(CYCLE, ("schema_version",), 2)
    assert errors(newer, json_schema(Kind.CYCLE)) != []


# -- the command ------------------------------------------------------------------------


def test_without_a_kind_it_lists_the_kinds(cli: Cli) -> None:
    ran = cli("schema")
    assert ran.exit_code == 0
    assert ran.stdout == (
        "programme  pdsa.toml\n"
        "project    projects/<project>/project.toml\n"
        "measure    projects/<project>/measures/<measure>.toml\n"
        "cycle      projects/<project>/cycles/<cycle>.toml\n"
    )
    assert ran.stderr == "Print one with: pdsa schema KIND\n"


@pytest.mark.parametrize("kind", list(Kind))
def test_a_kind_prints_its_schema(cli: Cli, kind: Kind) -> None:
    ran = cli("schema", kind.value)
    assert ran.exit_code == 0
    assert json.loads(ran.stdout) == json_schema(kind)
    assert ran.stdout == shipped_text(kind)


def test_an_unknown_kind_is_a_usage_error(cli: Cli) -> None:
    ran = cli("schema", "worksheet")
    assert ran.exit_code == 2
    assert "worksheet" in ran.stderr


def test_write_puts_the_files_in_a_folder_and_says_which(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    ran = cli("schema", "--write", str(folder))
    assert ran.exit_code == 0
    assert ran.stderr == "".join(f"wrote {folder / f'{kind.value}.json'}\n" for kind in Kind)
    for kind in Kind:
        assert (folder / f"{kind.value}.json").read_text(encoding="utf-8") == shipped_text(kind)
    assert cli("schema", "--write", str(folder)).stderr == f"{folder} is up to date.\n"
    (folder / "cycle.json").write_text("{}", encoding="utf-8")
    ran = cli("schema", "cycle", "--write", str(folder))
    assert ran.stderr == f"wrote {folder / 'cycle.json'}\n"


# -- the directive in new files -----------------------------------------------------------


def test_init_writes_the_schemas_into_the_log(made_log: Path) -> None:
    folder = made_log / ".pdsa" / "schemas"
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{k.value}.json" for k in Kind)
    for kind in Kind:
        assert (folder / f"{kind.value}.json").read_text(encoding="utf-8") == shipped_text(kind)


def test_every_new_file_points_at_its_schema(made_log: Path) -> None:
    files = walk(made_log).files
    assert {file.kind for file in files} == set(Kind)
    for file in files:
        text = file.path.read_text(encoding="utf-8")
        first, rest = text.split("\n", 1)
        assert first.startswith("#:schema "), file.shown
        target = (file.path.parent / first.removeprefix("#:schema ")).resolve()
        assert target == (made_log / ".pdsa" / "schemas" / f"{file.kind.value}.json").resolve()
        # A comment to TOML: the values are exactly those of the rest of the file...
        assert tomllib.loads(text) == tomllib.loads(rest)
        # ...and positions still point at the right lines.
        assert index_keys(text).locate(("schema_version",)) == (2, 1)


def test_the_directive_names_a_relative_path_from_each_folder(tmp_path: Path) -> None:
    folder = tmp_path / ".pdsa" / "schemas"
    folder.mkdir(parents=True)
    for kind in Kind:
        (folder / f"{kind.value}.json").write_text("{}", encoding="utf-8")
    cycles = tmp_path / "projects" / "p" / "cycles"
    assert schema_directive(tmp_path, tmp_path, Kind.PROGRAMME) == (
        "#:schema ./.pdsa/schemas/programme.json"
    )
    assert schema_directive(tmp_path, cycles, Kind.CYCLE) == (
        "#:schema ../../../.pdsa/schemas/cycle.json"
    )
    (folder / "cycle.json").unlink()
    assert schema_directive(tmp_path, cycles, Kind.CYCLE) is None


def test_check_is_content_with_the_directive(made_log: Path, cli: Cli) -> None:
    ran = cli("check")
    assert ran.exit_code == 0, ran.stdout + ran.stderr
