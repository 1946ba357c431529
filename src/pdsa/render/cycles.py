"""Cycles in the terminal: the ``pdsa list`` table and the ``pdsa show`` worksheet."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pdsa.analysis.cycle_rows import CycleRow
from pdsa.analysis.predictions import CycleVerdict
from pdsa.model.cycle import Cycle, Prediction, Scale
from pdsa.render.fit import Column, fitted_table
from pdsa.render.safe import cut, one_line, plural, visible

PHASE_STYLE = {"plan": "cyan", "do": "yellow", "study": "magenta", "act": "green"}
DECISION_STYLE = {"adopt": "green", "adapt": "yellow", "abandon": "red"}
#: The fields of Do, Study and Act as the worksheet shows them: (field, label).
LATER_PHASES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "do",
        (
            ("date", "date"),
            ("as_planned", "as planned"),
            ("observations", "observations"),
            ("unplanned", "not in the plan"),
            ("problems", "problems"),
        ),
    ),
    (
        "study",
        (
            ("date", "date"),
            ("results", "results"),
            ("prediction_matched", "prediction matched"),
            ("learning", "learning"),
        ),
    ),
    ("act", (("date", "date"), ("decision", "decision"), ("changes", "changes"), ("next", "next"))),
)


#: The columns of ``pdsa list``: the number, slug, phase and last date always; the title
#: and the decision while there is room (the slug is made from the title, and a slug that
#: can be copied whole matters more than a title squeezed to a few letters).
LIST_COLUMNS = (
    Column("no.", justify="right"),
    Column("slug"),
    Column("title", rank=3, wrap=True, min_width=12),
    Column("phase"),
    Column("last date"),
    Column("decision", rank=2),
)


def print_cycles(console: Console, rows: list[CycleRow]) -> None:
    """The ``pdsa list`` view: one table per project, each fitting the terminal."""
    for project, group in groupby(rows, key=lambda row: row.project):
        console.print(cycles_table(project, list(group), width=console.width or 80))
        console.print()


def cycles_table(project: str, rows: Iterable[CycleRow], *, width: int = 120) -> Table:
    """One project's cycles, fitted to ``width``."""
    cells = [
        [
            Text(str(row.number)),
            Text(one_line(row.slug)),
            Text(one_line(row.title)),
            Text(row.phase, style=PHASE_STYLE[row.phase]),
            Text(row.last_date.isoformat()),
            Text(row.decision or "", style=DECISION_STYLE.get(row.decision or "", "")),
        ]
        for row in rows
    ]
    return fitted_table(
        LIST_COLUMNS, cells, width=width, title=Text(one_line(project), style="bold")
    )


def print_worksheet(console: Console, row: CycleRow, verdict: CycleVerdict | None = None) -> None:
    """The whole cycle, phase by phase, as a readable worksheet; with ``verdict``, what the
    data say of each prediction, beside the team's Study verdict."""
    cycle = row.cycle
    heading = Text(one_line(f"{row.project}/{row.slug}"), style="bold")
    heading.append(f"  cycle {row.number}, phase {row.phase}")
    console.print(heading)
    console.print(Text(visible(cut(cycle.title)), style="bold"))
    links = _fields(
        ("change idea", ", ".join(cycle.change_ideas) or None),
        ("follows", cycle.follows),
        ("measures", ", ".join(cycle.measures) or None),
    )
    if links:
        console.print(links)
    for phase, body in _phases(cycle, verdict):
        console.print(Panel(body, title=Text(phase), title_align="left", expand=True))


def _fields(*pairs: tuple[str, object]) -> RenderableType | None:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    shown = False
    for label, value in pairs:
        if value is None or value == "" or value == []:
            continue
        table.add_row(Text(label), _as_text(value))
        shown = True
    return table if shown else None


def _as_text(value: object) -> Text:
    if isinstance(value, bool):
        return Text("yes" if value else "no")
    if isinstance(value, list):
        return Text(cut("\n".join(f"- {visible(cut(_describe(item)))}" for item in value)))
    return Text(visible(cut(_describe(value))))


def _describe(value: object) -> str:
    if isinstance(value, Prediction):
        text = value.text
        if value.measure:
            target = f" {value.target:g}" if value.target is not None else ""
            way = {
                "increase": "at least" if target else "up",
                "decrease": "at most" if target else "down",
            }
            text += f"  [{value.measure} {way.get(value.direction or '', '')}{target}]".replace(
                "  ]", "]"
            )
        return text
    if isinstance(value, Scale):
        numbers = [
            plural(count, word, many)
            for count, word, many in (
                (value.people, "person", "people"),
                (value.sites, "site", None),
                (value.days, "day", None),
            )
            if count is not None
        ]
        return value.description + (f" ({', '.join(numbers)})" if numbers else "")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _predictions(cycle: Cycle, verdict: CycleVerdict | None) -> list[str] | None:
    """Each prediction, with the data's verdict on it when it can be checked."""
    if not cycle.plan.predictions:
        return None
    checks = {check.position: check for check in verdict.checks} if verdict else {}
    lines = []
    for position, entry in enumerate(cycle.plan.predictions, start=1):
        line = _describe(entry)
        check = checks.get(position)
        if check is not None:
            line += f"\n  data: {check.outcome_words} ({check.reason})"
        lines.append(line)
    return lines


def _verdicts(verdict: CycleVerdict | None) -> str | None:
    """``team: no; data: hit (they disagree)``, when there is something to compare."""
    if verdict is None or not verdict.written:
        return None
    text = verdict.side_by_side()
    return text + " (they disagree)" if verdict.disagrees else text


def _phases(cycle: Cycle, verdict: CycleVerdict | None = None) -> list[tuple[str, RenderableType]]:
    plan = cycle.plan
    tasks = [
        " / ".join(
            part
            for part in (
                task.what,
                task.who,
                task.when.isoformat() if task.when else None,
                task.where,
            )
            if part
        )
        for task in plan.tasks
    ]
    sections: list[tuple[str, RenderableType | None]] = [
        (
            "Plan",
            _fields(
                ("date", plan.date),
                ("objective", plan.objective),
                ("questions", plan.questions or None),
                ("predictions", _predictions(cycle, verdict)),
                ("tasks", tasks or None),
                ("data collection", plan.data_collection),
                ("scale", plan.scale),
                ("start", plan.start),
                ("end", plan.end),
            ),
        )
    ]
    for phase, labels in LATER_PHASES:
        record = getattr(cycle, phase)
        if record is not None:
            pairs: list[tuple[str, object]] = [
                (label, getattr(record, field)) for field, label in labels
            ]
            if phase == "study":
                pairs.append(("verdicts", _verdicts(verdict)))
            sections.append((phase.capitalize(), _fields(*pairs)))
    return [(title, body if body is not None else Group()) for title, body in sections]
