"""plan, do, study, act: what lands on disk, and every refusal."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

import pytest
from support import Run, cycle_file, read

PLAN_ARGS = (
    "plan",
    "Text reminders",
    "--objective",
    "Find out whether a text the day before reduces missed appointments",
    "--prediction",
    "Attendance rises from 70% to at least 80%",
    "--expect",
    "attendance-rate >= 80",
    "--prediction",
    "Some numbers will be out of date",
    "--change-idea",
    "texts",
    "--scale",
    "1 clinic, 20 patients, 2 weeks",
    "--people",
    "20",
    "--sites",
    "1",
    "--days",
    "14",
    "--start",
    "2026-03-11",
    "--end",
    "2026-03-22",
    "--task",
    "Draft the text with two peer workers",
    "--question",
    "Do people reply?",
    "--date",
    "2026-03-04",
)

EXPECTED_PLAN = """#:schema ../../../.pdsa/schemas/cycle.json
schema_version = 1
title = "Text reminders"
change_idea = "texts"
measures = ["attendance-rate"]

[plan]
date = 2026-03-04
objective = "Find out whether a text the day before reduces missed appointments"
questions = ["Do people reply?"]
predictions = [
    { text = "Attendance rises from 70% to at least 80%", measure = "attendance-rate", direction = "increase", target = 80 },
    "Some numbers will be out of date",
]
scale = { description = "1 clinic, 20 patients, 2 weeks", people = 20, sites = 1, days = 14 }
start = 2026-03-11
end = 2026-03-22

