"""A measure's chart as a self-contained SVG: no scripts, no external references.

Readable in a browser and in print (marks differ by shape as well as colour); every
piece of user text is escaped.
"""

from __future__ import annotations

import datetime
import math
from xml.sax.saxutils import escape, quoteattr

from pdsa.analysis.chart_view import ChartView
from pdsa.analysis.vocabulary import RuleSet, Variation
from pdsa.render.safe import one_line

WIDTH, HEIGHT = 800, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 48, 64
LINE_HEIGHT = 18
COLOUR = {
    Variation.COMMON: "#5f6b73",
    Variation.IMPROVEMENT: "#1f5fbf",
    Variation.CONCERN: "#d4661a",
    Variation.NEUTRAL: "#7a3e9d",
}
DECISION_COLOUR = {"adopt": "#2e7d32", "adapt": "#b58900", "abandon": "#c62828"}
CENTRE_NAME = {RuleSet.ANHOEJ: "median", RuleSet.IHI: "median", RuleSet.SPC: "mean"}
# NHS "Making Data Count" line colours: process limits grey (dashed), the centre line
# solid, the target red.
CENTRE_COLOUR = "#3d4650"
LIMIT_COLOUR = "#8a949c"
GOAL_COLOUR = "#c62828"


def _label_colour(style: str) -> str:
    return LIMIT_COLOUR if LIMIT_COLOUR in style else CENTRE_COLOUR


def _line_labels(labels: list[tuple[float, str, str]], *, right: float) -> list[str]:
    """Each line's name and value at the right end of the plot, just above the line,
    moved apart when two would overlap; a white outline keeps them readable over data."""
    placed: list[float] = []
    texts = []
    for y_line, text, colour in sorted(labels, key=lambda item: item[0]):
        y = y_line - 4
        while any(abs(y - other) < 13 for other in placed):
            y += 13
        placed.append(y)
        texts.append(
            f'<text x="{right:.1f}" y="{y:.1f}" text-anchor="end" fill="{colour}" '
            'stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            f'font-size="11">{_text(text)}</text>'
        )
    return texts


