"""What a chart is drawn from: dated points, the rule set, and the improvement direction."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesPoint:
    """One data point of a measure, as the caller hands it over (already sorted by date)."""

    date: datetime.date
    value: float
    #: The team judged this point astronomical; only the ``ihi`` rule set reads it, because
    #: "astronomical" is a judgement there, not a computed threshold.
    astronomical: bool = False


class RuleSet(enum.StrEnum):
    """The declared rules a chart is read by."""

    #: Run chart around the median, Anhøj's longest-run and crossings rules (qicharts2's default).
    ANHOEJ = "anhoej"
    #: Run chart around the median, IHI / Perla rules: shift, trend, runs, astronomical points.
    IHI = "ihi"
    #: XmR chart around the mean, NHS "Making Data Count" rules.
    SPC = "spc"


class Direction(enum.StrEnum):
    """Which way is better for a measure."""

    HIGHER = "higher"
    LOWER = "lower"


class Side(enum.IntEnum):
    """Which way a signal points: above the centre line or rising, below it or falling."""

    LOW = -1
    HIGH = 1
