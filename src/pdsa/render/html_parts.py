"""Pieces of the HTML report: escaping, elements, numbers, figures, measures, the style sheet.

User text is data, never markup: every value handed to these helpers is escaped (with
quotes, and with control characters shown as ``\\x1b``) unless it is :class:`Markup`, which
only this module and :mod:`pdsa.render.report_html` build, from escaped parts.
"""

from __future__ import annotations

import datetime
import html
import math
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from pdsa.analysis.chart_view import ChartView
from pdsa.analysis.fidelity import LABELS, FidelityProfile, Figure, explain_figure, whole_percent
from pdsa.analysis.predictions import PredictionRecord
from pdsa.analysis.programme import MeasureStatus, PhaseCounts, ProjectSummary
from pdsa.render.chart_svg import chart_svg
from pdsa.render.safe import one_line

#: What a table shows where there is no value: an en dash.
NONE = "\u2013"


class Markup(str):
    """HTML that is already safe: built from escaped parts, never from user text as is."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """``value`` as safe HTML text; :class:`Markup` is passed through unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(one_line(str(value)), quote=True))


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """The parts, each escaped unless it is markup, joined by ``separator`` (escaped too)."""
    return Markup(esc(separator).join(esc(part) for part in parts))


def element(name: str, *children: object, **attributes: object) -> Markup:
    """``<name attributes>children</name>``; ``class_`` is ``class``, ``aria_label`` is
    ``aria-label``; attributes that are None are left out."""
    return Markup(f"<{name}{_attributes(attributes)}>{join(children)}</{name}>")


def _attributes(attributes: dict[str, object]) -> str:
    return "".join(
        f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for key, value in attributes.items()
        if value is not None
    )


def badge(word: str, kind: str) -> Markup:
    """A word in a coloured box; the word carries the meaning, the colour only repeats it."""
    return element("span", word, class_=f"badge badge-{kind}")


def facts(pairs: Iterable[tuple[str, object]]) -> Markup:
    """A description list of label and value; values that are None are left out."""
    rows = (
        element("div", element("dt", label), element("dd", value))
        for label, value in pairs
        if value is not None
    )
    return element("dl", *rows, class_="facts")


def table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric: Iterable[int] = (),
    foot: Iterable[Sequence[object]] = (),
) -> Markup:
    """A table whose first cell in each row heads its row, in a box that scrolls sideways
    on a narrow screen; columns in ``numeric`` are right-aligned."""
    right = set(numeric)
    header = element(
        "tr",
        *(
            element("th", name, scope="col", class_="num" if index in right else None)
            for index, name in enumerate(head)
        ),
    )
    parts = [
        element("caption", caption),
        element("thead", header),
        element("tbody", *(_row(row, right) for row in rows)),
    ]
    footer = [_row(row, right) for row in foot]
    if footer:
        parts.append(element("tfoot", *footer))
    return element(
        "div",
        element("table", *parts),
        class_="scroll",
        role="region",
        aria_label=caption,
        tabindex="0",
    )


def _row(cells: Sequence[object], right: set[int]) -> Markup:
    first, *rest = cells
    return element(
        "tr",
        element("th", first, scope="row"),
        *(
            element("td", cell, class_="num" if index in right else None)
            for index, cell in enumerate(rest, start=1)
        ),
    )


def number(value: float | None) -> str:
    """A value for people: up to four significant figures, thousands grouped; a dash for
    None."""
    if value is None:
        return NONE
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 10_000 or (value == int(value) and abs(value) >= 1000):
        return f"{value:,.0f}"
    return f"{value:.4g}"


def quantity(value: float | None, unit: str | None) -> str:
    """``12%``, ``42 people``, ``3.5``; a dash for no value."""
    if value is None:
        return NONE
    if not unit:
        return number(value)
    return f"{number(value)}{'' if unit == '%' else ' '}{unit}"


