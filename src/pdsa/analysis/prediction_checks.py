"""What the data say about a prediction: its cycle's window, the points, hit or miss.

Pure functions over loaded models. :class:`Judge` checks the predictions of one project's
cycles; :mod:`pdsa.analysis.predictions` puts its checks beside the team's verdict.

Which predictions can be checked. A structured prediction that names a ``measure`` and a
``direction`` is *checkable*; a plain-text prediction, or a structured one without a measure
or a direction, is *not checkable* and only counted.

The window: the cycle's own test. Points dated from the plan's ``start`` to its ``end``, both
included; the Do date stands in for a start or an end that was not planned. Points before or
after the test (earlier cycles' gains, the weeks before the Study) are not the test's.

Outcome of a checkable prediction:

* ``pending``: the cycle has no Do yet, or it has no Study and its window ends after today:
  the test is not over, so nothing is judged.
* ``not_enough_data``: the measure is not one of the project's, the window is empty (the Do
  is dated before the planned start), or there are too few points: a prediction with a
  ``target`` needs at least 1 point in the window; a direction-only prediction needs at least
  1 point in the window and 1 to compare with (below).
* ``hit`` / ``miss``. With a target, the *median* of the points in the window is compared
  with it: ``increase`` hits when the median is at least the target, ``decrease`` when it is at
  most the target, so a median exactly on the target is a hit. The median, not the last point
  or the mean, so that one odd day neither makes nor breaks a test. Without a target, the
  median of the window is compared with the median of the points it is compared with:
  ``increase`` hits when it is strictly higher, ``decrease`` when strictly lower; no change is
  a miss.

What a direction is compared with: the points before the test that belong to no earlier
cycle on the same measure. An earlier cycle is one of the project's cycles that watches the
measure (names it in ``measures`` or in a prediction), has a Do, and whose window starts first
(on the same day: first in display order). The points inside its window, and the points
before it, show the measure before or during that cycle's change; so the comparison is with
the (up to) 12 latest points dated after the end of every earlier cycle's window and before
this cycle's start: the state the earlier cycles left. A cycle is never credited with an
earlier cycle's gain. When there is no such point (back-to-back cycles), the measure's
declared baseline is used instead: the first ``baseline`` points of the chart phase the
test starts in (record a rebase, ``[[phases]]``, when a change is adopted, so that the
baseline is the new level), those dated before the window; without one there is not enough
data.
"""

from __future__ import annotations

import bisect
import datetime
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pdsa.model.cycle import Cycle, Direction, Prediction
from pdsa.model.measure import Measure

Outcome = Literal["hit", "miss", "not_enough_data", "pending"]
OUTCOMES: tuple[Outcome, ...] = ("hit", "miss", "not_enough_data", "pending")
#: What a judged prediction was compared with.
Basis = Literal["target", "before", "baseline"]

#: A direction-only prediction is compared with at most this many points before its window.
POINTS_BEFORE = 12

Json = dict[str, object]
Window = tuple[datetime.date, datetime.date]


@dataclass(frozen=True, slots=True)
class PointIndex:
    """A measure's values in date order, so that a window is found by bisection."""

    dates: tuple[datetime.date, ...]
    values: tuple[float, ...]
    #: The measure's declared baseline (the first k points of each chart phase), if any.
    baseline: int | None = None
    #: The start dates of the measure's chart phases (rebases), in date order.
    rebases: tuple[datetime.date, ...] = ()

    @classmethod
    def of(cls, measure: Measure) -> PointIndex:
        """The measure's points sorted by date (points sharing a date keep their file order)."""
        ordered = sorted(measure.points, key=lambda point: point.date)
        return cls(
            tuple(point.date for point in ordered),
            tuple(point.value for point in ordered),
            measure.baseline,
            tuple(sorted(phase.start for phase in measure.phases)),
        )

    def between(self, first: datetime.date, last: datetime.date) -> tuple[float, ...]:
        """The values dated from ``first`` to ``last``, both included."""
        return self.values[self._left(first) : self._right(last)]

    def count_between(self, first: datetime.date, last: datetime.date) -> int:
        """How many points are dated from ``first`` to ``last``, both included."""
        return max(0, self._right(last) - self._left(first))

    def before(
        self, day: datetime.date, limit: int, *, after: datetime.date | None = None
    ) -> tuple[float, ...]:
        """The last ``limit`` values dated strictly before ``day`` (and strictly after
        ``after``, when given), in date order."""
        stop = self._left(day)
        first = 0 if after is None else self._right(after)
        return self.values[max(first, stop - limit) : stop] if stop > first else ()

    def baseline_before(self, day: datetime.date) -> tuple[float, ...]:
        """The declared baseline of the chart phase ``day`` falls in (its first ``baseline``
        points), those dated before ``day``."""
        if not self.baseline:
            return ()
        position = bisect.bisect_right(self.rebases, day)
        first = self._left(self.rebases[position - 1]) if position else 0
        return self.values[first : min(first + self.baseline, self._left(day))]

    def _left(self, day: datetime.date) -> int:
        return bisect.bisect_left(self.dates, day)

    def _right(self, day: datetime.date) -> int:
        return bisect.bisect_right(self.dates, day)


