"""measure new|record|import|list: data points appended, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

from support import Run, measure_file, read


def test_measure_new(log: Path, run: Run) -> None:
    assert read(measure_file(log, "attendance-rate")) == (
        "#:schema ../../../.pdsa/schemas/measure.json\n"
        'schema_version = 1\ntitle = "Attendance rate"\ntype = "outcome"\nunit = "%"\n'
        'improvement = "higher"\ngoal = 80\n'
    )


def test_record_appends_a_point(log: Path, run: Run) -> None:
    before = read(measure_file(log, "attendance-rate"))
    outcome = run(
        "measure",
        "record",
        "attendance-rate",
        "71.5",
        "--date",
        "2026-03-04",
        "--note",
        "[bold]Half-term[/bold]",
        "--astronomical",
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before + (
        '\n[[points]]\ndate = 2026-03-04\nvalue = 71.5\nnote = "[bold]Half-term[/bold]"\n'
        "astronomical = true\n"
    )
    assert run("measure", "record", "attendance", "72").exit_code == 0
    assert read(measure_file(log, "attendance-rate")).endswith(
        "\n[[points]]\ndate = 2026-11-26\nvalue = 72\n"
    )


def test_record_refuses_a_value_that_is_not_a_number(log: Path, run: Run) -> None:
    before = read(measure_file(log, "attendance-rate"))
    outcome = run("measure", "record", "attendance-rate", "seventy")
    assert outcome.exit_code == 2
    assert "'seventy' is not a number" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before


def test_import_appends_every_row(log: Path, run: Run, tmp_path: Path) -> None:
    csv = tmp_path / "points.csv"
    csv.write_text('date,value,note\n2026-01-05,70,\n2026-01-12,72.5,"late, then fixed"\n')
    outcome = run("measure", "import", "attendance-rate", str(csv))
    assert outcome.exit_code == 0, outcome.stderr
    assert "Imported 2 points" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")).endswith(
        "\n[[points]]\ndate = 2026-01-05\nvalue = 70\n"
        '\n[[points]]\ndate = 2026-01-12\nvalue = 72.5\nnote = "late, then fixed"\n'
    )


def test_import_with_bad_rows_names_each_line_and_writes_nothing(
    log: Path, run: Run, tmp_path: Path
) -> None:
    before = read(measure_file(log, "attendance-rate"))
    csv = tmp_path / "points.csv"
    csv.write_text("2026-01-05,70\n2026-01-12,n/a\n2026-02-30,71\n2026-02-01\n")
    outcome = run("measure", "import", "attendance-rate", str(csv))
    assert outcome.exit_code == 1
    assert f"{csv}:2: 'n/a' is not a number" in outcome.stderr
    assert f"{csv}:3: '2026-02-30' is not a date like 2024-03-04" in outcome.stderr
    assert f"{csv}:4: expected date,value[,note] (2 or 3 columns), found 1" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before


def test_import_from_stdin(log: Path, run: Run) -> None:
    outcome = run("measure", "import", "outreach/attendance-rate", "-", input="2026-01-05,70\n")
    assert outcome.exit_code == 0, outcome.stderr
    assert read(measure_file(log, "attendance-rate")).endswith("value = 70\n")


def test_measure_list(log: Path, run: Run) -> None:
    assert run("measure", "record", "attendance-rate", "71", "--date", "2026-03-04").exit_code == 0
    rows = json.loads(run("measure", "list", "--format", "json").stdout)
    assert rows == [
        {
            "project": "outreach",
            "slug": "attendance-rate",
            "title": "Attendance rate",
            "type": "outcome",
            "unit": "%",
            "improvement": "higher",
            "goal": 80.0,
            "key": None,
            "points": 1,
            "latest_date": "2026-03-04",
            "latest_value": 71.0,
        }
    ]
    table = run("measure", "list").stdout.splitlines()
    assert table[0].strip() == "outreach"
    assert table[3].split() == [
        "attendance-rate", "Attendance", "rate", "outcome", "higher", "80%", "1", "71%", "2026-03-04"
    ]  # fmt: skip


def test_a_csv_that_repeats_a_date_names_both_lines(log: Path, run: Run, tmp_path: Path) -> None:
    csv = tmp_path / "twice.csv"
    csv.write_text("2026-06-01,80\n2026-06-08,81\n2026-06-01,82\n")
    outcome = run("measure", "import", "attendance-rate", str(csv))
    assert outcome.exit_code == 1
    assert f"{csv}:3: 2026-06-01 repeats the date of line 1 (one point per date)" in outcome.stderr


def test_an_older_point_is_appended_with_a_warning(log: Path, run: Run) -> None:
    assert run("measure", "record", "attendance-rate", "70", "--date", "2026-03-04").exit_code == 0
    outcome = run("measure", "record", "attendance-rate", "65", "--date", "2026-02-01")
    assert outcome.exit_code == 0
    assert "warning: 1 point(s) dated before the last one already in" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")).endswith("date = 2026-02-01\nvalue = 65\n")
