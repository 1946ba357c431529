"""list and show: what a person and a script see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import Run


@pytest.fixture
def three_cycles(log: Path, run: Run) -> Path:
    for title, start, planned in (
        ("Texts", "2026-03-01", "2026-01-15"),
        ("Calls", "2026-02-01", "2026-01-10"),
        ("Flyers", "2026-04-01", "2026-01-20"),
    ):
        assert (
            run(
                "plan",
                title,
                "--objective",
                f"Try {title}",
                "--start",
                start,
                "--date",
                planned,
            ).exit_code
            == 0
        )
    assert (
        run("do", "texts", "--as-planned", "--observations", "ok", "--date", "2026-03-05").exit_code
        == 0
    )
    assert (
        run("do", "calls", "--as-planned", "--observations", "ok", "--date", "2026-02-05").exit_code
        == 0
    )
    assert (
        run(
            "study",
            "calls",
            "--results",
            "r",
            "--matched",
            "no",
            "--learning",
            "l",
            "--date",
            "2026-02-10",
        ).exit_code
        == 0
    )
    assert run("act", "calls", "--decision", "abandon", "--date", "2026-02-11").exit_code == 0
    return log


def test_list_json_numbers_cycles_by_plan_date(three_cycles: Path, run: Run) -> None:
    outcome = run("list", "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    rows = json.loads(outcome.stdout)
    assert [(r["number"], r["slug"], r["phase"], r["last_date"], r["decision"]) for r in rows] == [
        (1, "calls", "act", "2026-02-11", "abandon"),
        (2, "texts", "do", "2026-03-05", None),
        (3, "flyers", "plan", "2026-01-20", None),
    ]
    assert rows[0]["project"] == "outreach" and rows[0]["title"] == "Calls"


def test_list_table(three_cycles: Path, run: Run) -> None:
    outcome = run("list")
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    assert lines[0].strip() == "outreach"
    assert lines[1].split() == ["no.", "slug", "title", "phase", "last", "date", "decision"]
    assert lines[3].split() == ["1", "calls", "Calls", "act", "2026-02-11", "abandon"]
    assert len(lines) == 7  # title, header, rule, 3 rows, blank


def test_list_shows_titles_when_there_is_room(three_cycles: Path, run: Run) -> None:
    outcome = run("list", env={"COLUMNS": "120"})
    assert re.search(r"^ +1  calls +Calls +act ", outcome.stdout, re.MULTILINE)


def test_list_fits_80_columns(
    example_root: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example_root)
    outcome = run("list", env={"COLUMNS": "80"})
    assert outcome.exit_code == 0
    assert max(len(line) for line in outcome.stdout.splitlines()) <= 80
    assert "text-reminder-tuesday-clinic" in outcome.stdout  # slugs whole, never folded


def test_list_filters_by_phase_and_staleness(three_cycles: Path, run: Run) -> None:
    rows = json.loads(run("list", "--phase", "do", "--format", "json").stdout)
    assert [r["slug"] for r in rows] == ["texts"]
    rows = json.loads(run("list", "--stale", "300", "--format", "json").stdout)
    assert [r["slug"] for r in rows] == ["flyers"]  # unfinished and quiet since 2026-01-20
    rows = json.loads(run("list", "outreach", "--stale", "0", "--format", "json").stdout)
    assert [r["slug"] for r in rows] == ["texts", "flyers"]


def test_show_json_gives_the_whole_record(three_cycles: Path, run: Run) -> None:
    outcome = run("show", "outreach/1", "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    assert data["project"] == "outreach" and data["slug"] == "calls" and data["number"] == 1
    assert data["phase"] == "act"
    assert data["plan"]["objective"] == "Try Calls"
    assert data["study"]["prediction_matched"] == "no"
    assert data["act"]["decision"] == "abandon"


def test_show_text_is_the_worksheet(three_cycles: Path, run: Run) -> None:
    outcome = run("show", "calls")
    assert outcome.exit_code == 0
    text = outcome.stdout
    assert "outreach/calls  cycle 1, phase act" in text
    for heading in ("Plan", "Do", "Study", "Act"):
        assert f"╭─ {heading} " in text
    assert re.search(r"│ objective +Try Calls +│", text)
    assert re.search(r"│ decision +abandon +│", text)


@pytest.mark.parametrize("name", ["outreach/calls", "calls", "ca", "1", "outreach/1"])
def test_a_cycle_can_be_named_many_ways(three_cycles: Path, run: Run, name: str) -> None:
    data = json.loads(run("show", name, "--format", "json").stdout)
    assert data["slug"] == "calls"


def test_an_ambiguous_prefix_lists_the_candidates(three_cycles: Path, run: Run) -> None:
    assert run("plan", "Calls at night", "--objective", "x").exit_code == 0
    outcome = run("show", "cal")
    assert outcome.exit_code == 1
    assert "'cal' could be any of 2 cycles" in outcome.stderr
    assert "calls, calls-at-night" in outcome.stderr


def test_an_unknown_cycle_and_number(three_cycles: Path, run: Run) -> None:
    outcome = run("show", "zzz")
    assert outcome.exit_code == 1 and "no cycle called 'zzz'" in outcome.stderr
    outcome = run("show", "9")
    assert outcome.exit_code == 1 and "has no cycle number 9" in outcome.stderr


def test_the_project_part_is_needed_with_several_projects(three_cycles: Path, run: Run) -> None:
    assert run("project", "new", "Second", "--aim", "a", "--lead", "b").exit_code == 0
    assert run("plan", "second", "Calls", "--objective", "x").exit_code == 0
    outcome = run("show", "calls")
    assert outcome.exit_code == 1
    assert "'calls' could be any of 2 cycles: outreach/calls, second/calls" in outcome.stderr
    assert json.loads(run("show", "second/calls", "--format", "json").stdout)["project"] == "second"


def test_inside_a_project_folder_the_project_is_implied(
    three_cycles: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("project", "new", "Second", "--aim", "a", "--lead", "b").exit_code == 0
    monkeypatch.chdir(three_cycles / "projects" / "outreach" / "cycles")
    assert json.loads(run("show", "1", "--format", "json").stdout)["slug"] == "calls"


def test_a_broken_file_is_reported_and_the_rest_listed(three_cycles: Path, run: Run) -> None:
    (three_cycles / "projects" / "outreach" / "cycles" / "bad.toml").write_text("x = [\n")
    outcome = run("list", "--format", "json")
    assert outcome.exit_code == 1
    assert len(json.loads(outcome.stdout)) == 3
    assert "projects/outreach/cycles/bad.toml:" in outcome.stderr


def test_numbers_are_refused_while_a_cycle_file_is_broken(three_cycles: Path, run: Run) -> None:
    (three_cycles / "projects" / "outreach" / "cycles" / "aaa.toml").write_text("x = [\n")
    outcome = run("do", "outreach/2", "--as-planned", "--observations", "x")
    assert outcome.exit_code == 1
    assert "cannot number the cycles of 'outreach' while a cycle file cannot be read" in (
        outcome.stderr
    )
    assert run("show", "outreach/texts", "--format", "json").exit_code == 0
