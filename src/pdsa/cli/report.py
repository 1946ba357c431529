"""``pdsa report``: the coordinator's view of every project, and exports to share."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pdsa.cli.options import parse_date
from pdsa.cli.state import echo_err, open_log, report_error, today

if TYPE_CHECKING:
    from pdsa.store.log import Log, Progress
    from pdsa.workflow.report import Report

HELP = """Report on every project: cycles, decisions, activity, measures against their goals,
fidelity to the PDSA method beside published audits, and what needs attention.

Example: pdsa report --theme testing --format html -o report.html"""


class ReportFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"


class Sort(Enum):
    project = "project"
    title = "title"
    theme = "theme"
    activity = "activity"
    stale = "stale"
    score = "score"
    fidelity = "fidelity"


def report(
    ctx: typer.Context,
    project: Annotated[
        list[str] | None,
        typer.Option(help="Only this project (repeatable; slug or prefix).", metavar="PROJECT"),
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="Only the projects of this theme (its id).", metavar="ID")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Only cycle activity on or after this date (YYYY-MM-DD).", metavar="DATE"
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Only cycle activity on or before this date (YYYY-MM-DD).", metavar="DATE"
        ),
    ] = None,
    sort: Annotated[
        Sort,
        typer.Option(
            help="Order of projects: project, title, theme, activity, stale, score or fidelity."
        ),
    ] = Sort.project,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="table, markdown, csv, json or html.")
    ] = ReportFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically).", metavar="FILE"),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say which cycles lacked each fidelity feature.")
    ] = False,
) -> None:
    from pdsa.workflow.report import build_report, choose_projects

    log = open_log(ctx)
    chosen = choose_projects(log, log.programme, names=list(project or []), theme=theme)
    with _progress(log, chosen) as advance:
        built = build_report(
            log,
            today=today(),
            projects=chosen,
            since=parse_date(since, option="--since"),
            until=parse_date(until, option="--until"),
            sort=sort.value,
            with_charts=output_format is ReportFormat.html,
            progress=advance,
        )
    for error in built.errors:
        report_error(error)
    if output_format is ReportFormat.table and output is None:
        from pdsa.render.console import console
        from pdsa.render.report_table import print_report

        print_report(console(), built, explain=explain)
    else:
        text = _render(built, output_format, explain=explain)
        if output is None:
            sys.stdout.write(text)
        else:
            from pdsa.store.files import write_export

            write_export(output, text)
            echo_err(
                f"Wrote the {output_format.value} report of {len(built.projects)} projects "
                f"to {output}."
            )
    if built.errors:
        echo_err(f"{len(built.errors)} file(s) could not be read; the report leaves them out.")
        raise typer.Exit(1)


def _render(built: Report, output_format: ReportFormat, *, explain: bool) -> str:
    if output_format is ReportFormat.json:
        import json

        return json.dumps(built.summary.to_json(), ensure_ascii=False, indent=2) + "\n"
    if output_format is ReportFormat.csv:
        from pdsa.render.report_csv import report_csv

        return report_csv(built)
    if output_format is ReportFormat.markdown:
        from pdsa.render.report_markdown import report_markdown

        return report_markdown(built, explain=explain)
    if output_format is ReportFormat.html:
        from pdsa.render.report_html import report_html

        return report_html(built, explain=explain)
    from pdsa.render.console import capture
    from pdsa.render.report_table import print_report

    return capture(lambda target: print_report(target, built, explain=explain))


class _progress:
    """A progress bar on stderr while a large log is read; nothing when stderr is piped."""

    MIN_FILES = 200

    def __init__(self, log: Log, projects: list[str]) -> None:
        self.log = log
        self.projects = projects
        self.bar: object = None

    def __enter__(self) -> Progress | None:
        if not sys.stderr.isatty():
            return None
        total = self.log.count_files(self.projects)
        if total < self.MIN_FILES:
            return None
        from rich.progress import Progress as Bar

        from pdsa.render.console import console

        bar = Bar(console=console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("Reading the log", total=total)
        self.bar = bar

        def advance(count: int) -> None:
            bar.advance(task, count)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()  # type: ignore[attr-defined]
