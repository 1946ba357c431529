"""How a measure reads on a board: its signal now, its goal, and whether its data is old.

One place for the words a board repeats, so that every format says the same.

Signal (one word, as NHS "Making Data Count" reads its variation icon). From the latest
point: its variation, ``improvement`` or ``concern`` (special cause, read against the
improvement direction) or ``neutral`` (special cause on a measure with no improvement
direction: the only use of that word). When the latest point is common cause but the rule
set's whole-phase runs rule fires (too few crossings for anhoej, the runs test for ihi), the
phase as a whole is not random: without a direction that is ``neutral``; with one it is read
from the side of the centre line the latest useful point lies on, ``improvement`` on the good
side and ``concern`` on the bad (the usual case: a process that improved, charted without a
rebase, clusters below the median early and above it late); too many runs (points
alternating, say two processes mixed) point no way and read ``special cause``. Otherwise
``no signal``. ``signal_basis`` says which: ``latest point`` or ``runs over the phase``.

Goal. One point never decides it. On an SPC chart with limits, a goal and a direction, the
assurance decides: ``pass`` (the limits lie beyond the goal on the good side: the process
will consistently meet it), ``fail`` (beyond it on the bad side), ``hit_and_miss`` (the goal
lies within the limits). Otherwise (run charts, SPC without limits) the median of the current
phase's points decides: ``met`` when it meets the goal; ``latest_only`` when only the latest
point does; ``not_met`` when neither does. "Meets" is at least the goal for higher-is-better,
at most for lower-is-better.

Old data. A measure's data is old when its next point is overdue by more than the staleness
window: the latest point is more than ``stale_after_days`` plus the measure's usual interval
between points (the median gap between its dates; 0 with fewer than 2 dates) days before the
date of the report. A weekly measure is old 38 days after its latest point with the default
window of 30 days; a monthly one, about 60 days after.
"""

from __future__ import annotations

import datetime
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pdsa.analysis.result import ChartAnalysis, PhaseResult
from pdsa.analysis.stats import median, signs
from pdsa.analysis.vocabulary import Assurance, Direction, RuleSet, Variation

SignalSummary = Literal[
    "improvement", "concern", "neutral", "special cause", "no signal", "no data", "not analysed"
]
SignalBasis = Literal["latest point", "runs over the phase"]
GoalKind = Literal["met", "latest_only", "not_met", "pass", "hit_and_miss", "fail"]

#: Short words for a narrow column.
GOAL_SHORT: dict[GoalKind, str] = {
    "met": "met by median",
    "latest_only": "latest only",
    "not_met": "not met",
    "pass": "pass",
    "hit_and_miss": "hit and miss",
    "fail": "fail",
}
_READING: dict[Variation, SignalSummary] = {
    Variation.CONCERN: "concern",
    Variation.IMPROVEMENT: "improvement",
    Variation.NEUTRAL: "neutral",
}


@dataclass(frozen=True, slots=True)
class GoalReading:
    """Whether a measure meets its goal, on what evidence, in words."""

    kind: GoalKind
    #: A sentence for people, e.g. ``met by the median of the current phase (82)``.
    words: str

    @property
    def met(self) -> bool:
        """Met on more than one point: the phase's median meets it, or assurance passes."""
        return self.kind in ("met", "pass")

    @property
    def short(self) -> str:
        """``met by median``, ``latest only``, ``not met``, ``pass``, ``hit and miss``, ``fail``."""
        return GOAL_SHORT[self.kind]


def signal_reading(chart: ChartAnalysis) -> tuple[SignalSummary, SignalBasis | None]:
    """What the current phase of ``chart`` says now, and on what (see the module docstring)."""
    if not chart.points:
        return "no data", None
    latest = chart.points[-1]
    if latest.variation is not Variation.COMMON:
        return _READING[latest.variation], "latest point"
    phase = chart.phases[latest.phase]
    test = phase.runs_test if chart.rules is RuleSet.IHI else None
    too_few = (chart.rules is RuleSet.ANHOEJ and phase.runs.crossings_signal) or (
        test is not None and test.too_few
    )
    if test is not None and test.too_many and not too_few:
        return ("neutral" if chart.direction is None else "special cause"), "runs over the phase"
    if not too_few:
        return "no signal", None
    if chart.direction is None:
        return "neutral", "runs over the phase"
    values = _phase_values(chart, phase)
    side = next(
        (sign for sign in reversed(signs(values, median(values[: phase.n_baseline]))) if sign), 0
    )
    if side == 0:
        return "no signal", None
    good = 1 if chart.direction is Direction.HIGHER else -1
    return ("improvement" if side == good else "concern"), "runs over the phase"


def goal_reading(
    chart: ChartAnalysis | None,
    *,
    values: Sequence[float],
    goal: float | None,
    improvement: str | None,
) -> GoalReading | None:
    """Whether the goal is met (see the module docstring); None without a goal, a direction
    or data. ``values`` are the measure's values in date order (used when ``chart`` is None)."""
    if goal is None or improvement is None or not values:
        return None
    phase = chart.current_phase if chart is not None else None
    if phase is not None and phase.assurance is not None:
        low, high = phase.lower_limit, phase.upper_limit
        limits = f"the process limits ({low:.4g} to {high:.4g})"
        if phase.assurance is Assurance.PASS:
            return GoalReading(
                "pass", f"pass: {limits} lie beyond the goal: it will consistently be met"
            )
        if phase.assurance is Assurance.FAIL:
            return GoalReading(
                "fail", f"fail: {limits} lie on the wrong side of the goal: it will not be met"
            )
        return GoalReading(
            "hit_and_miss", f"hit and miss: the goal lies within {limits}: sometimes met"
        )
    current = list(values) if chart is None or phase is None else _phase_values(chart, phase)
    higher = improvement == "higher"

    def meets(value: float) -> bool:
        return value >= goal if higher else value <= goal

    middle = float(statistics.median(current))
    latest = current[-1]
    median_words = f"the median of the current phase ({middle:.4g})"
    if meets(middle):
        tail = "and by the latest point" if meets(latest) else "but not by the latest point"
        return GoalReading("met", f"met by {median_words}, {tail}")
    if meets(latest):
        return GoalReading("latest_only", f"met by the latest point only; {median_words} is not")
    return GoalReading("not_met", f"not met: neither the latest point nor {median_words}")


def _phase_values(chart: ChartAnalysis, phase: PhaseResult) -> list[float]:
    return [point.value for point in chart.points[phase.first_point :][: phase.n_points]]


def usual_interval(dates: Sequence[datetime.date]) -> int:
    """The median number of days between a measure's distinct dates; 0 with fewer than 2."""
    distinct = sorted(set(dates))
    gaps = [(after - before).days for before, after in itertools.pairwise(distinct)]
    return int(statistics.median(gaps)) if gaps else 0


def is_old(
    latest: datetime.date | None, *, as_of: datetime.date, stale_after_days: int, interval: int
) -> bool:
    """Whether the next point is overdue by more than ``stale_after_days`` days."""
    return latest is not None and (as_of - latest).days > stale_after_days + interval
