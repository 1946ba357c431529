"""Fidelity: how closely a project's PDSA cycles follow the method (docs/domain.md section 2).

Taylor et al. (2014) judged published PDSA work on five features; McNicholas et al. (2019)
audited 421 real cycles against them. Each feature becomes a mechanical check here, and a
:class:`Figure` holds its numerator, denominator and the cycles (or series) that lacked it, so
that ``pdsa report --explain`` can name them. Cycles are named ``project/slug``; a series is
named after its first cycle. Where the sources leave room, the rules are:

``predictions``
    Cycles whose Plan holds at least one prediction that is not blank, of all cycles.
``iterative``
    Of all cycles, those in a series (below): McNicholas's "part of an iterative series",
    the figure the 54.5% baseline counts. (Taylor's gentler reading for a lone cycle, a next
    step stated in its Act, is not counted: it would not compare with the baseline.)
*series*
    Cycles of one project joined by links, taken as an undirected graph: ``follows`` and
    ``act.next``, each counted only when it names another cycle of the same project among those
    given. Each connected group of 2 or more cycles is a series (a ramp; branches allowed), its
    cycles in display order (planned start, then slug).
``scale_growth``
    Of the series whose scale can be compared, those whose scale grew. Scale is *reach*, as the
    audits count it: how many people and how many sites a test reaches. A longer test reaches no
    more people, so ``days`` alone is never growth. A cycle's reach is known when its scale is a
    table with people or sites (or both). The first and the last such cycle of the series
    (display order) are compared on the reach numbers both state: the scale grew when at least
    one is larger and none is smaller. A series with fewer than 2 cycles with a known reach, or
    whose first and last share no reach number, is left out and listed in ``unknown``.
``data_over_time``
    Of all series, those with data over time: at least 3 points (Knudsen et al. 2019) of one
    measure the series watches (its cycles' ``measures`` and their predictions' measures),
    dated within the series' data window: from 30 days before its first planned start to 30 days
    after its last activity (the latest date of any of its phases), both included. The margin
    lets a monthly baseline point before the first test, and the month's point that shows the
    last one, count.
``data_for_run_rules``
    The same with at least 10 points: enough for run rules. No published figure.
``documented``
    Of the cycles due to be complete, those with every stage recorded: Plan, Do, Study and Act
    all present. A cycle is due once it has an Act, or once its planned end (else its planned
    start) lies more than ``DUE_AFTER_DAYS`` days before today. pdsa refuses an Act without
    Study, so what this counts is cycles left unfinished after their test should have ended.
``predictions_in_advance``
    Of the cycles with a prediction whose order could be judged from the log's git history,
    those whose prediction was committed before its Do, its Study and its data (see
    :mod:`pdsa.analysis.provenance`). Cycles not tested yet, or whose order cannot be proved
    (a shallow clone, work not committed), are listed in ``unknown``. Outside git the whole
    figure is unknown (``unavailable`` says why) and no other figure changes. No published
    figure.
``one_change``
    Of all cycles, those that test one change: they name exactly one ``change_idea``. Lacking
    lists those that name none or several; ``several_changes`` (in the profile and its JSON)
    lists the cycles testing more than one change. Whether a title describes several changes
    is not judged. No published figure.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from pdsa.analysis.dates import shifted
from pdsa.analysis.prediction_checks import PointIndex
from pdsa.analysis.predictions import has_prediction
from pdsa.analysis.provenance import NOT_READ, AdvanceReadings, AdvanceVerdict
from pdsa.model.cycle import Cycle, Prediction, Scale
from pdsa.model.measure import Measure

#: Points within this many days of a series' dates count toward its data over time.
DATA_MARGIN_DAYS = 30
#: Knudsen et al. (2019): "data over time" is at least 3 consecutive points.
DATA_OVER_TIME_POINTS = 3
#: Run rules need at least 10 useful points (docs/domain.md section 3).
RUN_RULES_POINTS = 10
#: A cycle is due to be complete this long after its planned end (or start).
DUE_AFTER_DAYS = 30

Json = dict[str, object]
ScaleGrowth = Literal["grows", "does_not_grow", "unknown"]


class Baseline(NamedTuple):
    """A published percentage to compare a figure with, and where it was published."""

    percent: float
    source: str


_AUDIT = "McNicholas et al. 2019"

#: The audit of 421 real cycles (McNicholas et al., BMJ Qual Saf 2019;28:356).
PUBLISHED: dict[str, Baseline] = {
    "predictions": Baseline(12.2, _AUDIT),
    "iterative": Baseline(54.5, _AUDIT),
    "scale_growth": Baseline(29.7, _AUDIT),
    "data_over_time": Baseline(45.3, _AUDIT),
    "documented": Baseline(71.0, _AUDIT),
}

#: Each figure's name, in the order a profile lists them, with a label for people.
LABELS: dict[str, str] = {
    "predictions": "cycles with an explicit prediction",
    "predictions_in_advance": "predictions made in advance (of cycles with predictions)",
    "iterative": "cycles in an iterative series",
    "scale_growth": "series that grew in scale",
    "data_over_time": "series with data over time (3+ points)",
    "data_for_run_rules": "series with enough data for run rules (10+ points)",
    "documented": "cycles due to be complete with all four stages documented",
    "one_change": "cycles testing one change (one change idea named)",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """One fidelity figure: ``numerator`` of ``denominator`` things, and those that lacked it."""

    name: str
    numerator: int
    denominator: int
    #: The cycles or series (``project/slug``) counted in the denominator but not the numerator.
    lacking: tuple[str, ...]
    baseline: Baseline | None
    #: What the denominator counts: "cycles", "series" or "finished cycles".
    of: str = "cycles"
    #: Cycles or series that could not be judged, so are in neither count.
    unknown: tuple[str, ...] = ()
    #: Why the whole figure is unknown (the log is not in git); None when it was computed.
    unavailable: str | None = None

    @property
    def percent(self) -> float | None:
        """``100 * numerator / denominator``; None when there is nothing to count."""
        return None if self.denominator == 0 else 100 * self.numerator / self.denominator

    def to_json(self) -> Json:
        """The figure as a JSON object (percent rounded to one decimal)."""
        percent = self.percent
        return {
            "name": self.name,
            "label": LABELS.get(self.name, self.name),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "of": self.of,
            "percent": None if percent is None else round(percent, 1),
            "baseline": None
            if self.baseline is None
            else {"percent": self.baseline.percent, "source": self.baseline.source},
            "lacking": list(self.lacking),
            "unknown": list(self.unknown),
            "unavailable": self.unavailable,
        }


@dataclass(frozen=True, slots=True)
class Series:
    """Cycles of one project linked into a ramp."""

    #: ``project/slug`` of its first cycle.
    name: str
    #: ``project/slug`` of each cycle, in display order.
    cycles: tuple[str, ...]
    scale: ScaleGrowth
    #: The most points of any one of its measures within its data window.
    points: int
    window_start: datetime.date
    window_end: datetime.date

    def to_json(self) -> Json:
        """The series as a JSON object."""
        return {
            "name": self.name,
            "cycles": list(self.cycles),
            "scale": self.scale,
            "points": self.points,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class FidelityProfile:
    """A project's (or the programme's) fidelity figures and the series they rest on."""

    predictions: Figure
    iterative: Figure
    scale_growth: Figure
    data_over_time: Figure
    data_for_run_rules: Figure
    documented: Figure
    one_change: Figure
    series: tuple[Series, ...]
    #: The cycles that test more than one change (name several change ideas).
    several_changes: tuple[str, ...] = ()
    #: Predictions made in advance, from git (None only where no profile computed it).
    predictions_in_advance: Figure | None = None
    #: Each cycle's verdict behind ``predictions_in_advance``, for ``--explain``.
    advance: tuple[AdvanceVerdict, ...] = ()

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure, in the order of :data:`LABELS`."""
        in_advance = () if self.predictions_in_advance is None else (self.predictions_in_advance,)
        return (
            self.predictions,
            *in_advance,
            self.iterative,
            self.scale_growth,
            self.data_over_time,
            self.data_for_run_rules,
            self.documented,
            self.one_change,
        )

    def to_json(self, *, series: bool = True) -> Json:
        """``{"figures": [...], "series": [...]}``; without ``series``, only the figures."""
        data: Json = {
            "figures": [figure.to_json() for figure in self.figures],
            "several_changes": list(self.several_changes),
        }
        if series:
            data["series"] = [one.to_json() for one in self.series]
            data["advance_verdicts"] = [verdict.to_json() for verdict in self.advance]
        return data


