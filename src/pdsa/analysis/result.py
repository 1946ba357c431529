"""What an analysed chart holds, in frozen dataclasses that map one to one onto its JSON.

:meth:`ChartAnalysis.to_json_dict` gives plain dicts, lists, strings, ints, floats and None
(dates as ISO strings), ready for ``json.dumps``. The top-level ``centre_line``, limits,
``assurance``, ``runs`` and friends describe the current phase (see :attr:`current_phase`);
every phase, the current one included, is listed in ``phases``. The shape::

    {"measure", "rules", "direction", "goal", "centre_line", "lower_limit", "upper_limit",
     "baseline", "trial_limits", "rules_weak", "shift_length", "trend_length", "screen",
     "assurance", "runs": {...}, "runs_test": {...} | null,
     "phases": [{"start", "reason", "first_point", "n_points", "n_baseline", "centre_line",
                 "lower_limit", "upper_limit", "trial_limits", "rules_weak", "assurance",
                 "runs", "runs_test"}],
     "points": [{"date", "value", "signals": [...], "variation", "phase"}],
     "legend": [...], "cycles": [...]}

``runs`` is Anhøj's analysis (every rule set carries it, around its own centre line);
``runs_test`` is IHI's Swed-Eisenhart test (ihi only). A point's ``signals`` name the rules
of the chart's rule set it takes part in: ``runs`` (anhoej: a run longer than the limit),
``shift``, ``trend``, ``astronomical`` (ihi), ``outside_limits``, ``shift``, ``trend``,
``two_in_three`` (spc). Signals about a whole phase (too few crossings, too few or too many
runs) mark no point; they are in ``runs`` / ``runs_test`` and the legend.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pdsa.analysis.vocabulary import Assurance, Direction, RuleSet, Signal, Variation

Json = dict[str, object]


@dataclass(frozen=True, slots=True)
class RunsAnalysis:
    """Anhøj's runs analysis around a centre line; counts are None with no useful points."""

    n_obs: int
    n_useful: int
    longest_run: int | None
    longest_run_max: int | None
    n_crossings: int | None
    n_crossings_min: int | None
    longest_run_signal: bool
    crossings_signal: bool

    @property
    def signal(self) -> bool:
        """Either of Anhøj's two signals."""
        return self.longest_run_signal or self.crossings_signal

    def to_json_dict(self) -> Json:
        """The JSON object ``runs``."""
        return {
            "n_obs": self.n_obs,
            "n_useful": self.n_useful,
            "longest_run": self.longest_run,
            "longest_run_max": self.longest_run_max,
            "n_crossings": self.n_crossings,
            "n_crossings_min": self.n_crossings_min,
            "longest_run_signal": self.longest_run_signal,
            "crossings_signal": self.crossings_signal,
            "signal": self.signal,
        }


@dataclass(frozen=True, slots=True)
class RunsTest:
    """IHI's runs test: is the number of runs within the Swed-Eisenhart range?

    ``runs_min`` and ``runs_max`` are None when every useful point is on one side.
    """

    n_above: int
    n_below: int
    n_runs: int
    runs_min: int | None
    runs_max: int | None

    @property
    def too_few(self) -> bool:
        """Fewer runs than chance allows: the points cluster on one side for a while."""
        return self.runs_min is not None and self.n_runs < self.runs_min

    @property
    def too_many(self) -> bool:
        """More runs than chance allows: the points alternate, e.g. two mixed sources."""
        return self.runs_max is not None and self.n_runs > self.runs_max

    @property
    def signal(self) -> bool:
        """Too few or too many runs."""
        return self.too_few or self.too_many

    def to_json_dict(self) -> Json:
        """The JSON object ``runs_test``."""
        return {
            "n_above": self.n_above,
            "n_below": self.n_below,
            "n_runs": self.n_runs,
            "runs_min": self.runs_min,
            "runs_max": self.runs_max,
            "too_few": self.too_few,
            "too_many": self.too_many,
            "signal": self.signal,
        }


@dataclass(frozen=True, slots=True)
class PointResult:
    """One point as charted: the rules it takes part in and how its variation reads."""

    date: datetime.date
    value: float
    signals: tuple[Signal, ...]
    variation: Variation
    #: Index into :attr:`ChartAnalysis.phases`.
    phase: int

    def to_json_dict(self) -> Json:
        """One entry of the JSON list ``points``."""
        return {
            "date": self.date.isoformat(),
            "value": self.value,
            "signals": [str(signal) for signal in self.signals],
            "variation": str(self.variation),
            "phase": self.phase,
        }