def plural(count: int, word: str) -> str:
    """``1 cycle``, ``2 cycles``."""
    return f"{count} {word if count == 1 else word + 's'}"


def day(date: datetime.date | None, default: str = "") -> Markup:
    """An ISO date that never breaks across lines; ``default`` when there is none."""
    if date is None:
        return esc(default)
    return element("span", date.isoformat(), class_="date")


_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
_ID = re.compile(r'(?<![\w:-])id="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')


def inline_svg(svg: str, prefix: str) -> Markup:
    """A standalone SVG document made fit to sit inside HTML: no XML declaration, and any
    element ids (and the references to them) prefixed so that two charts never share one."""
    body = _DECLARATION.sub("", svg)
    body = _ID.sub(lambda found: f'id="{prefix}-{found.group(1)}"', body)
    body = _REFERENCE.sub(lambda found: f"{found.group(1)}{prefix}-{found.group(2)}", body)
    return Markup(body.strip())


def stale_badge(project: ProjectSummary) -> Markup:
    """``STALE`` for a stale project, else nothing (the word, not only a colour)."""
    return badge("stale", "stale") if project.stale else Markup("")


def phase_cells(cycles: PhaseCounts) -> list[str]:
    """Cycles by last phase: plan, do, study, act (finished), then the total."""
    counts = (cycles.plan, cycles.do, cycles.study, cycles.act, cycles.total)
    return [str(count) for count in counts]


def fidelity_table(caption: str, profile: FidelityProfile) -> Markup:
    """Each fidelity figure beside its published baseline (whole percents, as
    :func:`~pdsa.analysis.fidelity.format_figure` gives them), with a bar whose fill is the
    figure here and whose red tick is the published audit; the numbers carry the meaning."""
    head = ["figure", "here", "published audit", "bar: here, tick: audit"]
    rows = [_fidelity_row(figure) for figure in profile.figures]
    return table(caption, head, rows, numeric=(1, 2))


def _fidelity_row(figure: Figure) -> list[object]:
    name = figure.name.replace("_", " ")
    label = join([name, element("span", LABELS.get(figure.name, ""), class_="small")])
    percent = NONE
    if figure.denominator:
        percent = f"{whole_percent(figure.numerator, figure.denominator)}%"
    counted = f"{figure.numerator} of {figure.denominator} {figure.of}"
    if figure.unavailable is not None:
        percent, counted = "unknown", figure.unavailable
    here = join([percent, element("span", counted, class_="small")])
    published = NONE
    if figure.baseline is not None:
        whole = Decimal(str(figure.baseline.percent)).quantize(Decimal(1), ROUND_HALF_UP)
        published = f"{whole}%"
    return [label, here, published, _bar(figure)]


def _bar(figure: Figure) -> Markup:
    percent = figure.percent
    fill = "" if percent is None else element("span", class_="fill", style=f"width:{percent:.1f}%")
    baseline = figure.baseline
    tick = (
        ""
        if baseline is None
        else element("span", class_="tick", style=f"left:{baseline.percent:g}%")
    )
    return element("span", fill, tick, class_="bar", aria_hidden="true")


def explain_list(profile: FidelityProfile) -> Markup:
    """Which cycles or series lacked each figure, or could not be judged (``--explain``)."""
    items = [
        element("li", explain_figure(figure).replace("_", " "))
        for figure in profile.figures
        if figure.lacking or figure.unknown
    ]
    if not items:
        return element("p", "Every cycle and series has every feature.")
    return element("ul", *items, class_="plain")


def advance_list(lines: Sequence[str]) -> Markup:
    """Each cycle's verdict on its prediction, with the commits behind it (``--explain``)."""
    return join(
        [
            element("h3", "Predictions made in advance, cycle by cycle (from git)"),
            element("ul", *[element("li", line) for line in lines], class_="plain"),
        ]
    )


