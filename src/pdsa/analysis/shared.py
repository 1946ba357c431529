"""Programme-wide measures: one ``key`` in several projects, added up only where that is sound.

Values from different dates or periods are never added together. Points are aligned by
calendar month (each point belongs to the month of its date, the period it describes).

* A *count* (any unit that is not a rate) is totalled for one month: the latest month whose
  data is complete in every project with current data. A project's month is complete when
  it holds a point of a monthly (or coarser) measure, or, for weekly and other finer data,
  when the project also has a point dated in a later month (so the month's last week is in).
  The project's value for the month is the sum of its points dated in it. Projects whose
  data is old (see :mod:`pdsa.analysis.readings`) or missing are left out of the total, and
  named.
* A *rate* (a unit holding ``%``, ``‰``, ``per `` or ``rate``) is never totalled, and never
  averaged: an unweighted mean of rates misleads whenever the denominators differ, and the
  log holds no denominators yet. The range of the projects' latest values is given, with
  each project's value and date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

MeasureKind = Literal["count", "rate"]
#: A measure whose points are at least this many days apart has one point per month.
MONTHLY_DAYS = 28

Json = dict[str, object]


def kind_of(unit: str | None) -> MeasureKind:
    """A rate for percentages, per-mille, "per ..." and "... rate" units; otherwise a count."""
    text = (unit or "").lower()
    rate = "%" in text or "‰" in text or "per " in text or "rate" in text
    return "rate" if rate else "count"


def month_of(day: datetime.date) -> str:
    """``2026-09``."""
    return f"{day.year:04d}-{day.month:02d}"


def month_words(month: str) -> str:
    """``2026-09`` as ``September 2026``."""
    year, number = month.split("-")
    return f"{_MONTHS[int(number) - 1]} {int(year)}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """A measure's points in one calendar month, added up."""

    total: float
    points: int
    #: Whether the month's data is all in (see the module docstring).
    complete: bool


def months(points: Sequence[tuple[datetime.date, float]], interval: int) -> dict[str, MonthFigure]:
    """Each month holding points, with their sum; ``interval`` is the usual gap in days."""
    sums: dict[str, tuple[float, int]] = {}
    for day, value in points:
        total, count = sums.get(month_of(day), (0.0, 0))
        sums[month_of(day)] = (total + value, count + 1)
    last = max(sums, default="")
    return {
        month: MonthFigure(total, count, interval >= MONTHLY_DAYS or month < last)
        for month, (total, count) in sums.items()
    }


@dataclass(frozen=True, slots=True)
class SharedEntry:
    """One project's measure under a shared key."""

    project: str
    measure: str
    unit: str | None
    latest_date: datetime.date | None
    latest_value: float | None
    old_data: bool = False
    #: Its value in the month the total is for (a count's sum of points), if it is counted.
    month_value: float | None = None
    #: Each month's figure; not part of the JSON.
    months: Mapping[str, MonthFigure] = field(default_factory=dict, repr=False, compare=False)

    @property
    def current(self) -> bool:
        """It has data, and the data is not old."""
        return self.latest_value is not None and not self.old_data

    def to_json(self) -> Json:
        """The entry as a JSON object."""
        return {
            "project": self.project,
            "measure": self.measure,
            "unit": self.unit,
            "latest_date": None if self.latest_date is None else self.latest_date.isoformat(),
            "latest_value": self.latest_value,
            "old_data": self.old_data,
            "month_value": self.month_value,
        }


