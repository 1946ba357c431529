"""The figures behind ``pdsa report``: each project, theme and the programme; what needs a look.

Pure functions over loaded models: :func:`summarise_programme` takes the programme, its projects,
their cycles and measures, and ``today`` (the date the report is *as of*), and returns a
:class:`ProgrammeSummary` whose ``to_json()`` is the documented JSON report (plain dicts, lists,
strings, numbers and None, keys in a fixed order, lists in a fixed order: projects, measures and
shared keys by slug)::

    {"programme", "generated", "as_of", "stale_after_days", "period", "projects": [...],
     "themes": [...], "totals": {...}, "shared_measures": [...], "attention": [...]}

Definitions:

* As of a date. Everything dated after ``today`` is left out first, exactly as if it had not
  been written yet (:mod:`pdsa.analysis.as_of`): cycles planned later, phases and data points
  dated later. So the report as of a past date is the report that day's log would have given.
  ``generated`` is the day the report was made, which may be later.
* Cycles by phase count each cycle once, under its last recorded phase; ``act`` means finished.
* Last activity is the latest date of a project's cycle phases and of its measures' data
  points: recording a data point is activity. A project with neither has none.
* Staleness judges active projects only (paused, completed and closed ones are quiet on
  purpose). A cycle is *stuck* when it is unfinished (no Act) and more than ``stale_after_days``
  days have passed since its last date. A project is *stale* when more than
  ``stale_after_days`` days have passed since its last activity (since its ``started`` date when
  it has none), or when one of its cycles is stuck. Exactly ``stale_after_days`` days is not
  stale; one more is.
* Key measures are all of a project's measures, outcome first, then process, then balancing,
  each by slug. Each is charted with :func:`pdsa.analysis.chart.analyse` under its own rule set
  or the programme's, its improvement direction, goal, baseline and phases. Its ``signal``,
  ``goal_met`` and ``old_data`` are read as :mod:`pdsa.analysis.readings` defines: the signal
  now (the latest point, or the runs of the current phase), the goal on more than one point
  (SPC assurance, or the median of the current phase), and old data when the next point is
  overdue by more than ``stale_after_days``. ``not analysed`` when the chart cannot be drawn
  (``problem`` says why).
* Shared measures are those with a programme-wide ``key``, whatever the number of projects
  using it: counts totalled for one calendar month, rates given as a range, never averaged
  (:mod:`pdsa.analysis.shared`).
* The attention list, for active projects only, in this order: stale projects, cycles stuck in
  Do or Study, predictions never studied (see :mod:`pdsa.analysis.predictions`), measures whose
  latest point is a special-cause concern; within a kind, by project then subject.
* A :class:`Period` (``--since``/``--until``) selects the period's activity: the cycles with a
  phase dated inside it are the ones counted by phase, decision, fidelity and prediction. The
  state shown (each cycle's phase, staleness, last activity, measures, attention) is as of
  ``today``, which the command sets to the period's end unless told otherwise.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from pdsa.analysis.as_of import cycles_as_of, measures_as_of
from pdsa.analysis.chart import analyse
from pdsa.analysis.fidelity import FidelityProfile, combine_profiles, fidelity_profile
from pdsa.analysis.prediction_checks import PointIndex
from pdsa.analysis.predictions import (
    PredictionRecord,
    check_predictions,
    combine_records,
)
from pdsa.analysis.provenance import NOT_READ, AdvanceReadings
from pdsa.analysis.readings import (
    GoalReading,
    SignalBasis,
    goal_reading,
    is_old,
    signal_reading,
    usual_interval,
)
from pdsa.analysis.readings import SignalSummary as SignalSummary
from pdsa.analysis.result import ChartAnalysis
from pdsa.analysis.series import SeriesPoint
from pdsa.analysis.shared import MonthFigure, months, shared_measure
from pdsa.analysis.shared import SharedEntry as SharedEntry
from pdsa.analysis.shared import SharedMeasure as SharedMeasure
from pdsa.analysis.vocabulary import Variation
from pdsa.model.cycle import Cycle, PhaseName
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme, RuleSetName
from pdsa.model.project import Project

Json = dict[str, object]
AttentionKind = Literal[
    "stale_project", "stuck_cycle", "prediction_never_studied", "measure_concern"
]
ATTENTION_KINDS: tuple[AttentionKind, ...] = (
    "stale_project",
    "stuck_cycle",
    "prediction_never_studied",
    "measure_concern",
)
_TYPE_ORDER = {"outcome": 0, "process": 1, "balancing": 2}


@dataclass(frozen=True, slots=True)
class Period:
    """Dates from ``since`` to ``until``, both included; None leaves that end open."""

    since: datetime.date | None = None
    until: datetime.date | None = None

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls in the period."""
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def active(self, cycle: Cycle) -> bool:
        """Whether any recorded phase of ``cycle`` is dated inside the period."""
        stages = (cycle.plan, cycle.do, cycle.study, cycle.act)
        return any(stage is not None and self.contains(stage.date) for stage in stages)

    def restrict(self, cycles: Iterable[tuple[str, Cycle]]) -> list[tuple[str, Cycle]]:
        """The ``(slug, cycle)`` pairs with activity in the period."""
        return [(slug, cycle) for slug, cycle in cycles if self.active(cycle)]

    def to_json(self) -> Json:
        """``{"since", "until"}`` as ISO dates or None."""
        return {"since": _iso(self.since), "until": _iso(self.until)}


