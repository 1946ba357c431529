"""Shared fixtures: a throwaway log folder and the real CLI run inside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import Outcome, Run
from typer.testing import CliRunner

from pdsa.cli.main import app

TODAY = "2026-11-26"


@pytest.fixture(autouse=True)
def stable_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Fixed width, no colour, a fixed "today", no editor and no inherited log; and no git
    repository above the test folders (a log is in git only where a test puts it)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path_factory.getbasetemp()))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PDSA_TODAY", TODAY)
    for name in ("PDSA_ROOT", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def run() -> Run:
    """Run ``pdsa ARGS`` through Typer's runner; stdin is not a terminal."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Outcome:
        result = runner.invoke(app, list(args), input=input, env=env)
        return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)

    return invoke


@pytest.fixture
def empty_log(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new log with no projects; the working folder is its root."""
    root = tmp_path / "log"
    assert run("init", str(root), "--name", "Test programme").exit_code == 0
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def log(empty_log: Path, run: Run) -> Path:
    """A log with one project, ``outreach``, one measure and change idea ``texts``."""
    assert (
        run(
            "project",
            "new",
            "Outreach",
            "--aim",
            "Test 500 people by March 2027",
            "--lead",
            "Riverside Positive Voices",
        ).exit_code
        == 0
    )
    project = empty_log / "projects" / "outreach" / "project.toml"
    project.write_text(
        project.read_text(encoding="utf-8")
        + '\n[[change_ideas]]\nid = "texts"\ntitle = "Text reminders"\n',
        encoding="utf-8",
    )
    outcome = run(
        "measure",
        "new",
        "Attendance rate",
        "--type",
        "outcome",
        "--unit",
        "%",
        "--improvement",
        "higher",
        "--goal",
        "80",
    )
    assert outcome.exit_code == 0, outcome.stderr
    return empty_log


@pytest.fixture(scope="session")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled example programme, written once for the session (read-only use)."""
    root = tmp_path_factory.mktemp("example") / "log"
    result = CliRunner().invoke(app, ["init", str(root), "--example"])
    assert result.exit_code == 0, result.output
    yield root
