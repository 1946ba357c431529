"""``pdsa report``: the coordinator's view of every project, and exports to share."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pdsa.cli.options import parse_date
from pdsa.cli.state import echo_err, open_log, report_error, today

if TYPE_CHECKING:
    from pdsa.analysis.report_view import Report
    from pdsa.errors import PdsaError
    from pdsa.store.log import Log, Progress

HELP = """Report on every project: cycles, decisions, activity, measures against their goals,
fidelity to the PDSA method beside published audits, and what needs attention.

--as-of DATE reports the log as it stood that day: anything dated later is left out.
--since/--until count the cycles active in that period; the state shown is as of --until.

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
            help="Count only the cycles active on or after this date (YYYY-MM-DD).",
            metavar="DATE",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Count only the cycles active on or before this date (YYYY-MM-DD); the report "
            "is as of this date unless --as-of says otherwise.",
            metavar="DATE",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Report the log as it stood on this date: anything dated later is left "
            "out (YYYY-MM-DD; default: --until, else today).",
            metavar="DATE",
        ),
    ] = None,
    sort: Annotated[
        Sort,
        typer.Option(
            help="Order of projects: project, title, theme, activity, stale, score or fidelity."
        ),
    ] = Sort.project,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            help="table, markdown, csv, json or html (default: from -o's extension, else table).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically).", metavar="FILE"),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say which cycles lacked each fidelity feature.")
    ] = False,
) -> None:
    from pdsa.workflow.report import build_report, choose_projects

    if output_format is None:
        output_format = _format_of(output)
    log = open_log(ctx)
    chosen = choose_projects(log, log.programme, names=list(project or []), theme=theme)
    with _progress(log, chosen) as advance:
        built = build_report(
            log,
            today=today(),
            projects=chosen,
            since=parse_date(since, option="--since"),
            until=parse_date(until, option="--until"),
            as_of=parse_date(as_of, option="--as-of"),
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

            write_export(output, text, log_root=log.root)
            echo_err(
                f"Wrote the {output_format.value} report of {len(built.projects)} projects "
                f"to {output}."
            )
    if built.errors:
        echo_err(f"{len(built.errors)} file(s) could not be read; the report leaves them out.")
        raise typer.Exit(1)


def _render(built: Report, output_format: ReportFormat, *, explain: bool) -> str:
    if output_format is ReportFormat.json:
        from pdsa.cli.formats import json_text

        data = built.summary.to_json()
        data["unreadable"] = [_unreadable(error) for error in built.errors]
        return json_text(data)
    if output_format is ReportFormat.csv:
        from pdsa.render.report_csv import report_csv

        return report_csv(built)
    if output_format is ReportFormat.markdown:
        from pdsa.render.report_markdown import md, report_markdown

        text = report_markdown(built, explain=explain)
        if built.errors:
            text += "\n## Files that could not be read\n\nTheir figures are missing above.\n\n"
            text += "".join(f"- {md(_unreadable(error))}\n" for error in built.errors)
        return text
    if output_format is ReportFormat.html:
        from pdsa.render.report_html import report_html

        return report_html(built, explain=explain)
    from pdsa.render.console import capture
    from pdsa.render.report_table import print_report

    return capture(lambda target: print_report(target, built, explain=explain))


_SUFFIXES = {
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".md": ReportFormat.markdown,
    ".markdown": ReportFormat.markdown,
    ".csv": ReportFormat.csv,
    ".json": ReportFormat.json,
}


def _format_of(output: Path | None) -> ReportFormat:
    """The format an output file's extension names; a table otherwise."""
    if output is None:
        return ReportFormat.table
    return _SUFFIXES.get(output.suffix.lower(), ReportFormat.table)


def _unreadable(error: PdsaError) -> str:
    """``file:line:col: message`` of a file the report had to leave out, with no identifier."""
    from pdsa.check.privacy import redact
    from pdsa.cli.state import display_path

    location = error.location()
    if location and error.path is not None:
        location = location.replace(str(error.path), display_path(error.path), 1)
    return redact(f"{location}: {error.message}" if location else error.message)


#: Logs smaller than this are read too fast for a progress bar to help.
PROGRESS_MIN_FILES = 200


@contextlib.contextmanager
def _progress(log: Log, projects: list[str]) -> Iterator[Progress | None]:
    """A progress bar on stderr while a large log is read; nothing when stderr is piped."""
    if not sys.stderr.isatty():
        yield None
        return
    total = log.count_files(projects)
    if total < PROGRESS_MIN_FILES:
        yield None
        return
    from rich.progress import Progress as Bar

    from pdsa.render.console import console

    with Bar(console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading the log", total=total)
        yield lambda count: bar.advance(task, count)