def fidelity_profile(
    project: str,
    cycles: Iterable[tuple[str, Cycle]],
    measures: Mapping[str, Measure],
    *,
    margin_days: int = DATA_MARGIN_DAYS,
    indexes: Mapping[str, PointIndex] | None = None,
    today: datetime.date | None = None,
    advance: AdvanceReadings = NOT_READ,
) -> FidelityProfile:
    """The fidelity profile of one project's ``cycles`` (slug, cycle) and ``measures``.

    ``indexes`` may hand over :class:`PointIndex` values already built for ``measures``;
    ``advance`` holds the verdicts read from git (see :mod:`pdsa.analysis.provenance`).
    Linear in the cycles (plus sorting each measure's points once).
    """
    ordered = sorted(cycles, key=lambda item: (item[1].planned_start, item[0]))
    index_of = (
        dict(indexes)
        if indexes is not None
        else {slug: PointIndex.of(measure) for slug, measure in measures.items()}
    )
    groups = _linked_groups(ordered)
    in_series = {slug for group in groups for slug in group}
    by_slug = dict(ordered)
    margin = margin_days
    series = [
        _series(project, [(slug, by_slug[slug]) for slug in group], index_of, margin)
        for group in groups
    ]

    def name(slug: str) -> str:
        return f"{project}/{slug}"

    predictions = _tally("predictions", ((name(s), has_prediction(c)) for s, c in ordered))
    iterative = _tally("iterative", ((name(s), s in in_series) for s, c in ordered))
    due = ((name(s), _documented(c)) for s, c in ordered if _due(c, today))
    scale_known = ((one.name, one.scale == "grows") for one in series if one.scale != "unknown")
    return FidelityProfile(
        predictions=predictions,
        iterative=iterative,
        scale_growth=_tally(
            "scale_growth",
            scale_known,
            of="series",
            unknown=tuple(one.name for one in series if one.scale == "unknown"),
        ),
        data_over_time=_tally(
            "data_over_time",
            ((one.name, one.points >= DATA_OVER_TIME_POINTS) for one in series),
            of="series",
        ),
        data_for_run_rules=_tally(
            "data_for_run_rules",
            ((one.name, one.points >= RUN_RULES_POINTS) for one in series),
            of="series",
        ),
        documented=_tally("documented", due, of="cycles due to be complete"),
        one_change=_tally("one_change", ((name(s), len(c.change_ideas) == 1) for s, c in ordered)),
        series=tuple(series),
        several_changes=tuple(name(s) for s, c in ordered if len(c.change_ideas) > 1),
        predictions_in_advance=_advance_figure([name(s) for s, _ in ordered], advance),
        advance=tuple(advance.verdicts[name(s)] for s, c in ordered if name(s) in advance.verdicts),
    )