def prediction_facts(record: PredictionRecord) -> Markup:
    """The prediction record: what the data say, what the teams said, and where they differ."""
    counts = (
        f"{record.not_checkable} not checkable (no measure or direction named). The data "
        "judge each prediction by the points of its cycle's own test, from its planned start "
        "to its end; a direction is compared with the state earlier cycles left."
    )
    parts = [
        element("p", element("strong", record.summary() + ".")),
        element("p", counts),
        element("p", record.team_summary() + "."),
    ]
    if record.disagreements:
        items = [
            element("li", element("code", verdict.cycle), f": {verdict.side_by_side()}")
            for verdict in record.disagreements
        ]
        parts += [
            element("p", "Where the team and the data disagree:"),
            element("ul", *items, class_="plain"),
        ]
    return join(parts)


SIGNAL_KIND = {"improvement": "improvement", "concern": "concern", "neutral": "neutral"}
ASSURANCE_WORDS = {
    "pass": "pass: the process will consistently meet the goal",
    "fail": "fail: the process will not meet the goal without change",
    "hit_and_miss": "hit and miss: the goal lies within the process limits",
}


def measure_block(project: str, status: MeasureStatus, view: ChartView | None) -> Markup:
    """A measure: its latest value against its goal, its signal, its chart, and the chart's
    notes in words (for screen readers and small screens)."""
    heading_id = f"{project}_measure_{status.slug}"
    title = status.title + (f" ({status.unit})" if status.unit else "")
    kind = element("span", f"{status.slug} · {status.type}", class_="small")
    parts: list[object] = [
        element("h4", title, " ", kind, id=heading_id),
        facts(_measure_facts(status)),
    ]
    if view is not None:
        chart = inline_svg(chart_svg(view), f"{project}_chart_{status.slug}")
        parts += [element("figure", chart), _chart_notes(view)]
    return element("article", *parts, class_="measure", aria_labelledby=heading_id)


def _measure_facts(status: MeasureStatus) -> list[tuple[str, object]]:
    latest: object = "no data yet"
    if status.latest_date is not None:
        latest = join([quantity(status.latest_value, status.unit), " on ", day(status.latest_date)])
        if status.old_data:
            latest = join([latest, " ", badge("old data", "stale")])
    rules: str = status.rules
    if status.rules_weak and status.n_points:
        rules += "; under 10 useful points, run rules rarely fire"
    variation = status.latest_variation
    signal = badge(status.signal, SIGNAL_KIND.get(status.signal, "quiet"))
    if status.signal_basis == "runs over the phase":
        signal = join([signal, " from the runs of the current phase"])
    return [
        ("latest", latest),
        ("old data", _old(status)),
        ("goal", _goal(status)),
        ("signal", signal),
        ("latest point", variation.replace("_", " ") if variation else None),
        ("assurance", ASSURANCE_WORDS.get(status.assurance or "", status.assurance)),
        ("rules", rules),
        ("points", str(status.n_points)),
        ("not charted", status.problem),
    ]


def glance_goal(status: MeasureStatus) -> object:
    """The goal for the at-a-glance table: ``at least 80%`` with met / not met."""
    return NONE if status.goal is None else _goal(status)


def _old(status: MeasureStatus) -> str | None:
    if not status.old_data:
        return None
    return (
        f"the latest point is {plural(status.days_since_latest or 0, 'day')} old; points usually "
        f"come every {plural(status.usual_interval, 'day')}"
    )


def _goal(status: MeasureStatus) -> object:
    if status.goal is None:
        return "none set"
    sign = {"higher": "at least ", "lower": "at most "}.get(status.improvement or "", "")
    text = f"{sign}{quantity(status.goal, status.unit)}"
    reading = status.goal_reading
    if reading is None:
        return text
    kind = "met" if reading.met else "not-met"
    return join([text, " ", badge(reading.short, kind), " ", reading.words])


