"""Measures refuse nonsense: a value is checked against its measure by the commands that
record it and by ``pdsa check``, with the rule named and the way to override it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import Run, measure_file, read

from pdsa.model.values import is_count, number_hint, value_limits


def new_measure(run: Run, title: str, *options: str) -> None:
    outcome = run("measure", "new", title, "--type", "process", *options)
    assert outcome.exit_code == 0, outcome.stderr


@pytest.mark.parametrize("value", ["105", "-1", "100.5"])
def test_a_percentage_outside_0_to_100_is_refused(log: Path, run: Run, value: str) -> None:
    before = read(measure_file(log, "attendance-rate"))
    outcome = run("measure", "record", "attendance-rate", value, "--date", "2026-03-01")
    assert outcome.exit_code == 1
    assert "a % measure takes 0 to 100 (rule P604); nothing was written" in outcome.stderr or (
        "a % measure takes 0 to 100 (rule P604)" in outcome.stderr
        and "nothing was written" in outcome.stderr
    )
    assert "pdsa edit outreach/attendance-rate" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before


def test_a_percentage_within_range_is_recorded(log: Path, run: Run) -> None:
    for value in ("0", "100", "71.5"):
        day = {"0": "01", "100": "02", "71.5": "03"}[value]
        outcome = run("measure", "record", "attendance-rate", value, "--date", f"2026-03-{day}")
        assert outcome.exit_code == 0, outcome.stderr


def test_a_count_takes_whole_numbers_from_0(log: Path, run: Run) -> None:
    new_measure(run, "Kits sent", "--unit", "kits")
    half = run("measure", "record", "kits-sent", "2.5", "--date", "2026-03-01")
    assert half.exit_code == 1
    assert "2.5 is not a whole number: a count (unit kits) takes whole numbers" in half.stderr
    negative = run("measure", "record", "kits-sent", "-3", "--date", "2026-03-01")
    assert negative.exit_code == 1
    assert "-3 is below 0: a count (unit kits) takes 0 or more" in negative.stderr
    assert run("measure", "record", "kits-sent", "12", "--date", "2026-03-01").exit_code == 0


def test_hours_are_not_a_count(log: Path, run: Run) -> None:
    new_measure(run, "Volunteer hours", "--unit", "hours")
    outcome = run("measure", "record", "volunteer-hours", "2.5", "--date", "2026-03-01")
    assert outcome.exit_code == 0, outcome.stderr


def test_declared_min_and_max_bound_the_values(log: Path, run: Run) -> None:
    new_measure(run, "Share of target", "--unit", "%", "--max", "150")
    assert run("measure", "record", "share-of-target", "120", "--date", "2026-03-01").exit_code == 0
    over = run("measure", "record", "share-of-target", "151", "--date", "2026-03-02")
    assert over.exit_code == 1
    assert "151 is above 150: the measure's max takes 0 to 150" in over.stderr or (
        "151 is above 150" in over.stderr and "P604" in over.stderr
    )
    refused = run("measure", "new", "Odd", "--type", "process", "--min", "5", "--max", "1")
    assert refused.exit_code == 1
    assert "min 5 is above max 1" in refused.stderr


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("71%", "write the number alone: 71"),
        ("71,5", "write 71.5: a decimal point, not a comma"),
        ("1,250", "for 1250 write it without the comma"),
    ],
)
def test_a_value_typed_as_a_person_would_gets_a_hint(
    log: Path, run: Run, typed: str, hint: str
) -> None:
    outcome = run("measure", "record", "attendance-rate", typed, "--date", "2026-03-01")
    assert outcome.exit_code == 2
    assert f"'{typed}' is not a number; {hint}" in outcome.stderr


def test_a_point_after_today_is_refused(log: Path, run: Run) -> None:
    outcome = run("measure", "record", "attendance-rate", "70", "--date", "2026-11-27")
    assert outcome.exit_code == 1
    assert "2026-11-27 is after today (2026-11-26)" in outcome.stderr
    assert "rule P605" in outcome.stderr
    assert run("measure", "record", "attendance-rate", "70", "--date", "2026-11-26").exit_code == 0


def test_import_names_each_refused_row_and_writes_nothing(
    log: Path, run: Run, tmp_path: Path
) -> None:
    before = read(measure_file(log, "attendance-rate"))
    rows = tmp_path / "points.csv"
    rows.write_text(
        "date,value\n2026-03-01,70\n2026-03-08,710\n2026-03-15,71,5\n2027-01-01,70\n",
        encoding="utf-8",
    )
    outcome = run("measure", "import", "attendance-rate", str(rows))
    assert outcome.exit_code == 1
    assert f"{rows}:3: 2026-03-08: 710 is above 100: a % measure takes 0 to 100 (rule P604)" in (
        outcome.stderr
    )
    assert f"{rows}:4: '71,5' looks like a decimal written with a comma: write 71.5" in (
        outcome.stderr
    )
    assert f"{rows}:5: 2027-01-01 is after today" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before


def editor(tmp_path: Path, body: str) -> dict[str, str]:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n" + body,
        encoding="utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}"}


def test_a_deliberate_value_goes_in_with_edit_and_check_warns(
    log: Path, run: Run, tmp_path: Path
) -> None:
    body = "path.write_text(text + '\\n[[points]]\\ndate = 2026-03-01\\nvalue = 104\\n')\n"
    edited = run("edit", "outreach/attendance-rate", env=editor(tmp_path, body))
    assert edited.exit_code == 0, edited.stderr
    assert "P604 points[0].value: 104 is above 100: a % measure takes 0 to 100" in edited.stderr
    check = run("check")
    assert check.exit_code == 0
    assert "P604" in check.stdout
    assert run("check", "--strict").exit_code == 1


def test_check_refuses_a_point_after_today(log: Path, run: Run) -> None:
    path = measure_file(log, "attendance-rate")
    path.write_text(read(path) + "\n[[points]]\ndate = 2027-01-01\nvalue = 70\n", "utf-8")
    outcome = run("check")
    assert outcome.exit_code == 1
    assert "P605" in outcome.stdout and "after today" in outcome.stdout


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_a_percentage_takes_exactly_0_to_100(value: float) -> None:
    limits = value_limits("%")
    assert limits is not None
    assert (limits.problem(value) is None) == (0 <= value <= 100)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_a_count_takes_exactly_whole_numbers_from_0(value: float) -> None:
    limits = value_limits("people")
    assert limits is not None
    assert (limits.problem(value) is None) == (value >= 0 and value == int(value))


def test_what_counts_as_a_count() -> None:
    assert is_count("people") and is_count(" Kits ") and is_count("referral")
    assert not is_count("hours") and not is_count("people per session") and not is_count(None)
    assert value_limits("hours") is None
    assert number_hint("seventy") is None
