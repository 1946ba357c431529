"""Cycles: plan a new one, then add Do, Study and Act in order."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from pdsa.analysis.predictions import CycleVerdict, has_prediction
from pdsa.errors import NoSlug, PdsaError, SlugTaken, UsageError
from pdsa.model.cycle import PHASES, Act, Cycle, Do, PhaseName, Prediction, Study
from pdsa.model.project import ChangeIdea, Project
from pdsa.model.slug import numbered, slug_problem, slugify
from pdsa.store.log import CYCLES_DIR, Log
from pdsa.store.names import cycle_of_project, did_you_mean, pick, resolved_note
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


def resolve_plan_names(
    log: Log, project: str, data: dict[str, Any], *, new_ideas: Sequence[str] = ()
) -> list[str]:
    """Turn the names a person gave for ``follows``, ``change_idea``, ``measures`` and each
    prediction's measure into slugs, in place, as every other command reads names: a slug,
    a unique prefix, a cycle's number; an unknown name is refused with the closest ones.
    ``new_ideas`` are the ids of change ideas this plan adds to the project.
    Returns a line for each name that was not the slug itself (``--follows 2 is ...``)."""
    notes: list[str] = []
    follows = data.get("follows")
    if isinstance(follows, str):
        slug = _for_option("--follows", follows, lambda: cycle_of_project(log, project, follows))
        data["follows"] = slug
        notes.append(resolved_note(follows, project, slug, what="--follows: ") or "")
    ideas = data.get("change_idea")
    if ideas is not None:
        known = [idea.id for idea in log.project(project).change_ideas]
        known += [idea for idea in new_ideas if idea not in known]
        adding = "add a new one with --new-change-idea 'TITLE'"
        if not known:
            raise PdsaError(
                f"--change-idea: project '{project}' has no change ideas yet", hint=adding
            )

        def idea(name: object) -> object:
            if not isinstance(name, str) or name in new_ideas:
                return name
            where = f"project '{project}'"
            try:
                return _for_option(
                    "--change-idea", name, lambda: pick("change idea", name, known, where=where)
                )
            except PdsaError as error:
                error.hint = f"{error.hint}; {adding}" if error.hint else adding
                raise

        data["change_idea"] = (
            [idea(item) for item in ideas] if isinstance(ideas, list) else idea(ideas)
        )
    measures = log.measure_slugs(project)
    noted: set[str] = set()

    def measure(name: object, option: str) -> object:
        if not isinstance(name, str):
            return name
        where = f"project '{project}'"
        slug = _for_option(option, name, lambda: pick("measure", name, measures, where=where))
        if slug != name and name not in noted:  # a measure an --expect named is said once
            noted.add(name)
            notes.append(f"{option} '{name}' is {project}/{slug}")
        return slug

    plan = data.get("plan")
    if isinstance(plan, dict):
        for entry in plan.get("predictions") or []:
            if isinstance(entry, dict) and "measure" in entry:
                entry["measure"] = measure(entry["measure"], "--expect")
    if isinstance(data.get("measures"), list):
        data["measures"] = list(
            dict.fromkeys(measure(name, "--measure") for name in data["measures"])
        )
    return [note for note in notes if note]


def _for_option(option: str, name: str, resolve: Callable[[], str]) -> str:
    """``resolve()``, with a refusal's message naming the option it came from."""
    try:
        return resolve()
    except PdsaError as error:
        error.message = f"{option} '{name}': {error.message}"
        error.args = (error.message,)
        raise


