"""What a chart is drawn from: dated points, as the caller hands them over."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesPoint:
    """One data point of a measure, as the caller hands it over (already sorted by date)."""

    date: datetime.date
    value: float
    #: The team judged this point astronomical; only the ``ihi`` rule set reads it, because
    #: "astronomical" is a judgement there, not a computed threshold.
    astronomical: bool = False
