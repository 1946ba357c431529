"""The log as it stood on a date: what ``pdsa report --as-of DATE`` reads.

Everything dated after the date is left out, exactly as if it had not been written yet: a
cycle whose plan is dated after it, a Do, Study or Act dated after it (the cycle is then in
the last phase recorded on or before the date), a data point dated after it, and a chart
rebase (``[[phases]]``) starting after it. What has no date (titles, status, progress score,
goals) is taken as it stands. Records with nothing to leave out are returned as they are, so
reading a log as of today costs one date comparison per record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure

_LATER_PHASES = ("do", "study", "act")


def cycle_as_of(cycle: Cycle, day: datetime.date) -> Cycle | None:
    """``cycle`` as it stood on ``day``; None when its plan is dated after ``day``."""
    if cycle.plan.date > day:
        return None
    do, study, act = cycle.do, cycle.study, cycle.act
    if (
        (do is None or do.date <= day)
        and (study is None or study.date <= day)
        and (act is None or act.date <= day)
    ):
        return cycle
    late = {
        phase: None
        for phase in _LATER_PHASES
        if (stage := getattr(cycle, phase)) is not None and stage.date > day
    }
    return cycle.model_copy(update=late)


def measure_as_of(measure: Measure, day: datetime.date) -> Measure:
    """``measure`` with only its points (and rebases) dated on or before ``day``."""
    late_points = any(point.date > day for point in measure.points)
    late_phases = any(phase.start > day for phase in measure.phases)
    if not late_points and not late_phases:
        return measure
    return measure.model_copy(
        update={
            "points": [point for point in measure.points if point.date <= day],
            "phases": [phase for phase in measure.phases if phase.start <= day],
        }
    )


def cycles_as_of(
    cycles: Iterable[tuple[str, Cycle]], day: datetime.date
) -> list[tuple[str, Cycle]]:
    """The ``(slug, cycle)`` pairs as they stood on ``day``, those planned later left out."""
    kept = []
    for slug, cycle in cycles:
        then = cycle_as_of(cycle, day)
        if then is not None:
            kept.append((slug, then))
    return kept


def measures_as_of(
    measures: Iterable[tuple[str, Measure]], day: datetime.date
) -> list[tuple[str, Measure]]:
    """The ``(slug, measure)`` pairs with only what was recorded on or before ``day``."""
    return [(slug, measure_as_of(measure, day)) for slug, measure in measures]
