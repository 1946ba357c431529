"""Cycles as rows: numbered within their project, with their phase and last date.

Pure: the rows of ``pdsa list`` and of the worksheet heading, from loaded cycles.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from pdsa.model.cycle import Cycle, Decision, PhaseName
from pdsa.model.loaded import Loaded
from pdsa.model.ordering import display_numbers


@dataclass(frozen=True)
class CycleRow:
    """One cycle as ``pdsa list`` shows it."""

    project: str
    number: int
    slug: str
    title: str
    phase: PhaseName
    last_date: datetime.date
    decision: Decision | None
    cycle: Cycle

    def as_json(self) -> dict[str, object]:
        """The row as the documented JSON object of ``pdsa list --format json``."""
        return {
            "project": self.project,
            "number": self.number,
            "slug": self.slug,
            "title": self.title,
            "phase": self.phase,
            "last_date": self.last_date.isoformat(),
            "decision": self.decision,
            "planned_start": self.cycle.planned_start.isoformat(),
            "follows": self.cycle.follows,
            "change_ideas": self.cycle.change_ideas,
            "measures": list(self.cycle.measures),
        }


def numbered_rows(records: list[Loaded[Cycle]]) -> list[CycleRow]:
    """Rows for loaded cycles, numbered within each project, in display order."""
    rows: list[CycleRow] = []
    ordered = sorted(records, key=lambda item: item.project)
    for project, group in groupby(ordered, key=lambda item: item.project):
        items = list(group)
        numbers = display_numbers((item.slug, item.record.plan.date) for item in items)
        for item in items:
            cycle = item.record
            rows.append(
                CycleRow(
                    project=project,
                    number=numbers[item.slug],
                    slug=item.slug,
                    title=cycle.title,
                    phase=cycle.phase,
                    last_date=cycle.last_date,
                    decision=cycle.decision,
                    cycle=cycle,
                )
            )
    rows.sort(key=lambda row: (row.project, row.number))
    return rows
