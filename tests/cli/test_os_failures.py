"""Operating-system failures are messages, not bugs: each is exit 1 (or 2 for usage) with a
one-line message naming the path and the fix, and never costs a byte of the log.

Permissions do not stop root (the sandbox and CI run as root), so the system's refusals
are simulated by replacing the ``os`` call that would meet them; bench/attacks.py makes
the real ones (read-only and immutable files, other users, a file-size limit).
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import Run, cycle_file, measure_file

from pdsa.store import files


@pytest.fixture
def planned(log: Path, run: Run) -> Path:
    assert run("plan", "Text the day before", "--objective", "Fewer missed").exit_code == 0
    assert run("measure", "record", "attendance-rate", "71", "--date", "2026-11-01").exit_code == 0
    return log


def refusing(
    real: Callable[..., Any], code: int, *, when: Callable[[str], bool] = lambda path: True
) -> Callable[..., Any]:
    """``real``, except that it fails with ``code`` for the paths ``when`` picks."""

    def call(path: Any, *args: Any, **kwargs: Any) -> Any:
        if when(os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else ""):
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real(path, *args, **kwargs)

    return call


def one_error(stderr: str) -> str:
    """The one ``error:`` line, checking there is exactly one and no traceback."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.rglob(".*") if path.name.endswith((".tmp", ".lock")))


DO = ("do", "text-the-day-before", "--as-planned", "--observations", "went")
RECORD = ("measure", "record", "attendance-rate", "74", "--date", "2026-11-08")


@pytest.mark.parametrize(
    ("code", "message", "fix"),
    [
        (errno.EPERM, "the operation is not permitted", "immutable"),
        (errno.EACCES, "permission denied", "check the permissions"),
        (errno.EROFS, "the disk is read-only", "writable disk"),
    ],
)
def test_an_append_the_system_refuses_is_one_line_and_leaves_the_file(
    planned: Path,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    message: str,
    fix: str,
) -> None:
    path = cycle_file(planned, "text-the-day-before")
    before = path.read_bytes()
    monkeypatch.setattr(files.os, "replace", refusing(os.replace, code))
    outcome = run(*DO)
    assert outcome.exit_code == 1
    assert one_error(outcome.stderr) == (
        f"error: projects/outreach/cycles/text-the-day-before.toml: cannot write: {message}"
    )
    assert fix in outcome.stderr and "nothing was written" in outcome.stderr
    assert path.read_bytes() == before
    assert leftovers(planned) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EDQUOT])
