"""Properties of every rule set: invariance to units and offsets, direction symmetry, and
agreement with naive reference implementations.

Values are drawn as decimals with one place (integers / 10), which is how measures are
written, so that "add a constant" and "multiply by a constant" are exact in decimal terms.
"""

from __future__ import annotations

import datetime
import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from pdsa.analysis import ChartAnalysis, RuleSet, SeriesPoint, Variation, analyse
from pdsa.analysis.stats import crossings_min, longest_run_max, signs
from pdsa.analysis.vocabulary import Signal

START = datetime.date(2024, 1, 1)
#: Per test, not a global profile, so other packages' tests keep their own settings.
thorough = settings(deadline=None, max_examples=150)


@dataclass(frozen=True)
class Case:
    """A series in tenths, and the options to chart it with."""

    tenths: list[int]
    marked: frozenset[int]
    rules: RuleSet
    direction: str | None
    goal_tenths: int | None
    baseline: int | None
    phase_at: int | None

    def chart(
        self, offset: int = 0, factor: Fraction = Fraction(1), **override: object
    ) -> ChartAnalysis:
        """The chart of (tenths + offset) * factor / 10, its goal moved the same way."""

        def scaled(tenths: int) -> float:
            return float((tenths + offset) * factor / 10)

        points = [
            SeriesPoint(
                START + datetime.timedelta(days=i), scaled(t), astronomical=i in self.marked
            )
            for i, t in enumerate(self.tenths)
        ]
        phases = []
        if self.phase_at is not None and self.phase_at < len(points):
            phases = [(points[self.phase_at].date, "rebased")]
        options: dict[str, object] = {
            "rules": self.rules,
            "direction": self.direction,
            "goal": None if self.goal_tenths is None else scaled(self.goal_tenths),
            "baseline": self.baseline,
            "phases": phases,
            **override,
        }
        return analyse(points, **options)  # type: ignore[arg-type]


def value_lists() -> st.SearchStrategy[list[int]]:
    # Narrow ranges give ties and points on the centre line; wide ones, distinct values.
    narrow = st.lists(st.integers(-3, 3), max_size=40)
    wide = st.lists(st.integers(-100_000, 100_000), max_size=60)
    steps = st.lists(st.integers(-20, 20), max_size=60).map(_cumulative)
    # A step change: the signals every rule set is there to find.
    low = st.lists(st.integers(0, 5), min_size=8, max_size=30)
    high = st.lists(st.integers(4, 9), min_size=8, max_size=30)
    step_change = st.tuples(low, high, st.booleans()).map(
        lambda blocks: blocks[0] + blocks[1] if blocks[2] else blocks[1] + blocks[0]
    )
    return st.one_of(narrow, wide, steps, step_change)


def _cumulative(steps: list[int]) -> list[int]:
    total, walked = 0, []
    for step in steps:
        total += step
        walked.append(total)
    return walked


@st.composite
def cases(draw: st.DrawFn) -> Case:
    tenths = draw(value_lists())
    indices = st.integers(0, max(len(tenths) - 1, 0))
    return Case(
        tenths=tenths,
        marked=frozenset(draw(st.sets(indices, max_size=3))),
        rules=draw(st.sampled_from(list(RuleSet))),
        direction=draw(st.sampled_from([None, "higher", "lower"])),
        goal_tenths=draw(st.none() | st.integers(-100_000, 100_000)),
        baseline=draw(st.none() | st.integers(1, 30)),
        phase_at=draw(st.none() | indices),
    )


def readings(chart: ChartAnalysis) -> list[object]:
    """Everything about a chart that does not depend on its units or offset."""
    return [
        [(point.signals, point.variation, point.phase) for point in chart.points],
        [
            (phase.runs, phase.runs_test, phase.assurance, phase.trial_limits, phase.rules_weak)
            for phase in chart.phases
        ],
        chart.legend,
    ]


def lines(chart: ChartAnalysis) -> list[float | None]:
    """Centre lines and limits of every phase."""
    return [
        value
        for phase in chart.phases
        for value in (phase.centre_line, phase.lower_limit, phase.upper_limit)
    ]


def assert_moved(
    before: ChartAnalysis, after: ChartAnalysis, offset: Fraction, factor: int | Fraction = 1
) -> None:
    """Each line of ``after`` is the same line of ``before`` times ``factor``, plus ``offset``."""
    for old, new in zip(lines(before), lines(after), strict=True):
        if old is None or new is None:
            assert old is new
        else:
            expected = float(Fraction(old) * factor + offset)
            assert math.isclose(new, expected, rel_tol=1e-12, abs_tol=1e-9)


