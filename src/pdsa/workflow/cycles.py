"""Cycles: plan a new one, then add Do, Study and Act in order."""

from __future__ import annotations

import datetime
from typing import Any

from pdsa.errors import PdsaError, UsageError
from pdsa.model.cycle import PHASES, Act, Cycle, Do, PhaseName, Prediction, Study
from pdsa.model.slug import slugify
from pdsa.store.log import CYCLES_DIR, Log
from pdsa.store.records import dumps, to_toml_data
from pdsa.store.writer import append_tables, create_record, record_text, require_slug
from pdsa.tools.kinds import Kind, schema_directive
from pdsa.workflow.privacy import guard_name, guard_title

PhaseRecord = Do | Study | Act


def default_plan_date(today: datetime.date, start: datetime.date | None) -> datetime.date:
    """When the plan was written, unless told: today, or the planned start when the plan is
    logged after the test began (so that Do, dated after the start, follows it)."""
    return min(today, start) if start is not None else today


def scale_value(
    description: str | None, *, people: int | None, sites: int | None, days: int | None
) -> str | dict[str, object] | None:
    """The scale of a test: its description alone, or with the numbers that let growth
    along a ramp be measured."""
    numbers = {"people": people, "sites": sites, "days": days}
    given = {key: value for key, value in numbers.items() if value is not None}
    if not given:
        return description
    if description is None:
        raise UsageError(
            "--people, --sites and --days describe a --scale; give --scale too",
            hint='e.g. --scale "1 clinic, 20 people, 2 weeks" --people 20',
        )
    return {"description": description, **given}


def watched_measures(measures: list[str], predictions: list[object]) -> list[str]:
    """The cycle's measures, with every measure a prediction names added after them."""
    watched = list(measures)
    for entry in predictions:
        named = entry.get("measure") if isinstance(entry, dict) else None
        if isinstance(named, str) and named not in watched:
            watched.append(named)
    return watched


def new_cycle(log: Log, project: str, cycle: Cycle, *, slug: str | None = None) -> str:
    """Create a cycle in Plan; return its slug. References must name real records."""
    plan = cycle.plan
    if plan.start is not None and plan.end is not None and plan.end < plan.start:
        raise PdsaError(
            f"the planned end {plan.end.isoformat()} is before the planned start "
            f"{plan.start.isoformat()}; nothing was written",
            hint="check --start and --end (YYYY-MM-DD)",
        )
    check_references(log, project, cycle)
    given = require_slug(slug)
    if given is None:
        guard_title(cycle.title, allow=log.programme.privacy.allow)
    slug = given or slugify(cycle.title, fallback="cycle")
    guard_name(slug, allow=log.programme.privacy.allow, option="--slug" if given else None)
    folder = log.project_dir(project) / CYCLES_DIR
    return create_record(
        folder,
        slug,
        record_text(cycle, schema_comment=schema_directive(log.root, folder, Kind.CYCLE)),
        renumber=given is None,
    )


def check_references(log: Log, project: str, cycle: Cycle) -> None:
    """Refuse a cycle whose ``follows``, ``change_idea`` or ``measures`` name nothing."""
    if cycle.follows is not None and cycle.follows not in log.cycle_slugs(project):
        raise PdsaError(
            f"--follows '{cycle.follows}': project '{project}' has no such cycle",
            hint="see the cycles with 'pdsa list " + project + "'",
        )
    ideas = [idea.id for idea in log.project(project).change_ideas] if cycle.change_ideas else []
    for idea in cycle.change_ideas:
        if idea not in ideas:
            raise PdsaError(
                f"--change-idea '{idea}': project '{project}' has no such change idea",
                hint=f"its change ideas are: {', '.join(ideas)}"
                if ideas
                else f"add change ideas with 'pdsa project edit {project}'",
            )
    known = log.measure_slugs(project)
    predicted = [
        entry.measure
        for entry in cycle.plan.predictions
        if isinstance(entry, Prediction) and entry.measure is not None
    ]
    named = [("--expect", measure) for measure in predicted]
    named += [("--measure", measure) for measure in cycle.measures if measure not in predicted]
    for option, measure in named:
        if measure not in known:
            raise PdsaError(
                f"{option} '{measure}': project '{project}' has no such measure",
                hint=f"its measures are: {', '.join(known)}"
                if known
                else f"add one with 'pdsa measure new {project} TITLE'",
            )


