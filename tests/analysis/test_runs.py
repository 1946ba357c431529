"""Anhøj's rules: the limits table, and hand-checked series at every edge."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from math import comb

import pytest

from pdsa.analysis import ChartAnalysis, RunsAnalysis, SeriesPoint, Signal, analyse
from pdsa.analysis.stats import crossings_min, longest_run_max

START = datetime.date(2024, 1, 1)


def series(values: Sequence[float]) -> list[SeriesPoint]:
    """One point a day from START."""
    return [SeriesPoint(START + datetime.timedelta(days=i), v) for i, v in enumerate(values)]


def from_sides(pattern: str) -> list[SeriesPoint]:
    """'+' is 2 and '-' is 1: with as many of each, the median is 1.5 and no point is on it."""
    return series([2 if mark == "+" else 1 for mark in pattern])


def numbers_with(chart: ChartAnalysis, signal: Signal) -> list[int]:
    """1-based numbers of the points taking part in ``signal``."""
    return [i + 1 for i, point in enumerate(chart.points) if signal in point.signals]


# docs/domain.md section 3: (n, longest run max, crossings min)
DOMAIN_TABLE = [
    (10, 6, 2),
    (12, 7, 3),
    (14, 7, 4),
    (16, 7, 4),
    (18, 7, 5),
    (20, 7, 6),
    (24, 8, 8),
    (30, 8, 10),
    (40, 8, 14),
    (50, 9, 19),
    (60, 9, 23),
    (100, 10, 41),
]


@pytest.mark.parametrize(("n_useful", "run_max", "crossings"), DOMAIN_TABLE)
def test_limits_reproduce_the_domain_table(n_useful: int, run_max: int, crossings: int) -> None:
    assert longest_run_max(n_useful) == run_max
    assert crossings_min(n_useful) == crossings


@pytest.mark.parametrize(("n_useful", "run_max", "crossings"), DOMAIN_TABLE)
def test_a_chart_reports_the_table_limits(n_useful: int, run_max: int, crossings: int) -> None:
    chart = analyse(from_sides("+-" * (n_useful // 2)))
    assert (chart.runs.longest_run_max, chart.runs.n_crossings_min) == (run_max, crossings)


def exact_binomial_quantile(trials: int, probability: float) -> int:
    """R's qbinom(p, trials, 0.5) in integers: smallest k with P(X <= k) >= p."""
    total = 2**trials
    cumulative = 0
    for k in range(trials + 1):
        cumulative += comb(trials, k)
        if cumulative >= probability * total:
            return k
    raise AssertionError("unreachable")


def test_crossings_min_matches_exact_integer_arithmetic_up_to_400_points() -> None:
    for n_useful in range(1, 401):
        assert crossings_min(n_useful) == exact_binomial_quantile(n_useful - 1, 0.05), n_useful


def test_longest_run_max_rounds_as_r_does_for_every_n_up_to_a_million() -> None:
    # R's round() is half-to-even, ours half-up; they agree because log2(n) + 3 is never x.5.
    for n_useful in range(1, 1_000_001, 997):
        assert longest_run_max(n_useful) == round(math.log2(n_useful) + 3)


def test_a_run_exactly_at_the_limit_is_no_signal() -> None:
    # 20 useful points: runs +7 - + - + - + -7; longest 7 = max 7; 7 crossings >= 6.
    chart = analyse(from_sides("+++++++" + "-+-+-+" + "-------"))
    assert chart.runs == RunsAnalysis(
        n_obs=20,
        n_useful=20,
        longest_run=7,
        longest_run_max=7,
        n_crossings=7,
        n_crossings_min=6,
        longest_run_signal=False,
        crossings_signal=False,
    )
    assert not chart.runs.signal
    assert numbers_with(chart, Signal.RUNS) == []
    assert chart.legend == ()


def test_a_run_one_longer_than_the_limit_signals_and_only_its_points_are_marked() -> None:
    # - +8 - + - -7 +1: the run of 8 signals; the run of 7 below is exactly at the limit.
    chart = analyse(from_sides("-" + "+" * 8 + "-+" + "-" * 7 + "+-"))
    assert chart.runs.longest_run == 8
    assert chart.runs.longest_run_signal
    assert not chart.runs.crossings_signal
    assert numbers_with(chart, Signal.RUNS) == list(range(2, 10))
    assert chart.legend == (
        "long run: points 2\N{EN DASH}9 above the median "
        "(8 points; at most 7 expected for 20 useful points)",
    )


