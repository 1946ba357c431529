"""``pdsa chart``: a run chart or SPC chart of a measure, with its cycles marked."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pdsa.cli.state import echo_err, open_log, today

HELP = """Chart a measure over time: run chart (Anhøj or IHI rules) or SPC (XmR), with the
cycles that watch it marked at their dates.

Example: pdsa chart self-test-kits/people-tested --rules spc --format svg -o attendance.svg"""


class Rules(StrEnum):
    anhoej = "anhoej"
    ihi = "ihi"
    spc = "spc"


class ChartFormat(StrEnum):
    text = "text"
    json = "json"
    svg = "svg"


def chart(
    ctx: typer.Context,
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="PROJECT/MEASURE.")],
    rules: Annotated[
        Rules | None,
        typer.Option(help="anhoej, ihi or spc (default: the measure's, else the programme's)."),
    ] = None,
    output_format: Annotated[
        ChartFormat | None,
        typer.Option(
            "--format",
            help="text (terminal), json or svg (default: from -o's extension, else text).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", metavar="FILE"
        ),
    ] = None,
    screen: Annotated[
        bool,
        typer.Option(
            "--screen/--no-screen",
            help="SPC: screen out moving ranges above 3.267 x their mean before the limits.",
        ),
    ] = True,
    shift: Annotated[
        int | None,
        typer.Option(min=2, help="Shift length (ihi default 6, spc default 7).", metavar="N"),
    ] = None,
    trend: Annotated[
        int | None,
        typer.Option(min=2, help="Trend length (ihi default 5, spc default 7).", metavar="N"),
    ] = None,
) -> None:
    from pdsa.store.names import resolve_measure
    from pdsa.workflow.chart import chart as make_chart

    if output_format is None:
        suffix = output.suffix.lower().lstrip(".") if output is not None else ""
        output_format = ChartFormat(suffix) if suffix in ("svg", "json") else ChartFormat.text
    log = open_log(ctx)
    project, slug = resolve_measure(log, measure, Path.cwd())
    view = make_chart(
        log,
        project,
        slug,
        rules=rules.value if rules else None,
        screen=screen,
        shift_length=shift,
        trend_length=trend,
        today=today(),
    )
    for line in view.masked:
        echo_err(f"warning: masked in the chart: {line}")
    if view.masked:
        echo_err(
            "hint: the chart shows them masked, as pdsa check does; remove them from the log "
            "with 'pdsa edit' (pdsa check lists where they are)"
        )
    if output_format is ChartFormat.json:
        from pdsa.cli.formats import json_text

        text = json_text(view.to_json())
    elif output_format is ChartFormat.svg:
        from pdsa.render.chart_svg import chart_svg

        text = chart_svg(view)
    else:
        from pdsa.render.chart_text import print_chart
        from pdsa.render.console import capture, console

        if output is None:
            print_chart(console(), view)
            return
        text = capture(lambda target: print_chart(target, view))
    if output is None:
        typer.echo(text, nl=False)
        return
    from pdsa.store.files import write_export

    write_export(output, text, log_root=log.root)
    echo_err(f"Wrote {output_format.value} chart of {view.name} to {output}.")
