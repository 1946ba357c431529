"""A cycle's phases: in order, and dated in order, and not in the future.

These read the parsed data rather than the validated model, so a cycle with a schema
error elsewhere still has its dates checked; a value of the wrong type is simply
skipped here (the schema check reports it).

The dates compared, and what each comparison means:

* ``plan.end`` before ``plan.start``: an error (P503).
* a phase's ``date`` before the date of the phase present just before it
  (plan -> do -> study -> act): an error (P504). Only neighbours are compared, so one
  wrong date gives one finding.
* ``do.date`` before ``plan.start``: a warning (P505). ``start`` is a plan, and a test
  can run early, but it is usually a slip of the keyboard.
* a phase ``date`` after today: a warning (P506). ``plan.start``, ``plan.end`` and task
  dates are plans, so they may lie in the future.
"""

from __future__ import annotations

import datetime
from typing import Any

from pdsa.check.reading import Checked, is_day
from pdsa.model.cycle import PHASES, PhaseName


def check_phases(checked: Checked, *, today: datetime.date) -> None:
    """Add the phase-order and date findings of one cycle."""
    data = checked.data
    assert data is not None and checked.source is not None
    source = checked.source
    tables = {phase: data.get(phase) for phase in PHASES}
    present = {phase: isinstance(table, dict) for phase, table in tables.items()}
    order: tuple[tuple[PhaseName, PhaseName], ...] = (("study", "do"), ("act", "study"))
    for phase, before in order:
        if present[phase] and not present[before]:
            checked.add(
                "P501" if phase == "study" else "P502",
                source.key((phase,)),
                f"[{phase}] without [{before}]: {phase} comes after {before}",
                hint=f"record the {before.capitalize()} phase ('pdsa {before} CYCLE' "
                f"or 'pdsa edit CYCLE')",
            )
    plan = tables["plan"] if present["plan"] else {}
    start, end = _day(plan, "start"), _day(plan, "end")
    if start is not None and end is not None and end < start:
        checked.add(
            "P503",
            source.value(("plan", "end")),
            f"plan.end {end} is before plan.start {start}",
            hint="swap them, or correct the one that is wrong",
        )
    latest: tuple[str, datetime.date] | None = None
    for phase in PHASES:
        table = tables[phase]
        date = _day(table, "date") if present[phase] else None
        if date is None:
            continue
        where = (phase, "date")
        if latest is not None and date < latest[1]:
            checked.add(
                "P504",
                source.value(where),
                f"[{phase}] date {date} is before the [{latest[0]}] date {latest[1]}",
                hint="phases are dated in order: plan, do, study, act; correct the one that "
                "is wrong",
            )
        if phase == "do" and start is not None and date < start:
            checked.add(
                "P505",
                source.value(where),
                f"[do] date {date} is before the planned start {start}",
                hint="if the test began early, correct plan.start to match",
            )
        if date > today:
            checked.add(
                "P506",
                source.value(where),
                f"[{phase}] date {date} is in the future (today is {today})",
                hint="record a phase once it has happened; check the year",
            )
        latest = (phase, date)


def _day(table: Any, key: str) -> datetime.date | None:
    if not isinstance(table, dict):
        return None
    value = table.get(key)
    return value if is_day(value) else None
