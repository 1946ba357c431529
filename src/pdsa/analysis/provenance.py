"""Predictions made in advance, and predictions edited with hindsight, judged from git.

A log kept in git can show what no write-up can: *when* each part of a cycle was written.
For each cycle with a prediction (see :func:`pdsa.analysis.predictions.has_prediction`):

The prediction
    The first commit whose version of the cycle holds any prediction (its text may have
    changed since: a later change is judged as a hindsight edit, below).
The evidence
    The commit that added the cycle's ``[do]``, the one that added its ``[study]``, and
    the commit that added each data point dated inside the cycle's window (from
    :func:`pdsa.analysis.predictions.prediction_window`; before the Do, the planned start
    to the planned end) on each measure the predictions name (the cycle's ``measures``
    when no prediction names one).

The verdict, commit order deciding, never the dates typed in the files (see
:meth:`pdsa.analysis.history.History.compare` for the order):

``made_in_advance``
    The prediction's commit came before every piece of evidence.
``written_with_data``
    It arrived in the same commit as the Do, the Study or a data point, and no evidence
    came before it.
``written_after``
    Some evidence was committed before the prediction (or the prediction is not committed
    yet while the evidence is).
``not_tested_yet``
    No evidence exists yet: nothing to compare with.
``unknown``
    The order cannot be proved: the history is cut off (a shallow clone) before the
    commits that matter, or both the prediction and the evidence are only in the working
    copy. Never a guess.

A **hindsight edit** is a change to the predictions (any text, measure, direction or
target, or a prediction added or removed, every one of them included) in a commit after
the one that added the Study, or in the working copy once the Study is committed. A
change in the same commit as the Study is not counted: commit order cannot put it after.
A cycle whose predictions were all removed has no verdict (it holds no prediction now),
but the removal is still a hindsight edit (:func:`hindsight_edits`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pdsa.analysis.commits import Commit
from pdsa.analysis.history import History, Origin, RecordHistory
from pdsa.analysis.predictions import prediction_window
from pdsa.analysis.record_parts import POINT, PREDICTIONS
from pdsa.model.cycle import Cycle, Prediction
from pdsa.model.measure import Measure

Verdict = Literal[
    "made_in_advance", "written_with_data", "written_after", "not_tested_yet", "unknown"
]
VERDICTS: tuple[Verdict, ...] = (
    "made_in_advance",
    "written_with_data",
    "written_after",
    "not_tested_yet",
    "unknown",
)
#: How each verdict reads in a sentence.
WORDS: dict[Verdict, str] = {
    "made_in_advance": "made in advance",
    "written_with_data": "written with the data",
    "written_after": "written after",
    "not_tested_yet": "not tested yet",
    "unknown": "unknown",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A part of the test that a prediction made in advance precedes."""

    #: ``the Do``, ``the Study``, ``the point of 2026-03-12 on attendance-rate``.
    what: str
    origin: Origin

    def to_json(self) -> dict[str, object]:
        """The evidence as a JSON object."""
        return {"what": self.what, **self.origin.to_json()}


@dataclass(frozen=True, slots=True)
class HindsightEdit:
    """Predictions changed after the cycle's Study was committed."""

    cycle: str
    #: Where the predictions changed.
    origin: Origin
    old: tuple[str, ...]
    new: tuple[str, ...]
    #: When the Study was committed.
    study: Origin

    @property
    def removed(self) -> bool:
        """Whether the edit took away every prediction."""
        return not self.new

    def describe(self) -> str:
        """``prediction changed in 3f2a1c9 by Amira, after the Study (1b2c3d4)``;
        ``predictions removed ...`` when none is left."""
        commit = self.origin.commit
        where = f"in {commit.short} by {commit.author}" if commit else "in the working copy"
        what = "predictions removed" if self.removed else "prediction changed"
        return f"{what} {where}, after the Study ({self.study.describe()})"

    def to_json(self) -> dict[str, object]:
        """The edit as a JSON object."""
        return {
            "cycle": self.cycle,
            "change": self.origin.to_json(),
            "old": list(self.old),
            "new": list(self.new),
            "study": self.study.to_json(),
        }


