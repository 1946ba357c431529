"""The words of a chart's legend: one line per signal or caution, in one place.

Points are numbered from 1 across the whole chart, so a number means the same point in every
phase. Lines about a whole phase (crossings, runs, cautions) start with "phase N: " when the
chart has more than one phase.
"""

from __future__ import annotations

from collections.abc import Sequence

from pdsa.analysis.patterns import Finding
from pdsa.analysis.result import RunsAnalysis, RunsTest
from pdsa.analysis.vocabulary import Side, Signal

DASH = "\N{EN DASH}"


def describe(finding: Finding, *, centre_name: str, runs: RunsAnalysis) -> str:
    """One line for a finding whose positions count from the chart's first point."""
    where = _points(finding.positions)
    rule = finding.rule
    high = finding.side is Side.HIGH
    if rule is Signal.OUTSIDE_LIMITS:
        return f"outside limits: {where} " + (
            "above the upper limit" if high else "below the lower limit"
        )
    if rule is Signal.SHIFT:
        return f"shift: {where} {'above' if high else 'below'} the {centre_name}"
    if rule is Signal.TREND:
        return f"trend: {where} {'rising' if high else 'falling'}"
    if rule is Signal.TWO_IN_THREE:
        return f"two in three: {where} near the {'upper' if high else 'lower'} limit"
    if rule is Signal.RUNS:
        return (
            f"long run: {where} {'above' if high else 'below'} the {centre_name} "
            f"({len(finding.positions)} points; at most {runs.longest_run_max} expected "
            f"for {runs.n_useful} useful points)"
        )
    return f"astronomical: {where} (marked by the team)"


def describe_before_improvement(bad: Finding, good: Finding, *, centre_name: str) -> str:
    """A run on the bad side that comes before a run on the good side: the old process."""
    side = "above" if bad.side is Side.HIGH else "below"
    other = "below" if side == "above" else "above"
    return (
        f"before the improvement: {_points(bad.positions)} {side} the {centre_name} are the "
        f"process before it changed ({_points(good.positions)} {other} it), not a concern; "
        "record a rebase ([[phases]]) at the change to chart the new process"
    )


def too_few_crossings(runs: RunsAnalysis) -> str:
    """Anhøj's crossings signal."""
    return (
        f"too few crossings: {runs.n_crossings} (at least {runs.n_crossings_min} expected "
        f"for {runs.n_useful} useful points)"
    )


def runs_out_of_range(test: RunsTest, centre_name: str) -> str:
    """IHI's runs-test signal."""
    kind = "too few runs" if test.too_few else "too many runs"
    return (
        f"{kind}: {test.n_runs} ({test.runs_min} to {test.runs_max} expected for "
        f"{test.n_above} above and {test.n_below} below the {centre_name})"
    )


def rules_weak(n_useful: int) -> str:
    """Run rules on fewer than 10 useful points."""
    if n_useful == 0:
        return "rules weak: no useful points (at least 10 advised)"
    plural = "s" if n_useful != 1 else ""
    return f"rules weak: only {n_useful} useful point{plural} (at least 10 advised)"


def trial_limits(n_baseline: int, advised: int) -> str:
    """SPC limits on a short baseline."""
    return f"trial limits: only {n_baseline} baseline points (at least {advised} advised)"


def no_limits() -> str:
    """SPC with a single baseline point: no moving range, so no limits."""
    return "no limits: only 1 baseline point (at least 2 needed)"


def in_phase(line: str, phase_number: int, n_phases: int) -> str:
    """Say which phase a whole-phase line is about, when there are several."""
    return f"phase {phase_number}: {line}" if n_phases > 1 else line


def _points(positions: Sequence[int]) -> str:
    first, last = positions[0] + 1, positions[-1] + 1
    if len(positions) == 1:
        return f"point {first}"
    if len(positions) == 2 and last - first > 1:
        return f"points {first} and {last}"
    return f"points {first}{DASH}{last}"
