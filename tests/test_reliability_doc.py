"""docs/reliability.md names the test that keeps each promise: every one must exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "reliability.md"
NAMED = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def test_every_test_the_reliability_doc_names_exists() -> None:
    named = NAMED.findall(DOC.read_text("utf-8"))
    assert len(named) >= 30
    missing = []
    for file, name in named:
        path = REPO / file
        tree = ast.parse(path.read_text("utf-8")) if path.is_file() else ast.Module(body=[])
        functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if name not in functions:
            missing.append(f"{file}::{name}")
    assert missing == []


def test_the_doc_covers_every_promise() -> None:
    headings = re.findall(r"^## (.+)$", DOC.read_text("utf-8"), re.MULTILINE)
    for promise in (
        "atomic",
        "Append",
        "exclusively",
        "before a refusal",
        "Locks",
        "Exit codes",
        "Privacy",
    ):
        assert any(promise in heading for heading in headings), promise
