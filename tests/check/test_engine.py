"""The check engine: rules the corpus cannot hold, the error boundary, parallel parsing,
scope, and the bundled example programme."""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

import pytest
from check_logs import TODAY, build, write
from support import Run

import pdsa.check.engine as engine
import pdsa.store.parallel as parallel
from pdsa.check.engine import check_log
from pdsa.check.findings import Finding
from pdsa.check.reading import Checked
from pdsa.check.rules import Selection

TEXTS = "projects/clinic/cycles/texts.toml"


def _summary(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    return [(item.code, item.file, item.line, item.column) for item in findings]


def _case_insensitive(folder: Path) -> bool:
    probe = folder / "Probe.tmp"
    probe.write_text("")
    try:
        return (folder / "probe.tmp").exists()
    finally:
        probe.unlink()


def test_names_equal_but_for_case_are_reported_on_each(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    cycles = root / "projects/clinic/cycles"
    if _case_insensitive(cycles):
        pytest.skip("this file system cannot hold two names that differ only by case")
    (cycles / "Texts.toml").write_bytes((cycles / "texts.toml").read_bytes())
    found = [item for item in check_log(root, today=TODAY).findings if item.code == "P304"]
    assert _summary(found) == [
        ("P304", "projects/clinic/cycles/Texts.toml", 1, 1),
        ("P304", TEXTS, 1, 1),
    ]
    assert "on Windows and macOS they are the same file" in found[0].message


def test_a_file_that_cannot_be_read_is_p005(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build("valid", tmp_path)
    real_open = open

    def refusing_open(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("texts.toml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(engine, "open", refusing_open, raising=False)
    report = check_log(root, today=TODAY)
    assert _summary(report.findings) == [("P005", TEXTS, 1, 1)]
    assert report.findings[0].message == "cannot read the file: Permission denied"


def test_a_bug_in_one_file_is_a_p901_finding_and_the_rest_is_still_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build("unknown-change-idea", tmp_path)
    real = engine.check_phases

    def broken(checked: Checked, *, today: datetime.date) -> None:
        if checked.entry.rel.endswith("calls.toml"):
            raise ZeroDivisionError("boom")
        real(checked, today=today)

    monkeypatch.setattr(engine, "check_phases", broken)
    report = check_log(root, today=TODAY)
    assert _summary(report.findings) == [
        ("P901", "projects/clinic/cycles/calls.toml", 1, 1),
        ("P402", TEXTS, 3, 15),
    ]
    assert "ZeroDivisionError: boom" in report.findings[0].message
    with pytest.raises(ZeroDivisionError):
        check_log(root, today=TODAY, raise_errors=True)


def test_p901_cannot_be_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build("valid", tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "check_measure", broken)
    report = check_log(root, today=TODAY, selection=Selection((), ("P9",)))
    assert [item.code for item in report.findings] == ["P901"]


def test_an_internal_error_through_the_cli_exits_1_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.chdir(build("valid", tmp_path))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "check_measure", broken)
    outcome = run("check")
    assert outcome.exit_code == 1
    assert "P901 error: internal error while checking this file (RuntimeError: boom)" in (
        outcome.stdout
    )
    assert "Traceback" not in outcome.stdout + outcome.stderr


def test_parsing_on_every_core_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build("ramp-loop", tmp_path)
    write(root, "projects/clinic/cycles/broken.toml", "schema_version = 1\n[plan\n")
    sequential = check_log(root, today=TODAY)
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    assert check_log(root, today=TODAY) == sequential


def test_a_file_too_deep_for_the_parser_is_reported_in_either_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build("valid", tmp_path)
    write(root, "projects/clinic/cycles/deep.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n")
    sequential = check_log(root, today=TODAY)
    assert _summary(sequential.findings) == [("P001", "projects/clinic/cycles/deep.toml", 1, 1)]
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    assert check_log(root, today=TODAY) == sequential


def test_a_scope_reads_only_what_references_need(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build("valid", tmp_path)
    write(root, "projects/other/project.toml", (root / "projects/clinic/project.toml").read_text())
    write(root, "projects/other/cycles/x.toml", "not toml at all [")
    read: list[str] = []
    real = engine._read

    def spy(entry: engine.Entry, *args: object) -> object:
        read.append(entry.rel)
        return real(entry, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_read", spy)
    report = check_log(root, today=TODAY, only=["projects/clinic/measures"])
    assert report.findings == []
    assert report.files == 1
    assert sorted(read) == [
        "pdsa.toml",
        "projects/clinic/cycles/calls.toml",
        "projects/clinic/cycles/texts.toml",
        "projects/clinic/measures/attendance.toml",
        "projects/clinic/project.toml",
    ]


def test_a_newer_file_is_not_judged_by_this_schema(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    path = root / TEXTS
    path.write_text(
        path.read_text("utf-8").replace("schema_version = 1", "schema_version = 2")
        + "\n[evaluate]\nsomething = 'new'\n",
        "utf-8",
    )
    report = check_log(root, today=TODAY)
    assert [item.code for item in report.findings] == ["P202"]
    assert "needs a newer pdsa than" in report.findings[0].message


def test_findings_are_sorted_by_file_line_column_code(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    write(root, "projects/clinic/notes.txt", "x")
    write(root, "projects/a.toml", "x = 1\n")
    path = root / TEXTS
    path.write_text(
        path.read_text("utf-8").replace('follows = "calls"', 'follows = "nope"'), "utf-8"
    )
    findings = check_log(root, today=TODAY).findings
    assert [item.sort_key[:4] for item in findings] == sorted(
        item.sort_key[:4] for item in findings
    )
    assert check_log(root, today=TODAY).findings == findings


EXAMPLE = importlib.util.find_spec("pdsa.workflow.example")


@pytest.mark.skipif(EXAMPLE is None, reason="pdsa.workflow.example is not written yet")
def test_the_example_programme_passes_its_own_check(example_root: Path, run: Run) -> None:
    report = check_log(example_root, today=TODAY)
    assert [item for item in report.findings if item.severity == "error"] == []
    # Only "in the future" can depend on the day the test runs.
    assert {item.code for item in report.findings} <= {"P506"}
    outcome = run("--root", str(example_root), "check")
    assert outcome.exit_code == 0, outcome.stdout
