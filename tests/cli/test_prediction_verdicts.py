"""The data's verdict on a prediction is one reading: the Study prompt, ``show``, ``report``
and ``chart`` give the same outcome for the same prediction, beside the team's verdict."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from support import Run, cycle_file, read

# Weekly attendance: 60 before any test; the first cycle (2 to 15 March) lifts it to 75,
# and it stays there; the second cycle (6 to 19 April) keeps it at 75.
POINTS = (
    [(f"2026-01-{day:02d}", 60) for day in (5, 12, 19, 26)]
    + [(f"2026-02-{day:02d}", 60) for day in (2, 9, 16, 23)]
    + [("2026-03-02", 74), ("2026-03-09", 76), ("2026-03-16", 75), ("2026-03-23", 75)]
    + [("2026-03-30", 75), ("2026-04-06", 75), ("2026-04-13", 75)]
)


def plan(run: Run, title: str, *options: str) -> None:
    outcome = run("plan", title, "--objective", "Test it", "--change-idea", "texts", *options)
    assert outcome.exit_code == 0, outcome.stderr


@pytest.fixture
def ramp(log: Path, run: Run, tmp_path: Path) -> Path:
    csv = tmp_path / "points.csv"
    csv.write_text("".join(f"{date},{value}\n" for date, value in POINTS), encoding="utf-8")
    assert run("measure", "import", "attendance-rate", str(csv)).exit_code == 0
    plan(
        run,
        "First texts",
        *("--prediction", "Attendance rises", "--expect", "attendance-rate up"),
        *("--start", "2026-03-02", "--end", "2026-03-15", "--date", "2026-02-25"),
    )
    plan(
        run,
        "Second texts",
        *("--prediction", "Attendance rises again", "--expect", "attendance-rate up"),
        *("--prediction", "Attendance reaches 75", "--expect", "attendance-rate >= 75"),
        *(
            "--prediction",
            "Fewer complaints",
        ),
        *("--start", "2026-04-06", "--end", "2026-04-19", "--date", "2026-04-01"),
        "--follows",
        "first-texts",
    )
    plan(
        run,
        "Third texts",
        *("--prediction", "Attendance holds at 75", "--expect", "attendance-rate >= 75"),
        *("--start", "2026-05-04", "--end", "2026-05-17", "--date", "2026-04-28"),
    )
    for slug, date in (("first-texts", "2026-03-15"), ("second-texts", "2026-04-19")):
        outcome = run("do", slug, "--observations", "Done", "--date", date)
        assert outcome.exit_code == 0, outcome.stderr
    outcome = run("do", "third-texts", "--observations", "Done", "--date", "2026-05-17")
    assert outcome.exit_code == 0, outcome.stderr
    return log


def prompt_outcomes(run: Run, slug: str, monkeypatch: pytest.MonkeyPatch) -> dict[int, str]:
    """What the Study prompt shows, read from its lines; nothing is written (no answer)."""
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    outcome = run("study", slug, "--date", "2026-06-01", input="")
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: False)
    assert outcome.exit_code == 1 and "no answer" in outcome.stderr
    found = {}
    for line in outcome.stderr.splitlines():
        position, _, rest = line.strip().partition(". ")
        if position.isdigit() and " -> data: " in rest:
            found[int(position)] = rest.split(" -> data: ")[1].split(" (")[0]
    return found


def show_outcomes(run: Run, slug: str) -> dict[int, str]:
    data = json.loads(run("show", slug, "--format", "json").stdout)
    return {check["position"]: check["outcome"] for check in data["prediction_checks"]}


def report_outcomes(run: Run, slug: str) -> dict[int, str]:
    data = json.loads(run("report", "--format", "json").stdout)
    checks = data["projects"][0]["predictions"]["checks"]
    return {c["position"]: c["outcome"] for c in checks if c["cycle"] == f"outreach/{slug}"}


def chart_outcomes(run: Run, slug: str) -> dict[int, str]:
    data = json.loads(run("chart", "attendance-rate", "--format", "json").stdout)
    cycle = next(mark for mark in data["cycles"] if mark["slug"] == slug)
    return {check["position"]: check["outcome"] for check in cycle["prediction_checks"]}


def words(outcomes: dict[int, str]) -> dict[int, str]:
    return {position: outcome.replace("_", " ") for position, outcome in outcomes.items()}


def test_prompt_show_report_and_chart_agree_on_every_prediction(
    ramp: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {
        # Compared with the 60s before it: it rose.
        "first-texts": {1: "hit"},
        # Compared with the state the first cycle left (75), not the 60s before it: no rise.
        "second-texts": {1: "miss", 2: "hit"},
        # No point in its window (the data stop in April).
        "third-texts": {1: "not_enough_data"},
    }
    for slug, outcomes in expected.items():
        assert show_outcomes(run, slug) == outcomes, slug
        assert report_outcomes(run, slug) == outcomes, slug
        assert chart_outcomes(run, slug) == outcomes, slug
        assert prompt_outcomes(run, slug, monkeypatch) == words(outcomes), slug
    # The prompt wrote nothing.
    assert "[study]" not in read(cycle_file(ramp, "second-texts"))


def test_team_and_data_verdicts_side_by_side_everywhere(ramp: Path, run: Run) -> None:
    outcome = run(
        "study",
        "second-texts",
        *("--results", "75%", "--learning", "Holds", "--matched", "yes", "--date", "2026-04-22"),
    )
    assert outcome.exit_code == 0, outcome.stderr
    side_by_side = "team: yes; data: 1 hit, 1 miss"
    shown = run("show", "second-texts").stdout
    assert f"verdicts            {side_by_side} (they disagree)" in shown
    assert "data: miss (median stayed at 75 (before the test))" in " ".join(shown.split())
    data = json.loads(run("show", "second-texts", "--format", "json").stdout)
    assert data["prediction_verdicts"]["side_by_side"] == side_by_side
    assert data["prediction_verdicts"]["disagrees"] is True
    report = json.loads(run("report", "--format", "json").stdout)
    record = report["projects"][0]["predictions"]
    assert record["disagreements"] == ["outreach/second-texts"]
    assert record["team"] == {"yes": 1, "no": 0, "partly": 0}
    verdict = next(v for v in record["verdicts"] if v["cycle"] == "outreach/second-texts")
    assert verdict["side_by_side"] == side_by_side
    table = " ".join(run("report").stdout.split())
    assert f"Team and data disagree (1) - outreach/second-texts: {side_by_side}" in table
    assert (
        f"`outreach/second-texts`: {side_by_side}" in run("report", "--format", "markdown").stdout
    )
    html = run("report", "--format", "html").stdout
    assert f"<code>outreach/second-texts</code>: {side_by_side}" in html
    chart = run("chart", "attendance-rate").stdout
    assert f"predictions: {side_by_side} (they disagree)" in " ".join(chart.split())
    svg = run("chart", "attendance-rate", "--format", "svg").stdout
    assert f"predictions: {side_by_side} (they disagree)" in svg


def test_headline_counts_say_what_they_count(ramp: Path, run: Run) -> None:
    data = json.loads(run("report", "--format", "json").stdout)
    record = data["totals"]["predictions"]
    assert (record["written"], record["checkable"], record["not_checkable"]) == (5, 4, 1)
    assert (record["hit"], record["miss"], record["not_enough_data"], record["pending"]) == (
        2,
        1,
        1,
        0,
    )
    assert record["summary"] == (
        "5 predictions written, 4 checkable against data: 2 hit, 1 miss, 1 not enough data"
    )
    assert record["team_summary"] == "team verdicts: none yet"
    table = " ".join(run("report").stdout.split())
    assert "5 predictions written, 4 checkable against data: 2 hit, 1 miss" in table
    rows = run("report", "--format", "csv").stdout.splitlines()
    header, row = rows[0].split(","), rows[1].split(",")
    values = dict(zip(header, row, strict=True))
    assert (values["predictions_written"], values["predictions_checkable"]) == ("5", "4")
    assert values["predictions_not_enough_data"] == "1"


def test_matched_is_asked_only_when_the_plan_made_predictions(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("plan", "No guess", "--objective", "Just try it").exit_code == 0
    assert run("do", "no-guess", "--observations", "Done").exit_code == 0
    # In a script, no --matched is needed; given, it is kept, with a warning.
    assert run("plan", "Told anyway", "--objective", "Just try it").exit_code == 0
    assert run("do", "told-anyway", "--observations", "Done").exit_code == 0
    told = run("study", "told-anyway", "--results", "r", "--learning", "l", "--matched", "yes")
    assert told.exit_code == 0, told.stderr
    assert "warning: the plan of outreach/told-anyway made no prediction" in told.stderr
    assert 'prediction_matched = "yes"' in read(cycle_file(log, "told-anyway"))
    # At a terminal, the question is not asked.
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    outcome = run("study", "no-guess", input="It worked\n.\nKeep it\n.\n")
    assert outcome.exit_code == 0, outcome.stderr
    assert "Did the results match the predictions?" not in outcome.stderr
    assert "This cycle recorded no prediction." in outcome.stderr
    study = tomllib.loads(read(cycle_file(log, "no-guess")))["study"]
    assert "prediction_matched" not in study
    assert study["results"] == "It worked"


def test_a_plan_with_predictions_still_needs_the_teams_verdict(log: Path, run: Run) -> None:
    assert run("plan", "A guess", "--objective", "Try", "--prediction", "Up").exit_code == 0
    assert run("do", "a-guess", "--observations", "Done").exit_code == 0
    outcome = run("study", "a-guess", "--results", "r", "--learning", "l")
    assert outcome.exit_code == 2
    assert "missing --matched" in outcome.stderr


def test_as_planned_may_be_left_unrecorded(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("plan", "Quick", "--objective", "Try").exit_code == 0
    outcome = run("do", "quick", "--observations", "Done")
    assert outcome.exit_code == 0, outcome.stderr
    assert "as_planned" not in tomllib.loads(read(cycle_file(log, "quick")))["do"]
    assert "as planned" not in run("show", "quick").stdout
    # At a terminal the question may be skipped.
    assert run("plan", "Asked", "--objective", "Try").exit_code == 0
    assert run("plan", "Told", "--objective", "Try").exit_code == 0
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    outcome = run("do", "asked", input="skip\nIt went fine\n.\n")
    assert outcome.exit_code == 0, outcome.stderr
    assert "(skip to leave it unrecorded) [yes/no/skip]" in outcome.stderr
    assert "as_planned" not in tomllib.loads(read(cycle_file(log, "asked")))["do"]
    outcome = run("do", "told", input="no\nIt went differently\n.\n")
    assert outcome.exit_code == 0, outcome.stderr
    assert tomllib.loads(read(cycle_file(log, "told")))["do"]["as_planned"] is False


def test_a_new_change_idea_is_added_to_the_project_and_tested(log: Path, run: Run) -> None:
    project = log / "projects" / "outreach" / "project.toml"
    before = read(project)
    outcome = run(
        "plan",
        "Peer texts",
        "--objective",
        "Try",
        "--change-idea",
        "texts",
        "--new-change-idea",
        "Texts signed by a peer worker «named» & friendly",
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert "Added the change idea 'texts-signed-by-a-peer-worker-named-friendly'" in (
        outcome.stderr
    )
    # Appended: the file's bytes before are kept exactly.
    after = read(project)
    assert after.startswith(before)
    ideas = tomllib.loads(after)["change_ideas"]
    assert ideas[-1] == {
        "id": "texts-signed-by-a-peer-worker-named-friendly",
        "title": "Texts signed by a peer worker «named» & friendly",
    }
    cycle = tomllib.loads(read(cycle_file(log, "peer-texts")))
    assert cycle["change_idea"] == ["texts", "texts-signed-by-a-peer-worker-named-friendly"]
    # The same idea again is refused, and names the id to use; nothing is written.
    again = run(
        "plan",
        "More",
        "--objective",
        "Try",
        "--new-change-idea",
        "Texts signed by a peer worker «named» & friendly",
    )
    assert again.exit_code == 1
    assert "--change-idea texts-signed-by-a-peer-worker-named-friendly" in again.stderr
    assert read(project) == after
    assert not cycle_file(log, "more").exists()
    # An unknown --change-idea says how to add one.
    unknown = run("plan", "Other", "--objective", "Try", "--change-idea", "posters")
    assert unknown.exit_code == 1
    assert "--new-change-idea 'TITLE'" in unknown.stderr


def test_a_refused_plan_adds_no_change_idea(log: Path, run: Run) -> None:
    project = log / "projects" / "outreach" / "project.toml"
    before = read(project)
    outcome = run(
        "plan", "Bad", "--objective", "Try", "--new-change-idea", "Posters", "--follows", "none"
    )
    assert outcome.exit_code == 1
    assert read(project) == before
