"""The report's figures as plain text cells, shared by the table, Markdown and CSV formats.

Nothing here escapes: each format escapes user text its own way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pdsa.analysis.fidelity import LABELS, FidelityProfile, Figure, format_figure, whole_percent
from pdsa.analysis.predictions import PredictionRecord
from pdsa.analysis.programme import (
    AttentionItem,
    MeasureStatus,
    ProgrammeSummary,
    ProjectSummary,
    SharedEntry,
    Totals,
)
from pdsa.analysis.provenance import WORDS
from pdsa.render.safe import plural

#: The fidelity figures the report shows, in order, with short column names.
FIDELITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("predictions", "pred."),
    ("predictions_in_advance", "adv."),
    ("iterative", "iter."),
    ("scale_growth", "scale"),
    ("data_over_time", "data"),
    ("documented", "docs"),
)

#: CSV columns, one row per project; the names are stable for spreadsheets.
CSV_COLUMNS: tuple[str, ...] = (
    "slug", "title", "theme", "lead_organisation", "status", "progress_score",
    "cycles_plan", "cycles_do", "cycles_study", "cycles_act", "cycles_total",
    "adopt", "adapt", "abandon", "last_activity", "days_since_activity", "stale",
    "stale_reason", "predictions_written", "predictions_checkable", "predictions_hit",
    "predictions_miss", "predictions_not_enough_data", "predictions_pending",
    "team_verdict_yes", "team_verdict_no", "team_verdict_partly",
    "team_and_data_disagree", "fidelity_predictions_pct",
    "fidelity_predictions_in_advance_pct", "fidelity_iterative_pct",
    "fidelity_scale_growth_pct", "fidelity_data_over_time_pct", "fidelity_documented_pct",
    "measures", "measures_improvement", "measures_concern", "measures_old_data",
)  # fmt: skip


#: What each ``--sort`` orders the projects by, in words; nothing for the default.
SORT_WORDS: dict[str, str] = {
    "title": "title",
    "theme": "theme",
    "activity": "days since their last activity, longest first",
    "stale": "staleness: stale projects first, then days since their last activity",
    "score": "IHI progress score, highest first",
    "fidelity": f"fidelity: the share of their {LABELS['predictions']}, highest first",
}


def sort_sentence(sort: str) -> str | None:
    """``Projects in order of ...`` for a ``--sort`` other than the default (by slug)."""
    words = SORT_WORDS.get(sort)
    return None if words is None else f"Projects in order of {words}."


def words(name: str) -> str:
    """A rule or figure id as words for a board: ``scale_growth`` -> ``scale growth``."""
    return name.replace("_", " ")


def figure_text(figure: Figure) -> str:
    """``scale growth: 30% (published audit: 30%)``: the figure with its name in words."""
    return format_figure(figure).replace(figure.name, words(figure.name), 1)


def unreadable_note(count: int) -> str:
    """The sentence above the list of files a report could not read."""
    return (
        f"{plural(count, 'file')} could not be read; "
        f"{'its' if count == 1 else 'their'} figures are missing from this report."
    )


@dataclass(frozen=True, slots=True)
class AttentionGroup:
    """Everything the attention list says about one subject (a project, cycle or measure)."""

    project: str
    subject: str | None
    kinds: tuple[str, ...]
    messages: tuple[str, ...]
    since: datetime.date | None

    @property
    def reasons(self) -> str:
        """The messages joined: ``in Do for 40 days; prediction never studied: ...``."""
        return "; ".join(self.messages)


def grouped_attention(items: tuple[AttentionItem, ...]) -> list[AttentionGroup]:
    """The attention list with each subject once, carrying all its reasons, in the order
    each subject first appears."""
    groups: dict[tuple[str, str | None], list[AttentionItem]] = {}
    for item in items:
        groups.setdefault((item.project, item.subject), []).append(item)
    return [
        AttentionGroup(
            project,
            subject,
            tuple(dict.fromkeys(item.kind for item in members)),
            tuple(item.message for item in members),
            min((item.since for item in members if item.since is not None), default=None),
        )
        for (project, subject), members in groups.items()
    ]


def totals_sentence(totals: Totals) -> str:
    """The programme (or theme) totals in one sentence."""
    counts, chosen = totals.cycles, totals.decisions
    return (
        f"{plural(totals.projects, 'project')} ({totals.active} active, {totals.stale} stale). "
        f"Cycles by last phase: plan {counts.plan}, do {counts.do}, study {counts.study}, "
        f"act {counts.act}. Decisions: adopt {chosen.adopt}, adapt {chosen.adapt}, "
        f"abandon {chosen.abandon}. {totals.predictions.summary().capitalize()}; "
        f"{totals.predictions.team_summary()}."
    )


def number(value: float | None) -> str:
    """A value without a needless ``.0``; empty for None."""
    return "" if value is None else f"{value:g}"


def percent(figure: Figure) -> str:
    """``64%``, ``unknown`` when it cannot be computed, or ``-`` when there is nothing to count."""
    if figure.unavailable is not None:
        return "unknown"
    if figure.denominator == 0:
        return "-"
    return f"{whole_percent(figure.numerator, figure.denominator)}%"


def figure_of(project: ProjectSummary, name: str) -> Figure:
    """One fidelity figure of a project by name."""
    figure: Figure = getattr(project.fidelity, name)
    return figure


def advance_lines(profile: FidelityProfile) -> list[str]:
    """Each cycle's verdict on its prediction and the commits behind it, then its hindsight
    edits (``--explain``)."""
    lines = [
        f"{verdict.cycle}: {WORDS[verdict.verdict]}: {verdict.reason}"
        for verdict in profile.advance
    ]
    lines += [
        f"{edit.cycle}: hindsight edit: {edit.describe()}"
        for verdict in profile.advance
        for edit in verdict.hindsight
    ]
    return lines


def phases(project: ProjectSummary) -> str:
    """Cycles by last recorded phase: ``P1 D2 S0 A3``."""
    counts = project.cycles
    return f"P{counts.plan} D{counts.do} S{counts.study} A{counts.act}"


def decisions(project: ProjectSummary) -> str:
    """Act decisions: ``2 adopt, 1 adapt``; ``-`` for none."""
    counts = project.decisions
    parts = [
        f"{count} {name}"
        for count, name in (
            (counts.adopt, "adopt"),
            (counts.adapt, "adapt"),
            (counts.abandon, "abandon"),
        )
        if count
    ]
    return ", ".join(parts) or "-"


def activity(project: ProjectSummary) -> str:
    """``2026-10-14 (17 d)``, or ``none``."""
    if project.last_activity is None:
        return "none"
    return f"{project.last_activity.isoformat()} ({project.days_since_activity} d)"


def stale(project: ProjectSummary) -> str:
    """``STALE`` with its reason, or empty."""
    if not project.stale:
        return ""
    return f"STALE: {project.stale_reason}" if project.stale_reason else "STALE"


def score(project: ProjectSummary) -> str:
    return "" if project.progress_score is None else f"{project.progress_score:.1f}"


def with_unit(value: float | None, unit: str | None) -> str:
    """``78%``, ``42 people``; a bare number without a unit."""
    if value is None:
        return ""
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit in ("%", "‰") else f"{number(value)} {unit}"


def measure_latest(status: MeasureStatus) -> str:
    """``78% on 2026-10-12 (goal 80%: met by the median ...)``; old data says so."""
    if status.latest_value is None or status.latest_date is None:
        return "no data"
    text = f"{with_unit(status.latest_value, status.unit)} on {status.latest_date.isoformat()}"
    if status.old_data:
        text += f" ({old_data(status)})"
    if status.goal is not None:
        reading = status.goal_reading
        text += f" (goal {with_unit(status.goal, status.unit)}"
        text += f": {reading.words})" if reading is not None else ")"
    return text


def old_data(status: MeasureStatus) -> str:
    """``old data: 54 days``, for a measure whose next point is long overdue."""
    return f"old data: {status.days_since_latest} days"


def measure_value(status: MeasureStatus) -> str:
    """The latest value with its unit, or ``no data``; old data says so."""
    if status.latest_value is None:
        return "no data"
    value = with_unit(status.latest_value, status.unit)
    return f"{value} ({old_data(status)})" if status.old_data else value


def measure_goal(status: MeasureStatus) -> str:
    """``80% (met by median)``, ``80% (latest only)``, ``80% (pass)``; empty without a goal."""
    if status.goal is None:
        return ""
    reading = status.goal_reading
    return with_unit(status.goal, status.unit) + (f" ({reading.short})" if reading else "")


def measure_signal(status: MeasureStatus) -> str:
    """The chart's reading: ``improvement``, ``concern``...; with what it rests on when that
    is the phase's runs, assurance for SPC, and cautions."""
    text: str = status.signal
    if status.signal_basis == "runs over the phase":
        text += " (runs)"
    if status.assurance:
        text += f"; assurance {words(status.assurance)}"
    if status.rules_weak and status.n_points:
        text += "; few points"
    return text


