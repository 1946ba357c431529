"""Run charts and SPC, as pure functions: a measure's points in, an analysed chart out.

Standard library only, no I/O. Call :func:`analyse` with :class:`SeriesPoint` values and a
rule set (``anhoej``, ``ihi`` or ``spc``); it returns a :class:`ChartAnalysis` whose
``to_json_dict()`` is what ``pdsa chart --format json`` prints. The rules follow
docs/domain.md sections 3 and 4; module docstrings record each choice the sources leave open.

The names below are loaded when first used, so that a command needing another module of
this package (``pdsa check`` reading the git history) does not load the chart code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pdsa.analysis.chart import PhaseStart, analyse
    from pdsa.analysis.result import (
        ChartAnalysis,
        PhaseResult,
        PointResult,
        RunsAnalysis,
        RunsTest,
    )
    from pdsa.analysis.series import SeriesPoint
    from pdsa.analysis.vocabulary import Assurance, Direction, RuleSet, Signal, Variation

_HOMES = {
    "PhaseStart": "chart",
    "analyse": "chart",
    "ChartAnalysis": "result",
    "PhaseResult": "result",
    "PointResult": "result",
    "RunsAnalysis": "result",
    "RunsTest": "result",
    "SeriesPoint": "series",
    "Assurance": "vocabulary",
    "Direction": "vocabulary",
    "RuleSet": "vocabulary",
    "Signal": "vocabulary",
    "Variation": "vocabulary",
}

__all__ = [
    "Assurance",
    "ChartAnalysis",
    "Direction",
    "PhaseResult",
    "PhaseStart",
    "PointResult",
    "RuleSet",
    "RunsAnalysis",
    "RunsTest",
    "SeriesPoint",
    "Signal",
    "Variation",
    "analyse",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pdsa.analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pdsa.analysis.{home}"), name)
    globals()[name] = value
    return value
