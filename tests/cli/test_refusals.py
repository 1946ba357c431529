"""Nothing is written before a refusal: every writing command reads and validates what it
depends on (``pdsa.toml``, the record, the schema versions) before its first byte, and a
command stopped half way leaves nothing half-made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import Run, cycle_file, measure_file

from pdsa.store import files


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` and its bytes (None for a folder)."""
    found: dict[str, bytes | None] = {}
    for folder, names, file_names in os.walk(root):
        for name in names:
            found[os.path.relpath(os.path.join(folder, name), root)] = None
        for name in file_names:
            path = os.path.join(folder, name)
            with open(path, "rb") as stream:
                found[os.path.relpath(path, root)] = stream.read()
    return found


@pytest.fixture
def planned(log: Path, run: Run, tmp_path: Path) -> Path:
    """The ``log`` fixture with one cycle in Plan and a CSV of points beside it."""
    outcome = run("plan", "Text the day before", "--objective", "Fewer missed appointments")
    assert outcome.exit_code == 0, outcome.stderr
    (tmp_path / "points.csv").write_text("date,value\n2026-11-01,71\n", encoding="utf-8")
    return log


WRITERS = [
    ("do", "text-the-day-before", "--as-planned", "--observations", "Went to plan"),
    ("study", "text-the-day-before", "--results", "r", "--matched", "yes", "--learning", "l"),
    ("measure", "record", "attendance-rate", "71", "--date", "2026-11-01"),
    ("measure", "record", "attendance-rate", "71", "--note", "ok"),
    ("measure", "import", "attendance-rate", "../points.csv"),
    ("plan", "Another test", "--objective", "See"),
    ("plan", "Another test", "--objective", "See", "--slug", "another"),
    ("measure", "new", "Wait days", "--type", "process"),
    ("measure", "new", "Wait days", "--type", "process", "--slug", "wait"),
    ("project", "new", "Second", "--aim", "An aim", "--lead", "Org"),
    ("project", "new", "Second", "--aim", "An aim", "--lead", "Org", "--slug", "second"),
]
BREAKAGES = {
    "too new": lambda text: text.replace("schema_version = 1", "schema_version = 2"),
    "not TOML": lambda text: text + '\nname = "unterminated\n',
    "invalid": lambda text: text + "\nsettings = 3\n",
    "too old": lambda text: text.replace("schema_version = 1", "schema_version = 0"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args[:3]))
def test_a_writing_command_refuses_a_programme_it_cannot_read_before_writing(
    planned: Path, run: Run, args: tuple[str, ...], breakage: str
) -> None:
    if args[0] == "study":
        assert run(*WRITERS[0]).exit_code == 0
    programme = planned / "pdsa.toml"
    programme.write_text(BREAKAGES[breakage](programme.read_text("utf-8")), encoding="utf-8")
    before = snapshot(planned)
    outcome = run(*args)
    assert outcome.exit_code == 1, outcome.stderr
    assert outcome.stderr.startswith("error: pdsa.toml"), outcome.stderr
    assert snapshot(planned) == before


def test_a_phase_is_refused_when_the_cycle_is_newer_than_this_pdsa(planned: Path, run: Run) -> None:
    path = cycle_file(planned, "text-the-day-before")
    path.write_text(path.read_text("utf-8").replace("schema_version = 1", "schema_version = 9"))
    before = snapshot(planned)
    outcome = run(*WRITERS[0])
    assert outcome.exit_code == 1
    assert "schema_version 9 is newer than this pdsa understands" in outcome.stderr
    assert snapshot(planned) == before


def test_a_point_is_refused_when_the_measure_is_newer_than_this_pdsa(
    planned: Path, run: Run
) -> None:
    path = measure_file(planned, "attendance-rate")
    path.write_text(path.read_text("utf-8").replace("schema_version = 1", "schema_version = 9"))
    before = snapshot(planned)
    for args in (WRITERS[2], WRITERS[4]):
        outcome = run(*args)
        assert outcome.exit_code == 1
        assert "schema_version 9 is newer" in outcome.stderr
    assert snapshot(planned) == before


def test_a_killed_project_new_leaves_no_folder(
    planned: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(planned)

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    # Killed at the last step, when the finished folder takes its name.
    with monkeypatch.context() as patch:
        patch.setattr(files.os, "rename", killed)
        outcome = run("project", "new", "Second", "--aim", "An aim", "--lead", "Org")
    assert outcome.exit_code == 130
    assert snapshot(planned) == before
    assert run("project", "list", "--format", "json").stdout.count('"slug"') == 1


def test_a_project_new_that_cannot_write_its_file_leaves_no_folder(
    planned: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(planned)
    real = files._write_new

    def full(path: Path, data: bytes) -> None:
        real(path, data[:10])
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(files, "_write_new", full)
    outcome = run("project", "new", "Second", "--aim", "An aim", "--lead", "Org")
    assert outcome.exit_code == 1
    assert outcome.stderr.splitlines()[0] == (
        "error: projects/second: cannot create: the disk is full"
    )
    assert snapshot(planned) == before


def test_the_leftovers_of_a_killed_write_are_read_by_no_command(planned: Path, run: Run) -> None:
    cycles = planned / "projects" / "outreach" / "cycles"
    temp = cycles / ".text-the-day-before.ab12cd34.tmp"
    temp.write_bytes(cycle_file(planned, "text-the-day-before").read_bytes())
    half = planned / "projects" / ".second.new-zz99yy88"
    half.mkdir()
    (half / "project.toml").write_bytes((planned / "projects/outreach/project.toml").read_bytes())
    listed = run("list", "--format", "json")
    assert listed.exit_code == 0
    assert listed.stdout.count('"slug"') == 1
    assert run("project", "list", "--format", "json").stdout.count('"slug"') == 1
    assert '"projects": 1' in run("report", "--format", "json").stdout.replace("\n", "") or (
        run("report", "--format", "json").stdout.count('"slug": "outreach"') == 1
    )
    fmt = run("fmt", "--check")
    assert ".tmp" not in fmt.stderr and ".new-" not in fmt.stderr
    migrate = run("migrate", "--dry-run")
    assert ".tmp" not in migrate.stderr and ".new-" not in migrate.stderr
    checked = run("check", "--format", "json")
    assert checked.stdout.count('"P307"') == 2
