"""Run charts and SPC, as pure functions: a measure's points in, an analysed chart out.

Standard library only, no I/O. Call :func:`analyse` with :class:`SeriesPoint` values and a
rule set (``anhoej``, ``ihi`` or ``spc``); it returns a :class:`ChartAnalysis` whose
``to_json_dict()`` is what ``pdsa chart --format json`` prints. The rules follow
docs/domain.md sections 3 and 4; module docstrings record each choice the sources leave open.
"""

from pdsa.analysis.chart import PhaseStart, analyse
from pdsa.analysis.result import ChartAnalysis, PhaseResult, PointResult, RunsAnalysis, RunsTest
from pdsa.analysis.series import SeriesPoint
from pdsa.analysis.vocabulary import Assurance, Direction, RuleSet, Signal, Variation

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
