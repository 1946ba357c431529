"""``pdsa chart``: load a measure and the cycles that watch it, and analyse them."""

from __future__ import annotations

import datetime
from dataclasses import replace

from pdsa.analysis.chart_view import ChartView, analyse_measure, cycle_marks, verdicts_by_slug
from pdsa.analysis.predictions import check_predictions
from pdsa.errors import UsageError
from pdsa.store.log import Log
from pdsa.workflow.privacy import masked


def chart(
    log: Log,
    project: str,
    slug: str,
    *,
    today: datetime.date,
    rules: str | None = None,
    screen: bool = True,
    shift_length: int | None = None,
    trend_length: int | None = None,
) -> ChartView:
    """Load, analyse and mark one measure, each cycle with the verdicts on its predictions
    (judged as of ``today``). The rule set comes from the option, else the
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
    scan = log.scan_cycles([project])
    measures = {item.slug: item.record for item in log.scan_measures([project]).records}
    record = check_predictions(
        project,
        [(item.slug, item.record) for item in scan.records],
        measures,
        today=today,
        stale_after_days=log.programme.settings.stale_after_days,
    )
    cycles = []
    for item in scan.records:
        shown, lines = masked(item.record, allow=allow, where=f"{project}/cycles/{item.slug}")
        cycles.append(replace(item, record=shown))
        if slug in item.record.measures:
            hidden += lines
    marks = cycle_marks(cycles, slug, verdicts=verdicts_by_slug(record))
    return ChartView(project, slug, measure, analysis, marks, masked=tuple(hidden))
