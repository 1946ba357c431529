"""``pdsa report``: every project's figures, read from the log, filtered and ordered."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace

from pdsa.analysis.as_of import cycle_as_of, measure_as_of
from pdsa.analysis.chart_view import ChartView, cycle_marks, verdicts_by_slug
from pdsa.analysis.predictions import check_predictions
from pdsa.analysis.programme import Period, ProgrammeSummary, ProjectSummary, summarise_programme
from pdsa.analysis.report_view import Report
from pdsa.errors import PdsaError, UsageError
from pdsa.gcpause import gc_paused
from pdsa.model.cycle import Cycle
from pdsa.model.loaded import Loaded
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.store.log import Log, Progress
from pdsa.store.names import pick
from pdsa.workflow.privacy import RecordT, masked
from pdsa.workflow.provenance import advance_readings

#: The orders ``--sort`` offers, each a key over a project's summary.
SORTS: dict[str, Callable[[ProjectSummary], tuple[object, ...]]] = {
    "project": lambda p: (p.slug,),
    "title": lambda p: (p.title.casefold(), p.slug),
    "theme": lambda p: (p.theme or "~", p.slug),
    "activity": lambda p: (-(p.days_since_activity or 0), p.slug),
    "stale": lambda p: (not p.stale, -(p.days_since_activity or 0), p.slug),
    "score": lambda p: (-(p.progress_score or 0.0), p.slug),
    "fidelity": lambda p: (-(p.fidelity.predictions.percent or 0.0), p.slug),
}


def choose_projects(
    log: Log, programme: Programme, *, names: list[str], theme: str | None
) -> list[str]:
    """The project slugs ``--project`` and ``--theme`` select (all by default)."""
    every = log.project_slugs()
    chosen = [pick("project", name, every) for name in names] if names else every
    if theme is None:
        return sorted(set(chosen))
    themes = [item.id for item in programme.themes]
    if theme not in themes:
        raise PdsaError(
            f"--theme '{theme}': the programme has no such theme",
            hint=f"its themes are: {', '.join(themes)}" if themes else "it has no themes",
        )
    return sorted(slug for slug in set(chosen) if log.project(slug).theme == theme)


def report_date(
    *,
    today: datetime.date,
    as_of: datetime.date | None,
    since: datetime.date | None,
    until: datetime.date | None,
) -> datetime.date:
    """The date a report is as of: ``as_of``, else the end of the period (``until``, or today
    when it is later), else today. Refuses dates that cannot be read together."""
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is after --until {until}", hint="swap them, or drop one")
    if as_of is None:
        return today if until is None else min(until, today)
    if as_of > today:
        raise UsageError(
            f"--as-of {as_of} is after today ({today}): nothing is known about it yet",
            hint="give a date on or before today, or leave --as-of out",
        )
    if until is not None and until > as_of:
        raise UsageError(
            f"--until {until} is after --as-of {as_of}: the report cannot show activity "
            "it does not know of yet",
            hint="leave --as-of out (it follows --until), or give an --until on or before it",
        )
    if since is not None and since > as_of:
        raise UsageError(
            f"--since {since} is after --as-of {as_of}",
            hint="give a --since on or before the --as-of date",
        )
    return as_of


@gc_paused
def build_report(
    log: Log,
    *,
    today: datetime.date,
    projects: list[str],
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    as_of: datetime.date | None = None,
    sort: str = "project",
    with_charts: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Read ``projects`` with their cycles and measures and summarise them as of ``as_of``
    (see :func:`report_date`); ``today`` is the day the report is made."""
    reading = report_date(today=today, as_of=as_of, since=since, until=until)
    programme = log.programme
    errors: list[PdsaError] = []
    loaded: list[tuple[str, Project]] = []
    for slug in projects:
        try:
            loaded.append((slug, log.project(slug)))
        except PdsaError as error:
            errors.append(error)
    kept = [slug for slug, _ in loaded]
    cycle_scan = log.scan_cycles(kept, progress=progress)
    measure_scan = log.scan_measures(kept, progress=progress)
    errors += cycle_scan.errors + measure_scan.errors
    cycles: dict[str, list[Loaded[Cycle]]] = {slug: [] for slug in kept}
    for item in cycle_scan.records:
        then = cycle_as_of(item.record, reading)
        if then is not None:
            cycles[item.project].append(item if then is item.record else replace(item, record=then))
    measures: dict[str, list[tuple[str, Measure]]] = {slug: [] for slug in kept}
    for measure in measure_scan.records:
        measures[measure.project].append((measure.slug, measure_as_of(measure.record, reading)))
    programme, loaded, cycles, measures, hidden = _masked(programme, loaded, cycles, measures)
    period = Period(since, until) if since is not None or until is not None else None
    advance = advance_readings(log, cycle_scan.records, measure_scan.records)
    summary = summarise_programme(
        programme,
        loaded,
        {slug: [(item.slug, item.record) for item in items] for slug, items in cycles.items()},
        measures,
        today=reading,
        period=period,
        generated=today,
        advance=advance,
    )
    ordered = tuple(sorted(summary.projects, key=SORTS[sort]))
    summary = _with_projects(summary, ordered)
    charts: dict[str, tuple[ChartView, ...]] = {}
    if with_charts:
        records = {
            (project, slug): record for project, pairs in measures.items() for slug, record in pairs
        }
        for project in ordered:
            verdicts = verdicts_by_slug(
                check_predictions(
                    project.slug,
                    [(item.slug, item.record) for item in cycles[project.slug]],
                    dict(measures[project.slug]),
                    today=reading,
                    stale_after_days=summary.stale_after_days,
                )
            )
            views = []
            for status in project.measures:
                if status.analysis is None:
                    continue
                views.append(
                    ChartView(
                        project.slug,
                        status.slug,
                        records[(project.slug, status.slug)],
                        status.analysis,
                        cycle_marks(cycles[project.slug], status.slug, verdicts=verdicts),
                    )
                )
            charts[project.slug] = tuple(views)
    return Report(programme, summary, charts, tuple(errors), sort=sort, masked=tuple(hidden))


def _masked(
    programme: Programme,
    projects: list[tuple[str, Project]],
    cycles: dict[str, list[Loaded[Cycle]]],
    measures: dict[str, list[tuple[str, Measure]]],
) -> tuple[
    Programme,
    list[tuple[str, Project]],
    dict[str, list[Loaded[Cycle]]],
    dict[str, list[tuple[str, Measure]]],
    list[str],
]:
    """Every record with likely patient identifiers masked as ``pdsa check`` masks them, so
    that no format of the report carries one; and where each was."""
    allow = programme.privacy.allow
    found: list[str] = []

    def hide(record: RecordT, where: str) -> RecordT:
        result, lines = masked(record, allow=allow, where=where)
        found.extend(lines)
        return result

    programme = hide(programme, "pdsa.toml")
    projects = [(slug, hide(project, f"{slug}/project.toml")) for slug, project in projects]
    cycles = {
        slug: [
            replace(item, record=hide(item.record, f"{slug}/cycles/{item.slug}")) for item in items
        ]
        for slug, items in cycles.items()
    }
    measures = {
        slug: [(name, hide(measure, f"{slug}/measures/{name}")) for name, measure in pairs]
        for slug, pairs in measures.items()
    }
    return programme, projects, cycles, measures, found


def _with_projects(
    summary: ProgrammeSummary, projects: tuple[ProjectSummary, ...]
) -> ProgrammeSummary:
    return replace(summary, projects=projects)
