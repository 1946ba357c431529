"""A measure's data: one point per date, in date order, none after today, each value one
its measure takes (P604, :mod:`pdsa.model.values`), and a goal that makes sense.

The goal rule (P603), precisely: when an outcome or process measure has an
``improvement`` direction, a numeric ``goal`` and at least :data:`MIN_BASELINE` points
with a date and a numeric value, its baseline is the first ``baseline`` points in date
order (the measure's own ``baseline`` setting, else the first :data:`DEFAULT_BASELINE`).
The goal contradicts the direction when improvement is ``higher`` and the goal is below
the baseline's median, or improvement is ``lower`` and the goal is above it: reaching
the goal would mean getting worse. A goal equal to the median is not flagged. Balancing
measures are left out: their goal is usually a limit to stay within ("caseload at most
15"), which the baseline may well meet already.
"""

from __future__ import annotations

import datetime
import statistics
from typing import Any, Final

from pdsa.check.reading import Checked, is_day
from pdsa.model.values import value_limits

#: Fewer points than this say too little about the starting level to judge a goal.
MIN_BASELINE: Final = 3
#: The baseline when a measure does not set one (the NHS "Making Data Count" minimum).
DEFAULT_BASELINE: Final = 12


def check_measure(checked: Checked, *, today: datetime.date) -> None:
    """Add the data-point and goal findings of one measure."""
    data = checked.data
    assert data is not None and checked.source is not None
    source = checked.source
    points = data.get("points")
    dated: list[tuple[datetime.date, Any]] = []
    if isinstance(points, list):
        first_index: dict[datetime.date, int] = {}
        future: list[tuple[int, tuple[str, int, str]]] = []
        previous: datetime.date | None = None
        for index, point in enumerate(points):
            date = point.get("date") if isinstance(point, dict) else None
            if not is_day(date):
                continue
            where = ("points", index, "date")
            if date in first_index:
                checked.add(
                    "P601",
                    source.value(where),
                    f"points[{index}] has the same date ({date}) as points[{first_index[date]}]",
                    hint="keep one point per date: remove or correct one of them",
                )
            else:
                first_index[date] = index
            if previous is not None and date < previous:
                checked.add(
                    "P602",
                    source.value(where),
                    f"points[{index}] ({date}) comes after a point dated {previous}",
                    hint="keep the points in date order so the file reads as a timeline",
                )
            if date > today:
                future.append((index, where))
            previous = date
            dated.append((date, point.get("value")))
        if future:
            # One finding per measure: a wrong year usually dates a whole run of points.
            index, where = future[0]
            more = f", and {len(future) - 1} more after it" if len(future) > 1 else ""
            checked.add(
                "P605",
                source.value(where),
                f"points[{index}] is dated {points[index]['date']}, after today "
                f"(today is {today}){more}",
                hint="record a point once its period is over; check the year",
            )
        _check_values(checked, data, points)
    _check_goal(checked, data, dated)


def _check_values(checked: Checked, data: dict[str, Any], points: list[Any]) -> None:
    """P604: each point's value against what its measure takes (:mod:`pdsa.model.values`)."""
    unit = data.get("unit")
    limits = value_limits(
        unit if isinstance(unit, str) else None,
        minimum=_number(data.get("min")),
        maximum=_number(data.get("max")),
    )
    if limits is None:
        return
    assert checked.source is not None
    for index, point in enumerate(points):
        value = _number(point.get("value")) if isinstance(point, dict) else None
        if value is None or (problem := limits.problem(value)) is None:
            continue
        checked.add(
            "P604",
            checked.source.value(("points", index, "value")),
            f"points[{index}].value: {problem}",
            hint="correct the value; if it is right, set the measure's min and max "
            "(or its unit) to say what values it takes",
        )


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
        return float(value)
    return None


def _check_goal(
    checked: Checked, data: dict[str, Any], dated: list[tuple[datetime.date, Any]]
) -> None:
    improvement = data.get("improvement")
    goal = _number(data.get("goal"))
    if improvement not in ("higher", "lower") or goal is None or data.get("type") == "balancing":
        return
    size = data.get("baseline")
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        size = DEFAULT_BASELINE
    ordered = sorted(dated, key=lambda pair: pair[0])[:size]
    values = [number for _, value in ordered if (number := _number(value)) is not None]
    if len(values) < MIN_BASELINE:
        return
    median = statistics.median(values)
    wrong_side = goal < median if improvement == "higher" else goal > median
    if not wrong_side:
        return
    assert checked.source is not None
    side = "below" if improvement == "higher" else "above"
    checked.add(
        "P603",
        checked.source.value(("goal",)),
        f"goal {_show(goal)} is {side} the baseline median {_show(median)} "
        f"(first {len(values)} points) but improvement is '{improvement}': reaching it "
        "would be getting worse",
        hint="check the goal, or the improvement direction",
    )


def _show(number: float) -> str:
    return str(int(number)) if number.is_integer() else f"{number:g}"