@dataclass(frozen=True, slots=True)
class PredictionCheck:
    """One checkable prediction and what the data say about it."""

    #: ``project/slug`` of the cycle.
    cycle: str
    #: Its place in the plan's list of predictions, from 1.
    position: int
    text: str
    measure: str
    direction: Direction
    target: float | None
    #: The window of points that judge it; None while the cycle has no Do.
    window_start: datetime.date | None
    window_end: datetime.date | None
    outcome: Outcome
    n_in_window: int
    n_before: int
    #: The median of the points in the window.
    observed: float | None
    #: The target, or the median of the points compared with.
    compared_with: float | None
    #: What ``compared_with`` is: the target, points before the window, or the baseline.
    basis: Basis | None
    #: Why the outcome is what it is, in one sentence.
    reason: str

    @property
    def outcome_words(self) -> str:
        """The outcome for people: ``hit``, ``miss``, ``not enough data``, ``pending``."""
        return self.outcome.replace("_", " ")

    def to_json(self) -> Json:
        """The check as a JSON object."""
        return {
            "cycle": self.cycle,
            "position": self.position,
            "text": self.text,
            "measure": self.measure,
            "direction": self.direction,
            "target": self.target,
            "window_start": _iso(self.window_start),
            "window_end": _iso(self.window_end),
            "outcome": self.outcome,
            "n_in_window": self.n_in_window,
            "n_before": self.n_before,
            "observed": self.observed,
            "compared_with": self.compared_with,
            "basis": self.basis,
            "reason": self.reason,
        }


def watched_measures(cycle: Cycle) -> set[str]:
    """The measures a cycle watches: its ``measures`` and those its predictions name."""
    named = {
        entry.measure
        for entry in cycle.plan.predictions
        if isinstance(entry, Prediction) and entry.measure is not None
    }
    return {*cycle.measures, *named}


def prediction_window(cycle: Cycle) -> Window | None:
    """The cycle's own test, whose points judge its predictions (both ends included): the
    planned start to the planned end, the Do date standing in for either when not planned;
    None before Do. The end may fall before the start (a Do dated before the planned start)."""
    if cycle.do is None:
        return None
    end = cycle.plan.end or cycle.do.date
    start = cycle.plan.start or min(cycle.do.date, end)
    return start, end


