"""Predictions: the team's verdict, the data's verdict beside it, and predictions never studied.

Pure functions over loaded models; a cycle is named ``project/slug`` in every result.
:func:`judge_cycle` is the one place the data's verdict on a cycle's predictions is computed:
the Study prompt, ``pdsa show``, ``pdsa chart`` and ``pdsa report`` all call it (the report
through :func:`check_predictions`). docs/predictions.md explains the rules for people.

Two verdicts. The team's verdict is the Study's answer to "did the results match the
predictions?" (``prediction_matched``: yes, no or partly): it is the record. The data's
verdict is evidence shown beside it, never in its place. Where both exist and differ, the
cycle *disagrees* and every output says so: ``team: no; data: hit``.

How the data judge a prediction (its window, and hit or miss) is in
:mod:`pdsa.analysis.prediction_checks`.

Never studied. A cycle with at least one prediction (plain or structured) and no Study is
listed when it was closed with an Act (the prediction was never compared with the results), or
when more than ``stale_after_days`` days have passed since its Do date. Exactly
``stale_after_days`` days is not yet overdue. Cycles still in Plan are not listed: their test
has not happened.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pdsa.analysis.prediction_checks import (
    OUTCOMES,
    Judge,
    Outcome,
    PredictionCheck,
)
from pdsa.analysis.prediction_checks import PointIndex as PointIndex
from pdsa.analysis.prediction_checks import prediction_window as prediction_window
from pdsa.analysis.prediction_checks import watched_measures as watched_measures
from pdsa.model.cycle import Cycle, Matched, PhaseName, Prediction
from pdsa.model.measure import Measure

Json = dict[str, object]


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
    judge = Judge(project, measures, list(project_cycles), indexes)
    return _verdict(judge, slug, cycle, today)


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
    judge = Judge(project, measures, everything, indexes)
    verdicts = [_verdict(judge, slug, cycle, today) for slug, cycle in cycles]
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


def _verdict(judge: Judge, slug: str, cycle: Cycle, today: datetime.date) -> CycleVerdict:
    team = cycle.study.prediction_matched if cycle.study is not None else None
    written = 0
    checks = []
    for position, entry in enumerate(cycle.plan.predictions, start=1):
        if isinstance(entry, str):
            written += bool(entry.strip())
            continue
        written += 1
        if entry.measure and entry.direction:
            checks.append(judge.check(slug, cycle, position, entry, today))
    return CycleVerdict(f"{judge.project}/{slug}", team, written, tuple(checks))


def _count(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()