def _chart_notes(view: ChartView) -> Markup:
    """What the chart's legend says, and the cycles it marks, as text."""
    lines: list[object] = list(view.analysis.legend or ["no signal: the variation is common cause"])
    for mark in view.cycles:
        until = f" to {mark.end.isoformat()}" if mark.end else ""
        outcome = mark.decision or f"in {mark.phase}"
        if mark.verdict_words():
            outcome += f"; {mark.verdict_words()}"
        lines.append(
            join(
                [
                    f"cycle {mark.number} ",
                    element("code", mark.slug),
                    f": {mark.title} ",
                    f"({mark.start.isoformat()}{until}), {outcome}",
                ]
            )
        )
    items = (element("li", line) for line in lines)
    return element(
        "details", element("summary", "The chart in words"), element("ul", *items, class_="plain")
    )


STYLE = """
:root { color-scheme: light; --ink: #1b1f23; --muted: #48525c; --line: #c9d0d6;
  --soft: #f3f5f7; --accent: #1f4e8c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header.top, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.top { padding-top: 1.5rem; border-bottom: 3px solid var(--accent); }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2rem 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
h4 { font-size: 1rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
p, li, dd { overflow-wrap: anywhere; }
td, th { overflow-wrap: normal; }
.date { white-space: nowrap; }
.meta { color: var(--muted); margin: .25rem 0 1rem; }
.note { border-left: 4px solid #b58900; background: #fff8e1; padding: .5rem .75rem; }
section.errors { border: 2px solid #8a2c0d; background: #fdece4; padding: 0 .75rem;
  margin-top: 1rem; }
a { color: var(--accent); }
a:focus-visible, .scroll:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .9em; overflow-wrap: anywhere; }
td code, th code { overflow-wrap: normal; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  gap: .5rem; padding: 0; margin: 1rem 0; list-style: none; }
.cards li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: .5rem .75rem; }
.cards strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; min-width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { border-top: 2px solid var(--line); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.num .small { white-space: normal; }
.small { font-size: .85em; color: var(--muted); font-weight: normal; display: block; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 4px;
  padding: 0 .4rem; font-size: .8em; font-weight: 700; text-transform: uppercase;
  letter-spacing: .03em; line-height: 1.5; white-space: nowrap; }
.badge-stale, .badge-concern, .badge-not-met { color: #8a2c0d; background: #fdece4; }
.badge-ok, .badge-met, .badge-active { color: #1e5631; background: #e7f4ea; }
.badge-improvement { color: #1a4f9c; background: #e6eefb; }
.badge-neutral { color: #5b2a78; background: #f1e8f7; }
.badge-quiet { color: #3d4650; background: #eef0f2; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
  gap: .25rem 1rem; margin: .5rem 0 1rem; }
.facts div { border-bottom: 1px solid var(--soft); padding: .25rem 0; }
.facts dt { font-size: .85rem; color: var(--muted); }
.facts dd { margin: 0; }
.bar { display: block; height: .5rem; background: var(--soft); border: 1px solid var(--line);
  border-radius: 2px; min-width: 6rem; position: relative; }
.bar .fill { display: block; height: 100%; background: var(--accent); }
.bar .tick { position: absolute; top: -.25rem; bottom: -.25rem; width: 2px; background: #b3261e; }
section.project { border-top: 3px solid var(--accent); margin-top: 3rem; }
article.measure { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .75rem .75rem;
  margin: 1rem 0; }
figure { margin: .5rem 0 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
ul.plain { padding-left: 1.25rem; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: var(--accent); }
footer { color: var(--muted); font-size: .85rem; padding: 2rem 1rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.45rem; }
  th, td { padding: .3rem .4rem; }
  thead th { white-space: normal; }
}
@media print {
  body { font-size: 10pt; }
  header.top, main, footer { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  table { min-width: 0; width: 100%; font-size: 8.5pt; }
  thead th, .num { white-space: normal; }
  thead { display: table-header-group; }
  tr, figure, article.measure, .facts div { break-inside: avoid; page-break-inside: avoid; }
  section.project { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge { background: none; }
}
"""