#: The prediction counts of a project, as columns: what the data judged.
PREDICTION_COLUMNS = ("written", "checkable", "hit", "miss", "no data")
PREDICTIONS_KEY = (
    "written: predictions in the plans; checkable: those naming a measure and a direction, "
    "each judged by the data as hit, miss, not enough data (no data), or pending while its "
    "test runs. The teams' own verdicts are counted in the totals above."
)


def prediction_counts(record: PredictionRecord) -> tuple[str, ...]:
    """A record's counts under :data:`PREDICTION_COLUMNS`."""
    counts = (record.written, record.checkable, record.hit, record.miss, record.not_enough_data)
    return tuple(map(str, counts))


def report_date(summary: ProgrammeSummary) -> str:
    """``report as of 2026-10-31``, and the day it was made when that is another."""
    text = f"report as of {summary.reading_date.isoformat()}"
    if summary.generated != summary.reading_date:
        text += f" (made {summary.generated.isoformat()})"
    return text


def shared_latest(entry: SharedEntry) -> str:
    """A project's latest value under a shared key, ``no data``, or flagged as old."""
    if entry.latest_value is None:
        return "no data"
    value = with_unit(entry.latest_value, entry.unit)
    return f"{value} (old data)" if entry.old_data else value


#: Under the measures table: what the short goal and signal words mean.
MEASURES_KEY = (
    "goal: met by median = the median of the current phase meets it; latest only = only the "
    "latest point does; SPC: assurance pass, hit and miss or fail. signal (runs) = read from "
    "the runs of the current phase. old data: the next point is overdue by more than the "
    "staleness window"
)