@pytest.mark.parametrize(
    ("pattern", "crossings", "signal"),
    [
        ("+++" + "----" + "+++" + "---" + "++" + "---" + "++", 6, False),  # 7 runs
        ("++++" + "----" + "+++" + "---" + "+++" + "---", 5, True),  # 6 runs
    ],
)
def test_crossings_at_and_below_the_minimum(pattern: str, crossings: int, signal: bool) -> None:
    assert pattern.count("+") == pattern.count("-") == 10
    chart = analyse(from_sides(pattern))
    assert (chart.runs.n_crossings, chart.runs.n_crossings_min) == (crossings, 6)
    assert chart.runs.crossings_signal is signal
    assert not chart.runs.longest_run_signal
    # Too few crossings is about the whole series: it marks no point.
    assert numbers_with(chart, Signal.RUNS) == []
    expected = "too few crossings: 5 (at least 6 expected for 20 useful points)"
    assert chart.legend == ((expected,) if signal else ())


def test_points_on_the_median_neither_count_nor_break_a_run() -> None:
    # median 5: sides - 0 - - + + + + 0
    chart = analyse(series([1, 5, 2, 1, 9, 8, 9, 8, 5]))
    assert chart.centre_line == 5
    assert chart.runs == RunsAnalysis(9, 7, 4, 6, 1, 1, False, False)


def test_all_equal_values_have_no_useful_points_and_no_signal() -> None:
    chart = analyse(series([3.5] * 12))
    assert chart.centre_line == 3.5
    assert chart.runs == RunsAnalysis(12, 0, None, None, None, None, False, False)
    assert chart.runs.signal is False
    assert chart.rules_weak
    assert chart.legend == ("rules weak: no useful points (at least 10 advised)",)
    assert all(point.signals == () for point in chart.points)


def test_one_point_is_its_own_median() -> None:
    chart = analyse(series([7.0]))
    assert chart.centre_line == 7.0
    assert chart.runs.n_obs == 1
    assert chart.runs.n_useful == 0


def test_no_points_at_all() -> None:
    chart = analyse([])
    assert chart.phases == ()
    assert chart.current_phase is None
    assert chart.centre_line is None
    assert chart.runs == RunsAnalysis(0, 0, None, None, None, None, False, False)
    assert chart.legend == ()


def test_fewer_than_ten_useful_points_says_the_rules_are_weak() -> None:
    chart = analyse(series([1, 2, 3, 4, 5, 6, 7, 8]))  # median 4.5, 8 useful points
    assert chart.runs.n_useful == 8
    assert chart.rules_weak
    assert chart.legend == ("rules weak: only 8 useful points (at least 10 advised)",)
    assert not analyse(series(list(range(10)))).rules_weak


def test_negative_decimals_on_the_median_are_exactly_on_it() -> None:
    # As floats, -0.1 + -0.3 is not -0.4; the median of the written decimals is -0.2 exactly.
    chart = analyse(series([-0.1, -0.3, -0.2, -0.25, -0.15]))
    assert chart.centre_line == -0.2
    assert chart.runs.n_useful == 4
    even = analyse(series([-0.1, -0.3, -0.2, -0.4]))  # median (-0.2 + -0.3) / 2
    assert even.centre_line == -0.25
    assert even.runs.n_useful == 4


def test_one_hundred_and_twenty_points_with_a_step() -> None:
    values = [9 + 2 * (i % 2) for i in range(60)] + [19 + 2 * (i % 2) for i in range(60)]
    chart = analyse(series(values), direction="higher")
    assert chart.centre_line == 15
    assert chart.runs == RunsAnalysis(120, 120, 60, 10, 1, 51, True, True)
    assert numbers_with(chart, Signal.RUNS) == list(range(1, 121))
    # The process improved at point 61: its old level is the "before", never a concern.
    variations = {point.variation.value for point in chart.points[:60]}
    assert variations == {"common_cause"}
    variations = {point.variation.value for point in chart.points[60:]}
    assert variations == {"special_cause_improvement"}
    assert chart.legend == (
        "long run: points 1\N{EN DASH}60 below the median "
        "(60 points; at most 10 expected for 120 useful points)",
        "long run: points 61\N{EN DASH}120 above the median "
        "(60 points; at most 10 expected for 120 useful points)",
        "too few crossings: 1 (at least 51 expected for 120 useful points)",
        "before the improvement: points 1\N{EN DASH}60 below the median are the process before "
        "it changed (points 61\N{EN DASH}120 above it), not a concern; record a rebase "
        "([[phases]]) at the change to chart the new process",
    )
    # The same step on a lower-is-better measure got worse: the late run is a concern.
    worse = analyse(series(values), direction="lower")
    assert {point.variation.value for point in worse.points[:60]} == {"special_cause_improvement"}
    assert {point.variation.value for point in worse.points[60:]} == {"special_cause_concern"}


def test_anhoej_ignores_astronomical_marks() -> None:
    points = [SeriesPoint(p.date, p.value, astronomical=True) for p in series([1, 2, 3, 4, 5, 6])]
    assert all(point.signals == () for point in analyse(points).points)
