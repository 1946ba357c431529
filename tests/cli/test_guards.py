"""What the commands refuse or warn about so that `pdsa check` never has to."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from support import Run, cycle_file, measure_file, read


def test_a_second_point_on_the_same_date_is_refused(log: Path, run: Run, tmp_path: Path) -> None:
    assert run("measure", "record", "attendance-rate", "70", "--date", "2026-03-04").exit_code == 0
    before = read(measure_file(log, "attendance-rate"))
    outcome = run("measure", "record", "attendance-rate", "71", "--date", "2026-03-04")
    assert outcome.exit_code == 1
    assert "already has a point for 2026-03-04" in outcome.stderr
    csv = tmp_path / "again.csv"
    csv.write_text("2026-03-11,72\n2026-03-04,73\n")
    outcome = run("measure", "import", "attendance-rate", str(csv))
    assert outcome.exit_code == 1 and "already has a point for 2026-03-04" in outcome.stderr
    assert read(measure_file(log, "attendance-rate")) == before


def test_a_planned_end_before_the_start_is_refused(log: Path, run: Run) -> None:
    outcome = run(
        "plan", "Backwards", "--objective", "o", "--start", "2026-03-20", "--end", "2026-03-01"
    )
    assert outcome.exit_code == 1
    assert "the planned end 2026-03-01 is before the planned start 2026-03-20" in outcome.stderr
    assert not cycle_file(log, "backwards").exists()


def test_a_phase_dated_before_the_one_it_follows_is_refused(log: Path, run: Run) -> None:
    assert run("plan", "Dated", "--objective", "o", "--start", "2026-03-10").exit_code == 0
    outcome = run("do", "dated", "--as-planned", "--observations", "x", "--date", "2026-03-01")
    assert outcome.exit_code == 1
    assert "the Do date 2026-03-01 of 'outreach/dated' is before its plan's date, 2026-03-10" in (
        outcome.stderr
    )
    assert (
        run("do", "dated", "--as-planned", "--observations", "x", "--date", "2026-03-12").exit_code
        == 0
    )
    outcome = run(
        "study",
        "dated",
        "--results",
        "r",
        "--matched",
        "no",
        "--learning",
        "l",
        "--date",
        "2026-03-11",
    )
    assert outcome.exit_code == 1 and "before its Do date, 2026-03-12" in outcome.stderr


def test_a_plan_logged_after_the_test_began_is_dated_by_its_start(log: Path, run: Run) -> None:
    assert run("plan", "Late", "--objective", "o", "--start", "2026-02-01").exit_code == 0
    assert "date = 2026-02-01" in read(cycle_file(log, "late"))
    assert (
        run("do", "late", "--as-planned", "--observations", "x", "--date", "2026-02-03").exit_code
        == 0
    )


def test_a_future_date_is_warned_about(log: Path, run: Run) -> None:
    assert run("plan", "Soon", "--objective", "o").exit_code == 0
    outcome = run("do", "soon", "--as-planned", "--observations", "x", "--date", "2030-01-01")
    assert outcome.exit_code == 0
    assert "warning: the Do date 2030-01-01 is in the future" in outcome.stderr


def test_a_theme_is_refused_when_the_programme_has_none(empty_log: Path, run: Run) -> None:
    outcome = run("project", "new", "X", "--aim", "a", "--lead", "b", "--theme", "testing")
    assert outcome.exit_code == 1
    assert "add it to pdsa.toml first" in outcome.stderr


def test_a_title_holding_an_nhs_number_is_refused(log: Path, run: Run) -> None:
    outcome = run("plan", "Call 943 476 5919 back", "--objective", "o")
    assert outcome.exit_code == 1
    assert "the title looks like it holds an NHS number" in outcome.stderr
    assert "943 476 5919" not in outcome.stderr
    assert list((log / "projects/outreach/cycles").iterdir()) == []


def test_private_text_is_written_with_a_masked_warning(log: Path, run: Run) -> None:
    outcome = run("plan", "Callback", "--objective", "Ring jo.bloggs@example.org, DOB 12/03/1985")
    assert outcome.exit_code == 0
    assert "warning: plan.objective: looks like an e-mail address" in outcome.stderr
    assert "jo.bloggs@example.org" not in outcome.stderr
    assert "12/03/1985" not in outcome.stderr


def test_one_word_that_names_a_project_is_the_project(log: Path, run: Run) -> None:
    # With one project, a single word is the title, whatever it is.
    assert run("plan", "outreach", "--objective", "o").exit_code == 0
    assert cycle_file(log, "outreach").exists()
    # With several, a word that is exactly a project's slug names the project.
    assert run("project", "new", "Second", "--aim", "a", "--lead", "b").exit_code == 0
    outcome = run("plan", "second", "--objective", "o")
    assert outcome.exit_code == 2
    assert "missing TITLE" in outcome.stderr


def test_init_inside_a_log_is_refused(log: Path, run: Run) -> None:
    outcome = run("init", "projects/outreach/nested")
    assert outcome.exit_code == 1
    assert "is inside the log at" in outcome.stderr
    assert not (log / "projects/outreach/nested").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_readable_by_the_team(log: Path, run: Run, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run("plan", "Shared", "--objective", "o").exit_code == 0
        path = cycle_file(log, "shared")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o664)
        assert run("do", "shared", "--as-planned", "--observations", "x").exit_code == 0
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
        target = tmp_path / "chart.svg"
        assert run("chart", "attendance-rate", "-o", str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_chart_output_format_follows_the_extension(log: Path, run: Run, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    assert run("chart", "attendance-rate", "-o", str(target)).exit_code == 0
    assert read(target).startswith("<?xml")


def test_a_crlf_file_stays_crlf(log: Path, run: Run) -> None:
    assert run("plan", "Windows", "--objective", "o").exit_code == 0
    path = cycle_file(log, "windows")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run("do", "windows", "--as-planned", "--observations", "x").exit_code == 0
    raw = path.read_bytes()
    assert b"\r\n[do]\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_an_unknown_expect_measure_names_expect(log: Path, run: Run) -> None:
    outcome = run(
        "plan", "Expect", "--objective", "o", "--prediction", "p", "--expect", "nosuch >= 80"
    )
    assert outcome.exit_code == 1
    assert "--expect 'nosuch': no measure called 'nosuch' in project 'outreach'" in outcome.stderr


def test_an_unterminated_string_is_explained(log: Path, run: Run) -> None:
    assert run("plan", "Quote", "--objective", "o").exit_code == 0
    path = cycle_file(log, "quote")
    path.write_text(read(path).replace('objective = "o"', 'objective = "o'))
    outcome = run("show", "quote")
    assert outcome.exit_code == 1
    assert "is a closing quote missing on this line?" in outcome.stderr


def test_concurrent_points_all_land_and_one_date_stays_one_point(log: Path) -> None:
    import datetime
    import threading

    from pdsa.errors import PdsaError
    from pdsa.model.measure import Point
    from pdsa.store.log import Log
    from pdsa.workflow.measures import add_points

    store = Log(log)
    refused: list[str] = []

    def record(day: int) -> None:
        point = Point(date=datetime.date(2026, 1, day), value=float(day))
        try:
            add_points(
                store, "outreach", "attendance-rate", [point], today=datetime.date(2026, 11, 26)
            )
        except PdsaError as error:
            refused.append(error.message)

    threads = [threading.Thread(target=record, args=(1 + n % 8,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    points = store.measure("outreach", "attendance-rate").points
    assert sorted(point.date.day for point in points) == list(range(1, 9))
    assert len(refused) == 8 and all("already has a point" in text for text in refused)
    assert not list((log / "projects/outreach/measures").glob(".*.lock"))