def next_cycle_name(log: Log, project: str, name: str) -> tuple[str, str | None]:
    """``act.next``: the slug of the cycle ``name`` names (as any cycle name is read), or
    ``name`` itself when no cycle matches, since the next cycle may not be planned yet;
    with a line to show the person (which cycle it took, or that none exists yet)."""
    if name.isdigit() or "/" in name:
        slug = cycle_of_project(log, project, name)
        return slug, resolved_note(name, project, slug, what="--next: ")
    try:
        slug = cycle_of_project(log, project, name)
    except PdsaError:
        if (problem := slug_problem(name)) is not None:
            raise PdsaError(f"--next '{name}': {problem}") from None
        suggestion = did_you_mean(name, log.cycle_slugs(project))
        note = f"--next: no cycle called '{name}' in {project} yet; plan it with that slug"
        return name, note + (f" ({suggestion})" if suggestion else "")
    return slug, resolved_note(name, project, slug, what="--next: ")


def new_change_ideas(log: Log, project: str, titles: Sequence[str]) -> list[ChangeIdea]:
    """The change ideas a plan adds to its project (``--new-change-idea TITLE``), each with
    an id made from its title; refused when an id is taken, so no idea is named twice."""
    if not titles:
        return []
    taken = {idea.id: idea.title for idea in log.project(project).change_ideas}
    ideas: list[ChangeIdea] = []
    for title in titles:
        if not title.strip():
            raise PdsaError("--new-change-idea: the title is empty", hint="give the idea a title")
        idea_id = slugify(title, fallback="change-idea")
        if idea_id in taken:
            raise PdsaError(
                f"--new-change-idea '{title}': project '{project}' already has a change idea "
                f"'{idea_id}' ({taken[idea_id]}); nothing was written",
                hint=f"name it with --change-idea {idea_id}",
            )
        taken[idea_id] = title
        ideas.append(ChangeIdea(id=idea_id, title=title))
    return ideas


def new_cycle(
    log: Log,
    project: str,
    cycle: Cycle,
    *,
    slug: str | None = None,
    new_ideas: Sequence[ChangeIdea] = (),
) -> str:
    """Create a cycle in Plan; return its slug. References must name real records, or the
    ``new_ideas`` it adds to the project's change ideas (appended to project.toml first)."""
    plan = cycle.plan
    if plan.start is not None and plan.end is not None and plan.end < plan.start:
        raise PdsaError(
            f"the planned end {plan.end.isoformat()} is before the planned start "
            f"{plan.start.isoformat()}; nothing was written",
            hint="check --start and --end (YYYY-MM-DD)",
        )
    check_references(log, project, cycle, new_ideas=[idea.id for idea in new_ideas])
    given = slug = require_slug(slug)
    folder = log.project_dir(project) / CYCLES_DIR
    if slug is None:
        guard_title(cycle.title, allow=log.programme.privacy.allow)
        slug = slugify(cycle.title, fallback="")
        if not slug:
            raise NoSlug(
                f"the title '{cycle.title}' gives no file name (it has no letters or digits "
                "in any script); nothing was written",
                hint="give the file a name with --slug, e.g. --slug outreach-texts",
            )
        guard_name(slug, allow=log.programme.privacy.allow, option=None)
        _refuse_taken(log, project, slug)
    else:
        guard_name(slug, allow=log.programme.privacy.allow, option="--slug")
    if given is not None and (folder / f"{slug}.toml").exists():
        raise PdsaError(
            f"'{slug}' is already taken in {folder}", hint="give another name with --slug"
        )
    if new_ideas:
        append_tables(
            log.project_path(project),
            {"change_ideas": [to_toml_data(idea) for idea in new_ideas]},
            Project,
        )
    return create_record(
        folder,
        slug,
        record_text(cycle, schema_comment=schema_directive(log.root, folder, Kind.CYCLE)),
        renumber=False,
    )


def _refuse_taken(log: Log, project: str, slug: str) -> None:
    """Refuse a title whose file name a cycle of the project already has: running the same
    ``pdsa plan`` twice makes a second cycle only when the person means it (``--slug``)."""
    taken = {name.lower() for name in log.cycle_slugs(project)}
    if slug not in taken:
        return
    number = 2
    while numbered(slug, number) in taken:
        number += 1
    suggested = numbered(slug, number)
    raise SlugTaken(
        f"project '{project}' already has a cycle called '{slug}'; nothing was written",
        hint=f"to plan a second cycle with this title, give it its own name: --slug {suggested}"
        f" (or see the first with 'pdsa show {project}/{slug}')",
        suggested=suggested,
    )