@dataclass(frozen=True, slots=True)
class AdvanceVerdict:
    """Whether one cycle's prediction was written before its data, and why."""

    cycle: str
    verdict: Verdict
    #: One sentence naming the commits behind the verdict.
    reason: str
    prediction: Origin
    #: The Do, the Study and the first data point in the window, where there are some.
    evidence: tuple[Evidence, ...] = ()
    hindsight: tuple[HindsightEdit, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The verdict as a JSON object."""
        return {
            "cycle": self.cycle,
            "verdict": self.verdict,
            "reason": self.reason,
            "prediction": self.prediction.to_json(),
            "evidence": [item.to_json() for item in self.evidence],
            "hindsight_edits": [edit.to_json() for edit in self.hindsight],
        }


@dataclass(frozen=True, slots=True)
class AdvanceReadings:
    """Each cycle's verdict, by ``project/slug``; or why no cycle could be judged."""

    verdicts: Mapping[str, AdvanceVerdict] = field(default_factory=dict)
    #: Why the history could not be read (not in git, no git); None when it was.
    unavailable: str | None = None


#: Readings for a log whose history was not read.
NOT_READ = AdvanceReadings(unavailable="the log's git history was not read")


_POINT_WORDS = "the point"


@dataclass(frozen=True, slots=True)
class MeasureFile:
    """A measure's current record and its path in the log."""

    path: str
    measure: Measure


def advance_verdict(
    history: History,
    *,
    cycle: str,
    path: str,
    record: Cycle,
    measures: Mapping[str, MeasureFile],
) -> AdvanceVerdict:
    """The verdict on the prediction of ``record`` (the cycle ``cycle`` at ``path``).

    ``measures`` maps the project's measure slugs to their files.
    """
    lineage = history.record(path)
    prediction = lineage.origin(PREDICTIONS)
    hindsight = hindsight_edits(
        history, cycle=cycle, lineage=lineage, studied=record.study is not None
    )
    evidence = _evidence(history, lineage, record, measures)
    if not evidence:
        return AdvanceVerdict(
            cycle,
            "not_tested_yet",
            "no Do, Study or data point in its window is recorded yet",
            prediction,
            (),
            hindsight,
        )
    orders = [(item, history.compare(prediction, item.origin)) for item in evidence]
    shown = _shown(history, evidence)
    earlier = [item for item, order in orders if order == "after"]
    unknown = [item for item, order in orders if order == "unknown"]
    same = [item for item, order in orders if order == "same"]
    predicted = prediction.describe()
    verdict: Verdict
    if earlier:
        verdict = "written_after"
        item = earlier[0]
        reason = f"{item.what} ({item.origin.describe()}) came before the prediction ({predicted})"
        shown = _with(shown, item)
    elif unknown:
        verdict = "unknown"
        item = unknown[0]
        reason = (
            f"cannot tell whether the prediction ({predicted}) came before {item.what} "
            f"({item.origin.describe()})"
        )
        shown = _with(shown, item)
    elif same:
        verdict = "written_with_data"
        item = same[0]
        reason = f"the prediction arrived in {predicted} with {item.what}"
        shown = _with(shown, item)
    else:
        verdict = "made_in_advance"
        listed = [f"{item.what} ({item.origin.describe()})" for item in shown]
        joined = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
        reason = f"the prediction ({predicted}) came before {joined}"
    return AdvanceVerdict(cycle, verdict, reason, prediction, tuple(shown), hindsight)


def hindsight_edits(
    history: History, *, cycle: str, lineage: RecordHistory, studied: bool
) -> tuple[HindsightEdit, ...]:
    """The changes to a cycle's predictions made after its Study was committed
    (``studied``: the cycle holds a Study now)."""
    study = _phase_origin(lineage, "study", present=studied)
    if study is None:
        return ()
    found = []
    for step, change in lineage.edits(PREDICTIONS):
        if change.action == "renamed":
            continue  # a measure renamed: the same prediction under the measure's new name
        if history.compare(study, step.origin) == "before":
            found.append(HindsightEdit(cycle, step.origin, change.old, change.new, study))
    return tuple(found)


def count_verdicts(verdicts: Sequence[AdvanceVerdict]) -> dict[Verdict, int]:
    """How many cycles got each verdict."""
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in verdicts:
        counts[verdict.verdict] += 1
    return counts


def _evidence(
    history: History,
    lineage: RecordHistory,
    record: Cycle,
    measures: Mapping[str, MeasureFile],
) -> list[Evidence]:
    found: list[Evidence] = []
    for phase, label in (("do", "the Do"), ("study", "the Study")):
        origin = _phase_origin(lineage, phase, present=getattr(record, phase) is not None)
        if origin is not None:
            found.append(Evidence(label, origin))
    window = _evidence_window(record)
    if window is None:
        return found
    start, end = window
    for slug in _named_measures(record):
        measure_file = measures.get(slug)
        if measure_file is None:
            continue
        points = history.record(measure_file.path)
        seen: set[datetime.date] = set()
        for point in measure_file.measure.points:
            if not start <= point.date <= end or point.date in seen:
                continue  # outside the window, or a second point on one date
            seen.add(point.date)
            part = f"{POINT}{point.date.isoformat()}"
            what = f"{_POINT_WORDS} of {point.date.isoformat()} on {slug}"
            found.append(Evidence(what, points.origin(part)))
    return found


def _evidence_window(record: Cycle) -> tuple[datetime.date, datetime.date] | None:
    """The days whose data points are evidence: the cycle's own test (see
    :func:`~pdsa.analysis.predictions.prediction_window`); before its Do, the test as
    planned, when the plan gives its start and its end (data already committed for those
    days came before a prediction written now, Do or no Do)."""
    window = prediction_window(record)
    if window is None and record.plan.start is not None and record.plan.end is not None:
        return record.plan.start, record.plan.end
    return window


def _phase_origin(lineage: RecordHistory, phase: str, *, present: bool) -> Origin | None:
    """When ``phase`` was first written, if the current version has it."""
    return lineage.origin(phase) if present else None


def _named_measures(record: Cycle) -> list[str]:
    named = [
        entry.measure
        for entry in record.plan.predictions
        if isinstance(entry, Prediction) and entry.measure is not None
    ]
    return list(dict.fromkeys(named or record.measures))


def _shown(history: History, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The Do, the Study and the earliest data point: what a reader needs to see."""
    phases = [item for item in evidence if not item.what.startswith(_POINT_WORDS)]
    first = None
    for item in evidence:
        if item.what.startswith(_POINT_WORDS) and (
            first is None or history.compare(item.origin, first.origin) == "before"
        ):
            first = item
    return [*phases, *([first] if first is not None else [])]


def _with(shown: list[Evidence], item: Evidence) -> list[Evidence]:
    """``shown`` with the evidence that decided the verdict among them."""
    return shown if item in shown else [*shown, item]


# -- the cache's form: plain tuples, for verdicts kept per HEAD --------------------------


def verdict_to_data(verdict: AdvanceVerdict) -> tuple[Any, ...]:
    """A verdict as plain tuples (see :func:`verdict_from_data`)."""
    return (
        verdict.verdict,
        verdict.reason,
        _origin_data(verdict.prediction),
        tuple((item.what, _origin_data(item.origin)) for item in verdict.evidence),
        tuple(
            (_origin_data(edit.origin), edit.old, edit.new, _origin_data(edit.study))
            for edit in verdict.hindsight
        ),
    )


def verdict_from_data(cycle: str, data: Any) -> AdvanceVerdict:
    """The verdict on ``cycle`` from :func:`verdict_to_data`'s form; ValueError otherwise."""
    try:
        verdict, reason, prediction, evidence, hindsight = data
        if verdict not in VERDICTS:
            raise ValueError(verdict)
        return AdvanceVerdict(
            cycle,
            verdict,
            reason,
            _origin_of(prediction),
            tuple(Evidence(what, _origin_of(origin)) for what, origin in evidence),
            tuple(
                HindsightEdit(cycle, _origin_of(origin), tuple(old), tuple(new), _origin_of(study))
                for origin, old, new, study in hindsight
            ),
        )
    except (TypeError, ValueError, IndexError) as error:
        raise ValueError(f"not a cached verdict: {error}") from None


def _origin_data(origin: Origin) -> tuple[Any, ...]:
    commit = origin.commit
    if commit is None:
        return (None, origin.cut_off)
    return (
        (
            commit.id,
            commit.author,
            commit.author_date,
            commit.commit_date,
            commit.time,
            commit.subject,
            commit.cut_off,
        ),
        origin.cut_off,
    )


def _origin_of(data: Any) -> Origin:
    commit, cut_off = data
    if commit is None:
        return Origin(None, bool(cut_off))
    return Origin(Commit(*commit), bool(cut_off))
