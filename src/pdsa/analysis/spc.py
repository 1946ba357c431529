"""XmR chart by the NHS "Making Data Count" rules, around the mean.

Limits: mean ± 2.66 * mean moving range. Moving ranges above 3.267 * their mean are screened
out before the mean moving range is taken (once, not repeatedly), unless ``screen`` is off.
With a mean moving range of 0 the limits equal the mean; a point is outside only when it lies
strictly beyond a limit, so a flat series has no point outside and a later point that differs
from a flat baseline is outside.

Rules, each pointing the way its points lie (above / rising is HIGH):
- outside_limits: a point strictly above the upper or below the lower limit.
- shift: ``shift_length`` (7) or more consecutive points strictly on one side of the mean;
  a point exactly on the mean breaks it.
- trend: ``trend_length`` (7) or more consecutive points each strictly higher (or each lower)
  than the one before; a tie breaks it.
- two_in_three: two or three of three consecutive points strictly beyond the near-limit band
  (mean ± (2/3) * 2.66 * mean moving range) on the same side; the points beyond the band are
  marked, whether or not they are also beyond the limit. Unlike NHSRplotthedots, the third
  point may lie anywhere.
Limits need at least two baseline points (one moving range); without limits only the shift
and trend rules run.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pdsa.analysis.patterns import Finding, trends, unbroken_runs
from pdsa.analysis.series import Settings
from pdsa.analysis.stats import decimals, exact_decimals, mean, signs
from pdsa.analysis.vocabulary import Assurance, Direction, Side, Signal

SHIFT_LENGTH = 7
TREND_LENGTH = 7
#: With fewer baseline points than this the limits are trial limits.
MIN_BASELINE = 12
#: 3 / d2, with d2 = 1.128 for moving ranges of two points.
LIMIT_FACTOR = Fraction("2.66")
#: D4 for moving ranges of two points: a larger moving range is screened out.
SCREEN_FACTOR = Decimal("3.267")
NEAR_LIMIT_FACTOR = LIMIT_FACTOR * 2 / 3


@dataclass(frozen=True)
class Limits:
    """Centre line, process limits and near-limit band of an XmR chart, exactly."""

    centre: Fraction
    lower: Fraction
    upper: Fraction
    near_lower: Fraction
    near_upper: Fraction


def spc_findings(
    values: Sequence[float],
    point_sides: Sequence[int],
    limits: Limits | None,
    settings: Settings,
) -> list[Finding]:
    """Every signal of one phase; without limits, only shifts and trends."""
    findings = [
        *spc_shifts(point_sides, settings.shift_length),
        *spc_trends(values, settings.trend_length),
    ]
    if limits is not None:
        findings += [*outside_limits(values, limits), *two_in_three(values, limits)]
    return findings


def xmr_limits(baseline: Sequence[float], *, screen: bool) -> Limits | None:
    """Limits from the baseline points; None with fewer than two (no moving range)."""
    if len(baseline) < 2:
        return None
    with exact_decimals():
        written = decimals(baseline)
        moving_ranges = [abs(now - before) for before, now in itertools.pairwise(written)]
        total = sum(moving_ranges, Decimal(0))
        if screen:
            # Screening against the initial mean keeps one freak jump from widening the
            # limits. mR > 3.267 * total / m is tested as m * mR > 3.267 * total, exactly;
            # at least one moving range is never above the mean, so some are always kept.
            cut = SCREEN_FACTOR * total
            moving_ranges = [mr for mr in moving_ranges if len(moving_ranges) * mr <= cut]
            total = sum(moving_ranges, Decimal(0))
    mean_range = Fraction(total) / len(moving_ranges)
    centre = mean(baseline)
    spread = LIMIT_FACTOR * mean_range
    near = NEAR_LIMIT_FACTOR * mean_range
    return Limits(centre, centre - spread, centre + spread, centre - near, centre + near)


def outside_limits(values: Sequence[float], limits: Limits) -> list[Finding]:
    """Points strictly beyond a limit; consecutive ones beyond the same limit form one finding."""
    beyond = _beyond(values, limits.lower, limits.upper)
    return [
        Finding(Signal.OUTSIDE_LIMITS, run.side, tuple(range(run.first, run.last + 1)))
        for run in unbroken_runs(beyond)
    ]


def spc_shifts(point_sides: Sequence[int], shift_length: int) -> list[Finding]:
    """Unbroken runs on one side of the mean at least ``shift_length`` long."""
    return [
        Finding(Signal.SHIFT, run.side, tuple(range(run.first, run.last + 1)))
        for run in unbroken_runs(point_sides)
        if run.length >= shift_length
    ]


def spc_trends(values: Sequence[float], trend_length: int) -> list[Finding]:
    """Strictly rising or falling stretches at least ``trend_length`` points long."""
    return [
        Finding(Signal.TREND, trend.side, tuple(range(trend.start, trend.end + 1)))
        for trend in trends(values, skip_ties=False, min_length=trend_length)
    ]


def two_in_three(values: Sequence[float], limits: Limits) -> list[Finding]:
    """Points beyond the near-limit band with another on the same side in a window of three.

    One pass: a point is marked when a same-side point beyond the band is at most two
    positions away; marked points of one side no more than two apart form one finding.
    """
    beyond = _beyond(values, limits.near_lower, limits.near_upper)
    found: list[Finding] = []
    groups: dict[int, list[int]] = {1: [], -1: []}
    for position, side in enumerate(beyond):
        if side == 0 or not _has_partner(beyond, position):
            continue
        group = groups[side]
        if group and position - group[-1] > 2:
            found.append(Finding(Signal.TWO_IN_THREE, Side(side), tuple(group)))
            group.clear()
        group.append(position)
    found.extend(
        Finding(Signal.TWO_IN_THREE, Side(side), tuple(group))
        for side, group in groups.items()
        if group
    )
    return sorted(found, key=lambda finding: finding.positions[0])


def _has_partner(beyond: Sequence[int], position: int) -> bool:
    side = beyond[position]
    neighbours = range(max(0, position - 2), min(len(beyond), position + 3))
    return any(beyond[other] == side for other in neighbours if other != position)


def _beyond(values: Sequence[float], lower: Fraction, upper: Fraction) -> list[int]:
    """+1 strictly above ``upper``, -1 strictly below ``lower``, else 0."""
    above = signs(values, upper)
    below = signs(values, lower)
    return [(high > 0) - (low < 0) for high, low in zip(above, below, strict=True)]


def assurance(
    goal: Fraction | None, limits: Limits | None, direction: Direction | None
) -> Assurance | None:
    """Pass or fail when the goal lies outside the limits, hit and miss on or within them.

    None without a goal, limits or direction: with no better way, nothing passes or fails.
    """
    if goal is None or limits is None or direction is None:
        return None
    if limits.lower <= goal <= limits.upper:
        return Assurance.HIT_AND_MISS
    goal_below_process = goal < limits.lower
    if goal_below_process == (direction is Direction.HIGHER):
        return Assurance.PASS
    return Assurance.FAIL