def _text(value: str) -> str:
    return escape(one_line(value))


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def _mark(x: float, y: float, variation: Variation) -> str:
    colour = COLOUR[variation]
    if variation is Variation.IMPROVEMENT:
        return f'<path d="M{x:.1f},{y - 6:.1f} l6,10 h-12 z" fill="{colour}"/>'
    if variation is Variation.CONCERN:
        return f'<path d="M{x:.1f},{y + 6:.1f} l6,-10 h-12 z" fill="{colour}"/>'
    if variation is Variation.NEUTRAL:
        return f'<path d="M{x:.1f},{y - 6:.1f} l6,6 l-6,6 l-6,-6 z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def chart_svg(view: ChartView) -> str:
    """The SVG document for ``view``."""
    analysis = view.analysis
    measure = view.measure
    points = analysis.points
    legend_lines = _legend_lines(view)
    height = HEIGHT + LINE_HEIGHT * (len(legend_lines) + len(view.cycles))
    title = f"{measure.title}" + (f" ({measure.unit})" if measure.unit else "")
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label={quoteattr(one_line(title))} '
        'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f"<title>{_text(title)} — {_text(view.name)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="20" font-size="15" font-weight="bold">{_text(title)}</text>',
        f'<text x="{LEFT}" y="36" fill="#444">{_text(view.name)} · rules: {analysis.rules}</text>',
    ]
    if not points:
        parts.append(f'<text x="{LEFT}" y="{TOP + 40}">No data points yet.</text></svg>')
        return "\n".join(parts) + "\n"
    low, high = view.value_range()
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = points[0].date, points[-1].date
    span = max(1, (last - first).days)

    inset = 10  # keeps the first and last marks inside the frame

    def x_of(day: datetime.date) -> float:
        if last == first:
            return LEFT + plot_w / 2
        return LEFT + inset + (day - first).days / span * (plot_w - 2 * inset)

    def y_of(value: float) -> float:
        share = (high - min(max(value, low), high)) / (high - low)
        return TOP + (share if math.isfinite(share) else 0.5) * plot_h

    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#ccc"/>'
    )
    for tick in (high - pad, low + pad):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y_of(tick) + 4:.1f}" '
            f'text-anchor="end">{_number(tick)}</text>'
        )
    for index, mark in enumerate(view.cycles):
        start = max(x_of(max(mark.start, first)), LEFT)
        end_day = min(mark.end or mark.start, last)
        end = max(start + 2, min(x_of(end_day), LEFT + plot_w))
        colour = DECISION_COLOUR.get(mark.decision or "", "#0097a7")
        parts.append(
            f'<rect x="{start:.1f}" y="{TOP}" width="{end - start:.1f}" height="{plot_h}" '
            f'fill="{colour}" fill-opacity="0.08"/>'
        )
        parts.append(
            f'<text x="{start + 2:.1f}" y="{TOP + 12 + 12 * (index % 3)}" fill="{colour}" '
            f'font-weight="bold">{mark.number}</text>'
        )
    labels: list[tuple[float, str, str]] = []
    for phase in analysis.phases:
        if not phase.n_points:
            continue
        phase_points = points[phase.first_point : phase.first_point + phase.n_points]
        x0, x1 = x_of(phase_points[0].date), x_of(phase_points[-1].date)
        if phase.first_point:
            parts.append(
                f'<line x1="{x0 - 4:.1f}" y1="{TOP}" x2="{x0 - 4:.1f}" y2="{TOP + plot_h}" '
                'stroke="#888" stroke-dasharray="2,3"/>'
            )
        current = phase is analysis.current_phase
        centre = CENTRE_NAME[analysis.rules]
        for level, style, name in (
            (phase.centre_line, f'stroke="{CENTRE_COLOUR}" stroke-width="1.5"', centre),
            (phase.upper_limit, f'stroke="{LIMIT_COLOUR}" stroke-dasharray="6,4"', "upper limit"),
            (phase.lower_limit, f'stroke="{LIMIT_COLOUR}" stroke-dasharray="6,4"', "lower limit"),
        ):
            if level is not None:
                y_line = y_of(level)
                parts.append(
                    f'<line x1="{x0:.1f}" y1="{y_line:.1f}" x2="{x1:.1f}" '
                    f'y2="{y_line:.1f}" {style}/>'
                )
                if current:
                    labels.append((y_line, f"{name} {_number(level)}", _label_colour(style)))
    if measure.goal is not None:
        y = y_of(measure.goal)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
            f'stroke="{GOAL_COLOUR}" stroke-dasharray="8,3" stroke-width="1.5"/>'
        )
        labels.append((y, f"goal {_number(measure.goal)}", GOAL_COLOUR))
    parts.extend(_line_labels(labels, right=LEFT + plot_w - 4))
    path = " ".join(f"{x_of(p.date):.1f},{y_of(p.value):.1f}" for p in points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="#9aa5ad" stroke-width="1"/>')
    parts.extend(_mark(x_of(p.date), y_of(p.value), p.variation) for p in points)
    axis_y = TOP + plot_h + 16
    parts.append(f'<text x="{LEFT}" y="{axis_y}">{first.isoformat()}</text>')
    parts.append(
        f'<text x="{LEFT + plot_w}" y="{axis_y}" text-anchor="end">{last.isoformat()}</text>'
    )
    y = HEIGHT - 20
    for line in legend_lines:
        parts.append(f'<text x="{LEFT}" y="{y}">{_text(line)}</text>')
        y += LINE_HEIGHT
    for mark in view.cycles:
        until = f" to {mark.end.isoformat()}" if mark.end else ""
        colour = DECISION_COLOUR.get(mark.decision or "", "#0097a7")
        outcome = mark.decision or f"in {mark.phase}"
        if mark.verdict_words():
            outcome += f"; {mark.verdict_words()}"
        parts.append(
            f'<text x="{LEFT}" y="{y}" fill="{colour}">cycle {mark.number} {_text(mark.slug)}: '
            f"{_text(mark.title)} ({mark.start.isoformat()}{until}), {_text(outcome)}</text>"
        )
        y += LINE_HEIGHT
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _legend_lines(view: ChartView) -> list[str]:
    analysis = view.analysis
    centre = CENTRE_NAME[analysis.rules]
    lines = [
        "key: circle common cause, triangle up improvement, triangle down concern, "
        "diamond special cause (no direction)",
        f"solid line {centre}"
        + ("; grey dashed lines process limits" if analysis.rules is RuleSet.SPC else "")
        + ("; red dashed line goal" if view.measure.goal is not None else "")
        + "; shaded bands: cycles, numbered",
    ]
    current = analysis.current_phase
    if current is not None:
        fact = f"{centre} {_number(current.centre_line)}"
        if current.lower_limit is not None:
            fact += f"; limits {_number(current.lower_limit)} to {_number(current.upper_limit)}"
        if current.assurance is not None:
            fact += f"; assurance: {str(current.assurance).replace('_', ' ')}"
        lines.append(fact)
    lines.extend(analysis.legend or ["no signal: the variation is common cause"])
    return lines
