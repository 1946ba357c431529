"""The names a chart is read with: rule sets, directions, signals, variation and assurance.

Each is a ``StrEnum`` whose values are the strings the JSON output and the command line use.
"""

from __future__ import annotations

import enum


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


class Signal(enum.StrEnum):
    """The rules a point can take part in, in the order they are listed on a point."""

    OUTSIDE_LIMITS = "outside_limits"
    SHIFT = "shift"
    TREND = "trend"
    TWO_IN_THREE = "two_in_three"
    RUNS = "runs"
    ASTRONOMICAL = "astronomical"


class Variation(enum.StrEnum):
    """How a point's variation reads against the measure's improvement direction."""

    IMPROVEMENT = "special_cause_improvement"
    CONCERN = "special_cause_concern"
    NEUTRAL = "special_cause_neutral"
    COMMON = "common_cause"


class Assurance(enum.StrEnum):
    """Will the process meet its goal, judged from where the goal lies against the limits?"""

    PASS = "pass"
    FAIL = "fail"
    HIT_AND_MISS = "hit_and_miss"
