"""The report in the terminal: Rich tables that fit an 80-column screen by wrapping.

Each table is kept narrow (a few columns) so that none has to break its layout on a small
terminal; long text wraps inside its cell.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pdsa.analysis.fidelity import LABELS, explain_figure, format_figure
from pdsa.analysis.report_view import Report
from pdsa.render import report_cells as cells
from pdsa.render.safe import one_line

SIGNAL_STYLE = {"improvement": "blue", "concern": "dark_orange", "neutral": "magenta"}


#: Columns that never wrap: names a reader copies into commands.
NO_WRAP = {"project", "measure", "key", "signal", "date", "theme"}
#: Below these widths the column is dropped rather than squeezed.
DROP_BELOW = {"lead": 110, "theme": 90, "date": 100}


def _table(title: str, *columns: str) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        expand=False,
    )
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in NO_WRAP)
    return table


def _shown(console: Console, *columns: str) -> list[str]:
    width = console.width or 80
    return [column for column in columns if width >= DROP_BELOW.get(column, 0)]


def _cell(text: str, style: str | None = None) -> Text:
    return Text(one_line(text), style=style or "")


def print_report(console: Console, report: Report, *, explain: bool = False) -> None:
    """The whole report, section by section."""
    summary = report.summary
    heading = Text(one_line(summary.programme), style="bold")
    heading.append(f"  {cells.report_date(summary)}", style="")
    if summary.period is not None:
        since, until = summary.period.since, summary.period.until
        heading.append(f", activity {since or 'start'} to {until or 'now'}")
    console.print(heading)
    if report.programme.example:
        console.print(Text("The bundled example: its organisations, people and data are invented."))
    totals = summary.totals
    console.print(Text(cells.totals_sentence(totals)))
    console.print()
    columns = _shown(console, "project", "title", "theme", "lead", "score", "stale")
    projects = _table("Projects", *columns)
    for project in report.projects:
        values = {
            "project": _cell(project.slug),
            "title": _cell(project.title),
            "theme": _cell(project.theme or ""),
            "lead": _cell(project.lead_organisation),
            "score": _cell(cells.score(project)),
            "stale": _cell("STALE" if project.stale else "", "bold red"),
        }
        projects.add_row(*[values[column] for column in columns])
    console.print(projects)
    console.print()
    activity = _table("Activity", "project", "cycles", "decisions", "last activity")
    for project in report.projects:
        activity.add_row(
            _cell(project.slug),
            _cell(cells.phases(project)),
            _cell(cells.decisions(project)),
            _cell(cells.activity(project)),
        )
    console.print(activity)
    console.print(Text("cycles: P plan, D do, S study, A act (finished), by last recorded phase"))
    console.print()
    _print_predictions(console, report)
    _print_measures(console, report)
    _print_fidelity(console, report, explain=explain)
    _print_themes(console, report)
    _print_shared(console, report)
    _print_attention(console, report)


def _print_measures(console: Console, report: Report) -> None:
    columns = _shown(console, "measure", "latest", "date", "goal", "signal")
    table = _table("Key measures", *columns)
    for project in report.projects:
        table.add_row(_cell(project.slug, "bold"), *[_cell("") for _ in columns[1:]])
        for status in project.measures:
            values = {
                "measure": _cell("  " + status.slug),
                "latest": _cell(cells.measure_value(status)),
                "date": _cell(status.latest_date.isoformat() if status.latest_date else ""),
                "goal": _cell(cells.measure_goal(status)),
                "signal": _cell(cells.measure_signal(status), SIGNAL_STYLE.get(status.signal)),
            }
            table.add_row(*[values[column] for column in columns])
    console.print(table)
    console.print(Text(cells.MEASURES_KEY))
    console.print()


def _print_predictions(console: Console, report: Report) -> None:
    """Predictions by project as the data judged them, then where the teams disagree."""
    table = _table("Predictions", "project", *cells.PREDICTION_COLUMNS)
    for project in report.projects:
        table.add_row(
            _cell(project.slug), *map(_cell, cells.prediction_counts(project.predictions))
        )
    console.print(table)
    console.print(Text(cells.PREDICTIONS_KEY))
    console.print()
    verdicts = report.summary.totals.predictions.disagreements
    if not verdicts:
        return
    console.print(Text(f"Team and data disagree ({len(verdicts)})", style="bold"))
    for verdict in verdicts:
        console.print(Text(f"  - {one_line(verdict.cycle)}: {verdict.side_by_side()}"))
    console.print()


def _print_fidelity(console: Console, report: Report, *, explain: bool) -> None:
    console.print(Text("Fidelity to the PDSA method, projects shown together", style="bold"))
    for figure in report.summary.totals.fidelity.figures:
        console.print(Text(f"  {format_figure(figure)}: {LABELS[figure.name]}"))
        if explain:
            console.print(Text("    " + one_line(explain_figure(figure))))
    console.print()
    names = [name for name, _ in cells.FIDELITY_COLUMNS]
    table = _table(
        "Fidelity by project", "project", *[short for _, short in cells.FIDELITY_COLUMNS]
    )
    for project in report.projects:
        table.add_row(
            _cell(project.slug),
            *[_cell(cells.percent(cells.figure_of(project, name))) for name in names],
        )
    console.print(table)
    console.print(
        Text(
            "pred. predictions, iter. iterative series, scale grew, data over time, "
            "docs all stages documented"
        )
    )
    if explain:
        for project in report.projects:
            for figure in project.fidelity.figures:
                if figure.lacking or figure.unknown:
                    console.print(Text(f"  {project.slug}: {one_line(explain_figure(figure))}"))
    console.print()


def _print_themes(console: Console, report: Report) -> None:
    if not report.summary.themes:
        return
    table = _table("Themes", "name", "projects", "stale", "cycles", "predictions")
    for theme in report.summary.themes:
        totals = theme.totals
        counts = totals.cycles
        table.add_row(
            _cell(theme.title or theme.id or "(no theme)"),
            _cell(str(totals.projects)),
            _cell(str(totals.stale)),
            _cell(f"P{counts.plan} D{counts.do} S{counts.study} A{counts.act}"),
            _cell(totals.predictions.short()),
        )
    console.print(table)
    console.print()


def _print_shared(console: Console, report: Report) -> None:
    if not report.summary.shared_measures:
        return
    table = _table("Programme-wide measures", "key", "project", "latest", "date")
    for shared in report.summary.shared_measures:
        for position, entry in enumerate(shared.entries):
            project = (
                entry.project
                if entry.measure == shared.key
                else (f"{entry.project}/{entry.measure}")
            )
            table.add_row(
                _cell(shared.key if position == 0 else ""),
                _cell(project),
                _cell(cells.shared_latest(entry)),
                _cell(entry.latest_date.isoformat() if entry.latest_date else ""),
            )
    console.print(table)
    for shared in report.summary.shared_measures:
        console.print(Text(f"  {one_line(shared.key)}: {one_line(shared.summary())}"))
    console.print()


def _print_attention(console: Console, report: Report) -> None:
    items = report.summary.attention
    console.print(Text(f"Needs attention ({len(items)})", style="bold"))
    if not items:
        console.print(Text("  nothing: no stale projects, stuck cycles or concerns"))
    for item in items:
        console.print(
            Text(f"  - {one_line(cells.attention_subject(item))}: {one_line(item.message)}")
        )
