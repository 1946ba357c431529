"""``pdsa history``: what a person sees, in text and JSON, in a real repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import Repo
from support import Run, cycle_file

from pdsa.store import git


def plan(run: Run, *extra: str) -> None:
    outcome = run(
        "plan",
        "Text the day before",
        "--objective",
        "Find out whether a text reduces missed appointments",
        "--prediction",
        "Attendance rises to at least 80%",
        "--expect",
        "attendance-rate >= 80",
        "--start",
        "2026-03-10",
        "--end",
        "2026-03-20",
        "--date",
        "2026-03-05",
        *extra,
    )
    assert outcome.exit_code == 0, outcome.stderr


@pytest.fixture
def story(log: Path, run: Run) -> dict[str, str]:
    """A cycle planned, measured, done, studied, then reworded; an Act not committed."""
    repo = Repo.create(log)
    ids = {"setup": repo.commit("Set up the log")}
    plan(run)
    ids["plan"] = repo.commit("Plan: text the day before")
    assert run("measure", "record", "attendance-rate", "71", "--date", "2026-03-12").exit_code == 0
    ids["data"] = repo.commit("Attendance, week of 9 March", author="Tomás Ferreira")
    assert (
        run("do", "text-the-day-before", "--as-planned", "--observations", "17 of 20").exit_code
        == 0
    )
    ids["do"] = repo.commit("Do")
    outcome = run(
        "study", "text-the-day-before", "--results", "85%", "--matched", "yes", "--learning", "L"
    )
    assert outcome.exit_code == 0
    ids["study"] = repo.commit("Study")
    path = cycle_file(log, "text-the-day-before")
    path.write_text(
        path.read_text(encoding="utf-8").replace("at least 80%", "at least 85%"), encoding="utf-8"
    )
    ids["reword"] = repo.commit("Tidy the wording", author="Sam Okafor")
    assert run("act", "text-the-day-before", "--decision", "adopt").exit_code == 0
    return {name: commit[:7] for name, commit in ids.items()}


def test_a_cycle_s_history_oldest_first_with_its_verdict(story: dict[str, str], run: Run) -> None:
    outcome = run("history", "text-the-day-before", env={"COLUMNS": "80"})
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout == (
        "History of cycle outreach/text-the-day-before\n"
        "projects/outreach/cycles/text-the-day-before.toml\n"
        "\n"
        f"{story['plan']}  Plan: text the day before\n"
        "  by Amira Haddad, authored and committed 2026-03-03 09:00 +00:00\n"
        "  + details\n"
        "  + plan\n"
        "  + prediction: Attendance rises to at least 80% (attendance-rate, increase, 80)\n"
        f"{story['do']}  Do\n"
        "  by Amira Haddad, authored and committed 2026-03-05 09:00 +00:00\n"
        "  + do\n"
        f"{story['study']}  Study\n"
        "  by Amira Haddad, authored and committed 2026-03-06 09:00 +00:00\n"
        "  + study\n"
        f"{story['reword']}  Tidy the wording\n"
        "  by Sam Okafor, authored and committed 2026-03-07 09:00 +00:00\n"
        f"  ~ prediction changed in {story['reword']} by Sam Okafor, after the Study "
        f"({story['study']}): a\n"
        "  hindsight edit\n"
        "      was: Attendance rises to at least 80% (attendance-rate, increase, 80)\n"
        "      now: Attendance rises to at least 85% (attendance-rate, increase, 80)\n"
        "not committed yet\n"
        "  + act\n"
        "\n"
        f"Prediction made in advance: the prediction ({story['plan']}) came before the Do\n"
        f"({story['do']}), the Study ({story['study']}) and the point of 2026-03-12 on "
        "attendance-rate\n"
        f"({story['data']})\n"
        f"Hindsight edit: prediction changed in {story['reword']} by Sam Okafor, after the "
        "Study\n"
        f"({story['study']})\n"
    )


def test_a_measure_s_points_and_a_project_s_changes(story: dict[str, str], run: Run) -> None:
    measure = run("history", "attendance-rate").stdout
    assert f"{story['data']}  Attendance, week of 9 March\n" in measure
    assert "  by Tomás Ferreira, authored and committed 2026-03-04 09:00 +00:00\n" in measure
    assert "  + point 2026-03-12: 71\n" in measure
    project = run("history", "outreach").stdout
    assert project.startswith("History of project outreach\nprojects/outreach/project.toml\n")
    assert "  + created: schema_version, title, aim, lead_organisation, started, " in project


def test_a_commit_made_later_than_it_was_authored_shows_both_dates(
    story: dict[str, str], log: Path, run: Run
) -> None:
    repo = Repo(log, day=7)
    repo.git("commit", "-q", "--amend", "--no-edit")  # authored 7 March, committed 8 March
    amended = repo.short()
    shown = run("history", "text-the-day-before", env={"COLUMNS": "120"}).stdout
    assert (
        f"{amended}  Tidy the wording\n"
        "  by Sam Okafor, authored 2026-03-07 09:00 +00:00, committed 2026-03-08 09:00 +00:00\n"
    ) in shown
    data = json.loads(run("history", "text-the-day-before", "--format", "json").stdout)
    commit = data["steps"][-2]["commit"]
    assert (commit["author_date"], commit["commit_date"]) == (
        "2026-03-07T09:00:00+00:00",
        "2026-03-08T09:00:00+00:00",
    )


def test_the_whole_log_s_timeline(story: dict[str, str], run: Run) -> None:
    outcome = run("history")
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    assert lines[0] == f"{story['setup']}  Set up the log"
    assert f"{story['data']}  Attendance, week of 9 March" in lines
    assert lines[-3:] == [
        "not committed yet",
        "  outreach/text-the-day-before (cycle)",
        "    + act",
    ]


def test_json_for_scripts(story: dict[str, str], run: Run) -> None:
    outcome = run("history", "outreach/text-the-day-before", "--format", "json")
    data = json.loads(outcome.stdout)
    assert data["record"] == "outreach/text-the-day-before"
    assert (data["kind"], data["shallow"], data["cut_off_at"]) == ("cycle", False, None)
    first = data["steps"][0]
    assert first["commit"]["short"] == story["plan"]
    assert first["commit"]["author"] == "Amira Haddad"
    assert first["commit"]["author_date"] == "2026-03-03T09:00:00+00:00"
    assert [change["part"] for change in first["changes"]] == ["details", "plan", "predictions"]
    assert data["steps"][-1]["commit"] is None
    prediction = data["prediction"]
    assert prediction["verdict"] == "made_in_advance"
    assert [item["what"] for item in prediction["evidence"]] == [
        "the Do",
        "the Study",
        "the point of 2026-03-12 on attendance-rate",
    ]
    (edit,) = prediction["hindsight_edits"]
    assert edit["old"] == ["Attendance rises to at least 80% (attendance-rate, increase, 80)"]
    assert edit["change"]["commit"]["short"] == story["reword"]
    timeline = json.loads(run("history", "--format", "json").stdout)
    assert timeline["head"].startswith(story["reword"])
    assert {step["record"] for step in timeline["steps"]} >= {
        "pdsa.toml",
        "outreach",
        "outreach/attendance-rate",
        "outreach/text-the-day-before",
    }


def test_typed_text_is_shown_literally(log: Path, run: Run) -> None:
    repo = Repo.create(log)
    outcome = run(
        "plan",
        "Évaluer les rappels",
        "--objective",
        "See",
        "--prediction",
        'الحضور يرتفع \x1b[31m[red]not markup[/red] & "quotes"',
    )
    assert outcome.exit_code == 0, outcome.stderr
    repo.commit("Plan 计划 \x1b[2J")
    shown = run("history", "evaluer-les-rappels", env={"COLUMNS": "200"}).stdout
    assert "\x1b" not in shown
    assert '+ prediction: الحضور يرتفع \\x1b[31m[red]not markup[/red] & "quotes"' in shown
    assert "  Plan 计划 \\x1b[2J" in shown


def test_a_shallow_clone_says_its_history_is_cut_off(
    story: dict[str, str], log: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "clone"
    Repo(log).git("clone", "-q", "--depth", "1", f"file://{log}", str(clone))
    monkeypatch.chdir(clone)
    shown = run("history", "text-the-day-before", env={"COLUMNS": "200"}).stdout
    assert "note: this clone's history is cut off (a shallow clone)" in shown
    assert "  present (not read: the history is cut off here)" in shown
    assert "Prediction unknown: cannot tell whether the prediction" in shown


def test_outside_git_history_says_so_and_exits_1(log: Path, run: Run) -> None:
    outcome = run("history")
    assert outcome.exit_code == 1
    assert outcome.stdout == ""
    assert outcome.stderr == (
        "error: the log is not in a git repository, so it has no history to read\n"
        "hint: keep the log in git (git init; git add .; git commit) to prove when each part "
        "was written\n"
    )


def test_without_git_history_says_so_and_other_commands_work(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    Repo.create(log).commit("Set up")
    monkeypatch.setattr(git.shutil, "which", lambda name: None)
    outcome = run("history")
    assert outcome.exit_code == 1
    assert outcome.stderr.startswith("error: git is not installed")
    assert run("list").exit_code == 0
    report = run("report", "--format", "json")
    assert report.exit_code == 0
    figure = json.loads(report.stdout)["totals"]["fidelity"]["figures"][1]
    assert (figure["name"], figure["percent"]) == ("predictions_in_advance", None)
    assert figure["unavailable"].startswith("git is not installed")


def test_an_unknown_name_is_refused_with_the_candidates(log: Path, run: Run) -> None:
    Repo.create(log).commit("Set up")
    outcome = run("history", "nothing-like-it")
    assert outcome.exit_code == 1
    assert "no cycle called 'nothing-like-it'" in outcome.stderr


def test_a_cycle_that_cannot_be_read_now_still_has_its_history(
    story: dict[str, str], log: Path, run: Run
) -> None:
    path = cycle_file(log, "text-the-day-before")
    path.write_text(path.read_text(encoding="utf-8") + "\n[study\n", encoding="utf-8")
    outcome = run("history", "text-the-day-before")
    assert outcome.exit_code == 0
    assert "its prediction is not judged" in outcome.stderr
    assert "this version is not valid TOML: its parts cannot be read" in outcome.stdout
    assert "Prediction" not in outcome.stdout


def test_predictions_taken_out_after_the_study_are_shown_as_a_hindsight_edit(
    story: dict[str, str], log: Path, run: Run
) -> None:
    repo = Repo(log, day=7)
    repo.git("checkout", "--", "projects/outreach/cycles/text-the-day-before.toml")  # no Act
    path = cycle_file(log, "text-the-day-before")
    text = path.read_text(encoding="utf-8")
    start = text.index("[[plan.predictions]]")
    end = text.index("\n\n", start) + 2
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    removed = repo.commit("Drop the prediction", author="Sam Okafor")[:7]
    shown = run("history", "text-the-day-before", env={"COLUMNS": "200"}).stdout
    assert (
        f"{removed}  Drop the prediction\n"
        "  by Sam Okafor, authored and committed 2026-03-09 09:00 +00:00\n"
        f"  - prediction removed in {removed} by Sam Okafor, after the Study ({story['study']}): "
        "a hindsight edit\n"
        "      was: Attendance rises to at least 85% (attendance-rate, increase, 80)\n"
    ) in shown
    assert shown.endswith(
        f"\nHindsight edit: predictions removed in {removed} by Sam Okafor, after the Study "
        f"({story['study']})\n"
    )
    assert "Prediction made in advance" not in shown  # no prediction left to judge
    data = json.loads(run("history", "text-the-day-before", "--format", "json").stdout)
    assert data["prediction"] is None
    assert [
        (edit["change"]["commit"]["short"], edit["new"]) for edit in data["hindsight_edits"]
    ] == [
        (story["reword"], ["Attendance rises to at least 85% (attendance-rate, increase, 80)"]),
        (removed, []),
    ]
