"""The report as Markdown, for a wiki, an e-mail or a pull request."""

from __future__ import annotations

import re

from pdsa.analysis.fidelity import LABELS, explain_figure
from pdsa.analysis.report_view import Report
from pdsa.render import report_cells as cells
from pdsa.render.safe import one_line, visible

# What would break a table or start markup, and only that, so that the text still reads
# well as plain text (CommonMark and GitHub's tables): a pipe (ends a cell); a backslash
# before punctuation (would escape it); * and ` (emphasis, code); _ and ~~ at a word's edge
# (emphasis, strikethrough); [ with a ] after it (a link); < before a tag's first character
# (raw HTML); & before an entity's name (would be decoded).
_MARKUP = re.compile(
    r"""\|
    | \\(?=[!-/:-@\[-`{-~])
    | [*`]
    | (?<![0-9A-Za-z])_ | _(?![0-9A-Za-z])
    | ~~
    | \[(?=[^\]]*\])
    | <(?=[A-Za-z/!?])
    | &(?=\#?[0-9A-Za-z]+;)""",
    re.VERBOSE,
)
# At the start of a line (a list item's or heading's text): a heading, quote, list or rule.
_LINE_START = re.compile(r"^(?:#{1,6}(?= |$)|>|[+-](?= |$)|[0-9]{1,9}[.)](?= |$))")


def md(text: str) -> str:
    """User text as literal Markdown on one line: characters that would break a table or
    start markup are backslash-escaped; nothing else is touched (no ``&amp;``, no ``\\(``)."""
    flat = _MARKUP.sub(lambda found: "".join("\\" + char for char in found.group()), one_line(text))
    return _LINE_START.sub(lambda found: found.group()[:-1] + "\\" + found.group()[-1], flat)


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
    out = [f"# {md(summary.programme)}", "", f"{cells.report_date(summary).capitalize()}."]
    if summary.period is not None:
        out[-1] += (
            f" Activity from {summary.period.since or 'the start'}"
            f" to {summary.period.until or 'now'}."
        )
    if report.programme.example:
        out += ["", "*The bundled example: its organisations, people and data are invented.*"]
    if report.unreadable_files:
        out += [
            "",
            "## Files that could not be read",
            "",
            cells.unreadable_note(len(report.unreadable_files)),
            "",
        ]
        out += [f"- {md(line)}" for line in report.unreadable_files]
    out += ["", cells.totals_sentence(totals)]
    if (order := cells.sort_sentence(report.sort)) is not None:
        out.append(order)
    out += ["", "## Projects", ""]
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
                md(project.predictions.short()),
            )
            for project in report.projects
        ],
    )
    out += ["Cycles: P plan, D do, S study, A act (finished), by last recorded phase.", ""]
    disagreements = totals.predictions.disagreements
    if disagreements:
        out += ["## Team and data disagree", ""]
        out += [
            f"- {name(verdict.cycle)}: {md(verdict.side_by_side())}" for verdict in disagreements
        ]
        out.append("")
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
    out += [md(cells.MEASURES_KEY), ""]
    out += ["## Fidelity", ""]
    out += [
        "Projects shown together, beside the audit of 421 real cycles (McNicholas et al. 2019):",
        "",
    ]
    out += [
        f"- {md(cells.figure_text(figure))}: {md(LABELS[figure.name])}"
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
        out += [
            f"- {md(cells.words(explain_figure(figure)))}" for figure in totals.fidelity.figures
        ]
        out.append("")
        verdicts = cells.advance_lines(totals.fidelity)
        if verdicts:
            out += ["### Predictions made in advance, cycle by cycle (from git)", ""]
            out += [f"- {md(line)}" for line in verdicts]
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
            values = ", ".join(
                f"{name(entry.project)} {md(cells.shared_latest(entry))} "
                f"({entry.latest_date.isoformat()})"
                for entry in shared.entries
                if entry.latest_date is not None
            )
            out.append(
                f"- {name(shared.key)} ({md(shared.title)}): {md(shared.summary())}. "
                f"Latest values: {values or 'none'}"
            )
        out.append("")
    out += ["## Needs attention", ""]
    out += [
        f"- {name(cells.attention_subject(group))}: {md(group.reasons)}"
        for group in cells.grouped_attention(summary.attention)
    ] or ["Nothing: no stale projects, stuck cycles or concerns."]
    return "\n".join(out).rstrip("\n") + "\n"
