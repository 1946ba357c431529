"""``pdsa list`` and ``pdsa show``: cycles at a glance, and one cycle in full."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pdsa.cli.formats import TableOrJson, TextOrJson, write_json
from pdsa.cli.state import open_log, report_error, today

LIST_HELP = """List cycles: project, number, slug, title, phase, last date and decision.

Example: pdsa list self-test-kits --phase do"""
SHOW_HELP = """Show one cycle's whole worksheet.

Example: pdsa show self-test-kits/2 --format json"""


class Phase(StrEnum):
    plan = "plan"
    do = "do"
    study = "study"
    act = "act"


def list_cycles(
    ctx: typer.Context,
    project: Annotated[
        str | None,
        typer.Argument(help="Only this project (slug or unique prefix).", metavar="PROJECT"),
    ] = None,
    phase: Annotated[
        Phase | None, typer.Option(help="Only cycles whose last recorded phase is this.")
    ] = None,
    stale: Annotated[
        int | None,
        typer.Option(
            min=0, metavar="DAYS", help="Only unfinished cycles with no activity for DAYS days."
        ),
    ] = None,
    output_format: Annotated[
        TableOrJson, typer.Option("--format", help="table, or json for scripts.")
    ] = TableOrJson.table,
) -> None:
    from pdsa.store.names import project_of_folder, select_projects
    from pdsa.workflow.listing import list_cycles as rows_of

    log = open_log(ctx)
    filtered = phase is not None or stale is not None or project is not None
    if project is None:
        project = project_of_folder(log, Path.cwd())
    rows, errors = rows_of(
        log,
        select_projects(log, project),
        phase=phase.value if phase is not None else None,
        stale_days=stale,
        today=today(),
    )
    for error in errors:
        report_error(error)
    if output_format is TableOrJson.json:
        write_json([row.as_json() for row in rows])
    else:
        from pdsa.render.console import console
        from pdsa.render.cycles import print_cycles

        if rows:
            print_cycles(console(), rows)
    if not rows and not errors:
        # A filter that matches nothing says so, and fails, so a script notices.
        from pdsa.cli.state import echo_err

        wanted = [f"in project {project}" if project else None]
        wanted += [f"in {phase.value}" if phase else None]
        wanted += [f"unfinished and quiet for over {stale} days" if stale is not None else None]
        described = ", ".join(part for part in wanted if part)
        echo_err(f"No cycles match ({described})." if filtered else "No cycles yet.")
        if filtered:
            raise typer.Exit(1)
    if errors:
        raise typer.Exit(1)


def show(
    ctx: typer.Context,
    cycle: Annotated[
        str, typer.Argument(metavar="CYCLE", help="PROJECT/CYCLE: slug, unique prefix or number.")
    ],
    output_format: Annotated[
        TextOrJson, typer.Option("--format", help="text, or json for scripts.")
    ] = TextOrJson.text,
) -> None:
    from pdsa.analysis.cycle_rows import numbered_rows
    from pdsa.errors import PdsaError
    from pdsa.store.names import resolve_cycle
    from pdsa.workflow.cycles import cycle_verdict

    log = open_log(ctx)
    project, slug = resolve_cycle(log, cycle, Path.cwd())
    # Each file is read once (a cycle can hold megabytes of text); a broken one stops
    # here, with its problems.
    scan = log.scan_cycles([project])
    row = next((item for item in numbered_rows(scan.records) if item.slug == slug), None)
    if row is None:
        path = log.cycle_path(project, slug)
        raise next((error for error in scan.errors if error.path == path), None) or (
            PdsaError(f"cannot read the cycle {project}/{slug}", path=path)
        )
    verdict = cycle_verdict(log, project, slug, today=today())
    if output_format is TextOrJson.json:
        write_json(
            {
                "project": row.project,
                "slug": row.slug,
                "number": row.number,
                "phase": row.phase,
                "last_date": row.last_date.isoformat(),
                **row.cycle.model_dump(mode="json", exclude_none=True),
                "prediction_verdicts": verdict.to_json(),
                "prediction_checks": [check.to_json() for check in verdict.checks],
            }
        )
        return
    from pdsa.render.console import console
    from pdsa.render.cycles import print_worksheet

    print_worksheet(console(), row, verdict)
