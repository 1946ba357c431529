"""Anhøj's run-chart rules: an unusually long run, or unusually few crossings of the centre line.

Every chart carries this analysis around its own centre line (the median for run charts, the
mean for SPC), but only the ``anhoej`` rule set marks points with it: the points of each run
longer than the limit get the signal ``runs``. Too few crossings is a property of the whole
series, not of some points, so it marks none; it shows in ``runs`` and in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence

from pdsa.analysis.patterns import Finding, Run, run_positions
from pdsa.analysis.result import RunsAnalysis
from pdsa.analysis.stats import crossings_min, longest_run_max
from pdsa.analysis.vocabulary import Signal


def analyse_runs(point_sides: Sequence[int], runs: Sequence[Run]) -> RunsAnalysis:
    """Anhøj's statistics for points whose sides and useful runs are given.

    With no useful points (all on the centre line, or none at all) the statistics are None
    and nothing signals.
    """
    n_useful = sum(run.length for run in runs)
    if n_useful == 0:
        return RunsAnalysis(len(point_sides), 0, None, None, None, None, False, False)
    longest = max(run.length for run in runs)
    crossings = len(runs) - 1
    longest_max = longest_run_max(n_useful)
    fewest_crossings = crossings_min(n_useful)
    return RunsAnalysis(
        n_obs=len(point_sides),
        n_useful=n_useful,
        longest_run=longest,
        longest_run_max=longest_max,
        n_crossings=crossings,
        n_crossings_min=fewest_crossings,
        longest_run_signal=longest > longest_max,
        crossings_signal=crossings < fewest_crossings,
    )


def long_runs(
    runs: Sequence[Run], point_sides: Sequence[int], analysis: RunsAnalysis
) -> list[Finding]:
    """Every run longer than Anhøj's limit (a run exactly at the limit is no signal)."""
    if analysis.longest_run_max is None:
        return []
    return [
        Finding(Signal.RUNS, run.side, run_positions(run, point_sides))
        for run in runs
        if run.length > analysis.longest_run_max
    ]
