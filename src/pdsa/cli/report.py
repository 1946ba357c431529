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
            help="Order of projects: project (slug), title, theme, activity (longest quiet "
            "first), stale (stale first), score (highest first) or fidelity (the share of "
            "cycles with an explicit prediction, highest first)."
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
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="CSV: write the rows of what could be read even when some files could not "
            "be (they are named on stderr). Other formats name them inside the report.",
        ),
    ] = False,
) -> None:
    from pdsa.workflow.report import build_report, choose_projects

    if output_format is None:
        output_format = _format_of(output)
    log = open_log(ctx)
    chosen = choose_projects(log, log.programme, names=list(project or []), theme=theme)
    if not chosen:
        from pdsa.errors import PdsaError

        raise PdsaError(
            f"no project has the theme '{theme}'; nothing to report"
            if theme is not None
            else "the log has no projects yet; nothing to report",
            hint="see each project's theme with 'pdsa project list'"
            if theme is not None
            else "create one with 'pdsa project new'",
        )
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
    period = built.summary.period
    if period is not None and built.summary.totals.cycles.total == 0 and not built.errors:
        from pdsa.errors import PdsaError

        raise PdsaError(
            f"no cycle of the chosen projects has a phase dated from {period.since or 'the start'}"
            f" to {period.until or 'today'}; nothing to report",
            hint="widen --since/--until, or leave them out",
        )
    from dataclasses import replace

    built = replace(built, unreadable=tuple(_unreadable(error) for error in built.errors))
    _warn_masked(built)
    if built.errors and output_format is ReportFormat.csv and not partial:
        from pdsa.errors import PdsaError

        raise PdsaError(
            f"{_files(len(built.errors))} could not be read, and a CSV has no place to say "
            "so; nothing was written",
            hint="fix them (pdsa check shows why), or add --partial to write the rest",
        )
    if output_format is ReportFormat.table and output is None:
        from pdsa.render.console import console
        from pdsa.render.report_table import print_report

        print_report(console(), built, explain=explain)
    else:
        text = _render(built, output_format, explain=explain)
        if output is None:
            sys.stdout.write(text)
        else:
            from pdsa.render.safe import plural
            from pdsa.store.files import write_export

            write_export(output, text, log_root=log.root)
            echo_err(
                f"Wrote the {output_format.value} report of "
                f"{plural(len(built.projects), 'project')} to {output}."
            )
    if built.errors:
        where = "named on stderr" if output_format is ReportFormat.csv else "named in the report"
        echo_err(
            f"{_files(len(built.errors))} could not be read ({where}); "
            f"{'its' if len(built.errors) == 1 else 'their'} figures are missing from it."
        )
        raise typer.Exit(1)


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _warn_masked(built: Report) -> None:
    """Say on stderr where a likely patient identifier was masked in the report."""
    for line in built.masked:
        echo_err(f"warning: masked in the report: {line}")
    if built.masked:
        echo_err(
            "hint: the report shows them masked, as pdsa check does; remove them from the "
            "log with 'pdsa edit' (pdsa check lists where they are)"
        )


def _render(built: Report, output_format: ReportFormat, *, explain: bool) -> str:
    if output_format is ReportFormat.json:
        from pdsa.cli.formats import json_text

        data = built.summary.to_json()
        data["unreadable"] = list(built.unreadable)
        return json_text(data)
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
