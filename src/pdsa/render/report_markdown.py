"""The report as Markdown, for a wiki, an e-mail or a pull request."""

from __future__ import annotations

import re

from pdsa.analysis.fidelity import LABELS, explain_figure, format_figure
from pdsa.analysis.report_view import Report
from pdsa.render import report_cells as cells
from pdsa.render.safe import one_line, visible

# Characters Markdown (CommonMark and GitHub's tables) could read as markup.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md(text: str) -> str:
    """User text as literal Markdown: on one line, markup characters escaped, no raw HTML."""
    flat = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


# What an inline code span cannot hold safely: a backtick ends it, a pipe ends a table
# cell, a line break or a control character does not belong in a name.
_NOT_IN_CODE = re.compile(r"[`|\s]")


def name(text: str) -> str:
    """A slug or key as inline code; one placed by hand that a code span cannot hold (a
    folder named with backticks, pipes or control characters) as escaped text."""
    if text and not _NOT_IN_CODE.search(text) and visible(text) == text:
        return f"`{text}`"
    return md(text)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def report_markdown(report: Report, *, explain: bool = False) -> str:
    """The whole report as one Markdown document."""
    summary = report.summary
    totals = summary.totals
    out = [f"# {md(summary.programme)}", "", f"Report of {summary.generated.isoformat()}."]
    if summary.period is not None:
        out[-1] += (
            f" Activity from {summary.period.since or 'the start'}"
            f" to {summary.period.until or 'now'}."
        )
    if report.programme.example:
        out += ["", "*The bundled example: its organisations, people and data are invented.*"]
    out += [
        "",
        cells.totals_sentence(totals),
        "",
        "## Projects",
        "",
    ]
    out += _table(
        (
            "project",
            "title",
            "theme",
            "lead",
            "score",
            "cycles",
            "decisions",
            "last activity",
            "stale",
            "predictions",
        ),
        [
            (
                name(project.slug),
                md(project.title),
                md(project.theme or ""),
                md(project.lead_organisation),
                cells.score(project),
                cells.phases(project),
                cells.decisions(project),
                cells.activity(project),
                md(cells.stale(project)),
                md(project.predictions.summary()) if project.predictions.total else "none",
            )
            for project in report.projects
        ],
    )
    out += ["Cycles: P plan, D do, S study, A act (finished), by last recorded phase.", ""]
    out += ["## Key measures", ""]
    out += _table(
        ("project", "measure", "latest", "signal"),
        [
            (
                name(project.slug),
                md(status.title),
                md(cells.measure_latest(status)),
                md(cells.measure_signal(status)),
            )
            for project in report.projects
            for status in project.measures
        ],
    )
    out += ["## Fidelity", ""]
    out += [
        "Projects shown together, beside the audit of 421 real cycles (McNicholas et al. 2019):",
        "",
    ]
    out += [
        f"- {md(format_figure(figure))}: {md(LABELS[figure.name])}"
        for figure in totals.fidelity.figures
    ]
    out.append("")
    names = [name for name, _ in cells.FIDELITY_COLUMNS]
    out += _table(
        ("project", *[short for _, short in cells.FIDELITY_COLUMNS]),
        [
            (name(project.slug), *[cells.percent(cells.figure_of(project, n)) for n in names])
            for project in report.projects
        ],
    )
    if explain:
        out += ["### Which cycles lacked what", ""]
        out += [f"- {md(explain_figure(figure))}" for figure in totals.fidelity.figures]
        out.append("")
    if summary.themes:
        out += ["## Themes", ""]
        out += _table(
            ("theme", "projects", "stale", "cycles", "predictions"),
            [
                (
                    md(theme.title or theme.id or "(no theme)"),
                    str(theme.totals.projects),
                    str(theme.totals.stale),
                    f"P{theme.totals.cycles.plan} D{theme.totals.cycles.do} "
                    f"S{theme.totals.cycles.study} A{theme.totals.cycles.act}",
                    md(theme.totals.predictions.summary()),
                )
                for theme in summary.themes
            ],
        )
    if summary.shared_measures:
        out += ["## Programme-wide measures", ""]
        for shared in summary.shared_measures:
            unit = next((entry.unit for entry in shared.entries if entry.unit), None)
            values = ", ".join(
                f"{name(entry.project)} {md(cells.with_unit(entry.latest_value, entry.unit))}"
                for entry in shared.entries
                if entry.latest_value is not None
            )
            total = md(cells.shared_total(shared.total, shared.mean, unit))
            out.append(f"- {name(shared.key)} ({md(shared.title)}): {total}; {values}")
        out.append("")
    out += ["## Needs attention", ""]
    out += [
        f"- {name(cells.attention_subject(item))}: {md(item.message)}" for item in summary.attention
    ] or ["Nothing: no stale projects, stuck cycles or concerns."]
    return "\n".join(out).rstrip("\n") + "\n"
