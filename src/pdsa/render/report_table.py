"""The report in the terminal: Rich tables that fit the screen, 80 columns included.

Every table shows each row's identity (a slug) in full and its key figures; less important
columns wrap, and are left out (and named under the table) when even wrapped they would
not fit (:mod:`pdsa.render.fit`).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pdsa.analysis.fidelity import LABELS, explain_figure
from pdsa.analysis.report_view import Report
from pdsa.render import report_cells as cells
from pdsa.render.fit import Column, fitted_table
from pdsa.render.safe import one_line

SIGNAL_STYLE = {"improvement": "blue", "concern": "dark_orange", "neutral": "magenta"}


def _fitted(
    console: Console, title: str, columns: tuple[Column, ...], rows: list[list[Text]]
) -> Table:
    return fitted_table(columns, rows, width=console.width or 80, title=Text(title, style="bold"))


PROJECT_COLUMNS = (
    Column("project"),
    Column("title", rank=2, wrap=True, min_width=12),
    Column("theme", rank=4),
    Column("lead", rank=3, wrap=True, min_width=12),
    Column("score", rank=1),
    Column("stale"),
)
ACTIVITY_COLUMNS = (
    Column("project"),
    Column("cycles", wrap=True, min_width=5),
    Column("decisions", rank=2, wrap=True, min_width=8),
    Column("last activity", wrap=True, min_width=10),
)
MEASURE_COLUMNS = (
    Column("measure"),
    # The latest value wraps ("42 people" over "(old data: 40 days)") so that goal and signal
    # keep their room beside long measure slugs.
    Column("latest", justify="right", wrap=True, min_width=10),
    Column("date"),
    Column("goal", rank=2, wrap=True, min_width=8),
    Column("signal", rank=1, wrap=True, min_width=9),
)


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
    _print_unreadable(console, report)
    totals = summary.totals
    console.print(Text(cells.totals_sentence(totals)))
    if (order := cells.sort_sentence(report.sort)) is not None:
        console.print(Text(order))
    console.print()
    rows = [
        [
            _cell(project.slug),
            _cell(project.title),
            _cell(project.theme or ""),
            _cell(project.lead_organisation),
            _cell(cells.score(project)),
            _cell("STALE" if project.stale else "", "bold red"),
        ]
        for project in report.projects
    ]
    console.print(_fitted(console, "Projects", PROJECT_COLUMNS, rows))
    console.print()
    rows = [
        [
            _cell(project.slug),
            _cell(cells.phases(project)),
            _cell(cells.decisions(project)),
            _cell(cells.activity(project)),
        ]
        for project in report.projects
    ]
    console.print(_fitted(console, "Activity", ACTIVITY_COLUMNS, rows))
    console.print(Text("cycles: P plan, D do, S study, A act (finished), by last recorded phase"))
    console.print()
    _print_predictions(console, report)
    _print_measures(console, report)
    _print_fidelity(console, report, explain=explain)
    _print_themes(console, report)
    _print_shared(console, report)
    _print_attention(console, report)


def _print_unreadable(console: Console, report: Report) -> None:
    if not report.unreadable_files:
        return
    console.print()
    console.print(
        Text(f"Files that could not be read ({len(report.unreadable_files)})", style="bold")
    )
    console.print(Text(cells.unreadable_note(len(report.unreadable_files))))
    for line in report.unreadable_files:
        console.print(Text(f"  - {one_line(line)}"))
    console.print()


def _print_measures(console: Console, report: Report) -> None:
    rows: list[list[Text]] = []
    for project in report.projects:
        rows.append([_cell(project.slug, "bold"), *[_cell("") for _ in MEASURE_COLUMNS[1:]]])
        for status in project.measures:
            rows.append(
                [
                    _cell("  " + status.slug),
                    _cell(cells.measure_value(status)),
                    _cell(status.latest_date.isoformat() if status.latest_date else ""),
                    _cell(cells.measure_goal(status)),
                    _cell(cells.measure_signal(status), SIGNAL_STYLE.get(status.signal)),
                ]
            )
    console.print(_fitted(console, "Key measures", MEASURE_COLUMNS, rows))
    console.print(Text(cells.MEASURES_KEY))
    console.print()


def _print_predictions(console: Console, report: Report) -> None:
    """Predictions by project as the data judged them, then where the teams disagree."""
    columns = (
        Column("project"),
        *(Column(name, justify="right") for name in cells.PREDICTION_COLUMNS),
    )
    rows = [
        [_cell(project.slug), *map(_cell, cells.prediction_counts(project.predictions))]
        for project in report.projects
    ]
    console.print(_fitted(console, "Predictions", columns, rows))
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
        console.print(Text(f"  {cells.figure_text(figure)}: {LABELS[figure.name]}"))
        if explain:
            console.print(Text("    " + one_line(cells.words(explain_figure(figure)))))
    console.print()
    names = [name for name, _ in cells.FIDELITY_COLUMNS]
    columns = (
        Column("project"),
        *(Column(short, rank=rank) for rank, (_, short) in enumerate(cells.FIDELITY_COLUMNS, 1)),
    )
    rows = [
        [_cell(project.slug), *[_cell(cells.percent(cells.figure_of(project, n))) for n in names]]
        for project in report.projects
    ]
    console.print(_fitted(console, "Fidelity by project", columns, rows))
    console.print(
        Text(
            "pred. predictions, adv. made in advance, iter. iterative series, scale grew, "
            "data over time, docs all stages documented"
        )
    )
    if explain:
        for project in report.projects:
            for figure in project.fidelity.figures:
                if figure.lacking or figure.unknown:
                    explained = cells.words(explain_figure(figure))
                    console.print(Text(f"  {project.slug}: {one_line(explained)}"))
        verdicts = cells.advance_lines(report.summary.totals.fidelity)
        if verdicts:
            console.print(Text("Predictions made in advance, cycle by cycle (from git)"))
            for line in verdicts:
                console.print(Text(f"  {one_line(line)}"))
    console.print()


def _print_themes(console: Console, report: Report) -> None:
    if not report.summary.themes:
        return
    columns = (
        Column("name", wrap=True, min_width=12),
        Column("projects", justify="right"),
        Column("stale", justify="right"),
        Column("cycles", wrap=True, min_width=5),
        Column("predictions", wrap=True, min_width=12),
    )
    rows = []
    for theme in report.summary.themes:
        totals = theme.totals
        counts = totals.cycles
        rows.append(
            [
                _cell(theme.title or theme.id or "(no theme)"),
                _cell(str(totals.projects)),
                _cell(str(totals.stale)),
                _cell(f"P{counts.plan} D{counts.do} S{counts.study} A{counts.act}"),
                _cell(totals.predictions.short()),
            ]
        )
    console.print(_fitted(console, "Themes", columns, rows))
    console.print()


def _print_shared(console: Console, report: Report) -> None:
    if not report.summary.shared_measures:
        return
    columns = (Column("key"), Column("project"), Column("latest", wrap=True), Column("date"))
    rows = []
    for shared in report.summary.shared_measures:
        for position, entry in enumerate(shared.entries):
            project = (
                entry.project
                if entry.measure == shared.key
                else (f"{entry.project}/{entry.measure}")
            )
            rows.append(
                [
                    _cell(shared.key if position == 0 else ""),
                    _cell(project),
                    _cell(cells.shared_latest(entry)),
                    _cell(entry.latest_date.isoformat() if entry.latest_date else ""),
                ]
            )
    console.print(_fitted(console, "Programme-wide measures", columns, rows))
    for shared in report.summary.shared_measures:
        console.print(Text(f"  {one_line(shared.key)}: {one_line(shared.summary())}"))
    console.print()


def _print_attention(console: Console, report: Report) -> None:
    groups = cells.grouped_attention(report.summary.attention)
    console.print(Text(f"Needs attention ({len(groups)})", style="bold"))
    if not groups:
        console.print(Text("  nothing: no stale projects, stuck cycles or concerns"))
    for group in groups:
        console.print(
            Text(f"  - {one_line(cells.attention_subject(group))}: {one_line(group.reasons)}")
        )
