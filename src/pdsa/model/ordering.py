"""Display numbers: derived when reading, never stored.

A cycle's number is its position in its project, ordered by planned start (the plan's
date when no start is planned), then by slug, so two people adding cycles on two
branches never collide on a number.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable


def display_numbers(cycles: Iterable[tuple[str, datetime.date]]) -> dict[str, int]:
    """``{slug: number}`` from ``(slug, planned start)`` pairs of one project."""
    ordered = sorted(cycles, key=lambda pair: (pair[1], pair[0]))
    return {slug: position for position, (slug, _) in enumerate(ordered, start=1)}