def _advance_figure(cycles: Sequence[str], advance: AdvanceReadings) -> Figure:
    """Predictions made in advance among ``cycles`` (``project/slug``) that have a verdict."""
    of = "tested cycles with predictions"
    if advance.unavailable is not None:
        return Figure(
            "predictions_in_advance", 0, 0, (), None, of=of, unavailable=advance.unavailable
        )
    verdicts = [advance.verdicts[name] for name in cycles if name in advance.verdicts]
    return _tally(
        "predictions_in_advance",
        (
            (
                verdict.cycle,
                None
                if verdict.verdict in ("not_tested_yet", "unknown")
                else verdict.verdict == "made_in_advance",
            )
            for verdict in verdicts
        ),
        of=of,
    )


def combine_profiles(profiles: Iterable[FidelityProfile]) -> FidelityProfile:
    """Several projects' profiles as one: counts added, lists joined in the order given."""
    profiles = list(profiles)

    def combined(name: str) -> Figure:
        figures: list[Figure] = [
            figure for profile in profiles if (figure := getattr(profile, name)) is not None
        ]
        of = figures[0].of if figures else _OF.get(name, "cycles")
        return Figure(
            name=name,
            numerator=sum(figure.numerator for figure in figures),
            denominator=sum(figure.denominator for figure in figures),
            lacking=tuple(item for figure in figures for item in figure.lacking),
            baseline=PUBLISHED.get(name),
            of=of,
            unknown=tuple(item for figure in figures for item in figure.unknown),
            unavailable=next(
                (figure.unavailable for figure in figures if figure.unavailable is not None),
                None,
            ),
        )

    return FidelityProfile(
        predictions=combined("predictions"),
        iterative=combined("iterative"),
        scale_growth=combined("scale_growth"),
        data_over_time=combined("data_over_time"),
        data_for_run_rules=combined("data_for_run_rules"),
        documented=combined("documented"),
        one_change=combined("one_change"),
        series=tuple(series for profile in profiles for series in profile.series),
        several_changes=tuple(name for profile in profiles for name in profile.several_changes),
        predictions_in_advance=combined("predictions_in_advance"),
        advance=tuple(verdict for profile in profiles for verdict in profile.advance),
    )


def format_figure(figure: Figure) -> str:
    """E.g. ``predictions: 64% (published audit: 12%)``; whole percents, halves rounded up."""
    if figure.unavailable is not None:
        text = f"{figure.name}: unknown"
    elif figure.denominator == 0:
        text = f"{figure.name}: no {figure.of}"
    else:
        text = f"{figure.name}: {whole_percent(figure.numerator, figure.denominator)}%"
    if figure.baseline is not None:
        published = Decimal(str(figure.baseline.percent)).quantize(Decimal(1), ROUND_HALF_UP)
        text += f" (published audit: {published}%)"
    return text


