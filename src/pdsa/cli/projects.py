"""``pdsa project new|list|show|edit``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from pdsa.cli import ask
from pdsa.cli.formats import TableOrJson, write_json
from pdsa.cli.options import parse_date
from pdsa.cli.state import echo_err, open_log, report_error, today

app = typer.Typer(
    help="Projects: create, list, show and edit them.\n\nExample: pdsa project list",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("new")
def new(
    ctx: typer.Context,
    title: Annotated[
        str | None, typer.Argument(help="The project's title.", metavar="TEXT")
    ] = None,
    aim: Annotated[
        str | None,
        typer.Option(
            help="What are we trying to accomplish? (specific, measurable, with a date)",
            metavar="TEXT",
        ),
    ] = None,
    lead: Annotated[
        str | None, typer.Option(help="Which organisation leads the project?", metavar="NAME")
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="The programme theme (its id).", metavar="ID")
    ] = None,
    partner: Annotated[
        list[str] | None, typer.Option(help="A partner organisation (repeatable).", metavar="NAME")
    ] = None,
    started: Annotated[
        str | None,
        typer.Option(
            help="When the project started (YYYY-MM-DD; default today): a project with no "
            "cycle for longer than the programme's stale_after_days is flagged.",
            metavar="DATE",
        ),
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option(
            help="The folder name to use instead of one made from the title.", metavar="SLUG"
        ),
    ] = None,
    editor: Annotated[bool, typer.Option("--editor", help="Write it in $EDITOR.")] = False,
) -> None:
    """Create a project. Example: pdsa project new "Community testing" --aim "..." --lead "..." """
    log = open_log(ctx, writes=True)
    values: dict[str, Any] = {
        "title": title,
        "aim": aim,
        "lead_organisation": lead,
        "theme": theme,
        "partners": list(partner or []),
        "started": parse_date(started, option="--started") or today(),
    }
    if editor:
        from pdsa.cli.editor import edit_until_valid
        from pdsa.model.build import drop_blank
        from pdsa.store.files import parse_text
        from pdsa.store.templates import fill, template_text

        given = {key: value for key, value in values.items() if value not in (None, [])}

        def accept(edited: str, copy: Path) -> None:
            data = drop_blank(parse_text(copy, edited))
            _save(log, data, slug)

        edit_until_valid(fill(template_text("project"), given), accept, name="pdsa-project")
        return
    if title is None:
        values["title"] = ask.text("TITLE", "What is the project called?")
    if aim is None:
        values["aim"] = ask.text(
            "--aim",
            "What are we trying to accomplish? (specific, measurable, with a date)",
            multiline=True,
        )
    if lead is None:
        values["lead_organisation"] = ask.text("--lead", "Which organisation leads the project?")
    _save(log, values, slug)


def _save(log: Any, values: dict[str, Any], slug: str | None) -> None:
    from pdsa.model.base import SCHEMA_VERSION
    from pdsa.model.build import build, drop_blank
    from pdsa.model.project import Project
    from pdsa.workflow.projects import new_project

    data = {**drop_blank(values), "schema_version": SCHEMA_VERSION}
    project = build(Project, data, what="project")
    from pdsa.errors import NoSlug

    try:
        created = new_project(log, project, slug=slug)
    except NoSlug:
        if not ask.interactive():
            raise
        created = new_project(log, project, slug=ask.slug())
    echo_err(f"Created project {created} ({log.relative(log.project_path(created))}).")
    echo_err(f'Next: pdsa measure new {created} "MEASURE TITLE" --type outcome')


@app.command("list")
def list_projects(
    ctx: typer.Context,
    output_format: Annotated[
        TableOrJson, typer.Option("--format", help="table or json.")
    ] = TableOrJson.table,
) -> None:
    """List the projects. Example: pdsa project list --format json"""
    from pdsa.workflow.projects import project_rows

    log = open_log(ctx)
    rows, errors = project_rows(log)
    for error in errors:
        report_error(error)
    if output_format is TableOrJson.json:
        write_json(rows)
    else:
        from pdsa.render.console import console
        from pdsa.render.projects import projects_table

        console().print(projects_table(rows, width=console().width))
    if errors:
        raise typer.Exit(1)


@app.command("show")
def show(
    ctx: typer.Context,
    project: Annotated[
        str | None, typer.Argument(help="The project (slug or prefix).", metavar="PROJECT")
    ] = None,
    output_format: Annotated[
        TableOrJson, typer.Option("--format", help="table or json.")
    ] = TableOrJson.table,
) -> None:
    """Show a project: aim, team, change ideas. Example: pdsa project show self-test-kits"""
    from pdsa.store.names import resolve_project

    log = open_log(ctx)
    slug = resolve_project(log, project, Path.cwd())
    record = log.project(slug)
    if output_format is TableOrJson.json:
        write_json({"slug": slug, **record.model_dump(mode="json", exclude_none=True)})
        return
    from pdsa.render.console import console
    from pdsa.render.projects import print_project

    print_project(console(), slug, record, log.cycle_slugs(slug), log.measure_slugs(slug))


@app.command("edit")
def edit(
    ctx: typer.Context,
    project: Annotated[
        str | None, typer.Argument(help="The project (slug or prefix).", metavar="PROJECT")
    ] = None,
) -> None:
    """Edit project.toml in $EDITOR; saved only if valid.

    Example: pdsa project edit self-test-kits
    """
    from pdsa.cli.editing import edit_file
    from pdsa.model.project import Project
    from pdsa.store.names import resolve_project

    log = open_log(ctx, writes=True)
    slug = resolve_project(log, project, Path.cwd())
    edit_file(log, log.project_path(slug), Project)
