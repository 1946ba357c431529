"""``pdsa init``: create a log folder, empty or with the example programme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pdsa.cli.state import echo_err

HELP = """Create a log: pdsa.toml and projects/ (refuses to overwrite an existing log).

Example: pdsa init hiv-programme --name "City HIV improvement community" """


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Where to create the log (default: here).", file_okay=False, metavar="DIR"
        ),
    ] = Path("."),
    name: Annotated[str | None, typer.Option(help="The programme's name.")] = None,
    example: Annotated[
        bool,
        typer.Option(
            "--example",
            help="Fill the log with the bundled example programme (fictional data).",
        ),
    ] = False,
) -> None:
    from pdsa.model.base import SCHEMA_VERSION
    from pdsa.model.build import build
    from pdsa.model.programme import Programme
    from pdsa.workflow.init import init_log

    if example:
        from pdsa.workflow.example import example_programme

        programme, projects = example_programme()
        if name:
            programme = programme.model_copy(update={"name": name})
        log = init_log(folder, programme, projects)
        echo_err(
            f"Created the example programme in {folder} ({len(projects)} projects; "
            "the organisations, people and data are invented)."
        )
    else:
        programme_name = name or folder.resolve().name or "My QI programme"
        programme = build(
            Programme,
            {"schema_version": SCHEMA_VERSION, "name": programme_name},
            what="programme",
        )
        log = init_log(folder, programme)
        echo_err(f"Created a pdsa log in {folder}.")
        echo_err('Next: pdsa project new "PROJECT TITLE" --aim ... --lead ...')
    del log
