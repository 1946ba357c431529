"""init, finding the log, and the global options."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support import Run, read


def test_init_creates_the_programme_and_projects_folder(tmp_path: Path, run: Run) -> None:
    outcome = run("init", str(tmp_path / "log"), "--name", "City HIV improvement community")
    assert outcome.exit_code == 0, outcome.stderr
    data = tomllib.loads(read(tmp_path / "log" / "pdsa.toml"))
    assert data["schema_version"] == 1
    assert data["name"] == "City HIV improvement community"
    assert (tmp_path / "log" / "projects").is_dir()


def test_init_refuses_an_existing_log_and_changes_nothing(tmp_path: Path, run: Run) -> None:
    assert run("init", str(tmp_path), "--name", "First").exit_code == 0
    before = read(tmp_path / "pdsa.toml")
    outcome = run("init", str(tmp_path), "--name", "Second")
    assert outcome.exit_code == 1
    assert "already exists; a log is already here" in outcome.stderr
    assert read(tmp_path / "pdsa.toml") == before


def test_outside_a_log_says_so_and_how_to_create_one(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run("list")
    assert outcome.exit_code == 2
    assert f"no pdsa log here: no pdsa.toml in {tmp_path.resolve()} or any folder above it" in (
        outcome.stderr
    )
    assert "pdsa init" in outcome.stderr


def test_the_root_is_found_walking_up(log: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("plan", "Walk", "--objective", "x").exit_code == 0
    monkeypatch.chdir(log / "projects" / "outreach" / "measures")
    assert "walk" in run("list").stdout


def test_root_option_and_environment(
    log: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("plan", "Rooted", "--objective", "x").exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert "rooted" in run("--root", str(log), "list").stdout
    assert "rooted" in run("list", env={"PDSA_ROOT": str(log)}).stdout
    outcome = run("--root", str(tmp_path), "list")
    assert outcome.exit_code == 2
    assert "--root points to" in outcome.stderr and "holds no pdsa.toml" in outcome.stderr


def test_version(run: Run) -> None:
    from pdsa import __version__

    outcome = run("--version")
    assert outcome.exit_code == 0
    assert outcome.stdout == f"pdsa {__version__}\n"


@pytest.mark.parametrize(
    "command",
    [
        ["init"],
        ["plan"],
        ["do"],
        ["study"],
        ["act"],
        ["list"],
        ["show"],
        ["edit"],
        ["project", "new"],
        ["project", "list"],
        ["project", "show"],
        ["project", "edit"],
        ["measure", "new"],
        ["measure", "record"],
        ["measure", "import"],
        ["measure", "list"],
    ],
)
def test_every_command_has_help_with_an_example(run: Run, command: list[str]) -> None:
    outcome = run(*command, "--help")
    assert outcome.exit_code == 0
    assert "Example: pdsa " in " ".join(outcome.stdout.split())


def test_an_unknown_option_is_a_usage_error(log: Path, run: Run) -> None:
    outcome = run("list", "--colour")
    assert outcome.exit_code == 2
    assert "No such option" in outcome.stderr


def test_an_internal_error_is_one_line_and_points_to_debug(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("pdsa.workflow.listing.list_cycles", explode)
    outcome = run("list")
    assert outcome.exit_code == 3
    assert outcome.stderr.strip().count("\n") == 0
    assert "internal error (RuntimeError: boom)" in outcome.stderr
    assert "--debug" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_the_example_into_a_folder_that_holds_one_of_its_projects(tmp_path: Path, run: Run) -> None:
    (tmp_path / "projects" / "self-test-kits").mkdir(parents=True)
    outcome = run("init", str(tmp_path), "--example")
    assert outcome.exit_code == 1
    assert "self-test-kits already exists; nothing was written" in outcome.stderr
    assert not (tmp_path / "pdsa.toml").exists()
    assert sorted(p.name for p in (tmp_path / "projects").iterdir()) == ["self-test-kits"]


def test_init_keeps_the_history_cache_out_of_git(tmp_path: Path, run: Run) -> None:
    assert run("init", str(tmp_path / "new")).exit_code == 0
    assert (tmp_path / "new" / ".gitignore").read_text(encoding="utf-8") == (
        "# pdsa's cache of the log's git history\n/.pdsa/cache/\n"
    )
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / ".gitignore").write_text("*.pyc", encoding="utf-8")
    assert run("init", str(folder)).exit_code == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == (
        "*.pyc\n# pdsa's cache of the log's git history\n/.pdsa/cache/\n"
    )
