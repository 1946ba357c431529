"""pdsa chart: the terminal chart, the JSON contract and the SVG, with cycles marked."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from support import Run, measure_file, read

# 12 points low, then 10 high: a long run above the median that Anhøj rules flag.
VALUES = [60, 62, 59, 61, 63, 60, 58, 61, 62, 60, 59, 61, 75, 77, 74, 78, 76, 79, 75, 77, 78, 76]


@pytest.fixture
def charted(log: Path, run: Run, tmp_path: Path) -> Path:
    rows = "\n".join(
        f"2026-{1 + i // 4:02d}-{1 + (i % 4) * 7:02d},{v}" for i, v in enumerate(VALUES)
    )
    csv = tmp_path / "points.csv"
    csv.write_text(rows + "\n", encoding="utf-8")
    assert run("measure", "import", "attendance-rate", str(csv)).exit_code == 0
    assert (
        run(
            "plan",
            "Text <reminders> & [bold]",
            "--slug",
            "texts",
            "--objective",
            "o",
            "--measure",
            "attendance-rate",
            "--start",
            "2026-03-20",
            "--date",
            "2026-03-15",
        ).exit_code
        == 0
    )
    assert (
        run("do", "texts", "--as-planned", "--observations", "x", "--date", "2026-04-01").exit_code
        == 0
    )
    assert (
        run(
            "study",
            "texts",
            "--results",
            "r",
            "--matched",
            "yes",
            "--learning",
            "l",
            "--date",
            "2026-04-05",
        ).exit_code
        == 0
    )
    assert run("act", "texts", "--decision", "adopt", "--date", "2026-04-08").exit_code == 0
    assert run("plan", "Unrelated", "--objective", "o", "--date", "2026-04-10").exit_code == 0
    return log


def test_json_is_the_documented_shape(charted: Path, run: Run) -> None:
    outcome = run("chart", "attendance-rate", "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    for key in (
        "measure",
        "rules",
        "centre_line",
        "lower_limit",
        "upper_limit",
        "baseline",
        "phases",
        "assurance",
        "runs",
        "points",
        "cycles",
    ):
        assert key in data
    assert data["measure"] == "outreach/attendance-rate"
    assert data["rules"] == "anhoej"
    # Median of the 22 values: (62 + 63) / 2. Runs: 4 below, 1 above, 7 below, 10 above.
    assert data["centre_line"] == 62.5
    assert data["runs"]["n_obs"] == 22 and data["runs"]["longest_run"] == 10
    assert data["runs"]["n_crossings"] == 3
    assert data["runs"]["longest_run_max"] == 7 and data["runs"]["signal"] is True
    assert data["points"][0] == {
        "date": "2026-01-01",
        "value": 60.0,
        "signals": [],
        "variation": "common_cause",
        "phase": 0,
    }
    assert data["points"][12]["signals"] == ["runs"]
    assert data["points"][-1]["variation"] == "special_cause_improvement"
    assert data["cycles"] == [
        {
            "slug": "texts",
            "number": 1,
            "title": "Text <reminders> & [bold]",
            "start": "2026-03-20",
            "end": "2026-04-08",
            "phase": "act",
            "decision": "adopt",
            "prediction_verdicts": None,
            "prediction_checks": [],
        }
    ]


def test_spc_rules_give_limits_and_assurance(charted: Path, run: Run) -> None:
    data = json.loads(run("chart", "attendance-rate", "--rules", "spc", "--format", "json").stdout)
    assert data["rules"] == "spc"
    assert data["lower_limit"] is not None and data["upper_limit"] is not None
    assert data["lower_limit"] < data["centre_line"] < data["upper_limit"]
    assert data["assurance"] in {"pass", "fail", "hit_and_miss"}
    assert any("shift" in point["signals"] for point in data["points"])


def test_the_measure_and_programme_choose_the_default_rules(charted: Path, run: Run) -> None:
    path = measure_file(charted, "attendance-rate")
    path.write_text(read(path).replace('unit = "%"', 'unit = "%"\nrules = "ihi"'), encoding="utf-8")
    assert json.loads(run("chart", "attendance-rate", "--format", "json").stdout)["rules"] == "ihi"


def test_text_chart_marks_signals_by_symbol_and_the_cycles(charted: Path, run: Run) -> None:
    outcome = run("chart", "attendance-rate")
    assert outcome.exit_code == 0, outcome.stderr
    text = outcome.stdout
    assert "\x1b[" not in text  # NO_COLOR is set by the test environment
    assert "▲" in text and "▼" in text
    assert "rules: anhoej" in text
    assert "long run: points 13\u201322 above the median" in text
    assert "cycle 1 texts: 2026-03-20 to 2026-04-08, adopt" in text
    cycle_lane = next(line for line in text.splitlines() if line.strip().startswith("cycles"))
    assert "1─" in cycle_lane
    assert "Unrelated" not in text


def test_svg_is_self_contained_valid_and_escaped(charted: Path, run: Run, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    outcome = run("chart", "attendance-rate", "--format", "svg", "-o", str(target))
    assert outcome.exit_code == 0, outcome.stderr
    assert f"Wrote svg chart of outreach/attendance-rate to {target}" in outcome.stderr
    svg = read(target)
    root = ElementTree.fromstring(svg.split("\n", 1)[1])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (
        "<script" not in svg
        and "href" not in svg
        and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert "Text &lt;reminders&gt; &amp; [bold]" in svg
    marks = [el for el in root.iter() if el.tag.endswith(("circle", "path"))]
    assert len(marks) == len(VALUES)


def test_a_measure_without_points(log: Path, run: Run) -> None:
    outcome = run("chart", "attendance-rate")
    assert outcome.exit_code == 0
    assert "No data points yet" in outcome.stdout
    data = json.loads(run("chart", "attendance-rate", "--format", "json").stdout)
    assert data["points"] == [] and data["centre_line"] is None


def test_an_unknown_measure(log: Path, run: Run) -> None:
    outcome = run("chart", "waits")
    assert outcome.exit_code == 1
    assert "no measure called 'waits'" in outcome.stderr
