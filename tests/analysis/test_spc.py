"""XmR chart, "Making Data Count" rules: limits, screening, each rule at its edge, assurance."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction

import pytest

from pdsa.analysis import ChartAnalysis, RunsAnalysis, SeriesPoint, Signal, analyse

START = datetime.date(2024, 1, 1)
DASH = "\N{EN DASH}"
#: Mean 10, every moving range 2: limits 10 ± 5.32, near-limit band 10 ± 3.5466...
BASELINE = [11, 9] * 6


def series(values: Sequence[float]) -> list[SeriesPoint]:
    """One point a day from START."""
    return [SeriesPoint(START + datetime.timedelta(days=i), v) for i, v in enumerate(values)]


def spc(values: Sequence[float], **options: object) -> ChartAnalysis:
    """An SPC chart of ``values``, with limits fixed on BASELINE when the values extend it."""
    if list(values[:12]) == BASELINE and "baseline" not in options:
        options["baseline"] = 12
    return analyse(series(values), rules="spc", **options)  # type: ignore[arg-type]


def numbers_with(chart: ChartAnalysis, signal: Signal) -> list[int]:
    """1-based numbers of the points taking part in ``signal``."""
    return [i + 1 for i, point in enumerate(chart.points) if signal in point.signals]


def test_limits_are_the_mean_plus_and_minus_2_66_mean_moving_ranges() -> None:
    chart = spc(BASELINE)
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (10, 4.68, 15.32)
    assert not chart.trial_limits
    assert chart.legend == ()


def test_fewer_than_twelve_baseline_points_give_trial_limits() -> None:
    chart = spc(BASELINE[:11])
    assert chart.trial_limits
    assert chart.current_phase is not None and chart.current_phase.n_baseline == 11
    assert chart.legend == ("trial limits: only 11 baseline points (at least 12 advised)",)


def test_one_point_has_no_moving_range_and_so_no_limits() -> None:
    chart = spc([4.2], goal=5.0, direction="higher")
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (4.2, None, None)
    assert not chart.trial_limits
    assert chart.assurance is None
    assert chart.legend == ("no limits: only 1 baseline point (at least 2 needed)",)


def test_a_point_on_a_limit_is_not_outside_it_and_one_beyond_is() -> None:
    assert numbers_with(spc([*BASELINE, 15.32, 4.68]), Signal.OUTSIDE_LIMITS) == []
    chart = spc([*BASELINE, 15.33, 4.67, 4.6])
    assert numbers_with(chart, Signal.OUTSIDE_LIMITS) == [13, 14, 15]
    assert chart.legend == (
        "outside limits: point 13 above the upper limit",
        f"outside limits: points 14{DASH}15 below the lower limit",
        f"two in three: points 14{DASH}15 near the lower limit",
    )


def test_a_point_exactly_on_the_mean_breaks_a_shift() -> None:
    assert numbers_with(spc([*BASELINE, *[11] * 6, 10, *[11] * 6]), Signal.SHIFT) == []
    chart = spc([*BASELINE, *[11] * 7])
    assert numbers_with(chart, Signal.SHIFT) == list(range(13, 20))
    assert chart.legend == (f"shift: points 13{DASH}19 above the mean",)


def test_shift_length_is_configurable() -> None:
    values = [*BASELINE, 10, *[9] * 6]  # 10 is on the mean: it parts the baseline's last 9
    assert numbers_with(spc(values), Signal.SHIFT) == []
    assert numbers_with(spc(values, shift_length=6), Signal.SHIFT) == list(range(14, 20))


def test_seven_strictly_rising_points_are_a_trend() -> None:
    chart = spc([*BASELINE, 10, 10.5, 11, 11.5, 12, 12.5, 13])
    # The trend starts at point 12 (9), the baseline's last point.
    assert numbers_with(chart, Signal.TREND) == list(range(12, 20))
    assert chart.legend == (f"trend: points 12{DASH}19 rising",)


def test_a_tie_breaks_a_trend() -> None:
    values = [*BASELINE, 10, 10.5, 11, 11, 11.5, 12, 12.5]
    assert numbers_with(spc(values), Signal.TREND) == []
    assert numbers_with(spc(values, trend_length=4), Signal.TREND) == list(range(12, 20))


@pytest.mark.parametrize(
    ("extra", "marked", "legend"),
    [
        ([14, 10, 14], [13, 15], "two in three: points 13 and 15 near the upper limit"),
        ([14, 6, 14], [13, 15], "two in three: points 13 and 15 near the upper limit"),
        ([5, 6, 12], [13, 14], f"two in three: points 13{DASH}14 near the lower limit"),
        ([14, 10, 10, 14], [], None),
        ([14, 6, 10], [], None),
    ],
)
def test_two_of_three_points_beyond_the_near_limit_band_on_one_side(
    extra: list[float], marked: list[int], legend: str | None
) -> None:
    chart = spc([*BASELINE, *extra])
    assert numbers_with(chart, Signal.TWO_IN_THREE) == marked
    assert chart.legend == (() if legend is None else (legend,))


def test_a_point_beyond_the_limit_is_also_beyond_the_band() -> None:
    chart = spc([*BASELINE, 16, 14])
    assert chart.points[12].signals == (Signal.OUTSIDE_LIMITS, Signal.TWO_IN_THREE)
    assert chart.points[13].signals == (Signal.TWO_IN_THREE,)


@pytest.mark.parametrize(
    ("direction", "variation"),
    [
        ("higher", "special_cause_improvement"),
        ("lower", "special_cause_concern"),
        (None, "special_cause_neutral"),
    ],
)
def test_variation_reads_the_improvement_direction(direction: str | None, variation: str) -> None:
    chart = spc([*BASELINE, *[11] * 7], direction=direction)
    assert {point.variation.value for point in chart.points[12:]} == {variation}
    assert {point.variation.value for point in chart.points[:12]} == {"common_cause"}


@pytest.mark.parametrize("direction", ["higher", "lower"])
def test_concern_wins_when_a_point_signals_both_ways(direction: str) -> None:
    # Points 13-19 rise (a trend up) while all below the mean (a shift down).
    chart = spc([*BASELINE, 5, 5.5, 6, 6.5, 7, 7.5, 8], direction=direction)
    for point in chart.points[12:]:
        assert Signal.SHIFT in point.signals and Signal.TREND in point.signals
        assert point.variation.value == "special_cause_concern"


@pytest.mark.parametrize(
    ("direction", "goal", "assurance"),
    [
        ("higher", 4, "pass"),
        ("higher", 16, "fail"),
        ("higher", 10, "hit_and_miss"),
        ("higher", 15.32, "hit_and_miss"),
        ("higher", 4.68, "hit_and_miss"),
        ("lower", 4, "fail"),
        ("lower", 16, "pass"),
        (None, 16, None),
        ("higher", None, None),
    ],
)
def test_assurance_against_the_goal(
    direction: str | None, goal: float | None, assurance: str | None
) -> None:
    chart = spc(BASELINE, direction=direction, goal=goal)
    assert (None if chart.assurance is None else chart.assurance.value) == assurance


def test_run_charts_have_no_assurance() -> None:
    assert analyse(series(BASELINE), direction="higher", goal=100).assurance is None


def screened(values: Sequence[str], *, screen: bool = True) -> tuple[float, float]:
    """(lower, upper) limits of an SPC chart of the written decimals."""
    chart = analyse(series([float(v) for v in values]), rules="spc", screen=screen)
    assert chart.lower_limit is not None and chart.upper_limit is not None
    return chart.lower_limit, chart.upper_limit


def expected_limits(values: Sequence[str], mean_range: Fraction) -> tuple[float, float]:
    centre = sum(map(Fraction, values), Fraction(0)) / len(values)
    spread = Fraction("2.66") * mean_range
    return float(centre - spread), float(centre + spread)


def test_a_moving_range_exactly_3_267_times_the_mean_is_kept() -> None:
    # Moving ranges 1.733 x 4 and 13.068: mean 4, and 3.267 * 4 = 13.068 exactly.
    values = ["0", "1.733", "0", "1.733", "0", "13.068"]
    assert screened(values) == expected_limits(values, Fraction(4))


def test_a_moving_range_above_3_267_times_the_mean_is_screened_out() -> None:
    values = ["0", "1.733", "0", "1.733", "0", "13.069"]
    assert screened(values) == expected_limits(values, Fraction("1.733"))
    unscreened = Fraction("20.001") / 5
    assert screened(values, screen=False) == expected_limits(values, unscreened)


def test_all_equal_values_put_the_limits_on_the_mean_and_no_point_outside() -> None:
    chart = spc([5] * 12)
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (5, 5, 5)
    assert all(point.signals == () for point in chart.points)
    assert chart.runs == RunsAnalysis(12, 0, None, None, None, None, False, False)
    assert chart.legend == ()


def test_after_a_flat_baseline_any_change_is_outside() -> None:
    chart = spc([*[5] * 12, 5.1], baseline=12)
    assert numbers_with(chart, Signal.OUTSIDE_LIMITS) == [13]


def test_negative_decimals_are_exact() -> None:
    chart = spc([-0.1, -0.2, -0.3])
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (-0.2, -0.466, 0.066)
    assert chart.runs.n_useful == 2  # -0.2 is on the mean


def test_the_chart_carries_anhoej_runs_around_the_mean_without_marking_points() -> None:
    chart = spc([*BASELINE, *[11] * 9])
    assert chart.runs == RunsAnalysis(21, 21, 9, 7, 12, 6, True, False)
    assert numbers_with(chart, Signal.RUNS) == []


def test_one_hundred_and_twenty_points_with_a_step() -> None:
    values = [9 + 2 * (i % 2) for i in range(60)] + [19 + 2 * (i % 2) for i in range(60)]
    chart = spc(values, direction="higher")
    # The step's moving range (8) is screened out, leaving 2.
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (15, 9.68, 20.32)
    outside = [i + 1 for i, v in enumerate(values) if v in (9, 21)]
    assert numbers_with(chart, Signal.OUTSIDE_LIMITS) == outside
    assert numbers_with(chart, Signal.SHIFT) == list(range(1, 121))
    assert numbers_with(chart, Signal.TWO_IN_THREE) == list(range(1, 121))
    assert numbers_with(chart, Signal.TREND) == []
    assert {p.variation.value for p in chart.points[:60]} == {"special_cause_concern"}
    assert {p.variation.value for p in chart.points[60:]} == {"special_cause_improvement"}
    assert chart.legend[:3] == (
        "outside limits: point 1 below the lower limit",
        f"shift: points 1{DASH}60 below the mean",
        f"two in three: points 1{DASH}60 near the lower limit",
    )
    assert len(chart.legend) == 60 + 4


def test_limits_beyond_the_float_range_are_infinite_not_an_error() -> None:
    chart = spc([1e308, -1e308, 1e308, 1.7e308])
    assert (chart.centre_line, chart.lower_limit, chart.upper_limit) == (
        6.75e307,
        -float("inf"),
        float("inf"),
    )
    assert all(point.signals == () for point in chart.points)