@dataclass(frozen=True, slots=True)
class PhaseResult:
    """One phase, analysed on its own: its centre line, limits, rules and runs."""

    start: datetime.date
    #: Why the process changed from ``start``; None for points before the first declared phase.
    reason: str | None
    #: Index of the phase's first point in :attr:`ChartAnalysis.points`.
    first_point: int
    n_points: int
    #: How many of the phase's first points fix its centre line and limits.
    n_baseline: int
    centre_line: float | None
    lower_limit: float | None
    upper_limit: float | None
    #: SPC limits resting on fewer than 12 points.
    trial_limits: bool
    #: Fewer than 10 useful points: run rules rarely fire on so few.
    rules_weak: bool
    assurance: Assurance | None
    runs: RunsAnalysis
    runs_test: RunsTest | None

    def to_json_dict(self) -> Json:
        """One entry of the JSON list ``phases``."""
        return {
            "start": self.start.isoformat(),
            "reason": self.reason,
            "first_point": self.first_point,
            "n_points": self.n_points,
            "n_baseline": self.n_baseline,
            "centre_line": self.centre_line,
            "lower_limit": self.lower_limit,
            "upper_limit": self.upper_limit,
            "trial_limits": self.trial_limits,
            "rules_weak": self.rules_weak,
            "assurance": _text(self.assurance),
            "runs": self.runs.to_json_dict(),
            "runs_test": None if self.runs_test is None else self.runs_test.to_json_dict(),
        }


EMPTY_RUNS = RunsAnalysis(0, 0, None, None, None, None, False, False)


@dataclass(frozen=True, slots=True)
class ChartAnalysis:
    """A measure's chart, analysed by one rule set."""

    measure: str | None
    rules: RuleSet
    direction: Direction | None
    goal: float | None
    #: The baseline asked for (first k points of each phase), or None for all points.
    baseline: int | None
    #: The rule lengths in force (None where the rule set has no such rule).
    shift_length: int | None
    trend_length: int | None
    #: Whether large moving ranges were screened out (None unless SPC).
    screen: bool | None
    phases: tuple[PhaseResult, ...]
    points: tuple[PointResult, ...]
    #: One line per signal or caution, for a chart's legend.
    legend: tuple[str, ...]

    @property
    def current_phase(self) -> PhaseResult | None:
        """The last phase that holds points: the process as it runs now."""
        return next((phase for phase in reversed(self.phases) if phase.n_points), None)

    @property
    def centre_line(self) -> float | None:
        """The current phase's centre line."""
        return None if self.current_phase is None else self.current_phase.centre_line

    @property
    def lower_limit(self) -> float | None:
        """The current phase's lower process limit (SPC only)."""
        return None if self.current_phase is None else self.current_phase.lower_limit

    @property
    def upper_limit(self) -> float | None:
        """The current phase's upper process limit (SPC only)."""
        return None if self.current_phase is None else self.current_phase.upper_limit

    @property
    def assurance(self) -> Assurance | None:
        """The current phase's assurance against the goal (SPC only)."""
        return None if self.current_phase is None else self.current_phase.assurance

    @property
    def runs(self) -> RunsAnalysis:
        """The current phase's Anhøj runs analysis."""
        return EMPTY_RUNS if self.current_phase is None else self.current_phase.runs

    @property
    def runs_test(self) -> RunsTest | None:
        """The current phase's IHI runs test (IHI only)."""
        return None if self.current_phase is None else self.current_phase.runs_test

    @property
    def trial_limits(self) -> bool:
        """Whether the current phase's limits are trial limits."""
        return self.current_phase is not None and self.current_phase.trial_limits

    @property
    def rules_weak(self) -> bool:
        """Whether the current phase has too few useful points for run rules."""
        return self.current_phase is None or self.current_phase.rules_weak

    def to_json_dict(self, *, cycles: Sequence[Mapping[str, object]] = ()) -> Json:
        """The chart as JSON-ready data; ``cycles`` (JSON-ready already) are passed through."""
        return {
            "measure": self.measure,
            "rules": str(self.rules),
            "direction": _text(self.direction),
            "goal": self.goal,
            "centre_line": self.centre_line,
            "lower_limit": self.lower_limit,
            "upper_limit": self.upper_limit,
            "baseline": self.baseline,
            "trial_limits": self.trial_limits,
            "rules_weak": self.rules_weak,
            "shift_length": self.shift_length,
            "trend_length": self.trend_length,
            "screen": self.screen,
            "assurance": _text(self.assurance),
            "runs": self.runs.to_json_dict(),
            "runs_test": None if self.runs_test is None else self.runs_test.to_json_dict(),
            "phases": [phase.to_json_dict() for phase in self.phases],
            "points": [point.to_json_dict() for point in self.points],
            "legend": list(self.legend),
            "cycles": [dict(cycle) for cycle in cycles],
        }


def _text(member: enum.StrEnum | None) -> str | None:
    return None if member is None else str(member)