def attention_subject(item: AttentionItem | AttentionGroup) -> str:
    """What an attention item is about: a cycle (``project/slug``), a measure or a project."""
    if item.subject is None:
        return item.project
    return item.subject if "/" in item.subject else f"{item.project}/{item.subject}"


def csv_row(project: ProjectSummary) -> dict[str, str]:
    """The CSV row of one project, under :data:`CSV_COLUMNS`."""
    counts, chosen, record = project.cycles, project.decisions, project.predictions

    def pct(name: str) -> str:
        figure = figure_of(project, name)
        if figure.unavailable is not None:
            return "unknown"
        value = figure.percent
        return "" if value is None else f"{value:.1f}"

    signals = [status.signal for status in project.measures]
    total = counts.plan + counts.do + counts.study + counts.act
    old = sum(status.old_data for status in project.measures)
    return {
        "slug": project.slug,
        "title": project.title,
        "theme": project.theme or "",
        "lead_organisation": project.lead_organisation,
        "status": project.status,
        "progress_score": score(project),
        "cycles_plan": str(counts.plan),
        "cycles_do": str(counts.do),
        "cycles_study": str(counts.study),
        "cycles_act": str(counts.act),
        "cycles_total": str(total),
        "adopt": str(chosen.adopt),
        "adapt": str(chosen.adapt),
        "abandon": str(chosen.abandon),
        "last_activity": project.last_activity.isoformat() if project.last_activity else "",
        "days_since_activity": ""
        if project.days_since_activity is None
        else str(project.days_since_activity),
        "stale": "yes" if project.stale else "no",
        "stale_reason": project.stale_reason or "",
        "predictions_written": str(record.written),
        "predictions_checkable": str(record.checkable),
        "predictions_hit": str(record.hit),
        "predictions_miss": str(record.miss),
        "predictions_not_enough_data": str(record.not_enough_data),
        "predictions_pending": str(record.pending),
        "team_verdict_yes": str(record.team_yes),
        "team_verdict_no": str(record.team_no),
        "team_verdict_partly": str(record.team_partly),
        "team_and_data_disagree": str(len(record.disagreements)),
        "fidelity_predictions_pct": pct("predictions"),
        "fidelity_predictions_in_advance_pct": pct("predictions_in_advance"),
        "fidelity_iterative_pct": pct("iterative"),
        "fidelity_scale_growth_pct": pct("scale_growth"),
        "fidelity_data_over_time_pct": pct("data_over_time"),
        "fidelity_documented_pct": pct("documented"),
        "measures": str(len(project.measures)),
        "measures_improvement": str(signals.count("improvement")),
        "measures_concern": str(signals.count("concern")),
        "measures_old_data": str(old),
    }
