"""One phase of a chart, analysed on its own: centre line, limits, rules, runs and legend lines.

The centre line (and SPC limits) rest on the phase's first ``baseline`` points, or on all of
them; the rules then run over every point of the phase against those values.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from pdsa.analysis import legend
from pdsa.analysis.ihi import astronomical, ihi_trends, runs_test, shifts
from pdsa.analysis.patterns import Finding, useful_runs
from pdsa.analysis.result import EMPTY_RUNS, PhaseResult
from pdsa.analysis.runs import analyse_runs, long_runs
from pdsa.analysis.spc import (
    MIN_BASELINE,
    assurance,
    outside_limits,
    spc_shifts,
    spc_trends,
    two_in_three,
    xmr_limits,
)
from pdsa.analysis.stats import mean, median, signs
from pdsa.analysis.vocabulary import Direction, RuleSet, Signal

#: Conventionally, run rules want at least this many useful points.
MIN_USEFUL = 10

_RULE_ORDER = {signal: order for order, signal in enumerate(Signal)}


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
        empty = PhaseResult(
            phase.start, phase.reason, phase.first_point, 0, 0,
            None, None, None, False, True, None, EMPTY_RUNS, None,
        )  # fmt: skip
        return AnalysedPhase(empty, [], [])

    is_spc = settings.rules is RuleSet.SPC
    base = phase.values[:n_baseline]
    centre = mean(base) if is_spc else median(base)
    limits = xmr_limits(base, screen=settings.screen) if is_spc else None
    centre_name = "mean" if is_spc else "median"

    point_sides = signs(phase.values, centre)
    runs = useful_runs(point_sides)
    runs_analysis = analyse_runs(point_sides, runs)
    test = runs_test(runs) if settings.rules is RuleSet.IHI else None
    notes: list[str] = []
    findings: list[Finding]
    if settings.rules is RuleSet.ANHOEJ:
        findings = long_runs(runs, point_sides, runs_analysis)
        if runs_analysis.crossings_signal:
            notes.append(legend.too_few_crossings(runs_analysis))
    elif settings.rules is RuleSet.IHI:
        findings = [
            *shifts(runs, point_sides, settings.shift_length),
            *ihi_trends(phase.values, settings.trend_length),
            *astronomical(phase.marked, point_sides),
        ]
        if test is not None and test.signal:
            notes.append(legend.runs_out_of_range(test, centre_name))
    else:
        findings = [
            *spc_shifts(point_sides, settings.shift_length),
            *spc_trends(phase.values, settings.trend_length),
        ]
        if limits is not None:
            findings += [*outside_limits(phase.values, limits), *two_in_three(phase.values, limits)]

    rules_weak = runs_analysis.n_useful < MIN_USEFUL
    trial = limits is not None and n_baseline < MIN_BASELINE
    if not is_spc and rules_weak:
        notes.append(legend.rules_weak(runs_analysis.n_useful))
    if trial:
        notes.append(legend.trial_limits(n_baseline, MIN_BASELINE))
    if is_spc and limits is None:
        notes.append(legend.no_limits())

    result = PhaseResult(
        start=phase.start,
        reason=phase.reason,
        first_point=phase.first_point,
        n_points=n_points,
        n_baseline=n_baseline,
        centre_line=float(centre),
        lower_limit=None if limits is None else float(limits.lower),
        upper_limit=None if limits is None else float(limits.upper),
        trial_limits=trial,
        rules_weak=rules_weak,
        assurance=assurance(settings.goal, limits, settings.direction),
        runs=runs_analysis,
        runs_test=test,
    )
    findings.sort(key=lambda finding: (finding.positions[0], _RULE_ORDER[finding.rule]))
    moved = [finding.moved(phase.first_point) for finding in findings]
    return AnalysedPhase(result, moved, notes)
