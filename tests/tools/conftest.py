"""Fixtures for the whole-log tools: the real CLI, and small logs on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tools_support import FIXTURES, Cli, Ran
from typer.testing import CliRunner

from pdsa.cli.main import app


@pytest.fixture(autouse=True)
def _steady(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDSA_TODAY", "2026-11-26")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("PDSA_ROOT", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli() -> Cli:
    """Run ``pdsa ARGS`` in-process, as a script would (stdin is not a terminal)."""
    runner = CliRunner()

    def invoke(*args: str) -> Ran:
        result = runner.invoke(app, list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Ran(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def made_log(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log written by pdsa itself: a project, a measure with points, a cycle in Do."""
    root = tmp_path / "log"
    steps = [
        ("init", str(root), "--name", "Test programme"),
        (
            "--root",
            str(root),
            "project",
            "new",
            "Outreach",
            "--aim",
            "Test 500 people",
            "--lead",
            "Riverside Positive Voices",
        ),
        (
            "--root",
            str(root),
            "measure",
            "new",
            "outreach",
            "Attendance rate",
            "--type",
            "outcome",
            "--unit",
            "%",
            "--improvement",
            "higher",
            "--goal",
            "80",
        ),
        (
            "--root",
            str(root),
            "measure",
            "record",
            "outreach/attendance-rate",
            "70",
            "--date",
            "2026-10-01",
        ),
        (
            "--root",
            str(root),
            "plan",
            "outreach",
            "Text reminders",
            "--objective",
            "Find out whether a text the day before helps",
            "--measure",
            "attendance-rate",
        ),
        (
            "--root",
            str(root),
            "do",
            "outreach/text-reminders",
            "--as-planned",
            "--observations",
            "Three numbers were out of date",
        ),
    ]
    for step in steps:
        ran = cli(*step)
        assert ran.exit_code == 0, (step, ran.stderr)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def old_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``fixtures/v0``: a log in the layout before ``schema_version``."""
    root = tmp_path / "old"
    shutil.copytree(FIXTURES / "v0", root)
    monkeypatch.chdir(root)
    return root
