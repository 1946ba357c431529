"""``pdsa plan`` and ``pdsa do|study|act``: a cycle, phase by phase."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pdsa.cli import ask
from pdsa.cli.options import fits_toml, parse_date, predictions_with, project_and_title
from pdsa.cli.state import echo_err, open_log, today, warn_private
from pdsa.errors import PdsaError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pdsa.model.cycle import PhaseName
    from pdsa.model.project import ChangeIdea
    from pdsa.store.log import Log

PLAN_HELP = """Plan a new cycle: what it tests, what you predict, and how.

Example: pdsa plan self-test-kits "Text reminders" --objective "Fewer missed appointments"
--prediction "Attendance rises to 80%" --expect "attendance-rate >= 80" """
DO_HELP = """Record the Do phase: was the test carried out as planned, and what happened.

Example: pdsa do self-test-kits/text-reminders --as-planned --observations "17 of 20 came" """
STUDY_HELP = """Record the Study phase: the results against the predictions, and the learning.

Example: pdsa study self-test-kits/2 --results "85% came" --matched yes --learning "Call too" """
ACT_HELP = """Record the Act phase: adopt, adapt or abandon the change.

Example: pdsa act self-test-kits/2 --decision adapt --changes "Two clinics" --next two-clinics"""

CycleArg = Annotated[
    str,
    typer.Argument(
        metavar="CYCLE",
        help="PROJECT/CYCLE; the cycle as its slug, a unique prefix of it, or its number.",
    ),
]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="The date of this phase (YYYY-MM-DD; default today).")
]
EditorOpt = Annotated[
    bool, typer.Option("--editor", help="Write the answers in $EDITOR, in the worksheet template.")
]


def plan(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PROJECT] TITLE", help="The project (optional) and the title."),
    ] = None,
    objective: Annotated[
        str | None, typer.Option(help="What is the objective of this cycle?", metavar="TEXT")
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(help="A question this cycle should answer (repeatable).", metavar="TEXT"),
    ] = None,
    prediction: Annotated[
        list[str] | None,
        typer.Option(help="What do you predict will happen? (repeatable)", metavar="TEXT"),
    ] = None,
    expect: Annotated[
        list[str] | None,
        typer.Option(
            help="Which measure will show the --prediction in the same position, and how: "
            "'attendance-rate >= 80', 'wait-days <= 14', 'referrals up' (repeatable).",
            metavar="MEASURE>=VALUE",
        ),
    ] = None,
    change_idea: Annotated[
        list[str] | None,
        typer.Option(
            help="The id of the project's change idea it tests (repeat for several).",
            metavar="ID",
        ),
    ] = None,
    new_change_idea: Annotated[
        list[str] | None,
        typer.Option(
            help="A change idea not yet in the project's list: it is added to the project "
            "(its id made from the title) and the cycle tests it (repeatable).",
            metavar="TITLE",
        ),
    ] = None,
    follows: Annotated[
        str | None,
        typer.Option(
            help="The cycle this one follows on a ramp (slug, prefix or number).",
            metavar="CYCLE",
        ),
    ] = None,
    measure: Annotated[
        list[str] | None,
        typer.Option(help="A measure that will show the effect (repeatable).", metavar="MEASURE"),
    ] = None,
    scale: Annotated[
        str | None,
        typer.Option(
            help="The scale of the test, e.g. '1 clinic, 20 people, 2 weeks'.", metavar="TEXT"
        ),
    ] = None,
    people: Annotated[
        int | None,
        typer.Option(min=0, callback=fits_toml, help="Scale: how many people.", metavar="N"),
    ] = None,
    sites: Annotated[
        int | None,
        typer.Option(min=0, callback=fits_toml, help="Scale: how many sites.", metavar="N"),
    ] = None,
    days: Annotated[
        int | None,
        typer.Option(min=0, callback=fits_toml, help="Scale: how many days.", metavar="N"),
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="Planned start (YYYY-MM-DD).", metavar="DATE")
    ] = None,
    end: Annotated[
        str | None, typer.Option(help="Planned end (YYYY-MM-DD).", metavar="DATE")
    ] = None,
    task: Annotated[
        list[str] | None,
        typer.Option(help="A task: what needs doing (repeatable).", metavar="TEXT"),
    ] = None,
    data_collection: Annotated[
        str | None, typer.Option(help="How will the data be collected?", metavar="TEXT")
    ] = None,
    date: DateOpt = None,
    slug: Annotated[
        str | None,
        typer.Option(
            help="The file name to use instead of one made from the title.", metavar="SLUG"
        ),
    ] = None,
    editor: EditorOpt = False,
) -> None:
    from pdsa.store.names import implied_project, resolve_project
    from pdsa.workflow.cycles import (
        default_plan_date,
        new_change_ideas,
        scale_value,
        watched_measures,
    )

    log = open_log(ctx, writes=True)
    project_name, title = project_and_title(
        names or [], log.project_slugs(), implied=implied_project(log, Path.cwd())
    )
    project = resolve_project(log, project_name, Path.cwd())
    new_ideas = new_change_ideas(log, project, new_change_idea or [])
    values: dict[str, Any] = {
        "title": title,
        "change_idea": _one_or_several([*(change_idea or []), *(idea.id for idea in new_ideas)]),
        "follows": follows,
        "measures": list(measure or []),
        "plan.date": parse_date(date, option="--date")
        or default_plan_date(today(), parse_date(start, option="--start")),
        "plan.objective": objective,
        "plan.questions": list(question or []),
        "plan.predictions": predictions_with(list(prediction or []), list(expect or [])),
        "plan.data_collection": data_collection,
        "plan.scale": scale_value(scale, people=people, sites=sites, days=days),
        "plan.start": parse_date(start, option="--start"),
        "plan.end": parse_date(end, option="--end"),
    }
    tasks = [{"what": what} for what in task or []]
    values["measures"] = watched_measures(values["measures"], values["plan.predictions"])
    if editor:
        _plan_in_editor(log, project, values, tasks, slug, new_ideas)
        return
    if title is None:
        values["title"] = ask.text("TITLE", "What is this cycle called?")
    if objective is None:
        values["plan.objective"] = ask.text(
            "--objective", "What is the objective of this cycle?", multiline=True
        )
    if prediction is None and ask.interactive():
        answer = ask.text(
            "--prediction", "What do you predict will happen? (empty to skip)", required=False
        )
        if answer.strip():
            values["plan.predictions"] = [answer]
    data = _nest(values)
    data["plan"]["tasks"] = tasks
    _save_plan(log, project, data, slug, new_ideas)


def _one_or_several(ideas: list[str]) -> str | list[str] | None:
    """One change idea is written as text, several as a list; none is left out."""
    if not ideas:
        return None
    return ideas[0] if len(ideas) == 1 else ideas


def _nest(values: dict[str, Any]) -> dict[str, Any]:
    """``{"plan.date": d}`` -> ``{"plan": {"date": d}}``, without the values not given."""
    from pdsa.model.build import drop_blank

    nested: dict[str, Any] = {}
    for path, value in values.items():
        target = nested
        *tables, key = path.split(".")
        for table in tables:
            target = target.setdefault(table, {})
        target[key] = value
    cleaned: dict[str, Any] = drop_blank(nested)
    return cleaned


def _save_plan(
    log: Log,
    project: str,
    data: dict[str, Any],
    slug: str | None,
    new_ideas: Sequence[ChangeIdea] = (),
) -> None:
    from pdsa.errors import NoSlug, SlugTaken
    from pdsa.model.base import SCHEMA_VERSION
    from pdsa.model.build import build
    from pdsa.model.cycle import Cycle
    from pdsa.workflow.cycles import new_cycle, resolve_plan_names

    for note in resolve_plan_names(log, project, data, new_ideas=[i.id for i in new_ideas]):
        echo_err(note)
    data = {"schema_version": SCHEMA_VERSION, **data}
    cycle = build(Cycle, data, what="cycle")
    try:
        created = new_cycle(log, project, cycle, slug=slug, new_ideas=new_ideas)
    except SlugTaken as taken:
        # The same plan run twice in a row: ask at a terminal, refuse in a script.
        if not ask.interactive():
            raise
        question = (
            f"Project '{project}' already has a cycle with this title. "
            f"Plan a second one, as '{taken.suggested}'?"
        )
        if not ask.yes_no("--slug", question, default=False):
            raise PdsaError("nothing was written", hint=taken.hint) from None
        created = new_cycle(log, project, cycle, slug=taken.suggested, new_ideas=new_ideas)
    except NoSlug:
        if not ask.interactive():
            raise
        created = new_cycle(log, project, cycle, slug=ask.slug(), new_ideas=new_ideas)
    for idea in new_ideas:
        echo_err(f"Added the change idea '{idea.id}' to {project}.")
    warn_private(log, {**data, "change_ideas": [idea.title for idea in new_ideas]})
    path = log.relative(log.cycle_path(project, created))
    echo_err(f"Planned {project}/{created} ({path}).")
    echo_err(f"Next: pdsa do {project}/{created} when the test has been carried out.")


def _plan_in_editor(
    log: Log,
    project: str,
    values: dict[str, Any],
    tasks: list[dict[str, Any]],
    slug: str | None,
    new_ideas: Sequence[ChangeIdea],
) -> None:
    from pdsa.cli.editor import edit_until_valid
    from pdsa.model.build import drop_blank
    from pdsa.store.files import parse_text
    from pdsa.store.templates import fill, template_text

    given = {key: value for key, value in values.items() if value not in (None, [], "")}
    text = fill(template_text("cycle"), given)

    def accept(edited: str, copy: Path) -> None:
        data = drop_blank(parse_text(copy, edited))
        data.pop("schema_version", None)
        if tasks:
            data.setdefault("plan", {}).setdefault("tasks", []).extend(tasks)
        _save_plan(log, project, data, slug, new_ideas)

    edit_until_valid(text, accept, name="pdsa-plan")


# -- Do, Study, Act --------------------------------------------------------------


def do(
    ctx: typer.Context,
    cycle: CycleArg,
    as_planned: Annotated[
        bool | None,
        typer.Option(
            "--as-planned/--not-as-planned",
            help="Was the cycle carried out as planned? (may be left unrecorded)",
        ),
    ] = None,
    observations: Annotated[
        str | None,
        typer.Option(help="What happened? Record data and observations.", metavar="TEXT"),
    ] = None,
    unplanned: Annotated[
        str | None,
        typer.Option(help="What did you observe that was not part of the plan?", metavar="TEXT"),
    ] = None,
    problems: Annotated[
        str | None, typer.Option(help="What problems came up?", metavar="TEXT")
    ] = None,
    date: DateOpt = None,
    editor: EditorOpt = False,
) -> None:
    values = {
        "date": parse_date(date, option="--date") or today(),
        "as_planned": as_planned,
        "observations": observations,
        "unplanned": unplanned,
        "problems": problems,
    }

    def ask_missing(log: Log, project: str, slug: str) -> None:
        # Published cycles rarely say whether the test went as planned: it may stay unrecorded.
        if values["as_planned"] is None and ask.interactive():
            answer = ask.choice(
                "--as-planned/--not-as-planned",
                "Was the cycle carried out as planned? (skip to leave it unrecorded)",
                ("yes", "no", "skip"),
            )
            values["as_planned"] = {"yes": True, "no": False}.get(answer)
        if values["observations"] is None:
            values["observations"] = ask.text(
                "--observations", "What happened? Record data and observations.", multiline=True
            )

    _phase(ctx, cycle, "do", values, ask_missing, editor)


def study(
    ctx: typer.Context,
    cycle: CycleArg,
    results: Annotated[
        str | None, typer.Option(help="What were the results?", metavar="TEXT")
    ] = None,
    matched: Annotated[
        str | None,
        typer.Option(
            help="Did the results match the predictions? yes, no or partly (only for a plan "
            "with predictions).",
            metavar="yes|no|partly",
        ),
    ] = None,
    learning: Annotated[
        str | None, typer.Option(help="What did you learn?", metavar="TEXT")
    ] = None,
    date: DateOpt = None,
    editor: EditorOpt = False,
) -> None:
    values = {
        "date": parse_date(date, option="--date") or today(),
        "results": results,
        "prediction_matched": matched.lower() if matched else None,
        "learning": learning,
    }

    def ask_missing(log: Log, project: str, slug: str) -> None:
        from pdsa.analysis.predictions import has_prediction

        predicted = has_prediction(log.cycle(project, slug))
        if ask.interactive() and (
            values["results"] is None or (predicted and values["prediction_matched"] is None)
        ):
            _show_predictions(log, project, slug)
        if values["results"] is None:
            values["results"] = ask.text("--results", "What were the results?", multiline=True)
        if predicted and values["prediction_matched"] is None:
            values["prediction_matched"] = ask.choice(
                "--matched", "Did the results match the predictions?", ("yes", "no", "partly")
            )
        if not predicted and values["prediction_matched"] is not None:
            echo_err(
                f"warning: the plan of {project}/{slug} made no prediction; --matched is "
                "recorded, but no prediction is counted for it"
            )
        if values["learning"] is None:
            values["learning"] = ask.text("--learning", "What did you learn?", multiline=True)

    _phase(ctx, cycle, "study", values, ask_missing, editor)


def act(
    ctx: typer.Context,
    cycle: CycleArg,
    decision: Annotated[
        str | None,
        typer.Option(help="adopt, adapt or abandon the change?", metavar="adopt|adapt|abandon"),
    ] = None,
    changes: Annotated[
        str | None, typer.Option(help="What changes are to be made next?", metavar="TEXT")
    ] = None,
    next_cycle: Annotated[
        str | None,
        typer.Option(
            "--next",
            help="The next cycle, if it is known (slug, prefix or number).",
            metavar="CYCLE",
        ),
    ] = None,
    date: DateOpt = None,
    editor: EditorOpt = False,
) -> None:
    values = {
        "date": parse_date(date, option="--date") or today(),
        "decision": decision.lower() if decision else None,
        "changes": changes,
        "next": next_cycle,
    }

    def ask_missing(log: Log, project: str, slug: str) -> None:
        if values["decision"] is None:
            values["decision"] = ask.choice(
                "--decision", "Adopt, adapt or abandon the change?", ("adopt", "adapt", "abandon")
            )
        if values["changes"] is None and ask.interactive():
            values["changes"] = ask.text(
                "--changes",
                "What changes are to be made next? (empty to skip)",
                multiline=True,
                required=False,
            )

    _phase(ctx, cycle, "act", values, ask_missing, editor)


def _show_predictions(log: Log, project: str, slug: str) -> None:
    """Before Study asks "did the results match?", show what was predicted (and what the
    data say about the predictions that name a measure)."""
    from pdsa.render.safe import visible
    from pdsa.workflow.cycles import prediction_lines

    lines = prediction_lines(log, project, slug, today=today())
    echo_err("The predictions:" if lines else "This cycle recorded no prediction.")
    for line in lines:
        echo_err("  " + visible(line))


def _phase(
    ctx: typer.Context,
    cycle_name: str,
    phase: PhaseName,
    values: dict[str, Any],
    ask_missing: Any,
    editor: bool,
) -> None:
    from pdsa.store.names import resolve_cycle, resolved_note

    log = open_log(ctx, writes=True)
    project, slug = resolve_cycle(log, cycle_name, Path.cwd())
    if (note := resolved_note(cycle_name, project, slug)) is not None:
        echo_err(note)
    _check_order(log, project, slug, phase, values["date"])
    if phase == "act" and isinstance(values.get("next"), str):
        from pdsa.workflow.cycles import next_cycle_name

        values["next"], next_note = next_cycle_name(log, project, values["next"])
        if next_note:
            echo_err(next_note)
    if editor:
        _phase_in_editor(log, project, slug, phase, values)
        return
    ask_missing(log, project, slug)
    _save_phase(log, project, slug, phase, values)


def _check_order(log: Log, project: str, slug: str, phase: PhaseName, date: datetime.date) -> None:
    """Refuse early, before asking anything, when the phase cannot be added."""
    from pdsa.workflow.cycles import check_phase_date, check_phase_order

    cycle = log.cycle(project, slug)
    check_phase_order(cycle, f"{project}/{slug}", phase)
    check_phase_date(cycle, f"{project}/{slug}", phase, date)
    if date > today():
        echo_err(f"warning: the {phase.capitalize()} date {date.isoformat()} is in the future")
    start = cycle.plan.start
    if phase == "do" and start is not None and date < start:
        echo_err(
            f"warning: the Do date {date.isoformat()} is before the planned start "
            f"{start.isoformat()}; if the test began early, correct the plan with "
            f"'pdsa edit {project}/{slug}'"
        )


def _save_phase(
    log: Log, project: str, slug: str, phase: PhaseName, values: dict[str, Any]
) -> None:
    from pdsa.model.build import build, drop_blank
    from pdsa.model.cycle import Act, Do, Study
    from pdsa.workflow.cycles import add_phase

    what = f"{phase.capitalize()} phase"
    record: Do | Study | Act
    if phase == "do":
        record = build(Do, drop_blank(values), what=what)
    elif phase == "study":
        record = build(Study, drop_blank(values), what=what)
    else:
        record = build(Act, drop_blank(values), what=what)
    add_phase(log, project, slug, phase, record)
    warn_private(log, {phase: values})
    path = log.relative(log.cycle_path(project, slug))
    echo_err(f"Recorded {phase.capitalize()} for {project}/{slug} ({path}).")
    following = {"do": "study", "study": "act"}.get(phase)
    if following:
        echo_err(f"Next: pdsa {following} {project}/{slug}")


def _phase_in_editor(
    log: Log, project: str, slug: str, phase: PhaseName, values: dict[str, Any]
) -> None:
    from pdsa.cli.editor import edit_until_valid
    from pdsa.store.files import parse_text
    from pdsa.store.templates import fill, template_text

    given = {f"{phase}.{key}": value for key, value in values.items() if value is not None}
    text = fill(template_text(phase), given)

    def accept(edited: str, copy: Path) -> None:
        data = parse_text(copy, edited)
        _save_phase(log, project, slug, phase, dict(data.get(phase, {})))

    edit_until_valid(text, accept, name=f"pdsa-{phase}")
