"""``pdsa measure new|record|import|list``: measures and their data points."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from pdsa.cli import ask
from pdsa.cli.formats import TableOrJson, write_json
from pdsa.cli.options import fits_toml, goal_number, parse_date, project_and_title
from pdsa.cli.state import echo_err, open_log, report_error, today, warn_private

app = typer.Typer(
    help="Measures and their data over time.\n\n"
    "Example: pdsa measure record self-test-kits/people-tested 42",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class MeasureType(StrEnum):
    outcome = "outcome"
    process = "process"
    balancing = "balancing"


class Improvement(Enum):
    higher = "higher"
    lower = "lower"


@app.command("new")
def new(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PROJECT] TITLE", help="The project (optional) and the title."),
    ] = None,
    measure_type: Annotated[
        MeasureType | None, typer.Option("--type", help="outcome, process or balancing.")
    ] = None,
    unit: Annotated[
        str | None, typer.Option(help="The unit, e.g. % or people.", metavar="TEXT")
    ] = None,
    improvement: Annotated[
        Improvement | None, typer.Option(help="Which direction is better: higher or lower.")
    ] = None,
    goal: Annotated[
        float | None,
        typer.Option(help="The value the project aims for.", metavar="NUMBER", parser=goal_number),
    ] = None,
    minimum: Annotated[
        float | None,
        typer.Option(
            "--min", help="The lowest value a point may take (optional).", metavar="NUMBER"
        ),
    ] = None,
    maximum: Annotated[
        float | None,
        typer.Option(
            "--max",
            help="The highest value a point may take (optional; a % takes 0 to 100 anyway).",
            metavar="NUMBER",
        ),
    ] = None,
    definition: Annotated[
        str | None,
        typer.Option(
            help="Operational definition: what is counted, how, how often.", metavar="TEXT"
        ),
    ] = None,
    baseline: Annotated[
        int | None,
        typer.Option(
            min=1,
            callback=fits_toml,
            help="Fix centre line and limits on the first k points.",
            metavar="K",
        ),
    ] = None,
    key: Annotated[
        str | None, typer.Option(help="A programme-wide key shared across projects.", metavar="KEY")
    ] = None,
    slug: Annotated[str | None, typer.Option(help="The file name to use.", metavar="SLUG")] = None,
) -> None:
    """Create a measure. Example: pdsa measure new self-test-kits "People tested" --type process"""
    from pdsa.model.base import SCHEMA_VERSION
    from pdsa.model.build import build, drop_blank
    from pdsa.model.measure import Measure
    from pdsa.store.names import implied_project, resolve_project
    from pdsa.workflow.measures import new_measure

    log = open_log(ctx, writes=True)
    project_name, title = project_and_title(
        names or [], log.project_slugs(), implied=implied_project(log, Path.cwd())
    )
    project = resolve_project(log, project_name, Path.cwd())
    if title is None:
        title = ask.text("TITLE", "What is the measure called?")
    kind = (
        measure_type.value
        if measure_type
        else ask.choice(
            "--type",
            "Is it an outcome, process or balancing measure?",
            ("outcome", "process", "balancing"),
        )
    )
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "type": kind,
        "unit": unit,
        "improvement": improvement.value if improvement else None,
        "goal": goal,
        "min": minimum,
        "max": maximum,
        "definition": definition,
        "baseline": baseline,
        "key": key,
    }
    measure = build(Measure, drop_blank(data), what="measure")
    from pdsa.errors import NoSlug

    try:
        created = new_measure(log, project, measure, slug=slug)
    except NoSlug:
        if not ask.interactive():
            raise
        created = new_measure(log, project, measure, slug=ask.slug())
    echo_err(
        f"Created measure {project}/{created} ({log.relative(log.measure_path(project, created))})."
    )
    echo_err(f"Next: pdsa measure record {project}/{created} VALUE --date YYYY-MM-DD")


@app.command("record", context_settings={"ignore_unknown_options": True})
def record(
    ctx: typer.Context,
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="PROJECT/MEASURE.")],
    value: Annotated[str, typer.Argument(help="The value, a number.", metavar="NUMBER")],
    date: Annotated[
        str | None,
        typer.Option(help="The date it belongs to (YYYY-MM-DD; default today).", metavar="DATE"),
    ] = None,
    note: Annotated[
        str | None, typer.Option(help="Anything that explains this point.", metavar="TEXT")
    ] = None,
    astronomical: Annotated[
        bool, typer.Option("--astronomical", help="The team judges this point astronomical.")
    ] = False,
) -> None:
    """Add one data point.

    Example: pdsa measure record self-test-kits/people-tested 42 --date 2024-03-04
    """
    from pdsa.model.build import build, drop_blank
    from pdsa.model.measure import Point
    from pdsa.render.safe import plural
    from pdsa.store.names import resolve_measure
    from pdsa.workflow.measures import add_points, parse_number

    try:
        number = parse_number(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="NUMBER") from None
    log = open_log(ctx, writes=True)
    project, slug = resolve_measure(log, measure, Path.cwd())
    data = {
        "date": parse_date(date, option="--date") or today(),
        "value": number,
        "note": note,
        "astronomical": astronomical,
    }
    point = build(Point, drop_blank(data), what="point")
    updated = add_points(log, project, slug, [point], today=today())
    _warn_order(updated, [point], f"{project}/{slug}")
    echo_err(
        f"Recorded {point.value:g} on {point.date.isoformat()} for {project}/{slug} "
        f"({plural(len(updated.points), 'point')})."
    )
    warn_private(log, {"note": note})


@app.command("import")
def import_points(
    ctx: typer.Context,
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="PROJECT/MEASURE.")],
    csv_file: Annotated[
        Path, typer.Argument(metavar="CSV", help="A CSV of date,value[,note]; - reads stdin.")
    ],
) -> None:
    """Append points from a CSV file; one bad row and nothing is written.

    Example: pdsa measure import self-test-kits/people-tested people-tested.csv
    """
    from pdsa.errors import PdsaError
    from pdsa.render.safe import plural
    from pdsa.store.files import decode
    from pdsa.store.names import resolve_measure
    from pdsa.workflow.measures import add_points, limits_of, parse_points_csv

    if str(csv_file) == "-":
        text, source = sys.stdin.read(), "<stdin>"
    else:
        try:
            raw = csv_file.read_bytes()
        except OSError as error:
            raise PdsaError(f"cannot read {csv_file}: {error.strerror}") from None
        text = decode(csv_file, raw).removeprefix("\ufeff")
        source = str(csv_file)
    log = open_log(ctx, writes=True)
    project, slug = resolve_measure(log, measure, Path.cwd())
    points = parse_points_csv(
        text, source=source, limits=limits_of(log.measure(project, slug)), today=today()
    )
    updated = add_points(log, project, slug, points, today=today())
    _warn_order(updated, points, f"{project}/{slug}")
    echo_err(
        f"Imported {plural(len(points), 'point')} into {project}/{slug} "
        f"({len(updated.points)} in all)."
    )
    warn_private(log, {f"note of {p.date.isoformat()}": p.note for p in points if p.note})


def _warn_order(measure: Any, points: list[Any], name: str) -> None:
    from pdsa.workflow.measures import older_than_last

    early = older_than_last(measure, points)
    if early:
        echo_err(
            f"warning: {len(early)} point(s) dated before the last one already in {name}; the "
            "chart sorts by date, but pdsa check warns that the file's points are out of order "
            f"(reorder them with 'pdsa edit {name}' if you wish)"
        )


@app.command("list")
def list_measures(
    ctx: typer.Context,
    project: Annotated[
        str | None, typer.Argument(help="Only this project.", metavar="PROJECT")
    ] = None,
    output_format: Annotated[
        TableOrJson, typer.Option("--format", help="table or json.")
    ] = TableOrJson.table,
) -> None:
    """List measures with their latest value. Example: pdsa measure list self-test-kits"""
    from pdsa.store.names import select_projects
    from pdsa.workflow.measures import measure_rows

    log = open_log(ctx)
    rows, errors = measure_rows(log, select_projects(log, project))
    for error in errors:
        report_error(error)
    if output_format is TableOrJson.json:
        write_json(rows)
    else:
        from pdsa.render.console import console
        from pdsa.render.measures import measures_table

        if rows:
            console().print(measures_table(rows, width=console().width))
    if not rows and not errors:
        echo_err(f"Project {project} has no measures." if project else "No measures yet.")
        if project is not None:
            raise typer.Exit(1)
    if errors:
        raise typer.Exit(1)
