"""pdsa report --as-of: the log as it stood on a date, defined by a property.

``report --as-of X`` on a log equals ``report --as-of X`` on a copy of the log from which every
phase, cycle and data point dated after X has been removed, in every format. The logs and the
dates are generated; the copy is written here, from the generated data, not by pdsa.
"""

from __future__ import annotations

import datetime
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import Run

D = datetime.date
FIRST = D(2026, 1, 5)
TODAY = "2026-12-31"
FORMATS = ("json", "table", "markdown", "csv", "html")


def day(offset: int) -> datetime.date:
    return FIRST + datetime.timedelta(days=offset)


@dataclass
class GeneratedLog:
    """A log as plain data: ``{project: {"project": {...}, "measures": {...}, "cycles": {...}}}``."""

    projects: dict[str, dict[str, Any]]

    def write(self, root: Path, *, cut: datetime.date | None = None) -> None:
        """Write the log under ``root``; with ``cut``, leave out what is dated after it."""
        (root / "projects").mkdir(parents=True)
        programme = {
            "schema_version": 1,
            "name": "As-of & «test»",
            "themes": [{"id": "testing", "title": "Testing"}],
            "settings": {"stale_after_days": 30},
        }
        (root / "pdsa.toml").write_text(tomli_w.dumps(programme), encoding="utf-8")
        for slug, parts in self.projects.items():
            folder = root / "projects" / slug
            (folder / "measures").mkdir(parents=True)
            (folder / "cycles").mkdir()
            _dump(folder / "project.toml", parts["project"])
            for name, measure in parts["measures"].items():
                if cut is not None:
                    measure = {
                        **measure,
                        "points": [p for p in measure["points"] if p["date"] <= cut],
                        "phases": [p for p in measure.get("phases", []) if p["start"] <= cut],
                    }
                    if not measure["phases"]:
                        del measure["phases"]
                _dump(folder / "measures" / f"{name}.toml", measure)
            for name, cycle in parts["cycles"].items():
                if cut is not None:
                    if cycle["plan"]["date"] > cut:
                        continue
                    cycle = {
                        key: value
                        for key, value in cycle.items()
                        if key not in ("do", "study", "act") or value["date"] <= cut
                    }
                _dump(folder / "cycles" / f"{name}.toml", cycle)


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