class Judge:
    """Judges the predictions of one project's cycles, knowing every cycle's window on every
    measure (for what a direction is compared with)."""

    def __init__(
        self,
        project: str,
        measures: Mapping[str, Measure],
        project_cycles: Sequence[tuple[str, Cycle]],
        indexes: Mapping[str, PointIndex] | None,
    ) -> None:
        self.project = project
        self.measures = measures
        self.indexes: dict[str, PointIndex] = dict(indexes) if indexes is not None else {}
        self.project_cycles = project_cycles
        self._tests: dict[str, list[tuple[datetime.date, datetime.date, str, datetime.date]]]
        self._tests = {}
        self._tests_built = False

    @property
    def tests(self) -> dict[str, list[tuple[datetime.date, datetime.date, str, datetime.date]]]:
        """Per measure: (window start, planned start, slug, window end) of each cycle with a
        Do that watches it, in that order, the order "earlier" is judged by; built when a
        direction-only prediction first needs it."""
        if not self._tests_built:
            for slug, cycle in self.project_cycles:
                window = prediction_window(cycle)
                if window is None:
                    continue
                for measure in watched_measures(cycle):
                    entry = (window[0], cycle.planned_start, slug, window[1])
                    self._tests.setdefault(measure, []).append(entry)
            for entries in self._tests.values():
                entries.sort()
            self._tests_built = True
        return self._tests

    def points(self, measure: str) -> PointIndex | None:
        if measure not in self.measures:
            return None
        if measure not in self.indexes:
            self.indexes[measure] = PointIndex.of(self.measures[measure])
        return self.indexes[measure]

    def earlier_end(
        self, slug: str, cycle: Cycle, measure: str, start: datetime.date
    ) -> datetime.date | None:
        """The last day of the windows of the cycles on ``measure`` that came before this
        one; None when none did."""
        key = (start, cycle.planned_start, slug)
        return max(
            (
                last
                for first, planned, other, last in self.tests.get(measure, ())
                if (first, planned, other) < key
            ),
            default=None,
        )

    def check(
        self,
        slug: str,
        cycle: Cycle,
        position: int,
        prediction: Prediction,
        today: datetime.date,
    ) -> PredictionCheck:
        measure = prediction.measure or ""
        direction: Direction = prediction.direction or "increase"
        window = prediction_window(cycle)
        start, end = window if window is not None else (None, None)

        def result(
            outcome: Outcome,
            reason: str,
            *,
            inside: Sequence[float] = (),
            before: Sequence[float] = (),
            observed: float | None = None,
            compared_with: float | None = None,
            basis: Basis | None = None,
        ) -> PredictionCheck:
            return PredictionCheck(
                cycle=f"{self.project}/{slug}",
                position=position,
                text=prediction.text,
                measure=measure,
                direction=direction,
                target=prediction.target,
                window_start=start,
                window_end=end,
                outcome=outcome,
                n_in_window=len(inside),
                n_before=len(before),
                observed=observed,
                compared_with=compared_with,
                basis=basis,
                reason=reason,
            )

        if start is None or end is None:
            return result("pending", "the cycle has no Do yet")
        if cycle.study is None and end > today:
            return result("pending", f"the test runs until {end.isoformat()}")
        points = self.points(measure)
        if points is None:
            return result("not_enough_data", f"the project has no measure '{measure}'")
        if end < start:
            return result(
                "not_enough_data",
                f"the test's window is empty: Do {end.isoformat()} is before the planned "
                f"start {start.isoformat()}",
            )
        inside = points.between(start, end)
        if not inside:
            return result("not_enough_data", "no point in the test's window")
        observed = float(statistics.median(inside))
        increase = direction == "increase"
        if prediction.target is not None:
            target = prediction.target
            hit = observed >= target if increase else observed <= target
            if hit:
                relation = "at least" if increase else "at most"
            else:
                relation = "below" if increase else "above"
            reason = f"median {observed:g} is {relation} the target {target:g}"
            return result(
                "hit" if hit else "miss",
                reason,
                inside=inside,
                observed=observed,
                compared_with=target,
                basis="target",
            )
        basis: Basis = "before"
        after = self.earlier_end(slug, cycle, measure, start)
        before = points.before(start, POINTS_BEFORE, after=after)
        if not before:
            basis, before = "baseline", points.baseline_before(start)
        if not before:
            since = "" if after is None else f" after the earlier cycles' tests (to {after})"
            return result(
                "not_enough_data",
                f"no point before the test{since}, and no baseline",
                inside=inside,
            )
        earlier = float(statistics.median(before))
        what = "the baseline" if basis == "baseline" else "before the test"
        if observed == earlier:
            reason = f"median stayed at {observed:g} ({what})"
        else:
            moved = "rose" if observed > earlier else "fell"
            reason = f"median {moved} from {earlier:g} ({what}) to {observed:g}"
        hit = observed > earlier if increase else observed < earlier
        return result(
            "hit" if hit else "miss",
            reason,
            inside=inside,
            before=before,
            observed=observed,
            compared_with=earlier,
            basis=basis,
        )


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()
