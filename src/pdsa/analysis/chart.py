"""Analyse a measure's series by a declared rule set: the one entry point, :func:`analyse`.

Phases. A phase is a deliberate, recorded rebase: from its start date the process is taken to
be a new one, analysed on its own (centre line, limits, rules, runs). A point belongs to the
last phase whose start is on or before its date, so points sharing a date share a phase.
Points before the first declared phase form an unnamed first phase (reason None). Nothing is
ever rebased automatically.

Baseline. ``baseline=k`` fixes the centre line (and SPC limits) on the first k points of
*each* phase, because a phase is a rebase and its limits deserve the same protection from
drifting as the first phase's; a phase with fewer than k points uses all of them.

Top-level values. ``centre_line``, the limits, ``assurance``, ``runs`` and ``runs_test`` of a
:class:`ChartAnalysis` are those of its current phase: the last one holding points. Each phase
keeps its own in ``phases``, and each point names its phase.

Variation. Each signal points one way (above the centre line or rising is HIGH). With a
direction, a point whose signals all point the good way is ``special_cause_improvement``; if
any points the bad way it is ``special_cause_concern``: when the evidence pulls both ways
(the turning point of two trends, say) the reader should look, so concern wins. Without a
direction, or for an astronomical point on the median, it is ``special_cause_neutral``.
Points in no signal are ``common_cause``. The same reading applies to every rule set, with one
exception for run charts (anhoej, ihi) of a measure with a direction: a run on the bad side
of the median (a long run, or an ihi shift) followed later in the same phase by a run on the
good side is the process *before its improvement*, not a concern: its points keep their
signals but read ``common_cause``, and the legend says so and suggests a rebase. (The median
of a process that improved lies between its old and new levels, so its old level reads as a
run on the bad side until the chart is rebased at the change.)
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import math
from collections.abc import Sequence, Set
from typing import TypeVar

from pdsa.analysis import ihi, spc
from pdsa.analysis.legend import describe, describe_before_improvement, in_phase
from pdsa.analysis.patterns import Finding
from pdsa.analysis.phase import PhaseSlice, analyse_phase
from pdsa.analysis.result import ChartAnalysis, PointResult
from pdsa.analysis.series import SeriesPoint, Settings
from pdsa.analysis.stats import exact
from pdsa.analysis.vocabulary import Direction, RuleSet, Side, Signal, Variation

PhaseStart = tuple[datetime.date, str | None]
_SIGNAL_ORDER = {signal: order for order, signal in enumerate(Signal)}
#: A signal points up, down, or (an astronomical point on the median) neither way.
_POINTING_BIT: dict[Side | None, int] = {Side.HIGH: 1, Side.LOW: 2, None: 4}
_Choice = TypeVar("_Choice", RuleSet, Direction)


def analyse(
    points: Sequence[SeriesPoint],
    *,
    rules: RuleSet | str = RuleSet.ANHOEJ,
    direction: Direction | str | None = None,
    goal: float | None = None,
    baseline: int | None = None,
    phases: Sequence[PhaseStart] = (),
    screen: bool = True,
    shift_length: int | None = None,
    trend_length: int | None = None,
    measure: str | None = None,
) -> ChartAnalysis:
    """Analyse ``points`` (sorted by date by the caller) by the rule set ``rules``.

    ``direction`` is "higher", "lower" or None; ``goal`` feeds the SPC assurance; ``baseline``
    fixes each phase's centre line and limits on its first k points; ``phases`` lists
    (start date, reason) in date order; ``screen`` screens large moving ranges out of SPC
    limits; ``shift_length`` and ``trend_length`` override the ihi (6, 5) and spc (7, 7)
    defaults. Raises ValueError for input that cannot be analysed.
    """
    settings = _settings(rules, direction, goal, baseline, screen, shift_length, trend_length)
    _check_points(points)
    _check_phases(phases)
    values = [float(point.value) for point in points]
    marked = [point.astronomical for point in points]

    phase_results = []
    findings: list[Finding] = []
    legend: list[str] = []
    centre_name = "mean" if settings.rules is RuleSet.SPC else "median"
    bounds = _phase_bounds(points, phases)
    for number, (start, reason, first, stop) in enumerate(bounds, start=1):
        phase = PhaseSlice(start, reason, first, values[first:stop], marked[first:stop])
        analysed = analyse_phase(phase, settings)
        phase_results.append(analysed.result)
        findings += analysed.findings
        legend += (
            describe(finding, centre_name=centre_name, runs=analysed.result.runs)
            for finding in analysed.findings
        )
        legend += (in_phase(note, number, len(bounds)) for note in analysed.notes)
    phase_of = [0] * len(points)
    for number, (_, _, first, stop) in enumerate(bounds):
        phase_of[first:stop] = [number] * (stop - first)
    before = _before_improvement(findings, phase_of, settings)
    for bad, good in before:
        legend.append(describe_before_improvement(bad, good, centre_name=centre_name))
    charted = _chart_points(
        points, phase_of, findings, settings.direction, skip={id(bad) for bad, _ in before}
    )
    is_spc = settings.rules is RuleSet.SPC
    return ChartAnalysis(
        measure=measure,
        rules=settings.rules,
        direction=settings.direction,
        goal=None if goal is None else float(goal),
        baseline=baseline,
        shift_length=None if settings.rules is RuleSet.ANHOEJ else settings.shift_length,
        trend_length=None if settings.rules is RuleSet.ANHOEJ else settings.trend_length,
        screen=settings.screen if is_spc else None,
        phases=tuple(phase_results),
        points=tuple(charted),
        legend=tuple(legend),
    )


_RUN_RULES = (Signal.RUNS, Signal.SHIFT)


def _before_improvement(
    findings: Sequence[Finding], phase_of: Sequence[int], settings: Settings
) -> list[tuple[Finding, Finding]]:
    """Run-chart runs on the bad side followed, in the same phase, by a run on the good side:
    each with the first good run after it (see the module docstring)."""
    if settings.rules is RuleSet.SPC or settings.direction is None:
        return []
    good = Side.HIGH if settings.direction is Direction.HIGHER else Side.LOW
    runs = [finding for finding in findings if finding.rule in _RUN_RULES]
    found = []
    for bad in runs:
        if bad.side is good or bad.side is None:
            continue
        later = [
            finding
            for finding in runs
            if finding.side is good
            and finding.positions[0] > bad.positions[-1]
            and phase_of[finding.positions[0]] == phase_of[bad.positions[0]]
        ]
        if later:
            found.append((bad, min(later, key=lambda finding: finding.positions[0])))
    return found


def _chart_points(
    points: Sequence[SeriesPoint],
    phase_of: Sequence[int],
    findings: Sequence[Finding],
    direction: Direction | None,
    *,
    skip: Set[int] = frozenset(),
) -> list[PointResult]:
    """Each point with the rules it takes part in and how its variation reads; a finding
    whose ``id`` is in ``skip`` names its points' rule but does not make them special cause.

    Per point, the rules and the ways they point are gathered as bit masks; points sharing
    masks share one reading, so a long series costs one small lookup per point.
    """
    rule_masks = [0] * len(points)
    pointing_masks = [0] * len(points)
    for finding in findings:
        rule_bit = 1 << _SIGNAL_ORDER[finding.rule]
        pointing_bit = 0 if id(finding) in skip else _POINTING_BIT[finding.side]
        for position in finding.positions:
            rule_masks[position] |= rule_bit
            pointing_masks[position] |= pointing_bit
    readings: dict[tuple[int, int], tuple[tuple[Signal, ...], Variation]] = {}
    charted = []
    for point, phase, rule_mask, pointing_mask in zip(
        points, phase_of, rule_masks, pointing_masks, strict=True
    ):
        key = (rule_mask, pointing_mask)
        if key not in readings:
            readings[key] = (_signals(rule_mask), _variation(pointing_mask, direction))
        signals, variation = readings[key]
        charted.append(PointResult(point.date, float(point.value), signals, variation, phase))
    return charted


def _signals(rule_mask: int) -> tuple[Signal, ...]:
    return tuple(signal for order, signal in enumerate(Signal) if rule_mask & (1 << order))


def _variation(pointing_mask: int, direction: Direction | None) -> Variation:
    if not pointing_mask:
        return Variation.COMMON
    if direction is None:
        return Variation.NEUTRAL
    good, bad = (Side.HIGH, Side.LOW) if direction is Direction.HIGHER else (Side.LOW, Side.HIGH)
    if pointing_mask & _POINTING_BIT[bad]:
        return Variation.CONCERN
    if pointing_mask & _POINTING_BIT[good]:
        return Variation.IMPROVEMENT
    return Variation.NEUTRAL


def _phase_bounds(
    points: Sequence[SeriesPoint], phases: Sequence[PhaseStart]
) -> list[tuple[datetime.date, str | None, int, int]]:
    """(start, reason, first point, end point) for each phase, the unnamed first one included."""
    dates = [point.date for point in points]
    firsts = [bisect.bisect_left(dates, start) for start, _ in phases]
    stops = [*firsts[1:], len(points)]
    bounds = [
        (start, reason, firsts[number], stops[number])
        for number, (start, reason) in enumerate(phases)
    ]
    # Points before the first declared phase (all of them, if none is) form an unnamed phase.
    unnamed_stop = firsts[0] if firsts else len(points)
    if unnamed_stop > 0:
        bounds.insert(0, (dates[0], None, 0, unnamed_stop))
    return bounds


def _settings(
    rules: RuleSet | str,
    direction: Direction | str | None,
    goal: float | None,
    baseline: int | None,
    screen: bool,
    shift_length: int | None,
    trend_length: int | None,
) -> Settings:
    rule_set = _choice(RuleSet, rules, "rules")
    better = None if direction is None else _choice(Direction, direction, "direction")
    if goal is not None and not math.isfinite(goal):
        raise ValueError(f"goal must be a finite number, not {goal!r}")
    if baseline is not None and baseline < 1:
        raise ValueError(f"baseline must be at least 1 point, not {baseline}")
    if rule_set is RuleSet.ANHOEJ and (shift_length is not None or trend_length is not None):
        raise ValueError("the anhoej rule set has no shift or trend rule to set a length for")
    for name, length in (("shift_length", shift_length), ("trend_length", trend_length)):
        if length is not None and length < 2:
            raise ValueError(f"{name} must be at least 2 points, not {length}")
    defaults = spc if rule_set is RuleSet.SPC else ihi
    return Settings(
        rules=rule_set,
        direction=better,
        goal=None if goal is None else exact(goal),
        baseline=baseline,
        screen=screen,
        shift_length=defaults.SHIFT_LENGTH if shift_length is None else shift_length,
        trend_length=defaults.TREND_LENGTH if trend_length is None else trend_length,
    )


def _choice(kind: type[_Choice], text: str, name: str) -> _Choice:
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValueError(f"{name} must be one of {allowed}, not {text!r}") from None


def _check_points(points: Sequence[SeriesPoint]) -> None:
    for position, point in enumerate(points):
        if not math.isfinite(point.value):
            raise ValueError(f"point {position + 1} ({point.date}) has no finite value")
        if position and point.date < points[position - 1].date:
            raise ValueError(f"points must be sorted by date: point {position + 1} is not")


def _check_phases(phases: Sequence[PhaseStart]) -> None:
    for (before, _), (start, _) in itertools.pairwise(phases):
        if start <= before:
            raise ValueError(f"phases must start on increasing dates: {start} follows {before}")