@st.composite
def measures(draw: st.DrawFn, name: str) -> dict[str, Any]:
    count = draw(st.integers(0, 24))
    gap = draw(st.sampled_from([7, 14, 30]))
    start = draw(st.integers(0, 60))
    values = draw(st.lists(st.integers(0, 100), min_size=count, max_size=count))
    measure: dict[str, Any] = {
        "schema_version": 1,
        "title": name.capitalize(),
        "type": draw(st.sampled_from(["outcome", "process", "balancing"])),
        "unit": draw(st.sampled_from(["%", "people"])),
        "rules": draw(st.sampled_from(["anhoej", "ihi", "spc"])),
        "key": draw(st.sampled_from(["shared", None])),
        "improvement": draw(st.sampled_from(["higher", "lower", None])),
        "goal": draw(st.sampled_from([50, None])),
        "points": [
            {"date": day(start + gap * i), "value": value} for i, value in enumerate(values)
        ],
    }
    if count > 8 and draw(st.booleans()):
        measure["phases"] = [{"start": day(start + gap * (count // 2)), "reason": "New rota"}]
    return {key: value for key, value in measure.items() if value is not None}


@st.composite
def cycles(draw: st.DrawFn, index: int, measure_names: list[str]) -> dict[str, Any]:
    plan_day = draw(st.integers(0, 250))
    steps = draw(st.lists(st.integers(0, 40), min_size=0, max_size=3))
    start = plan_day + draw(st.integers(0, 10))
    plan: dict[str, Any] = {"date": day(plan_day), "objective": "Test it"}
    if draw(st.booleans()):
        plan["start"] = day(start)
        plan["end"] = day(start + draw(st.integers(0, 30)))
    predictions: list[Any] = []
    if measure_names and draw(st.booleans()):
        prediction = {
            "text": "It moves",
            "measure": draw(st.sampled_from(measure_names)),
            "direction": draw(st.sampled_from(["increase", "decrease"])),
        }
        if draw(st.booleans()):
            prediction["target"] = draw(st.integers(0, 100))
        predictions.append(prediction)
    if draw(st.booleans()):
        predictions.append("Plain text")
    if predictions:
        plan["predictions"] = predictions
    if draw(st.booleans()):
        plan["scale"] = {
            "description": "A small test",
            "people": draw(st.integers(1, 50)),
            "sites": 1,
        }
    cycle: dict[str, Any] = {"schema_version": 1, "title": f"Cycle {index}", "plan": plan}
    if measure_names and draw(st.booleans()):
        cycle["measures"] = [draw(st.sampled_from(measure_names))]
    if index and draw(st.booleans()):
        cycle["follows"] = f"c{draw(st.integers(0, index - 1))}"
    when = plan_day
    for phase, step in zip(("do", "study", "act"), steps, strict=False):
        when += step
        if phase == "do":
            body: dict[str, Any] = {"date": day(when), "observations": "Done"}
            if draw(st.booleans()):
                body["as_planned"] = True
        elif phase == "study":
            body = {"date": day(when), "results": "Results", "learning": "Learnt"}
            if predictions:
                body["prediction_matched"] = draw(st.sampled_from(["yes", "no", "partly"]))
        else:
            body = {"date": day(when), "decision": draw(st.sampled_from(["adopt", "adapt"]))}
        cycle[phase] = body
    return cycle


@st.composite
def logs(draw: st.DrawFn) -> GeneratedLog:
    projects: dict[str, dict[str, Any]] = {}
    for number in range(draw(st.integers(1, 3))):
        names = [f"m{i}" for i in range(draw(st.integers(0, 2)))]
        project = {
            "schema_version": 1,
            "title": f"Project {number}",
            "aim": "Test more people by December",
            "lead_organisation": "Riverside Positive Voices",
            "theme": "testing",
            "status": draw(st.sampled_from(["active", "active", "paused"])),
        }
        if draw(st.booleans()):
            project["started"] = day(draw(st.integers(0, 200)))
        projects[f"p{number}"] = {
            "project": project,
            "measures": {name: draw(measures(name)) for name in names},
            "cycles": {f"c{i}": draw(cycles(i, names)) for i in range(draw(st.integers(0, 4)))},
        }
    return GeneratedLog(projects)


def report(run: Run, root: Path, *args: str) -> str:
    outcome = run("--root", str(root), "report", *args, env={"PDSA_TODAY": TODAY})
    assert outcome.exit_code == 0, outcome.stderr
    return outcome.stdout


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(logs(), st.integers(-10, 330))
def test_a_report_as_of_a_date_is_the_report_of_the_log_cut_at_that_date(
    run: Run, log: GeneratedLog, offset: int
) -> None:
    as_of = day(offset).isoformat()
    with tempfile.TemporaryDirectory() as folder:
        whole, cut = Path(folder) / "whole", Path(folder) / "cut"
        log.write(whole)
        log.write(cut, cut=day(offset))
        for output_format in FORMATS:
            args = ("--as-of", as_of, "--format", output_format)
            assert report(run, whole, *args) == report(run, cut, *args), output_format


def test_the_property_test_can_fail(run: Run, tmp_path: Path) -> None:
    # Without the cut, a point dated after the as-of date would change the report.
    log = GeneratedLog(
        {
            "p0": {
                "project": {
                    "schema_version": 1,
                    "title": "P",
                    "aim": "Aim",
                    "lead_organisation": "Org",
                },
                "measures": {
                    "m0": {
                        "schema_version": 1,
                        "title": "M",
                        "type": "outcome",
                        "points": [{"date": day(0), "value": 1}, {"date": day(9), "value": 2}],
                    }
                },
                "cycles": {},
            }
        }
    )
    log.write(tmp_path / "whole")
    log.write(tmp_path / "cut", cut=day(5))
    as_of = ("--as-of", day(5).isoformat(), "--format", "json")
    whole = json.loads(report(run, tmp_path / "whole", *as_of))
    assert whole == json.loads(report(run, tmp_path / "cut", *as_of))
    assert whole["projects"][0]["measures"][0]["latest_value"] == 1.0
    assert whole["as_of"] == day(5).isoformat() and whole["generated"] == TODAY
    later = json.loads(report(run, tmp_path / "whole", "--format", "json"))
    assert later["projects"][0]["measures"][0]["latest_value"] == 2.0


@pytest.fixture
def small_log(tmp_path: Path) -> Path:
    root = tmp_path / "log"
    GeneratedLog(
        {
            "p0": {
                "project": {
                    "schema_version": 1,
                    "title": "P",
                    "aim": "Aim",
                    "lead_organisation": "Org",
                    "started": day(0),
                },
                "measures": {},
                "cycles": {
                    "early": {
                        "schema_version": 1,
                        "title": "Early",
                        "plan": {"date": day(0), "objective": "O"},
                        "do": {"date": day(5), "observations": "Done"},
                    },
                    "late": {
                        "schema_version": 1,
                        "title": "Late",
                        "plan": {"date": day(100), "objective": "O"},
                    },
                },
            }
        }
    ).write(root)
    return root


def test_until_implies_as_of_and_the_state_is_as_of_until(run: Run, small_log: Path) -> None:
    until = ("--since", day(0).isoformat(), "--until", day(50).isoformat(), "--format", "json")
    implied = report(run, small_log, *until)
    assert implied == report(run, small_log, *until, "--as-of", day(50).isoformat())
    data = json.loads(implied)
    assert data["as_of"] == day(50).isoformat()
    project = data["projects"][0]
    # As of day 50: the late cycle is not planned yet; the early one has been in Do 45 days.
    assert project["cycles"]["total"] == 1
    assert (project["last_activity"], project["days_since_activity"]) == (day(5).isoformat(), 45)
    assert project["stale_reason"] == "no activity for 45 days"
    # A later --as-of keeps the period's activity but shows the state on that day.
    later = json.loads(report(run, small_log, *until, "--as-of", day(120).isoformat()))
    assert later["projects"][0]["cycles"]["total"] == 1  # the late cycle is not in the period
    assert later["projects"][0]["last_activity"] == day(100).isoformat()


def test_an_until_after_today_reports_as_of_today(run: Run, small_log: Path) -> None:
    data = json.loads(report(run, small_log, "--until", "2027-06-30", "--format", "json"))
    assert data["as_of"] == TODAY


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2027-01-01"), "--as-of 2027-01-01 is after today (2026-12-31)"),
        (
            ("--as-of", "2026-03-01", "--until", "2026-04-01"),
            "--until 2026-04-01 is after --as-of 2026-03-01",
        ),
        (("--as-of", "2026-03-01", "--since", "2026-04-01"), "--since 2026-04-01 is after"),
        (("--as-of", "March"), "--as-of"),
    ],
)
def test_dates_that_cannot_be_read_together_are_refused(
    run: Run, small_log: Path, args: tuple[str, ...], message: str
) -> None:
    outcome = run("--root", str(small_log), "report", *args, env={"PDSA_TODAY": TODAY})
    assert outcome.exit_code == 2
    assert message in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_the_table_and_markdown_say_the_date_the_report_is_as_of(run: Run, small_log: Path) -> None:
    table = report(run, small_log, "--as-of", "2026-03-01")
    assert "report as of 2026-03-01 (made 2026-12-31)" in table.splitlines()[0]
    markdown = report(run, small_log, "--as-of", "2026-03-01", "--format", "markdown")
    assert "Report as of 2026-03-01 (made 2026-12-31)." in markdown
    html = report(run, small_log, "--as-of", "2026-03-01", "--format", "html")
    assert "as of 2026-03-01 · made 2026-12-31" in html
