"""Whatever a cycle file holds, ``pdsa check`` reports on it and never crashes."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from check_logs import FIXTURES, build
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pdsa.cli.main import app

FUZZ = "projects/clinic/cycles/fuzz.toml"
VALID = (FIXTURES / "base/projects/clinic/cycles/calls.toml").read_bytes()

KEYS = st.sampled_from(
    [
        "schema_version",
        "title",
        "change_idea",
        "follows",
        "measures",
        "plan",
        "do",
        "study",
        "act",
        "date",
        "start",
        "end",
        "objective",
        "predictions",
        "measure",
        "tasks",
        "next",
        "decision",
        "points",
        "value",
    ]
) | st.text(max_size=12)
SCALARS = (
    st.text(max_size=40)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.dates()
    | st.datetimes()
    | st.times()
    | st.sampled_from(["calls", "texts", "attendance", "adapt", "9434765919", "x@y.org"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=16,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8)


@pytest.fixture(scope="module")
def root() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield build("valid", Path(folder))


def _check(root: Path, *options: str) -> Any:
    return CliRunner().invoke(
        app, ["--root", str(root), "check", *options], env={"PDSA_TODAY": "2026-11-26"}
    )


def _assert_reports(root: Path, content: bytes) -> None:
    (root / FUZZ).write_bytes(content)
    result = _check(root, "--format", "json")
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 6
    for item in document["findings"]:
        assert item["line"] >= 1 and item["column"] >= 1
        assert item["code"] != "P901", item


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=600))
def test_any_bytes(root: Path, content: bytes) -> None:
    _assert_reports(root, content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(min_value=0, max_value=len(VALID)), noise=st.binary(max_size=8))
def test_a_valid_cycle_with_bytes_spliced_in(root: Path, position: int, noise: bytes) -> None:
    _assert_reports(root, VALID[:position] + noise + VALID[position:])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=DOCUMENTS)
def test_any_toml_document(root: Path, document: dict[str, Any]) -> None:
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):
        assume(False)
        return
    _assert_reports(root, text.encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=st.dictionaries(KEYS, VALUES, max_size=6),
    later=st.dictionaries(st.sampled_from(["do", "study", "act"]), VALUES, max_size=3),
)
def test_a_cycle_shaped_document(root: Path, plan: dict[str, Any], later: dict[str, Any]) -> None:
    document = {"schema_version": 1, "title": "Fuzz", "plan": plan, **later}
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):
        assume(False)
        return
    _assert_reports(root, text.encode("utf-8"))


def test_the_fuzz_log_is_clean_to_start_with(root: Path) -> None:
    (root / FUZZ).write_bytes(VALID.replace(b"Phone call", b"Fuzz"))
    result = _check(root)
    assert result.exit_code == 0, result.stdout
