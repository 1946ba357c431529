"""One phase of a chart, analysed on its own: centre line, limits, rules, runs and legend lines.

The centre line (and SPC limits) rest on the phase's first ``baseline`` points, or on all of
them; the rules then run over every point of the phase against those values.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from pdsa.analysis import legend
from pdsa.analysis.ihi import ihi_findings, runs_test
from pdsa.analysis.patterns import Finding, useful_runs
from pdsa.analysis.result import EMPTY_RUNS, PhaseResult, RunsAnalysis, RunsTest
from pdsa.analysis.runs import analyse_runs, long_runs
from pdsa.analysis.series import Settings
from pdsa.analysis.spc import MIN_BASELINE, assurance, spc_findings, xmr_limits
from pdsa.analysis.stats import as_float, mean, median, signs
from pdsa.analysis.vocabulary import RuleSet, Signal

#: Conventionally, run rules want at least this many useful points.
MIN_USEFUL = 10

_RULE_ORDER = {signal: order for order, signal in enumerate(Signal)}


@dataclass(frozen=True)
class PhaseSlice:
    """Where a phase lies in the chart, and its points' data."""

    start: datetime.date
    reason: str | None
    first_point: int
    values: Sequence[float]
    marked: Sequence[bool]


@dataclass(frozen=True)
class AnalysedPhase:
    """A phase's result, its findings (positions counted across the chart) and legend lines."""

    result: PhaseResult
    findings: list[Finding]
    #: Lines about the phase as a whole: crossings, runs test, cautions.
    notes: list[str]


def analyse_phase(phase: PhaseSlice, settings: Settings) -> AnalysedPhase:
    """Centre line, limits, rules and Anhøj runs for one phase."""
    n_points = len(phase.values)
    n_baseline = n_points if settings.baseline is None else min(settings.baseline, n_points)
    if n_points == 0:
        return AnalysedPhase(_empty(phase), [], [])

    is_spc = settings.rules is RuleSet.SPC
    base = phase.values[:n_baseline]
    centre = mean(base) if is_spc else median(base)
    limits = xmr_limits(base, screen=settings.screen) if is_spc else None

    point_sides = signs(phase.values, centre)
    runs = useful_runs(point_sides)
    runs_analysis = analyse_runs(point_sides, runs)
    test = runs_test(runs) if settings.rules is RuleSet.IHI else None
    findings: list[Finding]
    if settings.rules is RuleSet.ANHOEJ:
        findings = long_runs(runs, point_sides, runs_analysis)
    elif settings.rules is RuleSet.IHI:
        findings = ihi_findings(phase.values, phase.marked, point_sides, runs, settings)
    else:
        findings = spc_findings(phase.values, point_sides, limits, settings)
    trial = limits is not None and n_baseline < MIN_BASELINE
    notes = _notes(settings.rules, runs_analysis, test, has_limits=limits is not None)
    if trial:
        notes.append(legend.trial_limits(n_baseline, MIN_BASELINE))

    result = PhaseResult(
        start=phase.start,
        reason=phase.reason,
        first_point=phase.first_point,
        n_points=n_points,
        n_baseline=n_baseline,
        centre_line=as_float(centre),
        lower_limit=None if limits is None else as_float(limits.lower),
        upper_limit=None if limits is None else as_float(limits.upper),
        trial_limits=trial,
        rules_weak=runs_analysis.n_useful < MIN_USEFUL,
        assurance=assurance(settings.goal, limits, settings.direction),
        runs=runs_analysis,
        runs_test=test,
    )
    findings.sort(key=lambda finding: (finding.positions[0], _RULE_ORDER[finding.rule]))
    moved = [finding.moved(phase.first_point) for finding in findings]
    return AnalysedPhase(result, moved, notes)


def _empty(phase: PhaseSlice) -> PhaseResult:
    """A declared phase no point has reached yet."""
    return PhaseResult(
        start=phase.start,
        reason=phase.reason,
        first_point=phase.first_point,
        n_points=0,
        n_baseline=0,
        centre_line=None,
        lower_limit=None,
        upper_limit=None,
        trial_limits=False,
        rules_weak=True,
        assurance=None,
        runs=EMPTY_RUNS,
        runs_test=None,
    )


def _notes(
    rules: RuleSet, runs: RunsAnalysis, test: RunsTest | None, *, has_limits: bool
) -> list[str]:
    """Legend lines about the phase as a whole, before any about its limits' baseline."""
    notes = []
    if rules is RuleSet.ANHOEJ and runs.crossings_signal:
        notes.append(legend.too_few_crossings(runs))
    if test is not None and test.signal:
        notes.append(legend.runs_out_of_range(test, "median"))
    # The rules weak caution is for run charts; an SPC chart's own caution is trial limits.
    if rules is not RuleSet.SPC and runs.n_useful < MIN_USEFUL:
        notes.append(legend.rules_weak(runs.n_useful))
    if rules is RuleSet.SPC and not has_limits:
        notes.append(legend.no_limits())
    return notes
