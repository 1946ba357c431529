"""The rows of ``pdsa list``: cycles at a glance, with derived numbers and phases."""

from __future__ import annotations

import datetime

from pdsa.analysis.cycle_rows import CycleRow, numbered_rows
from pdsa.errors import PdsaError
from pdsa.model.cycle import PhaseName
from pdsa.store.log import Log


def list_cycles(
    log: Log,
    projects: list[str],
    *,
    phase: PhaseName | None = None,
    stale_days: int | None = None,
    today: datetime.date,
) -> tuple[list[CycleRow], list[PdsaError]]:
    """The cycles of ``projects``, filtered; and the errors of files that did not load.

    ``stale_days`` keeps unfinished cycles (no Act yet) with no activity for more than that
    many days.
    """
    scan = log.scan_cycles(projects)
    rows = numbered_rows(scan.records)
    if phase is not None:
        rows = [row for row in rows if row.phase == phase]
    if stale_days is not None:
        # However many days are asked for, the cutoff stays a date (--stale 999999999
        # reaches back before the year 1: nothing is that old).
        cutoff = today - datetime.timedelta(days=min(stale_days, (today - datetime.date.min).days))
        rows = [row for row in rows if row.phase != "act" and row.last_date < cutoff]
    return rows, scan.errors