[[plan.tasks]]
what = "Draft the text with two peer workers"
"""


def test_plan_writes_the_worksheet(log: Path, run: Run) -> None:
    outcome = run(*PLAN_ARGS)
    assert outcome.exit_code == 0, outcome.stderr
    assert read(cycle_file(log, "text-reminders")) == EXPECTED_PLAN
    assert "Planned outreach/text-reminders" in outcome.stderr
    assert outcome.stdout == ""


def test_phases_are_appended_and_keep_hand_edits(log: Path, run: Run) -> None:
    assert run(*PLAN_ARGS).exit_code == 0
    path = cycle_file(log, "text-reminders")
    edited = read(path).replace("[plan]", "# Agreed at the team meeting\n[plan]")
    assert edited != read(path)
    path.write_text(edited, encoding="utf-8")

    assert (
        run(
            "do",
            "text-reminders",
            "--as-planned",
            "--observations",
            "17 of 20 came",
            "--date",
            "2026-03-22",
        ).exit_code
        == 0
    )
    assert (
        run(
            "study",
            "text",
            "--results",
            "85%",
            "--matched",
            "yes",
            "--learning",
            "Replies need a person",
            "--date",
            "2026-03-29",
        ).exit_code
        == 0
    )
    outcome = run(
        "act",
        "outreach/1",
        "--decision",
        "adapt",
        "--changes",
        "Two clinics",
        "--next",
        "text-reminders-two-clinics",
        "--date",
        "2026-04-01",
    )
    assert outcome.exit_code == 0, outcome.stderr

    assert read(path) == edited + (
        '\n[do]\ndate = 2026-03-22\nas_planned = true\nobservations = "17 of 20 came"\n'
        '\n[study]\ndate = 2026-03-29\nresults = "85%"\nprediction_matched = "yes"\n'
        'learning = "Replies need a person"\n'
        '\n[act]\ndate = 2026-04-01\ndecision = "adapt"\nchanges = "Two clinics"\n'
        'next = "text-reminders-two-clinics"\n'
    )


def test_dates_default_to_today(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    assert run("do", "quick-test", "--not-as-planned", "--observations", "x").exit_code == 0
    data = tomllib.loads(read(cycle_file(log, "quick-test")))
    assert str(data["plan"]["date"]) == "2026-11-26"
    assert str(data["do"]["date"]) == "2026-11-26"
    assert data["do"]["as_planned"] is False


def test_study_before_do_is_refused_naming_the_missing_phase(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    before = read(cycle_file(log, "quick-test"))
    outcome = run("study", "quick-test", "--results", "r", "--matched", "yes", "--learning", "l")
    assert outcome.exit_code == 1
    assert "has no Do phase yet; Study comes after Do" in outcome.stderr
    assert "pdsa do outreach/quick-test" in outcome.stderr
    assert read(cycle_file(log, "quick-test")) == before


def test_act_before_study_is_refused(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    assert run("do", "quick-test", "--as-planned", "--observations", "x").exit_code == 0
    outcome = run("act", "quick-test", "--decision", "adopt")
    assert outcome.exit_code == 1
    assert "has no Study phase yet" in outcome.stderr


def test_repeating_a_phase_points_to_edit(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    assert run("do", "quick-test", "--as-planned", "--observations", "x").exit_code == 0
    before = read(cycle_file(log, "quick-test"))
    outcome = run("do", "quick-test", "--as-planned", "--observations", "again")
    assert outcome.exit_code == 1
    assert "already has a Do phase" in outcome.stderr
    assert "pdsa edit outreach/quick-test" in outcome.stderr
    assert read(cycle_file(log, "quick-test")) == before


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("plan", "No objective"), "--objective"),
        (("plan", "--objective", "x"), "TITLE"),
    ],
)
def test_missing_values_without_a_terminal_name_the_option(
    log: Path, run: Run, args: tuple[str, ...], option: str
) -> None:
    outcome = run(*args)
    assert outcome.exit_code == 2
    assert f"missing {option}" in outcome.stderr
    assert list((log / "projects" / "outreach" / "cycles").iterdir()) == []


def test_missing_phase_values_name_the_option(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    outcome = run("do", "quick-test", "--as-planned")
    assert outcome.exit_code == 2
    assert "missing --observations" in outcome.stderr
    outcome = run("act", "quick-test", "--decision", "adopt")
    assert outcome.exit_code == 1  # Act without Study: refused before asking anything


def test_a_bad_date_is_a_usage_error(log: Path, run: Run) -> None:
    outcome = run("plan", "Quick test", "--objective", "See", "--start", "11/03/2026")
    assert outcome.exit_code == 2
    assert "'11/03/2026' is not a date; write it as YYYY-MM-DD" in outcome.stderr


def test_a_bad_decision_is_refused_with_the_choices(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    assert run("do", "quick-test", "--as-planned", "--observations", "x").exit_code == 0
    assert (
        run(
            "study", "quick-test", "--results", "r", "--matched", "partly", "--learning", "l"
        ).exit_code
        == 0
    )
    outcome = run("act", "quick-test", "--decision", "maybe")
    assert outcome.exit_code == 1
    assert "'act.decision'" not in outcome.stderr or "adopt" in outcome.stderr
    assert "decision" in outcome.stderr and "'adopt', 'adapt' or 'abandon'" in outcome.stderr


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--follows",
            "nothing-here",
            "--follows 'nothing-here': no cycle called 'nothing-here' in project 'outreach'",
        ),
        (
            "--change-idea",
            "flyers",
            "--change-idea 'flyers': no change idea called 'flyers' in project 'outreach'",
        ),
        ("--measure", "waits", "--measure 'waits': no measure called 'waits' in project"),
    ],
)
def test_references_must_name_real_records(
    log: Path, run: Run, option: str, value: str, message: str
) -> None:
    outcome = run("plan", "Quick test", "--objective", "See", option, value)
    assert outcome.exit_code == 1
    assert message in outcome.stderr
    assert list((log / "projects" / "outreach" / "cycles").iterdir()) == []


def test_a_ramp_follows_an_earlier_cycle(log: Path, run: Run) -> None:
    assert (
        run("plan", "Text reminders", "--objective", "See", "--start", "2026-03-01").exit_code == 0
    )
    assert (
        run(
            "plan",
            "Text reminders",
            "--objective",
            "Again, bigger",
            "--follows",
            "text-reminders",
            "--start",
            "2026-04-01",
            "--slug",
            "text-reminders-2",
        ).exit_code
        == 0
    )
    data = tomllib.loads(read(cycle_file(log, "text-reminders-2")))
    assert data["follows"] == "text-reminders"


def test_the_same_plan_twice_in_a_script_is_refused(log: Path, run: Run) -> None:
    assert run("plan", "Same", "--objective", "one").exit_code == 0
    again = run("plan", "Same", "--objective", "one")
    assert again.exit_code == 1
    assert "project 'outreach' already has a cycle called 'same'; nothing was written" in (
        again.stderr
    )
    assert "--slug same-2" in again.stderr
    names = sorted(p.name for p in (log / "projects" / "outreach" / "cycles").iterdir())
    assert names == ["same.toml"]


def test_slug_still_makes_a_deliberate_second_cycle_with_the_same_title(
    log: Path, run: Run
) -> None:
    assert run("plan", "Same", "--objective", "one").exit_code == 0
    second = run("plan", "Same", "--objective", "two", "--slug", "same-2")
    assert second.exit_code == 0, second.stderr
    names = sorted(p.name for p in (log / "projects" / "outreach" / "cycles").iterdir())
    assert names == ["same-2.toml", "same.toml"]


def test_the_same_plan_twice_at_a_terminal_asks(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("plan", "Same", "--objective", "one").exit_code == 0
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    declined = run("plan", "Same", "--objective", "one", "--prediction", "x", input="n\n")
    assert declined.exit_code == 1
    assert "already has a cycle with this title. Plan a second one, as 'same-2'?" in (
        declined.stderr
    )
    assert not cycle_file(log, "same-2").exists()
    accepted = run("plan", "Same", "--objective", "two", "--prediction", "x", input="y\n")
    assert accepted.exit_code == 0, accepted.stderr
    assert tomllib.loads(read(cycle_file(log, "same-2")))["plan"]["objective"] == "two"


def test_concurrent_plans_never_clobber(log: Path) -> None:
    from pdsa.errors import PdsaError
    from pdsa.model.cycle import Cycle
    from pdsa.store.log import Log
    from pdsa.workflow.cycles import new_cycle

    store = Log(log)
    made: list[str] = []
    refused: list[str] = []

    def plan(objective: str) -> None:
        cycle = Cycle.model_validate(
            {
                "schema_version": 1,
                "title": "Race",
                "plan": {"date": __import__("datetime").date(2026, 1, 1), "objective": objective},
            }
        )
        try:
            made.append(new_cycle(store, "outreach", cycle))
        except PdsaError as error:
            refused.append(error.message)

    threads = [threading.Thread(target=plan, args=(f"run {n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    files = sorted((log / "projects" / "outreach" / "cycles").glob("race*.toml"))
    # One plan lands; every other is refused, none overwrites it.
    assert made == ["race"] and len(refused) == 5
    assert [f.name for f in files] == ["race.toml"]
    assert tomllib.loads(read(files[0]))["plan"]["objective"].startswith("run ")


def test_a_file_that_does_not_parse_is_never_written(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    path = cycle_file(log, "quick-test")
    broken = read(path) + "\nnotes = [\n"
    path.write_text(broken, encoding="utf-8")
    outcome = run("do", "quick-test", "--as-planned", "--observations", "x")
    assert outcome.exit_code == 1
    assert "projects/outreach/cycles/quick-test.toml:" in outcome.stderr
    assert "not valid TOML" in outcome.stderr
    assert read(path) == broken


def test_an_invalid_file_is_reported_by_line_and_never_written(log: Path, run: Run) -> None:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    path = cycle_file(log, "quick-test")
    broken = read(path).replace("objective =", "objectiv =")
    path.write_text(broken, encoding="utf-8")
    outcome = run("do", "quick-test", "--as-planned", "--observations", "x")
    assert outcome.exit_code == 1
    assert (
        "quick-test.toml:7:1: unknown key 'objectiv'; did you mean 'objective'?" in outcome.stderr
    )
    assert "missing required field 'objective'" in outcome.stderr
    assert read(path) == broken


def test_interactive_answers_are_asked_with_the_worksheet_question(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    outcome = run(
        "plan", "Asked", input="First line\nsecond line\n\nafter a blank\n.\nA prediction\n"
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert "What is the objective of this cycle?" in outcome.stderr
    data = tomllib.loads(read(cycle_file(log, "asked")))
    assert data["plan"]["objective"] == "First line\nsecond line\n\nafter a blank"
    assert data["plan"]["predictions"] == ["A prediction"]


def test_plan_in_the_editor_saves_only_a_valid_answer(log: Path, run: Run, tmp_path: Path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        "p.write_text(t.replace('objective = \"\"', 'objective = \"From the editor\"'))\n",
        encoding="utf-8",
    )
    import sys

    outcome = run("plan", "Edited", "--editor", env={"EDITOR": f"{sys.executable} {script}"})
    assert outcome.exit_code == 0, outcome.stderr
    data = tomllib.loads(read(cycle_file(log, "edited")))
    assert data["plan"]["objective"] == "From the editor"
    assert data["title"] == "Edited"


def test_study_shows_the_predictions_and_what_the_data_say(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    csv = tmp_path / "points.csv"
    csv.write_text("2026-03-01,70\n2026-03-12,84\n2026-03-19,86\n")
    assert run("measure", "import", "attendance-rate", str(csv)).exit_code == 0
    assert run(*PLAN_ARGS).exit_code == 0
    assert (
        run(
            "do", "text-reminders", "--as-planned", "--observations", "ok", "--date", "2026-03-22"
        ).exit_code
        == 0
    )
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    outcome = run(
        "study",
        "text-reminders",
        "--date",
        "2026-03-29",
        input="85% came\n.\nyes\nPeople reply\n.\n",
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert "The predictions:" in outcome.stderr
    assert (
        "1. Attendance rises from 70% to at least 80% -> data: hit "
        "(median 85 is at least the target 80)" in outcome.stderr
    )
    assert "2. Some numbers will be out of date" in outcome.stderr
    data = tomllib.loads(read(cycle_file(log, "text-reminders")))
    assert data["study"]["results"] == "85% came"
    assert data["study"]["prediction_matched"] == "yes"
