"""What a chart is drawn from: dated points as the caller hands them over, and the options."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from pdsa.analysis.vocabulary import Direction, RuleSet


@dataclass(frozen=True)
class SeriesPoint:
    """One data point of a measure, as the caller hands it over (already sorted by date)."""

    date: datetime.date
    value: float
    #: The team judged this point astronomical; only the ``ihi`` rule set reads it, because
    #: "astronomical" is a judgement there, not a computed threshold.
    astronomical: bool = False


@dataclass(frozen=True)
class Settings:
    """The options of one analysis, checked and resolved to the rule set's defaults."""

    rules: RuleSet
    direction: Direction | None
    goal: Fraction | None
    baseline: int | None
    screen: bool
    shift_length: int
    trend_length: int
