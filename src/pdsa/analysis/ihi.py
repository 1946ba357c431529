"""IHI / Perla run-chart rules (Perla, Provost & Murray, BMJ Qual Saf 2011), around the median.

- shift: ``shift_length`` (6) or more consecutive useful points on one side of the median.
  Points on the median are skipped: they neither count nor break a shift, and are not marked.
- trend: ``trend_length`` (5) or more consecutive points each higher (or each lower) than the
  one before. A point equal to the one before is skipped; it is marked when it lies inside a
  trend, not when it trails or leads one (see :func:`pdsa.analysis.patterns.trends`).
- runs: too few or too many runs for the useful points above and below the median, from the
  exact Swed-Eisenhart distribution at 2.5% per tail. A property of the whole series: it shows
  in ``runs_test`` and the legend and marks no point.
- astronomical: only the points the team marked; pointing the way the point lies from the
  median (a marked point on the median points neither way).
"""

from __future__ import annotations

from collections.abc import Sequence

from pdsa.analysis.patterns import Finding, Run, run_positions, trends
from pdsa.analysis.result import RunsTest
from pdsa.analysis.series import Settings
from pdsa.analysis.stats import runs_range
from pdsa.analysis.vocabulary import Side, Signal

SHIFT_LENGTH = 6
TREND_LENGTH = 5


def ihi_findings(
    values: Sequence[float],
    marked: Sequence[bool],
    point_sides: Sequence[int],
    runs: Sequence[Run],
    settings: Settings,
) -> list[Finding]:
    """Every shift, trend and astronomical point of one phase."""
    return [
        *shifts(runs, point_sides, settings.shift_length),
        *ihi_trends(values, settings.trend_length),
        *astronomical(marked, point_sides),
    ]


def shifts(runs: Sequence[Run], point_sides: Sequence[int], shift_length: int) -> list[Finding]:
    """Runs of useful points at least ``shift_length`` long."""
    return [
        Finding(Signal.SHIFT, run.side, run_positions(run, point_sides))
        for run in runs
        if run.length >= shift_length
    ]


def ihi_trends(values: Sequence[float], trend_length: int) -> list[Finding]:
    """Stretches of at least ``trend_length`` counted points moving one way, ties skipped."""
    return [
        Finding(Signal.TREND, trend.side, tuple(range(trend.start, trend.end + 1)))
        for trend in trends(values, skip_ties=True, min_length=trend_length)
    ]


def runs_test(runs: Sequence[Run]) -> RunsTest | None:
    """The Swed-Eisenhart runs test; None with no useful points."""
    if not runs:
        return None
    n_above = sum(run.length for run in runs if run.side is Side.HIGH)
    n_below = sum(run.length for run in runs if run.side is Side.LOW)
    expected = runs_range(n_above, n_below)
    return RunsTest(
        n_above=n_above,
        n_below=n_below,
        n_runs=len(runs),
        runs_min=None if expected is None else expected.fewest,
        runs_max=None if expected is None else expected.most,
    )


def astronomical(marked: Sequence[bool], point_sides: Sequence[int]) -> list[Finding]:
    """One finding per point the team marked astronomical."""
    return [
        Finding(Signal.ASTRONOMICAL, Side(side) if side else None, (position,))
        for position, (is_marked, side) in enumerate(zip(marked, point_sides, strict=True))
        if is_marked
    ]
