"""analyse(): phases, baselines, the JSON shape, input checks and determinism."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Sequence

import pytest

from pdsa.analysis import Direction, RuleSet, RunsAnalysis, SeriesPoint, analyse

START = datetime.date(2024, 1, 1)


def day(number: int) -> datetime.date:
    """The date of point ``number`` (1-based) in :func:`series`."""
    return START + datetime.timedelta(days=number - 1)


def series(values: Sequence[float]) -> list[SeriesPoint]:
    """One point a day from START."""
    return [SeriesPoint(day(i + 1), v) for i, v in enumerate(values)]


def test_each_phase_is_analysed_on_its_own_and_the_last_one_is_current() -> None:
    values = [*range(1, 11), *range(11, 21)]
    chart = analyse(series(values), phases=[(day(11), "new rota")])
    first, second = chart.phases
    assert (first.start, first.reason, first.first_point, first.n_points) == (day(1), None, 0, 10)
    assert (second.start, second.reason, second.first_point, second.n_points) == (
        day(11),
        "new rota",
        10,
        10,
    )
    assert (first.centre_line, second.centre_line) == (5.5, 15.5)
    assert chart.current_phase == second
    assert chart.centre_line == 15.5
    assert [point.phase for point in chart.points] == [0] * 10 + [1] * 10
    assert first.runs == second.runs == RunsAnalysis(10, 10, 5, 6, 1, 2, False, True)
    assert chart.legend == (
        "phase 1: too few crossings: 1 (at least 2 expected for 10 useful points)",
        "phase 2: too few crossings: 1 (at least 2 expected for 10 useful points)",
    )


def test_points_sharing_a_date_share_a_phase() -> None:
    points = [
        SeriesPoint(day(1), 1),
        SeriesPoint(day(2), 2),
        SeriesPoint(day(2), 3),
        SeriesPoint(day(3), 4),
    ]
    chart = analyse(points, phases=[(day(2), "rebased")])
    assert [point.phase for point in chart.points] == [0, 1, 1, 1]


def test_a_phase_declared_before_the_first_point_is_the_first_phase() -> None:
    chart = analyse(series([1, 2, 3]), phases=[(day(-5), "from the start")])
    assert len(chart.phases) == 1
    assert (chart.phases[0].start, chart.phases[0].reason) == (day(-5), "from the start")


def test_a_phase_with_no_points_yet_is_listed_but_not_current() -> None:
    chart = analyse(series([1, 2, 3]), rules="spc", phases=[(day(10), "new clinic")])
    assert [phase.n_points for phase in chart.phases] == [3, 0]
    empty = chart.phases[1]
    assert (empty.centre_line, empty.lower_limit, empty.upper_limit) == (None, None, None)
    assert empty.runs == RunsAnalysis(0, 0, None, None, None, None, False, False)
    assert chart.current_phase == chart.phases[0]
    assert chart.centre_line == 2


def test_the_baseline_fixes_each_phase_on_its_own_first_points() -> None:
    values = [1, 2, 3, 10, 10, 10, 20, 21, 22, 5]
    chart = analyse(series(values), baseline=3, phases=[(day(7), "after training")])
    assert [phase.centre_line for phase in chart.phases] == [2, 21]
    assert [phase.n_baseline for phase in chart.phases] == [3, 3]
    # The rules run over every point of the phase against the baseline's median.
    assert chart.phases[0].runs.n_useful == 5
    short = analyse(series([1, 2]), baseline=5)
    assert short.phases[0].n_baseline == 2
    assert short.baseline == 5


def test_nothing_is_rebased_automatically() -> None:
    chart = analyse(series([1, 2, 3, 4, 5, 50, 60, 70, 80, 90]), rules="spc")
    assert len(chart.phases) == 1


def test_no_points_and_declared_phases() -> None:
    chart = analyse([], phases=[(day(1), "start")])
    assert [phase.n_points for phase in chart.phases] == [0]
    assert chart.current_phase is None
    assert chart.to_json_dict()["centre_line"] is None


def test_the_json_shape() -> None:
    chart = analyse(
        series([11, 9, 11, 9]), rules="spc", direction="higher", goal=16, measure="attendance"
    )
    cycle = {"slug": "text-reminders", "start": "2024-01-02", "decision": "adapt"}
    data = chart.to_json_dict(cycles=[cycle])
    runs = {
        "n_obs": 4,
        "n_useful": 4,
        "longest_run": 1,
        "longest_run_max": 5,
        "n_crossings": 3,
        "n_crossings_min": 0,
        "longest_run_signal": False,
        "crossings_signal": False,
        "signal": False,
    }
    assert data == {
        "measure": "attendance",
        "rules": "spc",
        "direction": "higher",
        "goal": 16.0,
        "centre_line": 10.0,
        "lower_limit": 4.68,
        "upper_limit": 15.32,
        "baseline": None,
        "trial_limits": True,
        "rules_weak": True,
        "shift_length": 7,
        "trend_length": 7,
        "screen": True,
        "assurance": "fail",
        "runs": runs,
        "runs_test": None,
        "phases": [
            {
                "start": "2024-01-01",
                "reason": None,
                "first_point": 0,
                "n_points": 4,
                "n_baseline": 4,
                "centre_line": 10.0,
                "lower_limit": 4.68,
                "upper_limit": 15.32,
                "trial_limits": True,
                "rules_weak": True,
                "assurance": "fail",
                "runs": runs,
                "runs_test": None,
            }
        ],
        "points": [
            {
                "date": f"2024-01-0{i + 1}",
                "value": float(v),
                "signals": [],
                "variation": "common_cause",
                "phase": 0,
            }
            for i, v in enumerate([11, 9, 11, 9])
        ],
        "legend": ["trial limits: only 4 baseline points (at least 12 advised)"],
        "cycles": [cycle],
    }
    assert json.loads(json.dumps(data)) == data
    assert all(type(value) is not RuleSet for value in data.values())


def test_the_json_of_an_ihi_chart_has_its_runs_test_and_signal_names() -> None:
    chart = analyse(series([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]), rules="ihi")
    data = chart.to_json_dict()
    assert data["runs_test"] == {
        "n_above": 6,
        "n_below": 6,
        "n_runs": 2,
        "runs_min": 4,
        "runs_max": 10,
        "too_few": True,
        "too_many": False,
        "signal": True,
    }
    points = data["points"]
    assert isinstance(points, list)
    assert points[0]["signals"] == ["shift"]
    assert (data["shift_length"], data["trend_length"], data["screen"]) == (6, 5, None)


def test_options_accept_enums_as_well_as_names() -> None:
    by_name = analyse(series([1, 2, 3, 4]), rules="spc", direction="lower")
    by_enum = analyse(series([1, 2, 3, 4]), rules=RuleSet.SPC, direction=Direction.LOWER)
    assert by_name == by_enum


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rules": "xmr"}, "rules must be one of anhoej, ihi, spc, not 'xmr'"),
        ({"direction": "up"}, "direction must be one of higher, lower, not 'up'"),
        ({"baseline": 0}, "baseline must be at least 1 point, not 0"),
        ({"goal": math.inf}, "goal must be a finite number, not inf"),
        ({"shift_length": 6}, "the anhoej rule set has no shift or trend rule"),
        ({"rules": "spc", "trend_length": 1}, "trend_length must be at least 2 points, not 1"),
        ({"phases": [(day(3), "b"), (day(2), "a")]}, "phases must start on increasing dates"),
    ],
)
def test_input_that_cannot_be_analysed_is_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        analyse(series([1, 2, 3]), **options)  # type: ignore[arg-type]


def test_points_must_be_sorted_and_finite() -> None:
    with pytest.raises(ValueError, match="points must be sorted by date: point 2 is not"):
        analyse([SeriesPoint(day(2), 1), SeriesPoint(day(1), 2)])
    with pytest.raises(ValueError, match=r"point 2 \(2024-01-02\) has no finite value"):
        analyse(series([1, math.nan]))


@pytest.mark.parametrize("rules", ["anhoej", "ihi", "spc"])
def test_identical_values_give_identical_results_whatever_the_dates(rules: str) -> None:
    values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]
    daily = analyse(series(values), rules=rules, direction="higher")
    same_day = analyse([SeriesPoint(START, v) for v in values], rules=rules, direction="higher")
    assert daily == analyse(series(values), rules=rules, direction="higher")
    assert [(p.signals, p.variation) for p in daily.points] == [
        (p.signals, p.variation) for p in same_day.points
    ]
    assert daily.legend == same_day.legend


@pytest.mark.parametrize("rules", ["anhoej", "ihi", "spc"])
def test_ten_thousand_alternating_points(rules: str) -> None:
    chart = analyse(series([i % 2 for i in range(10_000)]), rules=rules)
    # qbinom(0.05, 9999, 0.5) = 4917, checked in integers.
    assert chart.runs == RunsAnalysis(10_000, 10_000, 1, 16, 9_999, 4_917, False, False)
    if rules == "ihi":
        assert chart.runs_test is not None
        assert (chart.runs_test.runs_min, chart.runs_test.runs_max) == (4_903, 5_099)
        assert chart.runs_test.too_many
    assert all(point.signals == () for point in chart.points)
