"""The layers of style.md, enforced: data flows disk -> store -> model -> analysis -> render."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "pdsa"

# What each layer may never import (module prefixes).
FORBIDDEN = {
    "model": (
        "typer",
        "rich",
        "pdsa.store",
        "pdsa.workflow",
        "pdsa.cli",
        "pdsa.render",
        "pdsa.analysis",
        "pdsa.check",
        "pdsa.tools",
    ),
    "analysis": (
        "typer",
        "rich",
        "pdsa.store",
        "pdsa.workflow",
        "pdsa.cli",
        "pdsa.render",
        "pdsa.tools",
    ),
    "render": ("typer", "pdsa.store", "pdsa.workflow", "pdsa.cli", "pdsa.tools"),
    "store": ("typer", "rich", "pdsa.workflow", "pdsa.cli", "pdsa.render", "pdsa.analysis"),
}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    broken = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for name in sorted(imports(path))
        if name.startswith(FORBIDDEN[layer])
    ]
    assert broken == []
