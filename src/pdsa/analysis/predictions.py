"""Predictions checked against the data, and predictions that were never studied.

Pure functions over loaded models; a cycle is named ``project/slug`` in every result.

Which predictions can be checked. A structured prediction that names a ``measure`` and a
``direction`` is *checkable*; a plain-text prediction, or a structured one without a measure
or a direction, is *not checkable* and only counted.

The window. The data that judges a prediction are the measure's points dated from the plan's
``start`` (the Do date when no start was planned) to the Study date; with no Study yet, to the
plan's ``end``, or the Do date + 28 days when no end was planned. Both ends are included.

Outcome of a checkable prediction:

* ``pending``: the cycle has no Do yet, or it has no Study and its window ends after today:
  the test is not over, so nothing is judged.
* ``not_enough_data``: the measure is not one of the project's, the window is empty (it ends
  before it starts), or there are too few points: a prediction with a ``target`` needs at
  least 1 point in the window; a direction-only prediction needs at least 1 point before the
  window and 1 in it.
* ``hit`` / ``miss``. With a target, the *median* of the points in the window is compared
  with it: ``increase`` hits when the median is at least the target, ``decrease`` when it is at
  most the target, so a median exactly on the target is a hit. The median, not the last point
  or the mean, so that one odd day neither makes nor breaks a test. Without a target, the
  median of the window is compared with the median of the (up to) 12 points just before the
  window: ``increase`` hits when it is strictly higher, ``decrease`` when strictly lower; no
  change is a miss. Twelve because a baseline is conventionally the first 12 or so points, and
  the latest ones, because earlier cycles may already have moved the measure.

Never studied. A cycle with at least one prediction (plain or structured) and no Study is
listed when it was closed with an Act (the prediction was never compared with the results), or
when more than ``stale_after_days`` days have passed since its Do date. Exactly
``stale_after_days`` days is not yet overdue. Cycles still in Plan are not listed: their test
has not happened.
"""

from __future__ import annotations

import bisect
import datetime
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pdsa.analysis.dates import shifted
from pdsa.model.cycle import Cycle, Direction, PhaseName, Prediction
from pdsa.model.measure import Measure

Outcome = Literal["hit", "miss", "not_enough_data", "pending"]
OUTCOMES: tuple[Outcome, ...] = ("hit", "miss", "not_enough_data", "pending")

#: Without a Study or a planned end, the window closes this many days after Do.
DAYS_AFTER_DO = 28
#: A direction-only prediction is compared with at most this many points before its window.
POINTS_BEFORE = 12

Json = dict[str, object]