def check_phase_order(cycle: Cycle, name: str, phase: PhaseName) -> None:
    """Refuse a phase that is already there or whose predecessor is missing."""
    if getattr(cycle, phase) is not None:
        raise PdsaError(
            f"cycle '{name}' already has {'an' if phase == 'act' else 'a'} "
            f"{phase.capitalize()} phase",
            hint=f"change it with 'pdsa edit {name}'",
        )
    position = PHASES.index(phase)
    for earlier in PHASES[1:position]:
        if getattr(cycle, earlier) is None:
            raise PdsaError(
                f"cycle '{name}' has no {earlier.capitalize()} phase yet; "
                f"{phase.capitalize()} comes after {earlier.capitalize()}",
                hint=f"record it first with 'pdsa {earlier} {name}'",
            )


def check_phase_date(cycle: Cycle, name: str, phase: PhaseName, date: datetime.date) -> None:
    """Refuse a phase dated before the one it follows (Do before the plan was written,
    Study before Do, Act before Study), as `pdsa check` would (rule P504)."""
    if phase == "do":
        earlier, label = cycle.plan.date, "plan's date"
    else:
        previous = cycle.do if phase == "study" else cycle.study
        if previous is None:
            return
        earlier, label = previous.date, ("Do" if phase == "study" else "Study") + " date"
    if date < earlier:
        raise PdsaError(
            f"the {phase.capitalize()} date {date.isoformat()} of '{name}' is before its "
            f"{label}, {earlier.isoformat()}; nothing was written",
            hint="give the right date with --date (YYYY-MM-DD)"
            + (", or correct the plan with 'pdsa edit " + name + "'" if phase == "do" else ""),
        )


def add_phase(log: Log, project: str, slug: str, phase: PhaseName, record: PhaseRecord) -> Cycle:
    """Append ``phase`` to the cycle; phases go in order, each once, dated in order."""
    cycle = log.cycle(project, slug)
    check_phase_order(cycle, f"{project}/{slug}", phase)
    check_phase_date(cycle, f"{project}/{slug}", phase, record.date)
    append_tables(log.cycle_path(project, slug), {phase: to_toml_data(record)}, Cycle)
    return log.cycle(project, slug)


def phase_text(phase: PhaseName, record: PhaseRecord) -> str:
    """The TOML that :func:`add_phase` appends (for previews and tests)."""
    data: dict[str, Any] = {phase: to_toml_data(record)}
    return dumps(data)


def prediction_lines(log: Log, project: str, slug: str, *, today: datetime.date) -> list[str]:
    """The cycle's predictions, each with what its measure's data say so far, for the
    Study prompt: ``1. Attendance rises to 80% -> hit: median 82 ...``."""
    from pdsa.analysis.predictions import check_predictions

    cycle = log.cycle(project, slug)
    if not cycle.plan.predictions:
        return []
    measures = {item.slug: item.record for item in log.scan_measures([project]).records}
    record = check_predictions(
        project,
        [(slug, cycle)],
        measures,
        today=today,
        stale_after_days=log.programme.settings.stale_after_days,
    )
    checks = {check.position: check for check in record.checks}
    lines = []
    for position, entry in enumerate(cycle.plan.predictions, start=1):
        text = entry if isinstance(entry, str) else entry.text
        check = checks.get(position)
        suffix = f" -> {check.outcome.replace('_', ' ')}: {check.reason}" if check else ""
        lines.append(f"{position}. {text}{suffix}")
    return lines