@dataclass(frozen=True, slots=True)
class PhaseCounts:
    """Cycles by their last recorded phase; ``act`` is a finished cycle."""

    plan: int = 0
    do: int = 0
    study: int = 0
    act: int = 0

    @property
    def total(self) -> int:
        """Every cycle."""
        return self.plan + self.do + self.study + self.act

    def __add__(self, other: PhaseCounts) -> PhaseCounts:
        return PhaseCounts(
            self.plan + other.plan,
            self.do + other.do,
            self.study + other.study,
            self.act + other.act,
        )

    def to_json(self) -> Json:
        """``{"plan", "do", "study", "act", "total"}``."""
        return {
            "plan": self.plan,
            "do": self.do,
            "study": self.study,
            "act": self.act,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class DecisionCounts:
    """Act decisions."""

    adopt: int = 0
    adapt: int = 0
    abandon: int = 0

    def __add__(self, other: DecisionCounts) -> DecisionCounts:
        return DecisionCounts(
            self.adopt + other.adopt, self.adapt + other.adapt, self.abandon + other.abandon
        )

    def to_json(self) -> Json:
        """``{"adopt", "adapt", "abandon"}``."""
        return {"adopt": self.adopt, "adapt": self.adapt, "abandon": self.abandon}


@dataclass(frozen=True, slots=True)
class StuckCycle:
    """An unfinished cycle whose last date is more than ``stale_after_days`` days old."""

    cycle: str
    phase: PhaseName
    since: datetime.date
    days: int

    def to_json(self) -> Json:
        """The entry as a JSON object."""
        return {
            "cycle": self.cycle,
            "phase": self.phase,
            "since": self.since.isoformat(),
            "days": self.days,
        }


@dataclass(frozen=True, slots=True)
class MeasureStatus:
    """A key measure as a board reads it: latest value and date, goal, signal, assurance, and
    whether the data is old."""

    slug: str
    title: str
    type: str
    unit: str | None
    improvement: str | None
    goal: float | None
    key: str | None
    rules: RuleSetName
    n_points: int
    latest_date: datetime.date | None
    latest_value: float | None
    #: Met on more than one point (see :mod:`pdsa.analysis.readings`); None without a goal,
    #: a direction or data.
    goal_met: bool | None
    signal: SignalSummary
    latest_variation: str | None
    assurance: str | None
    #: Fewer than 10 useful points in the current phase: run rules rarely fire.
    rules_weak: bool
    #: Why the chart could not be drawn, when it could not.
    problem: str | None = None
    #: What the signal rests on: the latest point, or the runs of the current phase.
    signal_basis: SignalBasis | None = None
    goal_reading: GoalReading | None = None
    #: Days from the latest point to the report's date.
    days_since_latest: int | None = None
    #: The median gap in days between the measure's dates.
    usual_interval: int = 0
    #: The next point is overdue by more than the staleness window.
    old_data: bool = False
    analysis: ChartAnalysis | None = field(default=None, repr=False, compare=False)
    months: dict[str, MonthFigure] = field(default_factory=dict, repr=False, compare=False)

    def to_json(self) -> Json:
        """The measure as a JSON object (the chart itself is left to ``pdsa chart``)."""
        reading = self.goal_reading
        return {
            "slug": self.slug,
            "title": self.title,
            "type": self.type,
            "unit": self.unit,
            "improvement": self.improvement,
            "goal": self.goal,
            "key": self.key,
            "rules": self.rules,
            "n_points": self.n_points,
            "latest_date": _iso(self.latest_date),
            "latest_value": self.latest_value,
            "days_since_latest": self.days_since_latest,
            "usual_interval_days": self.usual_interval,
            "old_data": self.old_data,
            "goal_met": self.goal_met,
            "goal_reading": None if reading is None else reading.kind,
            "goal_words": None if reading is None else reading.words,
            "signal": self.signal,
            "signal_basis": self.signal_basis,
            "latest_variation": self.latest_variation,
            "assurance": self.assurance,
            "rules_weak": self.rules_weak,
            "problem": self.problem,
        }


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """One project as the report shows it."""

    slug: str
    title: str
    theme: str | None
    lead_organisation: str
    aim: str
    status: str
    progress_score: float | None
    cycles: PhaseCounts
    decisions: DecisionCounts
    last_activity: datetime.date | None
    days_since_activity: int | None
    stale: bool
    #: Why the project is stale, in a few words; None when it is not.
    stale_reason: str | None
    stuck_cycles: tuple[StuckCycle, ...]
    measures: tuple[MeasureStatus, ...]
    fidelity: FidelityProfile
    predictions: PredictionRecord

    def to_json(self) -> Json:
        """The project as a JSON object."""
        return {
            "slug": self.slug,
            "title": self.title,
            "theme": self.theme,
            "lead_organisation": self.lead_organisation,
            "aim": self.aim,
            "status": self.status,
            "progress_score": self.progress_score,
            "cycles": self.cycles.to_json(),
            "decisions": self.decisions.to_json(),
            "last_activity": _iso(self.last_activity),
            "days_since_activity": self.days_since_activity,
            "stale": self.stale,
            "stale_reason": self.stale_reason,
            "stuck_cycles": [stuck.to_json() for stuck in self.stuck_cycles],
            "measures": [measure.to_json() for measure in self.measures],
            "fidelity": self.fidelity.to_json(),
            "predictions": self.predictions.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Totals:
    """Figures added up over several projects (a theme, or the whole programme)."""

    projects: int
    active: int
    stale: int
    cycles: PhaseCounts
    decisions: DecisionCounts
    fidelity: FidelityProfile
    predictions: PredictionRecord

    def to_json(self) -> Json:
        """Counts, fidelity figures (with what lacked them) and prediction counts."""
        return {
            "projects": self.projects,
            "active": self.active,
            "stale": self.stale,
            "cycles": self.cycles.to_json(),
            "decisions": self.decisions.to_json(),
            "fidelity": self.fidelity.to_json(series=False),
            "predictions": self.predictions.to_json(details=False),
        }


@dataclass(frozen=True, slots=True)
class ThemeSummary:
    """A theme's projects and their totals; ``id`` None gathers projects without a theme."""

    id: str | None
    title: str | None
    projects: tuple[str, ...]
    totals: Totals

    def to_json(self) -> Json:
        """The theme as a JSON object."""
        return {
            "id": self.id,
            "title": self.title,
            "projects": list(self.projects),
            "totals": self.totals.to_json(),
        }


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """Something the coordinator should look at."""

    kind: AttentionKind
    project: str
    #: The cycle (``project/slug``) or measure slug concerned; None for the project itself.
    subject: str | None
    since: datetime.date | None
    days: int | None
    message: str

    def to_json(self) -> Json:
        """The item as a JSON object."""
        return {
            "kind": self.kind,
            "project": self.project,
            "subject": self.subject,
            "since": _iso(self.since),
            "days": self.days,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    """Everything ``pdsa report`` shows."""

    programme: str
    #: The day the report was made.
    generated: datetime.date
    stale_after_days: int
    period: Period | None
    projects: tuple[ProjectSummary, ...]
    themes: tuple[ThemeSummary, ...]
    totals: Totals
    shared_measures: tuple[SharedMeasure, ...]
    attention: tuple[AttentionItem, ...]
    #: The date the report is as of: nothing dated later is in it.
    as_of: datetime.date | None = None

    @property
    def reading_date(self) -> datetime.date:
        """The date the figures are as of."""
        return self.as_of or self.generated

    def to_json(self) -> Json:
        """The documented JSON report."""
        return {
            "programme": self.programme,
            "generated": self.generated.isoformat(),
            "as_of": self.reading_date.isoformat(),
            "stale_after_days": self.stale_after_days,
            "period": None if self.period is None else self.period.to_json(),
            "projects": [project.to_json() for project in self.projects],
            "themes": [theme.to_json() for theme in self.themes],
            "totals": self.totals.to_json(),
            "shared_measures": [shared.to_json() for shared in self.shared_measures],
            "attention": [item.to_json() for item in self.attention],
        }


def summarise_programme(
    programme: Programme,
    projects: Iterable[tuple[str, Project]],
    cycles: Mapping[str, Iterable[tuple[str, Cycle]]],
    measures: Mapping[str, Iterable[tuple[str, Measure]]],
    *,
    today: datetime.date,
    stale_after_days: int | None = None,
    period: Period | None = None,
    advance: AdvanceReadings = NOT_READ,
    generated: datetime.date | None = None,
) -> ProgrammeSummary:
    """The report's figures as of ``today`` for ``projects`` (slug, project), with their
    cycles and measures.

    ``cycles`` and ``measures`` map a project slug to its (slug, record) pairs; a project missing
    from them has none. Anything dated after ``today`` is left out first. ``stale_after_days``
    defaults to the programme's setting; ``period`` keeps only the cycles active in it for the
    counts; ``generated`` (default ``today``) is the day the report was made; ``advance`` holds
    each cycle's verdict from git (the "predictions made in advance" figure). Linear in the
    cycles, plus one chart per measure.
    """
    stale_days = (
        programme.settings.stale_after_days if stale_after_days is None else stale_after_days
    )
    summaries = []
    for slug, project in sorted(projects, key=lambda item: item[0]):
        every_cycle = cycles_as_of(cycles.get(slug, ()), today)
        project_cycles = period.restrict(every_cycle) if period is not None else every_cycle
        summaries.append(
            summarise_project(
                slug,
                project,
                project_cycles,
                measures_as_of(measures.get(slug, ()), today),
                today=today,
                stale_after_days=stale_days,
                default_rules=programme.settings.rules,
                every_cycle=every_cycle,
                advance=advance,
            )
        )
    return ProgrammeSummary(
        programme=programme.name,
        generated=today if generated is None else generated,
        stale_after_days=stale_days,
        period=period,
        projects=tuple(summaries),
        themes=_themes(programme, summaries),
        totals=totals(summaries),
        shared_measures=shared_measures((summary.slug, summary.measures) for summary in summaries),
        attention=attention(summaries),
        as_of=today,
    )


def summarise_project(
    slug: str,
    project: Project,
    cycles: Iterable[tuple[str, Cycle]],
    measures: Iterable[tuple[str, Measure]],
    *,
    today: datetime.date,
    stale_after_days: int,
    default_rules: RuleSetName = "anhoej",
    every_cycle: Iterable[tuple[str, Cycle]] | None = None,
    advance: AdvanceReadings = NOT_READ,
) -> ProjectSummary:
    """One project's figures: cycles, decisions, staleness, measures, fidelity, predictions.

    The records are taken as given (:func:`summarise_programme` cuts them at ``today``).
    ``cycles`` may be a period's share of the project's cycles; ``every_cycle`` (all of
    them, when that differs) decides last activity, staleness and which points belong to
    an earlier cycle's test, which are about the state as of ``today``, not the period.
    """
    ordered = sorted(cycles, key=lambda item: (item[1].planned_start, item[0]))
    everything = ordered if every_cycle is None else list(every_cycle)
    by_slug = dict(sorted(measures, key=lambda item: item[0]))
    indexes = {name: PointIndex.of(measure) for name, measure in by_slug.items()}
    phases = dict.fromkeys(("plan", "do", "study", "act"), 0)
    decisions = dict.fromkeys(("adopt", "adapt", "abandon"), 0)
    for _, cycle in ordered:
        phases[cycle.phase] += 1
        if cycle.decision is not None:
            decisions[cycle.decision] += 1
    stuck = []
    for cycle_slug, cycle in everything:
        # A cycle in Plan waits for its planned start; it is not stuck before then.
        since = cycle.last_date
        if cycle.phase == "plan" and cycle.plan.start is not None:
            since = max(since, cycle.plan.start)
        days = (today - since).days
        if cycle.act is None and days > stale_after_days:
            stuck.append(StuckCycle(f"{slug}/{cycle_slug}", cycle.phase, since, days))
    stuck.sort(key=lambda item: item.cycle)
    statuses = sorted(
        (
            measure_status(
                name,
                measure,
                default_rules=default_rules,
                today=today,
                stale_after_days=stale_after_days,
            )
            for name, measure in by_slug.items()
        ),
        key=lambda status: (_TYPE_ORDER.get(status.type, 3), status.slug),
    )
    last_activity = max(
        [
            *(cycle.last_date for _, cycle in everything),
            *(status.latest_date for status in statuses if status.latest_date is not None),
        ],
        default=None,
    )
    quiet_since = last_activity or project.started
    quiet_days = None if quiet_since is None else (today - quiet_since).days
    stale_reason = None
    if project.status == "active":
        if quiet_days is not None and quiet_days > stale_after_days:
            stale_reason = (
                f"no activity for {quiet_days} days"
                if last_activity is not None
                else f"no activity in the {quiet_days} days since the project started"
            )
        elif stuck:
            stale_reason = f"{len(stuck)} cycle{'s' if len(stuck) > 1 else ''} stuck in one phase"
    return ProjectSummary(
        slug=slug,
        title=project.title,
        theme=project.theme,
        lead_organisation=project.lead_organisation,
        aim=project.aim,
        status=project.status,
        progress_score=project.progress_score,
        cycles=PhaseCounts(**phases),
        decisions=DecisionCounts(**decisions),
        last_activity=last_activity,
        days_since_activity=None if last_activity is None else max(0, (today - last_activity).days),
        stale=stale_reason is not None,
        stale_reason=stale_reason,
        stuck_cycles=tuple(stuck),
        measures=tuple(statuses),
        fidelity=fidelity_profile(
            slug, ordered, by_slug, indexes=indexes, today=today, advance=advance
        ),
        predictions=check_predictions(
            slug,
            ordered,
            by_slug,
            today=today,
            stale_after_days=stale_after_days,
            indexes=indexes,
            project_cycles=everything,
        ),
    )


def measure_status(
    slug: str,
    measure: Measure,
    *,
    default_rules: RuleSetName = "anhoej",
    today: datetime.date | None = None,
    stale_after_days: int = 30,
) -> MeasureStatus:
    """The measure as a board reads it (see the module docstring). ``today`` (default: the
    latest point's date) is the date the report is as of, for old data."""
    ordered = sorted(measure.points, key=lambda point: point.date)
    rules: RuleSetName = measure.rules or default_rules
    latest = ordered[-1] if ordered else None
    interval = usual_interval([point.date for point in ordered])
    as_of = today if today is not None else (latest.date if latest is not None else None)
    days_since = None if latest is None or as_of is None else (as_of - latest.date).days
    values = [point.value for point in ordered]
    status = MeasureStatus(
        slug=slug,
        title=measure.title,
        type=measure.type,
        unit=measure.unit,
        improvement=measure.improvement,
        goal=measure.goal,
        key=measure.key,
        rules=rules,
        n_points=len(ordered),
        latest_date=None if latest is None else latest.date,
        latest_value=None if latest is None else latest.value,
        goal_met=None,
        signal="no data",
        latest_variation=None,
        assurance=None,
        rules_weak=True,
        days_since_latest=days_since,
        usual_interval=interval,
        old_data=as_of is not None
        and is_old(
            None if latest is None else latest.date,
            as_of=as_of,
            stale_after_days=stale_after_days,
            interval=interval,
        ),
        months=months([(point.date, point.value) for point in ordered], interval),
    )
    if latest is None:
        return status
    try:
        chart = analyse(
            [SeriesPoint(point.date, point.value, point.astronomical) for point in ordered],
            rules=rules,
            direction=measure.improvement,
            goal=measure.goal,
            baseline=measure.baseline,
            phases=[
                (phase.start, phase.reason)
                for phase in sorted(measure.phases, key=lambda phase: phase.start)
            ],
            measure=slug,
        )
    except ValueError as error:
        reading = goal_reading(
            None, values=values, goal=measure.goal, improvement=measure.improvement
        )
        return replace(
            status,
            signal="not analysed",
            problem=str(error),
            goal_reading=reading,
            goal_met=None if reading is None else reading.met,
        )
    signal, basis = signal_reading(chart)
    reading = goal_reading(chart, values=values, goal=measure.goal, improvement=measure.improvement)
    return replace(
        status,
        signal=signal,
        signal_basis=basis,
        goal_reading=reading,
        goal_met=None if reading is None else reading.met,
        latest_variation=str(chart.points[-1].variation),
        assurance=None if chart.assurance is None else str(chart.assurance),
        rules_weak=chart.rules_weak,
        analysis=chart,
    )


def signal_summary(chart: ChartAnalysis) -> SignalSummary:
    """What the current phase of ``chart`` says now, in one word (see
    :func:`pdsa.analysis.readings.signal_reading`)."""
    return signal_reading(chart)[0]


def totals(summaries: Sequence[ProjectSummary]) -> Totals:
    """``summaries`` added up."""
    cycles, decisions = PhaseCounts(), DecisionCounts()
    for summary in summaries:
        cycles += summary.cycles
        decisions += summary.decisions
    return Totals(
        projects=len(summaries),
        active=sum(summary.status == "active" for summary in summaries),
        stale=sum(summary.stale for summary in summaries),
        cycles=cycles,
        decisions=decisions,
        fidelity=combine_profiles(summary.fidelity for summary in summaries),
        predictions=combine_records(summary.predictions for summary in summaries),
    )


def shared_measures(
    measures: Iterable[tuple[str, Iterable[MeasureStatus]]],
) -> tuple[SharedMeasure, ...]:
    """Measures sharing a ``key`` across projects, by key; entries by project, then measure."""
    by_key: dict[str, list[tuple[str, MeasureStatus]]] = {}
    for project, statuses in measures:
        for status in statuses:
            if status.key is not None:
                by_key.setdefault(status.key, []).append((project, status))
    shared = []
    for key in sorted(by_key):
        members = sorted(by_key[key], key=lambda item: (item[0], item[1].slug))
        entries = (
            SharedEntry(
                project,
                status.slug,
                status.unit,
                status.latest_date,
                status.latest_value,
                old_data=status.old_data,
                months=status.months,
            )
            for project, status in members
        )
        shared.append(shared_measure(key, members[0][1].title, entries))
    return tuple(shared)


def attention(summaries: Iterable[ProjectSummary]) -> tuple[AttentionItem, ...]:
    """What needs looking at in the active projects, in the documented order."""
    items: list[AttentionItem] = []
    for summary in summaries:
        if summary.status != "active":
            continue
        project = summary.slug
        if summary.stale_reason is not None:
            items.append(
                AttentionItem(
                    "stale_project",
                    project,
                    None,
                    summary.last_activity,
                    summary.days_since_activity,
                    summary.stale_reason,
                )
            )
        for stuck in summary.stuck_cycles:
            if stuck.phase in ("plan", "do", "study"):
                waiting = "since its planned start" if stuck.phase == "plan" else ""
                message = f"in {stuck.phase.capitalize()} for {stuck.days} days {waiting}".strip()
                items.append(
                    AttentionItem(
                        "stuck_cycle", project, stuck.cycle, stuck.since, stuck.days, message
                    )
                )
        for entry in summary.predictions.never_studied:
            message = f"prediction never studied: {entry.reason}"
            items.append(
                AttentionItem(
                    "prediction_never_studied",
                    project,
                    entry.cycle,
                    entry.since,
                    entry.days,
                    message,
                )
            )
        for status in summary.measures:
            if status.latest_variation == Variation.CONCERN:
                message = f"latest point ({status.latest_value:g}) is a special-cause concern"
                if status.old_data:
                    message += f" (old data: {status.days_since_latest} days old)"
                items.append(
                    AttentionItem(
                        "measure_concern",
                        project,
                        status.slug,
                        status.latest_date,
                        status.days_since_latest,
                        message,
                    )
                )
    order = {kind: number for number, kind in enumerate(ATTENTION_KINDS)}
    items.sort(key=lambda item: (order[item.kind], item.project, item.subject or ""))
    return tuple(items)


def _themes(programme: Programme, summaries: Sequence[ProjectSummary]) -> tuple[ThemeSummary, ...]:
    """Declared themes in the programme's order, then unknown ids by name, then no theme."""
    titles = {theme.id: theme.title for theme in programme.themes}
    ids = [theme.id for theme in programme.themes]
    used = {summary.theme for summary in summaries}
    ids += sorted(theme for theme in used if theme is not None and theme not in titles)
    themes = []
    for theme_id in [*ids, None]:
        members = [summary for summary in summaries if summary.theme == theme_id]
        if theme_id is None and not members:
            continue
        themes.append(
            ThemeSummary(
                id=theme_id,
                title=titles.get(theme_id) if theme_id is not None else None,
                projects=tuple(summary.slug for summary in members),
                totals=totals(members),
            )
        )
    return tuple(themes)


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()