@dataclass(frozen=True, slots=True)
class PointIndex:
    """A measure's values in date order, so that a window is found by bisection."""

    dates: tuple[datetime.date, ...]
    values: tuple[float, ...]

    @classmethod
    def of(cls, measure: Measure) -> PointIndex:
        """The measure's points sorted by date (points sharing a date keep their file order)."""
        ordered = sorted(measure.points, key=lambda point: point.date)
        return cls(tuple(point.date for point in ordered), tuple(point.value for point in ordered))

    def between(self, first: datetime.date, last: datetime.date) -> tuple[float, ...]:
        """The values dated from ``first`` to ``last``, both included."""
        return self.values[self._left(first) : self._right(last)]

    def count_between(self, first: datetime.date, last: datetime.date) -> int:
        """How many points are dated from ``first`` to ``last``, both included."""
        return max(0, self._right(last) - self._left(first))

    def before(self, day: datetime.date, limit: int) -> tuple[float, ...]:
        """The last ``limit`` values dated strictly before ``day``."""
        stop = self._left(day)
        return self.values[max(0, stop - limit) : stop]

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
    #: The target, or the median of the points before the window.
    compared_with: float | None
    #: Why the outcome is what it is, in one sentence.
    reason: str

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
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class NeverStudied:
    """A cycle whose predictions were never compared with its results."""

    cycle: str
    #: The cycle's phase: ``do`` (overdue for Study) or ``act`` (closed without one).
    phase: PhaseName
    #: The Do date, or the Act date for a cycle closed without Study.
    since: datetime.date
    days: int
    reason: str

    def to_json(self) -> Json:
        """The entry as a JSON object."""
        return {
            "cycle": self.cycle,
            "phase": self.phase,
            "since": self.since.isoformat(),
            "days": self.days,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class PredictionRecord:
    """A team's (or the programme's) predictions, counted and checked.

    ``total`` counts checkable predictions: ``hit + miss + not_enough_data + pending``.
    ``not_checkable`` counts the others (plain text, or no measure or direction).
    """

    total: int
    hit: int
    miss: int
    not_enough_data: int
    pending: int
    not_checkable: int
    checks: tuple[PredictionCheck, ...]
    never_studied: tuple[NeverStudied, ...]

    @property
    def checked(self) -> int:
        """Predictions the data judged: hits and misses."""
        return self.hit + self.miss

    def summary(self) -> str:
        """E.g. ``7 of 9 predictions checked: 5 hit``."""
        return f"{self.checked} of {self.total} predictions checked: {self.hit} hit"

    def to_json(self, *, details: bool = True) -> Json:
        """The record as a JSON object; without ``details``, the counts and summary only."""
        data: Json = {
            "total": self.total,
            "checked": self.checked,
            "hit": self.hit,
            "miss": self.miss,
            "not_enough_data": self.not_enough_data,
            "pending": self.pending,
            "not_checkable": self.not_checkable,
            "summary": self.summary(),
            "never_studied_count": len(self.never_studied),
        }
        if details:
            data["checks"] = [check.to_json() for check in self.checks]
            data["never_studied"] = [entry.to_json() for entry in self.never_studied]
        return data


def has_prediction(cycle: Cycle) -> bool:
    """Whether the plan holds at least one prediction that is not blank."""
    return any(isinstance(entry, Prediction) or entry.strip() for entry in cycle.plan.predictions)


def prediction_window(cycle: Cycle) -> tuple[datetime.date, datetime.date] | None:
    """The dates (both included) whose points judge the cycle's predictions; None before Do."""
    if cycle.do is None:
        return None
    start = cycle.plan.start or cycle.do.date
    if cycle.study is not None:
        end = cycle.study.date
    elif cycle.plan.end is not None:
        end = cycle.plan.end
    else:
        end = shifted(cycle.do.date, DAYS_AFTER_DO)
    return start, end


def check_predictions(
    project: str,
    cycles: Iterable[tuple[str, Cycle]],
    measures: Mapping[str, Measure],
    *,
    today: datetime.date,
    stale_after_days: int,
    indexes: Mapping[str, PointIndex] | None = None,
) -> PredictionRecord:
    """Check every prediction of one project's ``cycles`` against its ``measures``.

    ``indexes`` may hand over :class:`PointIndex` values already built for ``measures``.
    """
    cycles = list(cycles)
    index_of = dict(indexes) if indexes is not None else {}
    counts = dict.fromkeys(OUTCOMES, 0)
    not_checkable = 0
    checks: list[PredictionCheck] = []
    for slug, cycle in cycles:
        for position, entry in enumerate(cycle.plan.predictions, start=1):
            if isinstance(entry, str):
                not_checkable += bool(entry.strip())
                continue
            if entry.measure is None or entry.direction is None:
                not_checkable += 1
                continue
            measure = measures.get(entry.measure)
            if measure is not None and entry.measure not in index_of:
                index_of[entry.measure] = PointIndex.of(measure)
            points = index_of.get(entry.measure) if measure is not None else None
            check = _check(
                f"{project}/{slug}",
                position,
                entry,
                entry.measure,
                entry.direction,
                cycle,
                points,
                today,
            )
            counts[check.outcome] += 1
            checks.append(check)
    return PredictionRecord(
        total=len(checks),
        hit=counts["hit"],
        miss=counts["miss"],
        not_enough_data=counts["not_enough_data"],
        pending=counts["pending"],
        not_checkable=not_checkable,
        checks=tuple(checks),
        never_studied=tuple(
            never_studied(project, cycles, today=today, stale_after_days=stale_after_days)
        ),
    )


def never_studied(
    project: str,
    cycles: Iterable[tuple[str, Cycle]],
    *,
    today: datetime.date,
    stale_after_days: int,
) -> list[NeverStudied]:
    """Cycles with a prediction and no Study: closed by an Act, or overdue since their Do."""
    found = []
    for slug, cycle in cycles:
        if cycle.study is not None or not has_prediction(cycle):
            continue
        name = f"{project}/{slug}"
        if cycle.act is not None:
            days = (today - cycle.act.date).days
            found.append(NeverStudied(name, "act", cycle.act.date, days, "closed without a Study"))
        elif cycle.do is not None:
            days = (today - cycle.do.date).days
            if days > stale_after_days:
                reason = f"no Study {days} days after Do"
                found.append(NeverStudied(name, "do", cycle.do.date, days, reason))
    return found


def combine_records(records: Iterable[PredictionRecord]) -> PredictionRecord:
    """Several teams' records as one, in the order given."""
    records = list(records)
    return PredictionRecord(
        total=sum(record.total for record in records),
        hit=sum(record.hit for record in records),
        miss=sum(record.miss for record in records),
        not_enough_data=sum(record.not_enough_data for record in records),
        pending=sum(record.pending for record in records),
        not_checkable=sum(record.not_checkable for record in records),
        checks=tuple(check for record in records for check in record.checks),
        never_studied=tuple(entry for record in records for entry in record.never_studied),
    )


def _check(
    name: str,
    position: int,
    prediction: Prediction,
    measure: str,
    direction: Direction,
    cycle: Cycle,
    points: PointIndex | None,
    today: datetime.date,
) -> PredictionCheck:
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
    ) -> PredictionCheck:
        return PredictionCheck(
            cycle=name,
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
            reason=reason,
        )

    if start is None or end is None:
        return result("pending", "the cycle has no Do yet")
    if cycle.study is None and end > today:
        return result("pending", f"the test runs until {end.isoformat()}")
    if points is None:
        return result("not_enough_data", f"the project has no measure '{measure}'")
    if end < start:
        return result("not_enough_data", "the window ends before it starts")
    inside = points.between(start, end)
    if not inside:
        return result("not_enough_data", "no point in the window")
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
        outcome: Outcome = "hit" if hit else "miss"
        return result(outcome, reason, inside=inside, observed=observed, compared_with=target)
    before = points.before(start, POINTS_BEFORE)
    if not before:
        return result("not_enough_data", "no point before the window", inside=inside)
    earlier = float(statistics.median(before))
    hit = observed > earlier if increase else observed < earlier
    if observed == earlier:
        reason = f"median stayed at {observed:g}"
    else:
        moved = "rose" if observed > earlier else "fell"
        reason = f"median {moved} from {earlier:g} to {observed:g}"
    return result(
        "hit" if hit else "miss",
        reason,
        inside=inside,
        before=before,
        observed=observed,
        compared_with=earlier,
    )


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()
