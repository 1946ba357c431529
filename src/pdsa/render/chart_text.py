"""A measure's chart drawn in the terminal, with its cycles marked under the time axis.

Every mark has a symbol as well as a colour, so the chart reads on a monochrome
terminal and with ``NO_COLOR``: ``●`` common cause, ``▲`` improvement, ``▼`` concern,
``◆`` special cause with no direction; ``─`` centre line,
``╌`` process limits, ``┈`` goal, each named with its value at the right.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from pdsa.analysis.chart_view import ChartView, CycleMark
from pdsa.analysis.result import PhaseResult
from pdsa.analysis.vocabulary import RuleSet, Variation
from pdsa.render.safe import one_line

HEIGHT = 12
LABEL_WIDTH = 9
NAME_WIDTH = 18
SYMBOL = {
    Variation.COMMON: ("●", ""),
    Variation.IMPROVEMENT: ("▲", "bold blue"),
    Variation.CONCERN: ("▼", "bold dark_orange"),
    Variation.NEUTRAL: ("◆", "bold magenta"),
}
CENTRE, LIMIT, GOAL = "─", "╌", "┈"
CENTRE_NAME = {RuleSet.ANHOEJ: "median", RuleSet.IHI: "median", RuleSet.SPC: "mean"}
RULES_NAME = {
    RuleSet.ANHOEJ: "anhoej: run chart around the median, Anhøj rules (longest run, crossings)",
    RuleSet.IHI: "ihi: run chart around the median, IHI rules (shift, trend, runs, astronomical)",
    RuleSet.SPC: "spc: XmR chart, NHS Making Data Count rules",
}


@dataclass
class _Canvas:
    width: int
    cells: list[list[tuple[str, str]]]

    @classmethod
    def blank(cls, width: int, height: int) -> _Canvas:
        return cls(width, [[(" ", "")] * width for _ in range(height)])

    def put(self, row: int, col: int, char: str, style: str, *, over: bool = True) -> None:
        inside = 0 <= row < len(self.cells) and 0 <= col < self.width
        if inside and (over or self.cells[row][col][0] == " "):
            self.cells[row][col] = (char, style)

    def line(self, row: int) -> Text:
        text = Text()
        for char, style in self.cells[row]:
            text.append(char, style=style or None)
        return text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def print_chart(console: Console, view: ChartView) -> None:
    """Draw ``view`` on ``console``: header, plot, time axis, cycles, legend."""
    analysis = view.analysis
    measure = view.measure
    unit = f" ({one_line(measure.unit)})" if measure.unit else ""
    console.print(Text(f"{one_line(measure.title)}{unit}  {one_line(view.name)}", style="bold"))
    better = {"higher": "higher is better", "lower": "lower is better"}.get(
        measure.improvement or "", "no improvement direction"
    )
    goal = f"; goal {_number(measure.goal)}" if measure.goal is not None else ""
    console.print(Text(f"rules: {RULES_NAME[analysis.rules]}; {better}{goal}"))
    points = analysis.points
    if not points:
        console.print(Text("No data points yet: add them with 'pdsa measure record'."))
        return
    # Room at the right for the lines' names and values.
    plot_width = max(20, (console.width or 80) - LABEL_WIDTH - 2 - NAME_WIDTH)
    columns = _columns(len(points), plot_width)
    width = columns[-1] + 1
    low, high = view.value_range()

    def row_of(value: float) -> int:
        share = (min(max(value, low), high) - low) / (high - low)
        return HEIGHT - 1 - round(share * (HEIGHT - 1)) if math.isfinite(share) else HEIGHT // 2

    canvas = _Canvas.blank(width, HEIGHT)
    for phase in analysis.phases:
        _draw_phase(canvas, phase, columns, row_of, measure.goal)
    for point, col in zip(points, columns, strict=True):
        symbol, style = SYMBOL[point.variation]
        canvas.put(row_of(point.value), col, symbol, style)
    labels = {row_of(high): _number(high), row_of(low): _number(low)}
    names = _line_names(view, row_of)
    for row in range(HEIGHT):
        label = labels.get(row, "")
        axis = "┤" if label else "│"
        line = Text(f"{label:>{LABEL_WIDTH}} {axis}") + canvas.line(row)
        if row in names:
            line.append(f" {names[row]}", style="dim")
        console.print(line)
    console.print(Text(" " * LABEL_WIDTH + " └" + "─" * width))
    console.print(
        Text(" " * (LABEL_WIDTH + 2)) + _date_axis(points[0].date, points[-1].date, width)
    )
    for lane in _cycle_lanes(view.cycles, [p.date for p in points], columns, width):
        console.print(Text(f"{'cycles':>{LABEL_WIDTH}}  ") + lane)
    _legend(console, view)


def _line_names(view: ChartView, row_of: Callable[[float], int]) -> dict[int, str]:
    """``mean 71.2``, ``upper 85.3``, ``goal 80``: each line of the current phase named with
    its value at the end of its row (lines that share a row share the label)."""
    current = view.analysis.current_phase
    lines: list[tuple[float | None, str]] = [(view.measure.goal, "goal")]
    if current is not None:
        lines += [
            (current.upper_limit, "upper"),
            (current.centre_line, CENTRE_NAME[view.analysis.rules]),
            (current.lower_limit, "lower"),
        ]
    names: dict[int, list[str]] = {}
    for value, name in lines:
        if value is not None and math.isfinite(value):
            names.setdefault(row_of(value), []).append(f"{name} {_number(value)}")
    return {row: ", ".join(found) for row, found in names.items()}


def _columns(count: int, plot_width: int) -> list[int]:
    """The column of each point: spread out when few, several to a column when many."""
    step = min(3, plot_width // count)
    if step >= 1:
        return [index * step for index in range(count)]
    return [index * plot_width // count for index in range(count)]


def _draw_phase(
    canvas: _Canvas,
    phase: PhaseResult,
    columns: list[int],
    row_of: Callable[[float], int],
    goal: float | None,
) -> None:
    if phase.n_points == 0:
        return
    first = columns[phase.first_point]
    last = columns[phase.first_point + phase.n_points - 1]
    if phase.first_point > 0:
        for row in range(len(canvas.cells)):
            canvas.put(row, first - 1, "┆", "dim", over=False)
    # Making Data Count's colours: limits grey, the centre line solid, the goal red.
    for value, char, style in (
        (phase.centre_line, CENTRE, ""),
        (phase.lower_limit, LIMIT, "dim"),
        (phase.upper_limit, LIMIT, "dim"),
        (goal, GOAL, "red"),
    ):
        if value is None:
            continue
        for col in range(first, last + 1):
            canvas.put(row_of(value), col, char, style, over=False)


def _date_axis(first: datetime.date, last: datetime.date, width: int) -> Text:
    start, end = first.isoformat(), last.isoformat()
    if width < len(start) + len(end) + 2:
        return Text(start)
    return Text(start + " " * (width - len(start) - len(end)) + end)


def _cycle_lanes(
    cycles: tuple[CycleMark, ...], dates: list[datetime.date], columns: list[int], width: int
) -> list[Text]:
    """Each cycle as ``n────`` from its start to its end, in as few lanes as fit."""

    def column_of(day: datetime.date) -> int:
        index = sum(1 for date in dates if date <= day) - 1
        return columns[max(0, index)] if index >= 0 else 0

    lanes: list[list[tuple[str, str]]] = []
    ends: list[int] = []
    for mark in cycles:
        start = column_of(mark.start)
        stop = max(start + len(str(mark.number)), column_of(mark.end or mark.start))
        lane = next((i for i, end in enumerate(ends) if end < start), None)
        if lane is None:
            lanes.append([(" ", "")] * (width + 8))
            ends.append(-1)
            lane = len(lanes) - 1
        style = {"adopt": "green", "adapt": "yellow", "abandon": "red"}.get(
            mark.decision or "", "cyan"
        )
        cells = lanes[lane]
        label = str(mark.number)
        for offset, char in enumerate(label):
            if start + offset < len(cells):
                cells[start + offset] = (char, f"bold {style}")
        for col in range(start + len(label), min(stop + 1, len(cells))):
            cells[col] = ("─", style)
        ends[lane] = stop + 1
    texts = []
    for cells in lanes:
        text = Text()
        for char, style in cells:
            text.append(char, style=style or None)
        text.rstrip()
        texts.append(text)
    return texts


def _legend(console: Console, view: ChartView) -> None:
    analysis = view.analysis
    centre = CENTRE_NAME[analysis.rules]
    key = Text("key: ● common cause  ")
    key.append("▲ improvement", style="bold blue")
    key.append("  ")
    key.append("▼ concern", style="bold dark_orange")
    key.append("  ")
    key.append("◆ special cause", style="bold magenta")
    key.append(f"  {CENTRE} {centre}")
    if analysis.rules is RuleSet.SPC:
        key.append(f"  {LIMIT} process limits")
    if view.measure.goal is not None:
        key.append(f"  {GOAL} goal")
    console.print(key)
    current = analysis.current_phase
    if current is not None:
        facts = [f"{centre} {_number(current.centre_line)}"]
        if current.lower_limit is not None:
            facts.append(
                f"limits {_number(current.lower_limit)} to {_number(current.upper_limit)}"
                + (" (trial limits: fewer than 12 points)" if current.trial_limits else "")
            )
        if current.assurance is not None:
            facts.append(f"assurance: {str(current.assurance).replace('_', ' ')}")
        console.print(Text("; ".join(facts)))
    for line in analysis.legend:
        console.print(Text(f"- {one_line(line)}"))
    if not analysis.legend:
        console.print(Text("- no signal: the variation is common cause"))
    for mark in view.cycles:
        end = f" to {mark.end.isoformat()}" if mark.end else ""
        outcome = mark.decision or f"in {mark.phase}"
        if mark.verdict_words():
            outcome += f"; {mark.verdict_words()}"
        slug = one_line(mark.slug)
        console.print(Text(f"cycle {mark.number} {slug}: {mark.start.isoformat()}{end}, {outcome}"))
