"""Predictions: the team's verdict, the data's verdict beside it, and predictions never studied.

Pure functions over loaded models; a cycle is named ``project/slug`` in every result.
:func:`judge_cycle` is the one place the data's verdict on a cycle's predictions is computed:
the Study prompt, ``pdsa show``, ``pdsa chart`` and ``pdsa report`` all call it (the report
through :func:`check_predictions`). docs/predictions.md explains the rules for people.

Two verdicts. The team's verdict is the Study's answer to "did the results match the
predictions?" (``prediction_matched``: yes, no or partly): it is the record. The data's
verdict is evidence shown beside it, never in its place. Where both exist and differ, the
cycle *disagrees* and every output says so: ``team: no; data: hit``.

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

from pdsa.model.cycle import Cycle, Direction, Matched, PhaseName, Prediction
from pdsa.model.measure import Measure

Outcome = Literal["hit", "miss", "not_enough_data", "pending"]
OUTCOMES: tuple[Outcome, ...] = ("hit", "miss", "not_enough_data", "pending")
#: What a judged prediction was compared with.
Basis = Literal["target", "before", "baseline"]
TEAM_VERDICTS: tuple[Matched, ...] = ("yes", "no", "partly")

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


@dataclass(frozen=True, slots=True)
class CycleVerdict:
    """One cycle's predictions: the team's verdict, and the data's beside it."""

    cycle: str
    #: The Study's answer to "did the results match the predictions?"; None before a Study.
    team: Matched | None
    #: Predictions written in the plan (plain text or structured, blank ones left out).
    written: int
    checks: tuple[PredictionCheck, ...]

    @property
    def not_checkable(self) -> int:
        """Predictions written that name no measure or no direction."""
        return self.written - len(self.checks)

    def count(self, outcome: Outcome) -> int:
        """How many checks had ``outcome``."""
        return sum(check.outcome == outcome for check in self.checks)

    @property
    def data(self) -> Matched | None:
        """The data's verdict in the team's words: every judged prediction hit (yes), every
        one missed (no), or some of each (partly); None when the data judged none."""
        hit, miss = self.count("hit"), self.count("miss")
        if not hit + miss:
            return None
        if not miss:
            return "yes"
        return "no" if not hit else "partly"

    @property
    def data_words(self) -> str | None:
        """The data's verdict for people: ``hit``, ``miss``, ``1 hit, 1 miss``, ``pending``,
        ``not enough data``; None when no prediction is checkable."""
        hit, miss = self.count("hit"), self.count("miss")
        if hit and miss:
            return f"{hit} hit, {miss} miss"
        if hit or miss:
            return "hit" if hit else "miss"
        if not self.checks:
            return None
        return "pending" if self.count("pending") else "not enough data"

    @property
    def disagrees(self) -> bool:
        """The team's verdict contradicts what the data judged: "yes" with a miss, "no" with
        a hit, or "partly" when the data judged every prediction and found all hit or all
        missed. (With predictions the data could not judge, "partly" may rest on those.)"""
        hit, miss = self.count("hit"), self.count("miss")
        if self.team is None or not hit + miss:
            return False
        if self.team == "yes":
            return miss > 0
        if self.team == "no":
            return hit > 0
        return hit + miss == self.written and not (hit and miss)

    def side_by_side(self) -> str:
        """``team: no; data: hit``; a side that has no verdict says so."""
        team = self.team or ("not studied" if self.written else "no prediction")
        data = self.data_words or "not checkable"
        return f"team: {team}; data: {data}"

    def to_json(self, *, brief: bool = False) -> Json:
        """The verdicts as a JSON object (the checks are listed separately); ``brief`` leaves
        out the counts and the data's verdict in words, for a report's long lists."""
        data: Json = {"cycle": self.cycle}
        if not brief:
            data.update(
                written=self.written, checkable=len(self.checks), data_words=self.data_words
            )
        data.update(
            team=self.team,
            data=self.data,
            disagrees=self.disagrees,
            side_by_side=self.side_by_side(),
        )
        return data


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

    ``written`` counts every prediction in the plans; ``checkable`` those naming a measure
    and a direction, which are ``hit + miss + not_enough_data + pending``. The team's
    verdicts (``team_yes``, ``team_no``, ``team_partly``) count the Studies of cycles with a
    prediction, apart from the data's.
    """

    written: int
    hit: int
    miss: int
    not_enough_data: int
    pending: int
    checks: tuple[PredictionCheck, ...]
    never_studied: tuple[NeverStudied, ...]
    team_yes: int = 0
    team_no: int = 0
    team_partly: int = 0
    #: Every cycle with a prediction, with both verdicts (the JSON lists those with a team
    #: or a data verdict).
    verdicts: tuple[CycleVerdict, ...] = ()

    @property
    def checkable(self) -> int:
        """Predictions that name a measure and a direction."""
        return self.hit + self.miss + self.not_enough_data + self.pending

    @property
    def not_checkable(self) -> int:
        """Predictions written that the data cannot judge."""
        return self.written - self.checkable

    @property
    def judged(self) -> int:
        """Predictions the data judged: hits and misses."""
        return self.hit + self.miss

    @property
    def disagreements(self) -> tuple[CycleVerdict, ...]:
        """The cycles whose team and data verdicts differ."""
        return tuple(verdict for verdict in self.verdicts if verdict.disagrees)

    def summary(self) -> str:
        """E.g. ``9 predictions written, 7 checkable: 5 hit, 1 miss, 1 not enough data``."""
        text = f"{_count(self.written, 'prediction')} written"
        if not self.written:
            return text
        text += f", {self.checkable} checkable against data"
        if not self.checkable:
            return text
        parts = [f"{self.hit} hit", f"{self.miss} miss"]
        parts.append(f"{self.not_enough_data} not enough data")
        if self.pending:
            parts.append(f"{self.pending} pending")
        return f"{text}: {', '.join(parts)}"

    def short(self) -> str:
        """E.g. ``7 checkable: 5 hit, 1 miss``, for a narrow column; ``none`` when none written."""
        if not self.written:
            return "none"
        text = f"{self.written} written, {self.checkable} checkable"
        if self.judged:
            text += f": {self.hit} hit, {self.miss} miss"
        return text

    def team_summary(self) -> str:
        """E.g. ``team verdicts: 3 yes, 1 no, 1 partly; 1 disagrees with the data``."""
        studied = self.team_yes + self.team_no + self.team_partly
        if not studied:
            return "team verdicts: none yet"
        text = f"team verdicts: {self.team_yes} yes, {self.team_no} no, {self.team_partly} partly"
        differ = len(self.disagreements)
        if differ:
            text += f"; {differ} {'disagrees' if differ == 1 else 'disagree'} with the data"
        return text

    def to_json(self, *, details: bool = True) -> Json:
        """The record as a JSON object; without ``details``, the counts and summary only."""
        data: Json = {
            "written": self.written,
            "checkable": self.checkable,
            "hit": self.hit,
            "miss": self.miss,
            "not_enough_data": self.not_enough_data,
            "pending": self.pending,
            "not_checkable": self.not_checkable,
            "summary": self.summary(),
            "team": {"yes": self.team_yes, "no": self.team_no, "partly": self.team_partly},
            "team_summary": self.team_summary(),
            "disagreements": [verdict.cycle for verdict in self.disagreements],
            "never_studied_count": len(self.never_studied),
        }
        if details:
            data["checks"] = [check.to_json() for check in self.checks]
            data["verdicts"] = [
                verdict.to_json(brief=True)
                for verdict in self.verdicts
                if verdict.team is not None or verdict.data is not None
            ]
            data["never_studied"] = [entry.to_json() for entry in self.never_studied]
        return data


def has_prediction(cycle: Cycle) -> bool:
    """Whether the plan holds at least one prediction that is not blank."""
    return any(isinstance(entry, Prediction) or entry.strip() for entry in cycle.plan.predictions)


def written_predictions(cycle: Cycle) -> int:
    """How many predictions the plan holds, blank ones left out."""
    return sum(
        isinstance(entry, Prediction) or bool(entry.strip()) for entry in cycle.plan.predictions
    )


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


def judge_cycle(
    project: str,
    slug: str,
    cycle: Cycle,
    *,
    measures: Mapping[str, Measure],
    project_cycles: Iterable[tuple[str, Cycle]],
    today: datetime.date,
    indexes: Mapping[str, PointIndex] | None = None,
) -> CycleVerdict:
    """Both verdicts on one cycle's predictions: the team's (its Study) and the data's.

    ``project_cycles`` are every cycle of the project (the cycle itself may be among them):
    they decide which points before the window belong to an earlier cycle. ``indexes`` may
    hand over :class:`PointIndex` values already built for ``measures``.
    """
    return _Judge(project, measures, list(project_cycles), indexes).verdict(slug, cycle, today)


def check_predictions(
    project: str,
    cycles: Iterable[tuple[str, Cycle]],
    measures: Mapping[str, Measure],
    *,
    today: datetime.date,
    stale_after_days: int,
    indexes: Mapping[str, PointIndex] | None = None,
    project_cycles: Iterable[tuple[str, Cycle]] | None = None,
) -> PredictionRecord:
    """Judge every prediction of one project's ``cycles`` (each by :func:`judge_cycle`).

    ``project_cycles`` are all the project's cycles when ``cycles`` are only some of them (a
    period's); by default ``cycles`` are all of them.
    """
    cycles = list(cycles)
    everything = cycles if project_cycles is None else list(project_cycles)
    judge = _Judge(project, measures, everything, indexes)
    verdicts = [judge.verdict(slug, cycle, today) for slug, cycle in cycles]
    checks = tuple(check for verdict in verdicts for check in verdict.checks)
    counts = dict.fromkeys(OUTCOMES, 0)
    for check in checks:
        counts[check.outcome] += 1
    with_prediction = [verdict for verdict in verdicts if verdict.written]
    teams = [verdict.team for verdict in with_prediction]
    return PredictionRecord(
        written=sum(verdict.written for verdict in verdicts),
        hit=counts["hit"],
        miss=counts["miss"],
        not_enough_data=counts["not_enough_data"],
        pending=counts["pending"],
        checks=checks,
        never_studied=tuple(
            never_studied(project, cycles, today=today, stale_after_days=stale_after_days)
        ),
        team_yes=teams.count("yes"),
        team_no=teams.count("no"),
        team_partly=teams.count("partly"),
        verdicts=tuple(with_prediction),
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
        written=sum(record.written for record in records),
        hit=sum(record.hit for record in records),
        miss=sum(record.miss for record in records),
        not_enough_data=sum(record.not_enough_data for record in records),
        pending=sum(record.pending for record in records),
        checks=tuple(check for record in records for check in record.checks),
        never_studied=tuple(entry for record in records for entry in record.never_studied),
        team_yes=sum(record.team_yes for record in records),
        team_no=sum(record.team_no for record in records),
        team_partly=sum(record.team_partly for record in records),
        verdicts=tuple(verdict for record in records for verdict in record.verdicts),
    )


class _Judge:
    """Judges the cycles of one project, knowing every cycle's window on every measure."""

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

    def verdict(self, slug: str, cycle: Cycle, today: datetime.date) -> CycleVerdict:
        team = cycle.study.prediction_matched if cycle.study is not None else None
        written = 0
        checks = []
        for position, entry in enumerate(cycle.plan.predictions, start=1):
            if isinstance(entry, str):
                written += bool(entry.strip())
                continue
            written += 1
            if entry.measure and entry.direction:
                checks.append(self.check(slug, cycle, position, entry, today))
        return CycleVerdict(f"{self.project}/{slug}", team, written, tuple(checks))

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


def _count(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()
