"""``pdsa history``: when each part of a record was written, from the log's git history."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pdsa.cli.formats import TextOrJson
from pdsa.cli.state import echo_err, open_log

HELP = """Show when each part of a record was written, from the log's git history: every
phase of a cycle (and whether its prediction was made in advance), every point of a
measure, every change to a project; with no name, the whole log's timeline. Oldest first;
changes not committed yet come last. Needs the log to be in git.

Example: pdsa history outreach/text-the-day-before"""


def history(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[CYCLE|MEASURE|PROJECT]",
            help="The record (default: every record of the log).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", help="text, or json for scripts.")
    ] = TextOrJson.text,
) -> None:
    from pdsa.cli.formats import json_text
    from pdsa.workflow.provenance import read_history

    log = open_log(ctx)
    chosen = None
    if name is not None:
        from pdsa.store.names import resolve_record

        chosen = resolve_record(log, name, Path.cwd())
    found = read_history(log)
    if chosen is None:
        steps = found.timeline()
        if output_format is TextOrJson.json:
            sys.stdout.write(
                json_text(
                    {
                        "head": found.head,
                        "shallow": found.shallow,
                        "steps": [step.to_json() for step in steps],
                    }
                )
            )
            return
        from pdsa.render.console import console
        from pdsa.render.history import print_timeline

        print_timeline(console(), steps, shallow=found.shallow)
        return

    from pdsa.workflow.history import record_history

    kind, project, slug = chosen
    view = record_history(log, found, kind=kind, project=project, slug=slug)
    if view.problem is not None:
        echo_err(f"warning: {view.problem}")
    if output_format is TextOrJson.json:
        sys.stdout.write(
            json_text(
                {
                    "record": view.name,
                    "kind": kind,
                    "head": found.head,
                    "shallow": found.shallow,
                    **view.history.to_json(),
                    "prediction": None if view.verdict is None else view.verdict.to_json(),
                    **(
                        {"hindsight_edits": [edit.to_json() for edit in view.hindsight]}
                        if kind == "cycle"
                        else {}
                    ),
                }
            )
        )
        return
    from pdsa.render.console import console
    from pdsa.render.history import print_record

    print_record(
        console(),
        view.history,
        name=view.name,
        kind=kind,
        verdict=view.verdict,
        hindsight=view.hindsight,
        shallow=found.shallow,
    )