@dataclass(frozen=True, slots=True)
class SharedMeasure:
    """A programme-wide measure: the same ``key`` in several projects."""

    key: str
    title: str
    kind: MeasureKind
    unit: str | None
    entries: tuple[SharedEntry, ...]
    #: The month a count's total is for (``2026-09``); None for rates or when none fits.
    month: str | None = None
    total: float | None = None
    #: The lowest and highest latest value of the projects with current data (rates).
    low: float | None = None
    high: float | None = None

    @property
    def with_data(self) -> tuple[SharedEntry, ...]:
        """The entries that have a latest value."""
        return tuple(entry for entry in self.entries if entry.latest_value is not None)

    @property
    def counted(self) -> tuple[SharedEntry, ...]:
        """The entries the total (or the range) rests on."""
        if self.kind == "count":
            return tuple(entry for entry in self.entries if entry.month_value is not None)
        return tuple(entry for entry in self.entries if entry.current)

    @property
    def left_out(self) -> tuple[tuple[SharedEntry, str], ...]:
        """The entries not counted, each with why."""
        counted = {id(entry) for entry in self.counted}
        found = []
        for entry in self.entries:
            if id(entry) in counted:
                continue
            if entry.latest_value is None or entry.latest_date is None:
                why = "no data"
            elif entry.old_data:
                why = f"old data, latest {entry.latest_date.isoformat()}"
            else:
                why = f"no complete data for {month_words(self.month)}" if self.month else "no data"
            found.append((entry, why))
        return tuple(found)

    def summary(self) -> str:
        """What the programme's figure is, in words, e.g. ``total for September 2026: 967
        people, from 3 of 4 projects (left out: a (old data, latest 2026-04-13))``."""
        of = f"from {len(self.counted)} of {len(self.entries)} projects"
        if self.kind == "rate":
            if self.low is None or self.high is None:
                text = "no current data"
            else:
                span = f"{_quantity(self.low, self.unit)} to {_quantity(self.high, self.unit)}"
                text = f"range of the latest values {span}, {of}; rates are not averaged"
        elif not any(entry.current for entry in self.entries):
            text = "no current data"
        elif self.month is None or self.total is None:
            text = "no month with complete data from every project with current data"
        else:
            text = f"total for {month_words(self.month)}: {_quantity(self.total, self.unit)}, {of}"
        left = [f"{entry.project} ({why})" for entry, why in self.left_out]
        return text + (f" (left out: {'; '.join(left)})" if left else "")

    def to_json(self) -> Json:
        """The shared measure as a JSON object."""
        return {
            "key": self.key,
            "title": self.title,
            "kind": self.kind,
            "unit": self.unit,
            "projects": len(self.entries),
            "with_data": len(self.with_data),
            "month": self.month,
            "total": self.total,
            "low": self.low,
            "high": self.high,
            "counted": [entry.project for entry in self.counted],
            "left_out": [
                {"project": entry.project, "measure": entry.measure, "reason": why}
                for entry, why in self.left_out
            ],
            "summary": self.summary(),
            "entries": [entry.to_json() for entry in self.entries],
        }


def shared_measure(key: str, title: str, entries: Iterable[SharedEntry]) -> SharedMeasure:
    """The programme's figure for one key, from each project's entry (see the module doc)."""
    entries = tuple(entries)
    unit = next((entry.unit for entry in entries if entry.unit), None)
    kind = kind_of(unit)
    current = [entry for entry in entries if entry.current]
    current_ids = {id(entry) for entry in current}
    if kind == "rate":
        values = [entry.latest_value for entry in current if entry.latest_value is not None]
        return SharedMeasure(
            key, title, kind, unit, entries,
            low=min(values, default=None), high=max(values, default=None),
        )  # fmt: skip
    complete = [
        {month for month, figure in entry.months.items() if figure.complete} for entry in current
    ]
    common = set.intersection(*complete) if complete else set()
    if not common:
        return SharedMeasure(key, title, kind, unit, entries)
    month = max(common)
    counted = tuple(
        SharedEntry(
            entry.project,
            entry.measure,
            entry.unit,
            entry.latest_date,
            entry.latest_value,
            entry.old_data,
            entry.months[month].total if id(entry) in current_ids else None,
            entry.months,
        )
        for entry in entries
    )
    total = sum(entry.month_value for entry in counted if entry.month_value is not None)
    return SharedMeasure(key, title, kind, unit, counted, month=month, total=float(total))


def _quantity(value: float, unit: str | None) -> str:
    number = f"{value:.12g}"
    if not unit:
        return number
    return f"{number}{unit}" if unit in ("%", "‰") else f"{number} {unit}"
