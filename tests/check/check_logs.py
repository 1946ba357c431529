"""Building the logs the check tests run on (import as ``check_logs``)."""

from __future__ import annotations

import datetime
import shutil
import tomllib
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = datetime.date(2026, 11, 26)
CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "case.toml").is_file())


def build(case: str, tmp_path: Path) -> Path:
    """The base log with the case's files laid over it, in ``tmp_path``."""
    root = tmp_path / "log"
    shutil.copytree(FIXTURES / "base", root)
    overlay = FIXTURES / case / "log"
    if overlay.is_dir():
        shutil.copytree(overlay, root, dirs_exist_ok=True)
    return root


def expected(case: str) -> list[tuple[str, str, str, int, int]]:
    """``(code, severity, file, line, column)`` of each finding the case expects, sorted."""
    spec: dict[str, Any] = tomllib.loads((FIXTURES / case / "case.toml").read_text("utf-8"))
    return sorted(
        (item["code"], item["severity"], item["file"], item["line"], item["column"])
        for item in spec.get("expect", [])
    )


def write(root: Path, relative: str, text: str | bytes) -> Path:
    """Write one file of a log (its folders too)."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
