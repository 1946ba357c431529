"""The report's readings of measures, in every format: old data, the goal on more than one
point, the signal's words, points as activity, and programme-wide measures by month."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from support import Run

TODAY = "2026-11-26"


def weekly(first: str, values: list[float]) -> str:
    start = datetime.date.fromisoformat(first)
    return "".join(
        f"{start + datetime.timedelta(days=7 * i)},{value}\n" for i, value in enumerate(values)
    )


def add_project(run: Run, title: str, slug: str) -> None:
    outcome = run(
        "project", "new", title, "--slug", slug, "--aim", "More tests by 2027", "--lead", "Org"
    )
    assert outcome.exit_code == 0, outcome.stderr


def add_measure(
    run: Run, tmp_path: Path, project: str, slug: str, points: str, *options: str
) -> None:
    outcome = run("measure", "new", project, slug.capitalize(), "--slug", slug, *options)
    assert outcome.exit_code == 0, outcome.stderr
    source = tmp_path / f"{project}-{slug}.csv"
    source.write_text(points, encoding="utf-8")
    outcome = run("measure", "import", f"{project}/{slug}", str(source))
    assert outcome.exit_code == 0, outcome.stderr


@pytest.fixture
def readings(empty_log: Path, run: Run, tmp_path: Path) -> Path:
    add_project(run, "Clinic texts «SMS» & calls", "clinic")
    add_project(run, "Bus outreach", "bus")
    count = ("--type", "process", "--unit", "people", "--improvement", "higher", "--key", "tested")
    # clinic: weekly counts to 16 November (current); a step up half way: a process that
    # improved, charted without a rebase.
    clinic = [10.0] * 12 + [20.0] * 12
    add_measure(run, tmp_path, "clinic", "tested", weekly("2026-06-08", clinic), *count)
    # bus: weekly counts that stopped in August (old data).
    add_measure(run, tmp_path, "bus", "tested", weekly("2026-06-01", [3.0] * 12), *count)
    rate = ("--type", "outcome", "--unit", "%", "--improvement", "higher", "--goal", "80")
    rate += ("--key", "retained")
    # clinic: the latest point meets the goal, the median of the phase does not.
    values = [70.0, 72, 71, 73, 70, 72, 71, 73, 70, 72, 71, 85]
    add_measure(run, tmp_path, "clinic", "retained", weekly("2026-09-07", values), *rate)
    add_measure(run, tmp_path, "bus", "retained", weekly("2026-09-07", [60.0] * 12), *rate)
    return empty_log


def report(run: Run, *args: str) -> str:
    outcome = run("report", *args)
    assert outcome.exit_code == 0, outcome.stderr
    return outcome.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def markdown(run: Run) -> str:
    """The Markdown report with its escapes taken out (how it escapes is not tested here)."""
    return report(run, "--format", "markdown").replace("\\", "")


def project_json(run: Run, slug: str) -> dict[str, object]:
    data = json.loads(report(run, "--format", "json"))
    project: dict[str, object] = next(p for p in data["projects"] if p["slug"] == slug)
    return project


def measure_json(run: Run, project: str, slug: str) -> dict[str, object]:
    measures = project_json(run, project)["measures"]
    assert isinstance(measures, list)
    found: dict[str, object] = next(m for m in measures if m["slug"] == slug)
    return found


def test_old_data_is_flagged_in_every_format(readings: Path, run: Run) -> None:
    old = measure_json(run, "bus", "tested")
    assert (old["latest_date"], old["days_since_latest"], old["usual_interval_days"]) == (
        "2026-08-17",
        101,
        7,
    )
    assert old["old_data"] is True
    assert measure_json(run, "clinic", "tested")["old_data"] is False
    assert "3 people (old data: 101 days)" in flat(report(run))
    assert "3 people on 2026-08-17 (old data: 101 days)" in markdown(run)
    html = report(run, "--format", "html")
    assert '<span class="badge badge-stale">old data</span>' in html
    assert "the latest point is 101 days old; points usually come every 7 days" in html
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(report(run, "--format", "csv")))}
    assert (rows["bus"]["measures_old_data"], rows["clinic"]["measures_old_data"]) == ("1", "0")


def test_recording_a_data_point_is_activity(readings: Path, run: Run) -> None:
    clinic = project_json(run, "clinic")
    assert (clinic["last_activity"], clinic["days_since_activity"]) == ("2026-11-23", 3)
    assert clinic["stale"] is False
    bus = project_json(run, "bus")
    assert bus["last_activity"] == "2026-11-23"  # its rate is recorded weekly still


def test_goal_met_rests_on_more_than_one_point(readings: Path, run: Run) -> None:
    retained = measure_json(run, "clinic", "retained")
    assert (retained["goal_met"], retained["goal_reading"]) == (False, "latest_only")
    words = "met by the latest point only; the median of the current phase (71.5) is not"
    assert retained["goal_words"] == words
    assert "80% (latest only)" in flat(report(run))
    assert f"(goal 80%: {words})" in markdown(run)
    assert "latest only</span> " + words in report(run, "--format", "html")
    # On an SPC chart with limits, the assurance decides.
    path = readings / "projects" / "clinic" / "measures" / "retained.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('type = "outcome"\n', 'type = "outcome"\nrules = "spc"\n'))
    spc = measure_json(run, "clinic", "retained")
    assert (spc["rules"], spc["assurance"], spc["goal_reading"]) == ("spc", "fail", "fail")
    assert spc["goal_met"] is False
    assert str(spc["goal_words"]).startswith("fail: the process limits (")
    assert "80% (fail)" in flat(report(run))


def test_an_improved_process_reads_improvement_never_neutral(readings: Path, run: Run) -> None:
    tested = measure_json(run, "clinic", "tested")
    assert (tested["signal"], tested["signal_basis"]) == ("improvement", "latest point")
    table = flat(report(run))
    assert "neutral" not in table
    chart = json.loads(run("chart", "clinic/tested", "--format", "json").stdout)
    early = {point["variation"] for point in chart["points"][:12]}
    assert early == {"common_cause"}  # the process before it improved, not a concern
    assert any(line.startswith("before the improvement:") for line in chart["legend"])
    text = run("chart", "clinic/tested").stdout
    assert "▼" not in text.split("key:")[0]


def test_counts_are_totalled_for_one_month_and_rates_never_averaged(
    readings: Path, run: Run
) -> None:
    data = json.loads(report(run, "--format", "json"))
    rates, counts = data["shared_measures"]
    assert (counts["key"], counts["kind"], counts["month"]) == ("tested", "count", "2026-10")
    # October: the clinic's four Mondays at 20; the bus's data is old and left out.
    assert (counts["total"], counts["counted"]) == (80.0, ["clinic"])
    assert counts["left_out"] == [
        {"project": "bus", "measure": "tested", "reason": "old data, latest 2026-08-17"}
    ]
    summary = (
        "total for October 2026: 80 people, from 1 of 2 projects "
        "(left out: bus (old data, latest 2026-08-17))"
    )
    assert counts["summary"] == summary
    assert (rates["kind"], rates["total"], rates["low"], rates["high"]) == (
        "rate",
        None,
        60.0,
        85.0,
    )
    assert "mean" not in rates and "mean" not in counts
    assert summary in flat(report(run))
    assert summary in markdown(run)
    html = report(run, "--format", "html")
    assert summary in html
    assert (
        "range of the latest values 60% to 85%, from 2 of 2 projects; rates are not averaged"
        in (html)
    )