@thorough
@given(cases(), st.integers(-100_000, 100_000))
def test_adding_a_constant_moves_the_lines_by_it_and_changes_no_signal(
    case: Case, offset: int
) -> None:
    before, after = case.chart(), case.chart(offset=offset)
    assert readings(after) == readings(before)
    assert_moved(before, after, Fraction(offset, 10))


@thorough
@given(cases(), st.integers(1, 50), st.sampled_from([1, 10]))
def test_multiplying_by_a_positive_constant_changes_no_signal(
    case: Case, numerator: int, denominator: int
) -> None:
    factor = Fraction(numerator, denominator)
    before, after = case.chart(), case.chart(factor=factor)
    assert readings(after) == readings(before)
    assert_moved(before, after, Fraction(0), factor)


SWAPPED = {
    Variation.IMPROVEMENT: Variation.CONCERN,
    Variation.CONCERN: Variation.IMPROVEMENT,
    Variation.NEUTRAL: Variation.NEUTRAL,
    Variation.COMMON: Variation.COMMON,
}


@thorough
@given(cases())
def test_reversing_the_direction_swaps_improvement_and_concern(case: Case) -> None:
    higher = case.chart(direction="higher")
    lower = case.chart(direction="lower")
    for up, down in zip(higher.points, lower.points, strict=True):
        assert up.signals == down.signals
        # A point whose signals point both ways is a concern either way (concern wins).
        both_ways = up.variation is down.variation is Variation.CONCERN
        # A run chart's bad-side run before a good-side run is the process before its
        # improvement in one direction (common cause), a special cause in the other.
        before_improvement = (
            case.rules is not RuleSet.SPC
            and Variation.COMMON in (up.variation, down.variation)
            and bool({Signal.RUNS, Signal.SHIFT} & set(up.signals))
        )
        assert down.variation is SWAPPED[up.variation] or both_ways or before_improvement
    for up_phase, down_phase in zip(higher.phases, lower.phases, strict=True):
        pass_fail = {"pass": "fail", "fail": "pass", "hit_and_miss": "hit_and_miss", None: None}
        up_assurance = None if up_phase.assurance is None else up_phase.assurance.value
        down_assurance = None if down_phase.assurance is None else down_phase.assurance.value
        assert down_assurance == pass_fail[up_assurance]


@thorough
@given(cases())
def test_without_a_direction_every_signal_is_neutral(case: Case) -> None:
    chart = case.chart(direction=None)
    for point in chart.points:
        expected = Variation.NEUTRAL if point.signals else Variation.COMMON
        assert point.variation is expected
    assert chart.assurance is None


@thorough
@given(cases())
def test_the_json_is_plain_data_and_analysis_is_deterministic(case: Case) -> None:
    chart = case.chart()
    assert chart == case.chart()
    data = chart.to_json_dict()
    assert json.loads(json.dumps(data)) == data


def naive_runs(values: Sequence[Fraction]) -> tuple[int, int | None, int | None]:
    """(useful points, longest run, crossings) the obvious way, around the exact median."""
    if not values:
        return 0, None, None
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    useful = [value > median for value in values if value != median]
    if not useful:
        return 0, None, None
    longest = current = 1
    for before, now in itertools.pairwise(useful):
        current = current + 1 if now == before else 1
        longest = max(longest, current)
    crossings = sum(before != now for before, now in itertools.pairwise(useful))
    return len(useful), longest, crossings


@thorough
@given(value_lists())
def test_anhoej_runs_agree_with_a_naive_implementation(tenths: list[int]) -> None:
    points = [SeriesPoint(START, t / 10) for t in tenths]
    runs = analyse(points).runs
    n_useful, longest, crossings = naive_runs([Fraction(t, 10) for t in tenths])
    assert (runs.n_useful, runs.longest_run, runs.n_crossings) == (n_useful, longest, crossings)
    if n_useful:
        assert runs.longest_run_signal is (
            longest is not None and longest > longest_run_max(n_useful)
        )
        assert runs.crossings_signal is (
            crossings is not None and crossings < crossings_min(n_useful)
        )
    else:
        assert not runs.signal


finite = st.floats(allow_nan=False, allow_infinity=False)


@thorough
@given(st.lists(finite, max_size=30), finite, st.booleans())
def test_float_comparisons_agree_with_exact_decimals(
    values: list[float], threshold: float, nudge: bool
) -> None:
    exact_threshold = Fraction(repr(threshold))
    if nudge:  # a threshold a hair away from a representable decimal
        exact_threshold += Fraction(1, 10**30)
    expected = [
        (Fraction(repr(v)) > exact_threshold) - (Fraction(repr(v)) < exact_threshold)
        for v in values
    ]
    assert signs(values, exact_threshold) == expected
    assert signs([*values, threshold], Fraction(repr(threshold)))[-1] == 0
