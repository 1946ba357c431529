"""What a chart shows: a measure's analysis, with the cycles that watch it marked.

Pure: built from loaded records; :mod:`pdsa.workflow.chart` loads them.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass

from pdsa.analysis.chart import analyse
from pdsa.analysis.predictions import CycleVerdict, PredictionRecord
from pdsa.analysis.result import ChartAnalysis
from pdsa.analysis.series import SeriesPoint
from pdsa.errors import PdsaError
from pdsa.model.cycle import Cycle, Decision, PhaseName
from pdsa.model.loaded import Loaded
from pdsa.model.measure import Measure
from pdsa.model.ordering import display_numbers


@dataclass(frozen=True)
class CycleMark:
    """A cycle drawn on the chart of a measure it watches."""

    slug: str
    number: int
    title: str
    start: datetime.date
    end: datetime.date | None
    phase: PhaseName
    decision: Decision | None
    #: The team's and the data's verdicts on its predictions; None when it made none.
    verdict: CycleVerdict | None = None

    def verdict_words(self) -> str | None:
        """``predictions: team: no; data: hit (they disagree)``, or None."""
        if self.verdict is None:
            return None
        text = f"predictions: {self.verdict.side_by_side()}"
        return text + " (they disagree)" if self.verdict.disagrees else text

    def to_json(self) -> dict[str, object]:
        verdict = self.verdict
        return {
            "slug": self.slug,
            "number": self.number,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "phase": self.phase,
            "decision": self.decision,
            "prediction_verdicts": None if verdict is None else verdict.to_json(),
            "prediction_checks": []
            if verdict is None
            else [check.to_json() for check in verdict.checks],
        }


@dataclass(frozen=True)
class ChartView:
    """Everything a chart renderer needs."""

    project: str
    slug: str
    measure: Measure
    analysis: ChartAnalysis
    cycles: tuple[CycleMark, ...]
    #: Where a likely patient identifier was masked in what the chart shows.
    masked: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.project}/{self.slug}"

    def value_range(self) -> tuple[float, float]:
        """The lowest and highest value a drawing must show: points, centre lines, limits
        and goal; never an empty range."""
        values = [point.value for point in self.analysis.points]
        for phase in self.analysis.phases:
            values += [
                level
                for level in (phase.centre_line, phase.lower_limit, phase.upper_limit)
                if level is not None
            ]
        if self.measure.goal is not None:
            values.append(self.measure.goal)
        values = [value for value in values if math.isfinite(value)]
        if not values:
            return 0.0, 1.0
        # Spans beyond what a float can hold (limits of absurd data) are drawn clipped.
        low, high = max(min(values), -1e300), min(max(values), 1e300)
        return (low - 1, high + 1) if low == high else (low, high)

    def to_json(self) -> dict[str, object]:
        """The documented JSON shape of ``pdsa chart --format json``."""
        data = self.analysis.to_json_dict(cycles=[mark.to_json() for mark in self.cycles])
        data["title"] = self.measure.title
        data["unit"] = self.measure.unit
        return data


def cycle_marks(
    cycles: list[Loaded[Cycle]],
    measure: str,
    *,
    verdicts: Mapping[str, CycleVerdict] | None = None,
) -> tuple[CycleMark, ...]:
    """The cycles of one project that list ``measure``, with their display numbers and, from
    ``verdicts`` (by cycle slug), the verdicts on their predictions."""
    numbers = display_numbers((item.slug, item.record.plan.date) for item in cycles)
    marks = []
    for item in cycles:
        cycle = item.record
        if measure not in cycle.measures:
            continue
        finished = cycle.act or cycle.study or cycle.do
        end = finished.date if finished is not None else cycle.plan.end
        marks.append(
            CycleMark(
                slug=item.slug,
                number=numbers[item.slug],
                title=cycle.title,
                start=cycle.planned_start,
                end=end,
                phase=cycle.phase,
                decision=cycle.decision,
                verdict=(verdicts or {}).get(item.slug),
            )
        )
    return tuple(sorted(marks, key=lambda mark: mark.number))


def analyse_measure(
    measure: Measure,
    *,
    name: str,
    rules: str,
    screen: bool = True,
    shift_length: int | None = None,
    trend_length: int | None = None,
) -> ChartAnalysis:
    """The measure's points, in date order, analysed by ``rules``."""
    points = sorted(measure.points, key=lambda point: point.date)
    try:
        return analyse(
            [SeriesPoint(point.date, point.value, point.astronomical) for point in points],
            rules=rules,
            direction=measure.improvement,
            goal=measure.goal,
            baseline=measure.baseline,
            phases=[(phase.start, phase.reason) for phase in measure.phases],
            screen=screen,
            shift_length=shift_length,
            trend_length=trend_length,
            measure=name,
        )
    except ValueError as error:
        raise PdsaError(f"cannot chart {name}: {error}") from None


def verdicts_by_slug(record: PredictionRecord) -> dict[str, CycleVerdict]:
    """A project's verdicts (cycles named ``project/slug``) by cycle slug."""
    return {verdict.cycle.split("/", 1)[1]: verdict for verdict in record.verdicts}
