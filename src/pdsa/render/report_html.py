"""``pdsa report --format html``: the coordinator's report as one self-contained HTML file.

Inline CSS only, each chart as inline SVG, no scripts and nothing fetched from anywhere, so
the file can be e-mailed, opened offline, read on a phone and printed. Order: the programme
(totals, themes, projects at a glance), fidelity beside the published audit, predictions,
what needs attention, shared measures, files that could not be read, then one section per
project (its ``id`` is the project's slug). Every other ``id`` holds an underscore, which no
slug can, so none collides with a project's.
"""

from __future__ import annotations

from collections.abc import Iterable

from pdsa.analysis.chart_view import ChartView
from pdsa.analysis.fidelity import FidelityProfile
from pdsa.analysis.predictions import PredictionRecord
from pdsa.analysis.programme import (
    AttentionItem,
    ProgrammeSummary,
    ProjectSummary,
    SharedMeasure,
    ThemeSummary,
    Totals,
)
from pdsa.analysis.report_view import Report
from pdsa.render.html_parts import (
    NONE,
    SIGNAL_KIND,
    STYLE,
    Markup,
    advance_list,
    badge,
    day,
    element,
    esc,
    explain_list,
    facts,
    fidelity_table,
    glance_goal,
    join,
    measure_block,
    phase_cells,
    plural,
    prediction_facts,
    quantity,
    stale_badge,
    table,
)
from pdsa.render.report_cells import (
    advance_lines,
    grouped_attention,
    sort_sentence,
    unreadable_note,
    words,
)

EXAMPLE_NOTE = (
    "This is the bundled example programme: its organisations, people and figures are "
    "invented, to show what a report looks like."
)
ATTENTION_WORDS = {
    "stale_project": "stale project",
    "stuck_cycle": "cycle stuck",
    "prediction_never_studied": "prediction never studied",
    "measure_concern": "measure of concern",
}