def explain_figure(figure: Figure) -> str:
    """E.g. ``predictions: 7 of 11 cycles; lacking: a/x, a/y``, for ``--explain``."""
    if figure.unavailable is not None:
        return f"{figure.name}: unknown ({figure.unavailable})"
    text = f"{figure.name}: {figure.numerator} of {figure.denominator} {figure.of}"
    if figure.lacking:
        text += f"; lacking: {', '.join(figure.lacking)}"
    if figure.unknown:
        text += f"; cannot be judged: {', '.join(figure.unknown)}"
    return text


def whole_percent(numerator: int, denominator: int) -> int:
    """``100 * numerator / denominator`` (both at least 0) to the nearest whole, halves up."""
    return int(Fraction(100 * numerator, denominator) + Fraction(1, 2))


_OF = {
    "predictions_in_advance": "tested cycles with predictions",
    "scale_growth": "series",
    "data_over_time": "series",
    "data_for_run_rules": "series",
    "documented": "cycles due to be complete",
}


def _tally(
    name: str,
    judged: Iterable[tuple[str, bool | None]],
    *,
    of: str = "cycles",
    unknown: tuple[str, ...] = (),
) -> Figure:
    """A figure from (item, has it) pairs; ``None`` as the verdict leaves an item unknown."""
    numerator = denominator = 0
    lacking: list[str] = []
    unjudged = list(unknown)
    for item, verdict in judged:
        if verdict is None:
            unjudged.append(item)
            continue
        denominator += 1
        if verdict:
            numerator += 1
        else:
            lacking.append(item)
    return Figure(
        name=name,
        numerator=numerator,
        denominator=denominator,
        lacking=tuple(lacking),
        baseline=PUBLISHED.get(name),
        of=of,
        unknown=tuple(unjudged),
    )


def _due(cycle: Cycle, today: datetime.date | None) -> bool:
    """Finished, or past its planned end (else start) by more than ``DUE_AFTER_DAYS``."""
    if cycle.act is not None:
        return True
    if today is None:
        return False
    planned = cycle.plan.end or cycle.plan.start
    return planned is not None and (today - planned).days > DUE_AFTER_DAYS


def _documented(cycle: Cycle) -> bool:
    return all(stage is not None for stage in (cycle.do, cycle.study, cycle.act))


def _linked_groups(ordered: Sequence[tuple[str, Cycle]]) -> list[list[str]]:
    """Groups of 2+ cycles joined by ``follows`` or ``act.next``, each in display order."""
    position = {slug: number for number, (slug, _) in enumerate(ordered)}
    parent = list(range(len(ordered)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for number, (_, cycle) in enumerate(ordered):
        targets = (cycle.follows, cycle.act.next if cycle.act is not None else None)
        for target in targets:
            other = position.get(target) if target is not None else None
            if other is not None:
                low, high = sorted((root(number), root(other)))
                parent[high] = low
    members: dict[int, list[str]] = {}
    for number, (slug, _) in enumerate(ordered):
        members.setdefault(root(number), []).append(slug)
    return [group for group in members.values() if len(group) >= 2]


def _series(
    project: str,
    members: Sequence[tuple[str, Cycle]],
    indexes: Mapping[str, PointIndex],
    margin: int,
) -> Series:
    start = shifted(members[0][1].planned_start, -margin)
    end = shifted(max(cycle.last_date for _, cycle in members), margin)
    watched = {
        measure
        for _, cycle in members
        for measure in (
            *cycle.measures,
            *(
                entry.measure
                for entry in cycle.plan.predictions
                if isinstance(entry, Prediction) and entry.measure is not None
            ),
        )
    }
    points = max(
        (indexes[slug].count_between(start, end) for slug in sorted(watched) if slug in indexes),
        default=0,
    )
    return Series(
        name=f"{project}/{members[0][0]}",
        cycles=tuple(f"{project}/{slug}" for slug, _ in members),
        scale=_scale_growth([cycle for _, cycle in members]),
        points=points,
        window_start=start,
        window_end=end,
    )


#: The numbers of a scale that measure reach; ``days`` is duration, not reach.
_REACH_NUMBERS = ("people", "sites")


def _scale_growth(cycles: Sequence[Cycle]) -> ScaleGrowth:
    scales = [
        cycle.plan.scale
        for cycle in cycles
        if isinstance(cycle.plan.scale, Scale)
        and any(getattr(cycle.plan.scale, number) is not None for number in _REACH_NUMBERS)
    ]
    if len(scales) < 2:
        return "unknown"
    first, last = scales[0], scales[-1]
    pairs = [
        (before, after)
        for before, after in (
            (getattr(first, number), getattr(last, number)) for number in _REACH_NUMBERS
        )
        if before is not None and after is not None
    ]
    if not pairs:
        return "unknown"
    larger = any(after > before for before, after in pairs)
    smaller = any(after < before for before, after in pairs)
    return "grows" if larger and not smaller else "does_not_grow"