def test_a_full_disk_is_one_line_and_leaves_the_file(
    planned: Path, run: Run, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path = measure_file(planned, "attendance-rate")
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", full)
    outcome = run(*RECORD)
    assert outcome.exit_code == 1
    line = one_error(outcome.stderr)
    assert line.startswith("error: projects/outreach/measures/attendance-rate.toml: cannot write:")
    assert path.read_bytes() == before
    assert leftovers(planned) == []


def test_a_new_record_in_a_read_only_folder_is_one_line(
    planned: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(**options: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(options["dir"]))

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    outcome = run("plan", "Another", "--objective", "x")
    assert outcome.exit_code == 1
    assert one_error(outcome.stderr) == (
        "error: projects/outreach/cycles/another.toml: cannot write: permission denied"
    )
    assert not cycle_file(planned, "another").exists()


def test_a_lock_in_a_read_only_folder_is_one_line(
    planned: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        files.os, "open", refusing(os.open, errno.EACCES, when=lambda p: p.endswith(".lock"))
    )
    outcome = run(*RECORD)
    assert outcome.exit_code == 1
    assert one_error(outcome.stderr) == (
        "error: projects/outreach/measures/attendance-rate.toml: cannot write: permission denied"
    )


def unreadable_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        os,
        "scandir",
        refusing(os.scandir, errno.EACCES, when=lambda p: p.rstrip("/").endswith("cycles")),
    )


@pytest.fixture
def two_projects(planned: Path, run: Run) -> Path:
    shutil.copytree(planned / "projects" / "outreach", planned / "projects" / "second")
    return planned


def test_list_names_a_folder_it_cannot_read_and_lists_the_rest(
    two_projects: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreadable_cycles(monkeypatch)
    outcome = run("list", "--format", "json")
    assert outcome.exit_code == 1
    assert "error: projects/outreach/cycles: cannot list the folder: permission denied" in (
        outcome.stderr
    )
    assert "error: projects/second/cycles: cannot list the folder" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_report_names_a_folder_it_cannot_read(
    two_projects: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    unreadable_cycles(monkeypatch)
    outcome = run("report", "--format", "json")
    assert outcome.exit_code == 1
    assert json.loads(outcome.stdout)["unreadable"] == [
        "projects/outreach/cycles: cannot list the folder: permission denied",
        "projects/second/cycles: cannot list the folder: permission denied",
    ]
    assert "2 files could not be read (named in the report)" in outcome.stderr


def test_check_turns_an_unreadable_folder_into_a_finding_and_goes_on(
    two_projects: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreadable_cycles(monkeypatch)
    outcome = run("check")
    assert outcome.exit_code == 1
    assert (
        "projects/outreach/cycles:1:1: P005 error: cannot read the folder: Permission denied"
        in outcome.stdout
    )
    assert "projects/second/cycles:1:1: P005 error" in outcome.stdout
    assert "Checked 5 files" in outcome.stdout  # the projects and measures, still checked


@pytest.mark.parametrize(
    "args",
    [("list",), ("report",), ("project", "list"), ("measure", "list"), ("show", "x")],
    ids=" ".join,
)
def test_projects_being_a_file_is_named(planned: Path, run: Run, args: tuple[str, ...]) -> None:
    shutil.rmtree(planned / "projects")
    (planned / "projects").write_text("not a folder")
    outcome = run(*args)
    assert outcome.exit_code == 1
    assert one_error(outcome.stderr) == (
        "error: projects: cannot list the folder: part of the path is a file where a folder "
        "should be"
    )


def test_check_fmt_and_migrate_name_projects_being_a_file(planned: Path, run: Run) -> None:
    shutil.rmtree(planned / "projects")
    (planned / "projects").write_text("not a folder")
    checked = run("check")
    assert checked.exit_code == 1
    assert "projects:1:1: P005 error: projects is not a folder" in checked.stdout
    for args in (("fmt",), ("migrate",)):
        outcome = run(*args)
        assert outcome.exit_code == 1
        assert one_error(outcome.stderr) == (
            "error: projects: not a folder, so no project can be read"
        )


def test_a_cycle_file_that_is_a_loop_of_links_is_named_by_every_command(
    planned: Path, run: Run
) -> None:
    loop = cycle_file(planned, "looping")
    loop.symlink_to(loop)
    listed = run("list")
    assert listed.exit_code == 1
    assert one_error(listed.stderr) == (
        "error: projects/outreach/cycles/looping.toml: cannot read the file: a symbolic link "
        "loops back on itself"
    )
    assert "text-the-day-before" in listed.stdout  # the rest is listed
    shown = run("show", "looping")
    assert shown.exit_code == 1 and "a symbolic link loops back on itself" in shown.stderr
    checked = run("check")
    assert "projects/outreach/cycles/looping.toml:1:1: P005 error: cannot read it" in (
        checked.stdout
    )
    for args in (("fmt", "--check"), ("migrate", "--dry-run")):
        outcome = run(*args)
        assert outcome.exit_code == 1 and "looping.toml" in outcome.stderr
        assert "Traceback" not in outcome.stderr


def test_a_project_folder_that_is_a_loop_of_links_is_reported_by_check(
    planned: Path, run: Run
) -> None:
    (planned / "projects" / "looping").symlink_to(planned / "projects" / "looping")
    assert run("list").exit_code == 0
    checked = run("check")
    assert "projects/looping:1:1: P005 error: cannot read it" in checked.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("show", "caf\udce9"),
        ("plan", "caf\udce9", "--objective", "x"),
        ("project", "new", "caf\udce9", "--aim", "a", "--lead", "b"),
        ("measure", "record", "attendance-rate", "3", "--note", "caf\udce9"),
        ("--root", "caf\udce9", "list"),
        ("check", "caf\udce9"),
    ],
    ids=lambda args: args[0],
)
def test_an_argument_that_is_not_utf8_is_a_usage_error_before_anything_runs(
    planned: Path, run: Run, args: tuple[str, ...]
) -> None:
    before = sorted(planned.rglob("*"))
    outcome = run(*args)
    assert outcome.exit_code == 2
    position = args.index("caf\udce9") + 1
    assert f"argument {position} ('caf\\xe9') is not UTF-8 text" in outcome.stderr
    assert sorted(planned.rglob("*")) == before


def test_a_file_named_in_another_encoding_is_named_with_escapes(planned: Path, run: Run) -> None:
    folder = os.fsencode(planned / "projects" / "outreach" / "cycles")
    shutil.copy(cycle_file(planned, "text-the-day-before"), os.fsdecode(folder + b"/caf\xe9.toml"))
    listed = run("list")
    assert listed.exit_code == 1
    assert "left out: 'caf\\xe9' is not a valid file name" in listed.stderr
    for args in (("report", "--format", "json"), ("report", "--format", "html"), ("check",)):
        outcome = run(*args)
        assert "Traceback" not in outcome.stderr and outcome.exit_code in (0, 1), args
        assert "\udce9" not in outcome.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("list", "--stale", "999999999"), {}),
        (("list", "--stale", "99999999999999999999999"), {}),
        (("list", "--stale", "5"), {"PDSA_TODAY": "0001-01-01"}),
        (("report",), {"PDSA_TODAY": "9999-12-31"}),
        (("report",), {"PDSA_TODAY": "0001-01-01"}),
        (("chart", "attendance-rate"), {"PDSA_TODAY": "9999-12-31"}),
        (("report", "--since", "0001-01-01", "--until", "9999-12-31"), {}),
    ],
)
def test_absurd_option_values_are_answered_not_crashed_on(
    planned: Path, run: Run, args: tuple[str, ...], env: dict[str, str]
) -> None:
    outcome = run(*args, env=env)
    assert outcome.exit_code in (0, 1, 2), outcome.stderr
    assert "internal error" not in outcome.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_cycle_dated_at_the_end_of_time_does_not_stop_a_report(
    planned: Path, run: Run, day: str
) -> None:
    plan = ("plan", "Far", "--objective", "x", "--prediction", "up", "--expect")
    assert run(*plan, "attendance-rate up", "--date", "0001-01-01").exit_code == 0
    assert run("do", "far", "--as-planned", "--observations", "y", "--date", day).exit_code == 0
    for args in (("report", "--format", "json"), ("chart", "attendance-rate"), ("list",)):
        for today in ("9999-12-31", "0001-01-01", "2026-11-26"):
            outcome = run(*args, env={"PDSA_TODAY": today})
            assert outcome.exit_code == 0, (args, today, outcome.stderr)


def test_absurd_stale_days_list_nothing_rather_than_fail(planned: Path, run: Run) -> None:
    outcome = run("list", "--stale", "999999999", "--format", "json")
    # A filter that matches nothing says so and exits 1; it never fails as a bug (exit 3).
    assert outcome.exit_code == 1
    assert outcome.stdout == "[]\n"
    assert "No cycles match (unfinished and quiet for over 999999999 days)" in outcome.stderr
