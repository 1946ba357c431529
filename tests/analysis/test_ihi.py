"""IHI / Perla rules: shift, trend, the Swed-Eisenhart runs test, astronomical points."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from fractions import Fraction
from math import comb

import pytest

from pdsa.analysis import ChartAnalysis, RunsTest, SeriesPoint, Signal, analyse
from pdsa.analysis.stats import RunsRange, runs_range

START = datetime.date(2024, 1, 1)
DASH = "\N{EN DASH}"


def series(values: Sequence[float], marked: Sequence[int] = ()) -> list[SeriesPoint]:
    """One point a day from START; ``marked`` are 1-based numbers of astronomical points."""
    return [
        SeriesPoint(START + datetime.timedelta(days=i), v, astronomical=i + 1 in marked)
        for i, v in enumerate(values)
    ]


def from_sides(pattern: str) -> list[SeriesPoint]:
    """'+' is 2, '-' is 1 and '0' is 1.5 (the median when '+' and '-' are as many)."""
    return series([{"+": 2, "-": 1, "0": 1.5}[mark] for mark in pattern])


def numbers_with(chart: ChartAnalysis, signal: Signal) -> list[int]:
    """1-based numbers of the points taking part in ``signal``."""
    return [i + 1 for i, point in enumerate(chart.points) if signal in point.signals]


def test_six_useful_points_on_one_side_are_a_shift() -> None:
    chart = analyse(from_sides("++++++------"), rules="ihi")
    assert numbers_with(chart, Signal.SHIFT) == list(range(1, 13))
    assert chart.legend == (
        f"shift: points 1{DASH}6 above the median",
        f"shift: points 7{DASH}12 below the median",
        # 2 runs of 12 points is also too few (3 to 9 expected).
        "too few runs: 2 (4 to 10 expected for 6 above and 6 below the median)",
    )


def test_five_are_not() -> None:
    chart = analyse(from_sides("+++++-----"), rules="ihi")
    assert numbers_with(chart, Signal.SHIFT) == []


def test_a_point_on_the_median_neither_counts_nor_breaks_a_shift_and_is_not_marked() -> None:
    chart = analyse(from_sides("+++0+++------"), rules="ihi")
    assert chart.centre_line == 1.5
    assert numbers_with(chart, Signal.SHIFT) == [1, 2, 3, 5, 6, 7, *range(8, 14)]
    assert chart.legend[0] == f"shift: points 1{DASH}7 above the median"

    # Five useful points with a median point among them: no shift...
    short = analyse(from_sides("++0+++-----"), rules="ihi")
    assert numbers_with(short, Signal.SHIFT) == []
    # ...unless the team asks for shifts of five.
    five = analyse(from_sides("++0+++-----"), rules="ihi", shift_length=5)
    assert numbers_with(five, Signal.SHIFT) == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11]


@pytest.mark.parametrize(
    ("values", "marked", "legend"),
    [
        # A tie inside a trend is skipped but marked: 5 counted points.
        ([1, 2, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6], f"trend: points 1{DASH}6 rising"),
        # A leading tie is not part of the trend...
        ([1, 1, 2, 3, 4, 5], [2, 3, 4, 5, 6], f"trend: points 2{DASH}6 rising"),
        # ...nor a trailing one.
        ([5, 4, 3, 2, 1, 1], [1, 2, 3, 4, 5], f"trend: points 1{DASH}5 falling"),
    ],
)
def test_five_counted_points_steadily_moving_are_a_trend(
    values: list[float], marked: list[int], legend: str
) -> None:
    chart = analyse(series(values), rules="ihi")
    assert numbers_with(chart, Signal.TREND) == marked
    assert chart.legend == (legend, "rules weak: only 6 useful points (at least 10 advised)")


def test_four_counted_points_with_a_tie_are_not_a_trend() -> None:
    assert numbers_with(analyse(series([1, 2, 2, 3, 4]), rules="ihi"), Signal.TREND) == []


def test_trend_length_is_configurable() -> None:
    chart = analyse(series([1, 2, 2, 3, 4]), rules="ihi", trend_length=4)
    assert numbers_with(chart, Signal.TREND) == [1, 2, 3, 4, 5]


def test_too_many_runs() -> None:
    chart = analyse(from_sides("+-" * 5), rules="ihi")
    assert chart.runs_test == RunsTest(n_above=5, n_below=5, n_runs=10, runs_min=3, runs_max=9)
    assert chart.runs_test.too_many and not chart.runs_test.too_few
    assert chart.legend == (
        "too many runs: 10 (3 to 9 expected for 5 above and 5 below the median)",
    )
    # The runs test is about the whole series: no point is marked.
    assert all(point.signals == () for point in chart.points)


def test_nine_runs_of_ten_points_are_expected() -> None:
    chart = analyse(from_sides("+-+-+-+--+"), rules="ihi")
    assert chart.runs_test is not None
    assert (chart.runs_test.n_runs, chart.runs_test.signal) == (9, False)


def test_a_tail_exactly_at_alpha_signals() -> None:
    # 3 above, 14 below: P(runs <= 3) = 1/40 = alpha exactly, and p <= alpha is a signal.
    assert runs_range(3, 14) == RunsRange(fewest=4, most=7)
    chart = analyse(series([1, 2, 2, 2, *[1] * 13]), rules="ihi", baseline=2)
    assert chart.runs_test == RunsTest(3, 14, 3, 4, 7)
    assert (
        chart.legend[-1] == "too few runs: 3 (4 to 7 expected for 3 above and 14 below the median)"
    )


def test_no_runs_test_when_every_useful_point_is_on_one_side() -> None:
    flat = analyse(series([3, 3, 4, 5]), rules="ihi", baseline=2)  # median 3, all above
    assert flat.runs_test == RunsTest(2, 0, 1, None, None)
    assert not flat.runs_test.signal


def test_no_useful_points_means_no_runs_test() -> None:
    assert analyse(series([2, 2, 2]), rules="ihi").runs_test is None


@pytest.mark.parametrize(
    ("n_useful", "fewest", "most"),
    [(10, 3, 9), (14, 4, 12), (16, 5, 13), (24, 8, 18), (30, 11, 21), (40, 15, 27),
     (50, 19, 33), (60, 24, 38)],
)  # fmt: skip
def test_swed_eisenhart_reproduces_the_corroborated_rows(
    n_useful: int, fewest: int, most: int
) -> None:
    assert runs_range(n_useful // 2, n_useful // 2) == RunsRange(fewest, most)


def exact_runs_range(n1: int, n2: int) -> RunsRange:
    """The same limits from the exact distribution in fractions."""
    orders = comb(n1 + n2, n1)
    probability: dict[int, Fraction] = {}
    for runs in range(2, n1 + n2 + 1):
        k = runs // 2
        if runs % 2 == 0:
            ways = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            ways = comb(n1 - 1, k) * comb(n2 - 1, k - 1) + comb(n1 - 1, k - 1) * comb(n2 - 1, k)
        if ways:
            probability[runs] = Fraction(ways, orders)
    alpha = Fraction(1, 40)

    def first_beyond(counts: list[int]) -> int:
        cumulative = Fraction(0)
        for runs in counts:
            cumulative += probability[runs]
            if cumulative > alpha:
                return runs
        raise AssertionError("unreachable")

    counts = sorted(probability)
    return RunsRange(first_beyond(counts), first_beyond(counts[::-1]))


def test_swed_eisenhart_matches_exact_fractions_for_every_split_up_to_30() -> None:
    for n1 in range(1, 31):
        for n2 in range(1, 31):
            assert runs_range(n1, n2) == exact_runs_range(n1, n2), (n1, n2)


def test_swed_eisenhart_for_twenty_thousand_points() -> None:
    limits = runs_range(10_000, 10_000)
    assert limits is not None
    # Symmetric around the mean m + 1, and 1.96 standard deviations out, as the normal
    # approximation (excellent at this size) says.
    assert limits.fewest + limits.most == 2 * 10_001
    n1 = n2 = 10_000
    n = n1 + n2
    sd = math.sqrt(2 * n1 * n2 * (2 * n1 * n2 - n) / (n**2 * (n - 1)))
    assert abs(limits.fewest - (10_001 - 1.96 * sd)) < 2


def test_astronomical_points_are_only_those_the_team_marked() -> None:
    chart = analyse(
        series([1, 2, 30, 4, 5, 6, 3.5, 8], marked=[3, 7]), rules="ihi", direction="higher"
    )
    assert chart.centre_line == 4.5
    assert numbers_with(chart, Signal.ASTRONOMICAL) == [3, 7]
    assert chart.points[2].variation.value == "special_cause_improvement"
    assert chart.points[6].variation.value == "special_cause_concern"
    assert chart.legend[:2] == (
        "astronomical: point 3 (marked by the team)",
        "astronomical: point 7 (marked by the team)",
    )


def test_an_astronomical_point_on_the_median_points_neither_way() -> None:
    chart = analyse(series([1, 2, 3], marked=[2]), rules="ihi", direction="lower")
    assert chart.points[1].signals == (Signal.ASTRONOMICAL,)
    assert chart.points[1].variation.value == "special_cause_neutral"
