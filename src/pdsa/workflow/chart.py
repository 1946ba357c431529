"""``pdsa chart``: load a measure and the cycles that watch it, and analyse them."""

from __future__ import annotations

from dataclasses import replace

from pdsa.analysis.chart_view import ChartView, analyse_measure, cycle_marks
from pdsa.errors import UsageError
from pdsa.store.log import Log
from pdsa.workflow.privacy import masked


def chart(
    log: Log,
    project: str,
    slug: str,
    *,
    rules: str | None = None,
    screen: bool = True,
    shift_length: int | None = None,
    trend_length: int | None = None,
) -> ChartView:
    """Load, analyse and mark one measure. The rule set comes from the option, else the
    measure, else the programme's default."""
    allow = log.programme.privacy.allow
    measure, hidden = masked(log.measure(project, slug), allow=allow, where=f"{project}/{slug}")
    chosen = rules or measure.rules or log.programme.settings.rules
    if chosen == "anhoej" and (shift_length is not None or trend_length is not None):
        raise UsageError(
            "--shift and --trend set the lengths of the ihi and spc rules; the anhoej rules "
            "have no shift or trend",
            hint="add --rules ihi or --rules spc",
        )
    analysis = analyse_measure(
        measure,
        name=f"{project}/{slug}",
        rules=chosen,
        screen=screen,
        shift_length=shift_length,
        trend_length=trend_length,
    )
    cycles = []
    for item in log.scan_cycles([project]).records:
        record, lines = masked(item.record, allow=allow, where=f"{project}/cycles/{item.slug}")
        cycles.append(replace(item, record=record))
        if slug in item.record.measures:
            hidden += lines
    marks = cycle_marks(cycles, slug)
    return ChartView(project, slug, measure, analysis, marks, masked=tuple(hidden))