def check_references(
    log: Log, project: str, cycle: Cycle, *, new_ideas: Sequence[str] = ()
) -> None:
    """Refuse a cycle whose ``follows``, ``change_idea`` or ``measures`` name nothing (the
    ``new_ideas`` about to be added count as known)."""
    if cycle.follows is not None and cycle.follows not in log.cycle_slugs(project):
        raise PdsaError(
            f"--follows '{cycle.follows}': project '{project}' has no such cycle",
            hint="see the cycles with 'pdsa list " + project + "'",
        )
    ideas = [idea.id for idea in log.project(project).change_ideas] if cycle.change_ideas else []
    for idea in cycle.change_ideas:
        if idea not in ideas and idea not in new_ideas:
            raise PdsaError(
                f"--change-idea '{idea}': project '{project}' has no such change idea",
                hint=(f"its change ideas are: {', '.join(ideas)}; " if ideas else "")
                + "add a new one with --new-change-idea 'TITLE'",
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


def check_study_verdict(cycle: Cycle, name: str, study: Study) -> None:
    """A Study of a plan that made predictions says whether the results matched them (the
    team's verdict is the record); refuse one silent on them."""
    if has_prediction(cycle) and study.prediction_matched is None:
        raise UsageError(
            f"the plan of '{name}' made predictions: did the results match them? "
            "nothing was written",
            hint="give --matched yes, no or partly",
        )


def add_phase(log: Log, project: str, slug: str, phase: PhaseName, record: PhaseRecord) -> Cycle:
    """Append ``phase`` to the cycle; phases go in order, each once, dated in order."""
    cycle = log.cycle(project, slug)
    check_phase_order(cycle, f"{project}/{slug}", phase)
    check_phase_date(cycle, f"{project}/{slug}", phase, record.date)
    if isinstance(record, Study):
        check_study_verdict(cycle, f"{project}/{slug}", record)
    append_tables(log.cycle_path(project, slug), {phase: to_toml_data(record)}, Cycle)
    return log.cycle(project, slug)


def phase_text(phase: PhaseName, record: PhaseRecord) -> str:
    """The TOML that :func:`add_phase` appends (for previews and tests)."""
    data: dict[str, Any] = {phase: to_toml_data(record)}
    return dumps(data)


def cycle_verdict(log: Log, project: str, slug: str, *, today: datetime.date) -> CycleVerdict:
    """Both verdicts on a cycle's predictions (the team's and the data's), judged as the
    report judges them: against the project's measures and every cycle of the project."""
    from pdsa.analysis.predictions import judge_cycle

    cycle = log.cycle(project, slug)
    measures = {item.slug: item.record for item in log.scan_measures([project]).records}
    cycles = [(item.slug, item.record) for item in log.scan_cycles([project]).records]
    return judge_cycle(project, slug, cycle, measures=measures, project_cycles=cycles, today=today)


def prediction_lines(log: Log, project: str, slug: str, *, today: datetime.date) -> list[str]:
    """The cycle's predictions, each with what its measure's data say so far, for the
    Study prompt: ``1. Attendance rises to 80% -> data: hit (median 82 is at least ...)``."""
    cycle = log.cycle(project, slug)
    if not cycle.plan.predictions:
        return []
    verdict = cycle_verdict(log, project, slug, today=today)
    checks = {check.position: check for check in verdict.checks}
    lines = []
    for position, entry in enumerate(cycle.plan.predictions, start=1):
        text = entry if isinstance(entry, str) else entry.text
        check = checks.get(position)
        suffix = f" -> data: {check.outcome_words} ({check.reason})" if check else ""
        lines.append(f"{position}. {text}{suffix}")
    return lines