def report_html(report: Report, *, explain: bool = False) -> str:
    """The whole report as one HTML document; ``explain`` lists which cycles lacked what."""
    summary = report.summary
    themes = {theme.id: theme.title for theme in report.programme.themes}
    sections = [
        _errors_section(report),
        _programme_section(summary),
        _glance_section(summary.projects),
        _fidelity_section(summary.totals.fidelity, explain=explain),
        _predictions_section(summary.totals.predictions),
        _attention_section(summary.attention),
        _shared_section(summary.shared_measures),
        *(
            _project_section(
                project, report.charts.get(project.slug, ()), themes=themes, explain=explain
            )
            for project in summary.projects
        ),
    ]
    title = f"{summary.programme}: PDSA report as of {summary.reading_date.isoformat()}"
    body = join(
        [
            _header(report),
            element("main", *sections),
            element("footer", "Written by pdsa. Self-contained: no scripts, nothing fetched."),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="pdsa">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _header(report: Report) -> Markup:
    summary = report.summary
    line = [f"as of {summary.reading_date.isoformat()}"]
    if summary.generated != summary.reading_date:
        line.append(f"made {summary.generated.isoformat()}")
    period = summary.period
    if period is not None:
        since = period.since.isoformat() if period.since else "the start"
        until = period.until.isoformat() if period.until else "today"
        line.append(f"cycles active from {since} to {until}")
    line.append(f"stale after {summary.stale_after_days} days without activity")
    parts = [element("h1", summary.programme), element("p", join(line, " · "), class_="meta")]
    if (order := sort_sentence(report.sort)) is not None:
        parts.append(element("p", order, class_="meta"))
    if report.programme.description:
        parts.append(element("p", report.programme.description))
    if report.programme.example:
        parts.append(element("p", element("strong", "Example: "), EXAMPLE_NOTE, class_="note"))
    return element("header", *parts, class_="top")


def _section(ident: str, heading: str, *content: object, **attributes: object) -> Markup:
    return element(
        "section",
        element("h2", heading, id=f"{ident}_heading"),
        *content,
        id=ident,
        aria_labelledby=f"{ident}_heading",
        **attributes,
    )


def _programme_section(summary: ProgrammeSummary) -> Markup:
    totals = summary.totals
    cards = [
        (totals.projects, "projects"),
        (totals.active, "active"),
        (totals.stale, "stale"),
        (totals.cycles.total, "cycles"),
        (totals.cycles.act, "finished (Act)"),
        (totals.decisions.adopt, "adopted"),
    ]
    return _section(
        "_programme",
        "Programme",
        element(
            "ul",
            *(element("li", element("strong", str(count)), label) for count, label in cards),
            class_="cards",
        ),
        _totals_table(summary),
        _overview_table(summary.projects),
    )


def _decisions(totals: Totals) -> dict[str, int]:
    return {
        "adopt": totals.decisions.adopt,
        "adapt": totals.decisions.adapt,
        "abandon": totals.decisions.abandon,
    }


def _totals_table(summary: ProgrammeSummary) -> Markup:
    head = ["", "projects", "active", "stale", "plan", "do", "study", "act", "cycles"]
    head += ["adopt", "adapt", "abandon"]
    rows = [_totals_row(_theme_label(theme), theme.totals) for theme in summary.themes]
    return table(
        "Totals by theme (cycles under their last phase)",
        head,
        rows,
        numeric=range(1, len(head)),
        foot=[_totals_row("programme", summary.totals)],
    )


def _theme_label(theme: ThemeSummary) -> Markup:
    if theme.id is None:
        return esc("no theme")
    return join([theme.title or theme.id, element("span", theme.id, class_="small")])


def _totals_row(label: object, totals: Totals) -> list[object]:
    counts = [str(totals.projects), str(totals.active), str(totals.stale)]
    return [label, *counts, *phase_cells(totals.cycles), *map(str, _decisions(totals).values())]


def _overview_table(projects: Iterable[ProjectSummary]) -> Markup:
    head = ["project", "lead organisation", "status", "score", "cycles", "last activity"]
    rows = [
        [
            element("a", project.title, href=f"#{project.slug}"),
            project.lead_organisation,
            join([project.status, " ", stale_badge(project)]),
            NONE if project.progress_score is None else f"{project.progress_score:.1f}",
            str(project.cycles.total),
            _activity(project),
        ]
        for project in projects
    ]
    return table("Projects at a glance", head, rows, numeric=(3, 4))


def _activity(project: ProjectSummary) -> str:
    if project.last_activity is None:
        return "none yet"
    days = plural(project.days_since_activity or 0, "day")
    return f"{project.last_activity.isoformat()} ({days} ago)"


def _fidelity_section(profile: FidelityProfile, *, explain: bool) -> Markup:
    source = {figure.baseline.source for figure in profile.figures if figure.baseline}
    intro = (
        "How closely the cycles follow the PDSA method (Taylor et al. 2014), beside the audit "
        f"of 421 published cycles ({', '.join(sorted(source)) or 'McNicholas et al. 2019'})."
    )
    parts: list[object] = [
        element("p", intro),
        fidelity_table("Fidelity of the programme", profile),
    ]
    if explain:
        parts += [element("h3", "What each figure lacked"), explain_list(profile)]
        verdicts = advance_lines(profile)
        if verdicts:
            parts.append(advance_list(verdicts))
    return _section("_fidelity", "Fidelity", *parts)


def _predictions_section(record: PredictionRecord) -> Markup:
    return _section("_predictions", "Predictions checked against data", prediction_facts(record))


def _attention_section(items: tuple[AttentionItem, ...]) -> Markup:
    groups = grouped_attention(items)
    if not groups:
        return _section("_attention", "Needs attention", element("p", "Nothing."))
    rows = [
        [
            join(
                [
                    badge(
                        ATTENTION_WORDS[kind], "concern" if kind == "measure_concern" else "stale"
                    )
                    for kind in group.kinds
                ],
                " ",
            ),
            element("a", group.project, href=f"#{group.project}"),
            element("code", group.subject) if group.subject else "",
            element("ul", *(element("li", message) for message in group.messages), class_="plain")
            if len(group.messages) > 1
            else group.messages[0],
            day(group.since),
        ]
        for group in groups
    ]
    head = ["what", "project", "cycle or measure", "detail", "since"]
    caption = f"{plural(len(groups), 'item')} in active projects, each with all its reasons"
    return _section("_attention", "Needs attention", table(caption, head, rows))


def _glance_section(projects: tuple[ProjectSummary, ...]) -> Markup:
    """Measures at a glance: each project's measures with their latest value, date, goal,
    signal and assurance, the board's summary table, before the per-project sections."""
    rows = [
        [
            element("a", project.slug, href=f"#{project.slug}"),
            element("a", status.title, href=f"#{project.slug}_measure_{status.slug}"),
            quantity(status.latest_value, status.unit),
            day(status.latest_date, "no data"),
            glance_goal(status),
            badge(status.signal, SIGNAL_KIND.get(status.signal, "quiet")),
            words(status.assurance) if status.assurance else NONE,
        ]
        for project in projects
        for status in project.measures
    ]
    if not rows:
        return Markup("")
    head = ["project", "measure", "latest", "date", "goal", "signal", "assurance"]
    return _section(
        "_glance",
        "Measures at a glance",
        table("Each measure's latest point, goal, signal and assurance", head, rows, numeric=(2,)),
    )


def _shared_section(shared: tuple[SharedMeasure, ...]) -> Markup:
    if not shared:
        return Markup("")
    intro = (
        "Measures several projects share by a programme-wide key: each project's latest value "
        "(dates may differ). Counts are totalled for one calendar month, never across dates; "
        "rates are given as a range, never averaged."
    )
    return _section(
        "_shared",
        "Shared measures",
        element("p", intro),
        *(_shared_table(measure) for measure in shared),
    )


def _shared_table(measure: SharedMeasure) -> Markup:
    rows = [
        [
            element("a", entry.project, href=f"#{entry.project}"),
            entry.measure,
            join([quantity(entry.latest_value, entry.unit), " ", badge("old data", "stale")])
            if entry.old_data
            else quantity(entry.latest_value, entry.unit),
            day(entry.latest_date, "no data"),
        ]
        for entry in measure.entries
    ]
    caption = f"{measure.title} (key {measure.key})"
    head = ["project", "measure", "latest", "date"]
    programme = element("p", element("strong", "Programme: "), measure.summary())
    return join([table(caption, head, rows, numeric=(2,)), programme])


def _errors_section(report: Report) -> Markup:
    if not report.unreadable_files:
        return Markup("")
    items = [element("li", element("code", line)) for line in report.unreadable_files]
    return _section(
        "_errors",
        "Files that could not be read",
        element("p", element("strong", unreadable_note(len(report.unreadable_files)))),
        element("ul", *items, class_="plain"),
        class_="errors",
    )


def _project_section(
    project: ProjectSummary,
    charts: tuple[ChartView, ...],
    *,
    themes: dict[str, str],
    explain: bool,
) -> Markup:
    """One project: its facts, fidelity, predictions and measures with their charts."""
    slug = project.slug
    views = {view.slug: view for view in charts}
    parts: list[object] = [
        element("h2", project.title, id=f"{slug}_heading"),
        element("p", join([element("code", slug), " ", stale_badge(project)]), class_="meta"),
        element("p", join([element("strong", "Aim: "), project.aim]), class_="aim"),
        facts(_project_facts(project, themes)),
        _stuck_list(project),
        element("h3", "Fidelity"),
        fidelity_table(f"Fidelity of {project.title}", project.fidelity),
    ]
    if explain:
        parts.append(explain_list(project.fidelity))
    parts += [element("h3", "Predictions"), prediction_facts(project.predictions)]
    parts.append(_never_studied(project.predictions))
    if explain and project.predictions.checks:
        parts.append(_checks_table(slug, project.predictions))
    parts.append(element("h3", "Measures"))
    if not project.measures:
        parts.append(element("p", "No measures yet."))
    parts += [measure_block(slug, status, views.get(status.slug)) for status in project.measures]
    return element("section", *parts, id=slug, class_="project", aria_labelledby=f"{slug}_heading")


def _project_facts(project: ProjectSummary, themes: dict[str, str]) -> list[tuple[str, object]]:
    theme = None
    if project.theme is not None:
        theme = themes.get(project.theme, project.theme)
    cycles = project.cycles
    decisions = project.decisions
    stale: object = "no"
    if project.stale:
        stale = join([badge("stale", "stale"), " ", project.stale_reason or ""])
    return [
        ("theme", theme),
        ("lead organisation", project.lead_organisation),
        ("status", project.status),
        ("IHI progress score", _score(project.progress_score)),
        (
            "cycles by last phase",
            f"{cycles.total}: {cycles.plan} plan, {cycles.do} do, {cycles.study} study, "
            f"{cycles.act} act (finished)",
        ),
        (
            "decisions",
            f"{decisions.adopt} adopt, {decisions.adapt} adapt, {decisions.abandon} abandon",
        ),
        ("last activity", _activity(project)),
        ("stale", stale),
    ]


def _score(score: float | None) -> str:
    return "not set" if score is None else f"{score:.1f} of 5"


def _stuck_list(project: ProjectSummary) -> Markup:
    if not project.stuck_cycles:
        return Markup("")
    items = [
        element(
            "li",
            element("code", stuck.cycle),
            f" in {stuck.phase} since ",
            f"{stuck.since.isoformat()} ({plural(stuck.days, 'day')})",
        )
        for stuck in project.stuck_cycles
    ]
    return join([element("h3", "Cycles stuck in one phase"), element("ul", *items, class_="plain")])


def _never_studied(record: PredictionRecord) -> Markup:
    if not record.never_studied:
        return Markup("")
    items = [
        element("li", element("code", entry.cycle), f": {entry.reason}")
        for entry in record.never_studied
    ]
    return join([element("p", "Predictions never studied:"), element("ul", *items, class_="plain")])


def _checks_table(project: str, record: PredictionRecord) -> Markup:
    prefix = f"{project}/"
    rows = [
        [
            element("code", f"{check.cycle.removeprefix(prefix)} #{check.position}"),
            check.text,
            check.measure,
            check.outcome.replace("_", " "),
            check.reason,
        ]
        for check in record.checks
    ]
    head = ["cycle", "prediction", "measure", "data", "why"]
    return table("Each checkable prediction", head, rows)
