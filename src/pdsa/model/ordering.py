"""Display numbers: derived when reading, never stored.

A cycle's number is its position in its project, ordered by the date its plan was
recorded (``plan.date``), then by slug. A cycle added later is planned later, so it takes
the next number and never moves an older one; two people adding cycles on two branches
never collide on a number. (The planned start is not used: a cycle planned today may
start before one planned last month, and would renumber it.)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable


def display_numbers(cycles: Iterable[tuple[str, datetime.date]]) -> dict[str, int]:
    """``{slug: number}`` from ``(slug, plan date)`` pairs of one project."""
    ordered = sorted(cycles, key=lambda pair: (pair[1], pair[0]))
    return {slug: position for position, (slug, _) in enumerate(ordered, start=1)}
