"""The programme summary: staleness at its boundary, measures, shared keys, attention, JSON."""

from __future__ import annotations

import datetime
import gc
import json
import time
from collections.abc import Sequence
from typing import Any

import pytest

from pdsa.analysis.programme import (
    Period,
    ProgrammeSummary,
    ProjectSummary,
    measure_status,
    summarise_programme,
    summarise_project,
)
from pdsa.model.cycle import Cycle
from pdsa.model.measure import ChartPhase, Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project

TODAY = datetime.date(2024, 12, 1)
STALE = 30


def ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def make_programme(**settings: Any) -> Programme:
    return Programme.model_validate(
        {
            "schema_version": 1,
            "name": "Northbridge",
            "themes": [
                {"id": "testing", "title": "Increasing testing"},
                {"id": "care", "title": "Treatment and care"},
            ],
            "settings": {"stale_after_days": STALE, **settings},
        }
    )


def make_project(**fields: Any) -> Project:
    return Project.model_validate(
        {
            "schema_version": 1,
            "title": "Outreach",
            "aim": "Test 500 people by March",
            "lead_organisation": "Community Trust",
            **fields,
        }
    )


def make_cycle(
    last: int, phases: str = "p", *, decision: str = "adopt", predictions: Sequence[Any] = ()
) -> Cycle:
    """A cycle whose every recorded phase is dated ``last`` days before TODAY."""
    when = ago(last)
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "A cycle",
        "change_idea": "idea",
        "plan": {"date": when, "objective": "Test it", "predictions": list(predictions)},
    }
    if "d" in phases:
        data["do"] = {"date": when, "as_planned": True, "observations": "Done"}
    if "s" in phases:
        data["study"] = {
            "date": when,
            "results": "Results",
            "prediction_matched": "yes",
            "learning": "Learnt",
        }
    if "a" in phases:
        data["act"] = {"date": when, "decision": decision}
    return Cycle.model_validate(data)


def make_measure(values: Sequence[float], **fields: Any) -> Measure:
    start = ago(7 * len(values))
    return Measure.model_validate(
        {
            "schema_version": 1,
            "title": "Attendance",
            "type": "process",
            **fields,
            "points": [
                {"date": start + datetime.timedelta(days=7 * i), "value": float(value)}
                for i, value in enumerate(values)
            ],
        }
    )


def project_of(
    cycles: Sequence[tuple[str, Cycle]] = (),
    measures: Sequence[tuple[str, Measure]] = (),
    **fields: Any,
) -> ProjectSummary:
    return summarise_project(
        "p", make_project(**fields), cycles, measures, today=TODAY, stale_after_days=STALE
    )


# Cycles, decisions, staleness ------------------------------------------------------------------


def test_cycles_by_phase_and_decisions() -> None:
    summary = project_of(
        [
            ("a", make_cycle(1)),
            ("b", make_cycle(1, "pd")),
            ("c", make_cycle(1, "pds")),
            ("d", make_cycle(1, "pdsa", decision="adopt")),
            ("e", make_cycle(1, "pdsa", decision="abandon")),
            ("f", make_cycle(1, "pdsa", decision="abandon")),
        ]
    )
    assert summary.cycles.to_json() == {"plan": 1, "do": 1, "study": 1, "act": 3, "total": 6}
    assert summary.decisions.to_json() == {"adopt": 1, "adapt": 0, "abandon": 2}


def test_exactly_stale_after_days_without_activity_is_not_stale() -> None:
    summary = project_of([("done", make_cycle(STALE, "pdsa"))])
    assert (summary.last_activity, summary.days_since_activity) == (ago(STALE), STALE)
    assert not summary.stale
    assert summary.stale_reason is None


def test_one_day_more_is_stale() -> None:
    summary = project_of(
        [("done", make_cycle(STALE + 1, "pdsa")), ("older", make_cycle(99, "pdsa"))]
    )
    assert summary.stale
    assert summary.stale_reason == "no activity for 31 days"
    assert summary.stuck_cycles == ()  # finished cycles are never stuck


@pytest.mark.parametrize(("days", "stuck"), [(STALE, False), (STALE + 1, True)])
def test_a_cycle_stuck_in_one_phase_makes_an_active_project_stale(days: int, stuck: bool) -> None:
    summary = project_of([("recent", make_cycle(1, "pdsa")), ("slow", make_cycle(days, "pd"))])
    assert summary.days_since_activity == 1
    assert summary.stale is stuck
    if stuck:
        assert [(s.cycle, s.phase, s.since, s.days) for s in summary.stuck_cycles] == [
            ("p/slow", "do", ago(days), days)
        ]
        assert summary.stale_reason == "1 cycle stuck in one phase"


@pytest.mark.parametrize("status", ["paused", "completed", "closed"])
def test_only_active_projects_go_stale(status: str) -> None:
    summary = project_of([("slow", make_cycle(400, "pd"))], status=status)
    assert not summary.stale
    assert len(summary.stuck_cycles) == 1  # still listed, but not a reason for attention


def test_a_project_without_cycles_is_stale_from_its_start_date() -> None:
    assert not project_of(started=ago(STALE)).stale
    late = project_of(started=ago(STALE + 1))
    assert late.stale
    assert late.stale_reason == "no activity in the 31 days since the project started"
    assert late.last_activity is None
    assert not project_of().stale  # no start date: nothing to judge


def test_recording_a_data_point_is_activity() -> None:
    # The cycles went quiet 60 days ago, but the team recorded a point 7 days ago.
    cycles = [("done", make_cycle(60, "pdsa"))]
    quiet = project_of(cycles)
    assert (quiet.stale, quiet.days_since_activity) == (True, 60)
    recording = project_of(cycles, [("m", make_measure([1, 2]))])
    assert (recording.last_activity, recording.days_since_activity) == (ago(7), 7)
    assert not recording.stale
    only_points = project_of(measures=[("m", make_measure([1]))], started=ago(400))
    assert (only_points.last_activity, only_points.stale) == (ago(7), False)


# Measures --------------------------------------------------------------------------------------

SHIFT_UP = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 20, 21, 22, 20, 21, 22, 20, 21]


def test_measure_status_reads_the_latest_value_against_the_goal() -> None:
    status = measure_status("m", make_measure([5, 6, 7], improvement="higher", goal=7, unit="%"))
    assert (status.n_points, status.latest_date, status.latest_value) == (3, ago(7), 7.0)
    # One point never decides "goal met": the latest meets it, the phase's median does not.
    assert status.goal_reading is not None
    assert (status.goal_met, status.goal_reading.kind) == (False, "latest_only")
    assert status.goal_reading.words == (
        "met by the latest point only; the median of the current phase (6) is not"
    )
    met = measure_status("m", make_measure([7, 8, 6], improvement="higher", goal=7))
    assert met.goal_reading is not None
    assert (met.goal_met, met.goal_reading.kind, met.goal_reading.short) == (
        True,
        "met",
        "met by median",
    )
    assert met.goal_reading.words == (
        "met by the median of the current phase (7), but not by the latest point"
    )
    lower = measure_status("m", make_measure([5, 6, 7.5], improvement="lower", goal=7))
    assert (lower.goal_met, lower.goal_reading and lower.goal_reading.kind) == (True, "met")
    neither = measure_status("m", make_measure([8, 9, 7.5], improvement="lower", goal=7))
    assert neither.goal_reading is not None and neither.goal_reading.kind == "not_met"
    assert measure_status("m", make_measure([5], goal=7)).goal_met is None  # no direction


def test_the_goal_reading_follows_the_current_phase_not_older_points() -> None:
    values = [1, 1, 1, 1, 9, 9, 9]
    rebased = make_measure(values, improvement="higher", goal=5)
    rebased = rebased.model_copy(
        update={"phases": [ChartPhase(start=rebased.points[4].date, reason="new rota")]}
    )
    status = measure_status("m", rebased)
    assert status.goal_reading is not None and status.goal_reading.kind == "met"
    whole = measure_status("m", make_measure(values, improvement="higher", goal=5))
    assert whole.goal_reading is not None and whole.goal_reading.kind == "latest_only"


@pytest.mark.parametrize(
    ("goal", "kind", "met"),
    [(5, "pass", True), (15, "hit_and_miss", False), (40, "fail", False)],
)
def test_on_an_spc_chart_the_goal_is_read_by_assurance(goal: float, kind: str, met: bool) -> None:
    values = [14, 16, 15, 14, 16, 15, 14, 16, 15, 14, 16, 15, 16]
    status = measure_status("m", make_measure(values, rules="spc", goal=goal, improvement="higher"))
    assert status.assurance == kind
    assert status.goal_reading is not None
    assert (status.goal_reading.kind, status.goal_met) == (kind, met)
    assert status.goal_reading.words.startswith(kind.replace("_", " ") + ": ")
    assert "the process limits (" in status.goal_reading.words


def test_data_older_than_the_staleness_window_plus_its_interval_is_old() -> None:
    weekly = make_measure([1, 2, 3])  # points 21, 14 and 7 days ago
    fresh = measure_status("m", weekly, today=ago(-30), stale_after_days=30)
    assert (fresh.usual_interval, fresh.days_since_latest, fresh.old_data) == (7, 37, False)
    old = measure_status("m", weekly, today=ago(-31), stale_after_days=30)
    assert (old.days_since_latest, old.old_data) == (38, True)
    assert old.to_json()["old_data"] is True
    lone = measure_status("m", make_measure([1]), today=ago(-24), stale_after_days=30)
    assert (lone.usual_interval, lone.old_data) == (0, True)  # 31 days, no interval


def test_signal_is_improvement_or_concern_by_the_improvement_direction() -> None:
    better = measure_status("m", make_measure(SHIFT_UP, improvement="higher"))
    assert (better.signal, better.latest_variation) == ("improvement", "special_cause_improvement")
    worse = measure_status("m", make_measure(SHIFT_UP, improvement="lower"))
    assert (worse.signal, worse.latest_variation) == ("concern", "special_cause_concern")
    flat = measure_status("m", make_measure([9, 11] * 6, improvement="higher"))
    assert (flat.signal, flat.latest_variation) == ("no signal", "common_cause")
    assert not flat.rules_weak


def test_too_few_crossings_on_an_improving_measure_reads_improvement_not_neutral() -> None:
    values = [1, 1, 1, 1, 1, 3, 3, 3, 3, 3]
    status = measure_status("m", make_measure(values, improvement="higher"))
    assert (status.signal, status.signal_basis, status.latest_variation) == (
        "improvement",
        "runs over the phase",
        "common_cause",
    )
    # Nothing on the chart reads as a concern either.
    assert status.analysis is not None
    assert all(point.variation != "special_cause_concern" for point in status.analysis.points)
    worse = measure_status("m", make_measure(values, improvement="lower"))
    assert (worse.signal, worse.signal_basis) == ("concern", "runs over the phase")
    # "neutral" only as Making Data Count uses it: a special cause with no direction.
    plain = measure_status("m", make_measure(values))
    assert (plain.signal, plain.signal_basis) == ("neutral", "runs over the phase")


def test_the_measures_rule_set_wins_over_the_programme_default() -> None:
    spc = measure_status(
        "m", make_measure(SHIFT_UP, rules="spc", goal=15, improvement="higher"), default_rules="ihi"
    )
    assert (spc.rules, spc.assurance) == ("spc", "hit_and_miss")
    assert measure_status("m", make_measure(SHIFT_UP), default_rules="ihi").rules == "ihi"


def test_a_measure_without_points_or_that_cannot_be_charted() -> None:
    empty = measure_status("m", make_measure([]))
    assert (empty.signal, empty.latest_value, empty.problem) == ("no data", None, None)
    # The model refuses phases out of date order; a chart that fails anyway (here, phases
    # forced past the model) is reported as not analysed, never as a crash.
    phases = [ChartPhase(start=ago(14), reason="rota"), ChartPhase(start=ago(14), reason="again")]
    unchartable = make_measure([1, 2, 3]).model_copy(update={"phases": phases})
    broken = measure_status("m", unchartable)
    assert broken.signal == "not analysed"
    assert broken.problem is not None and "increasing dates" in broken.problem
    assert broken.latest_value == 3.0


def test_key_measures_are_ordered_outcome_process_balancing() -> None:
    summary = project_of(
        measures=[
            ("b-process", make_measure([1], type="process")),
            ("a-balancing", make_measure([1], type="balancing")),
            ("z-outcome", make_measure([1], type="outcome")),
            ("a-process", make_measure([1], type="process")),
        ]
    )
    assert [m.slug for m in summary.measures] == [
        "z-outcome",
        "a-process",
        "b-process",
        "a-balancing",
    ]


# The programme ---------------------------------------------------------------------------------


def northbridge(today: datetime.date = TODAY, **options: Any) -> ProgrammeSummary:
    projects = [
        ("ward", make_project(title="Ward", theme="care")),
        ("clinic", make_project(title="Clinic", theme="testing")),
        ("bus", make_project(title="Bus", theme="testing", status="closed")),
        ("stray", make_project(title="Stray", theme="undeclared")),
        ("loose", make_project(title="Loose")),
    ]
    cycles = {
        "clinic": [
            ("fresh", make_cycle(2, "pdsa")),
            ("in-do", make_cycle(STALE + 5, "pd", predictions=["Up"])),
            ("in-plan", make_cycle(STALE + 9)),
        ],
        "ward": [("ok", make_cycle(3, "pds"))],
        "bus": [("old", make_cycle(400, "pd", predictions=["Up"]))],
    }
    measures = {
        "clinic": [
            ("tested", make_measure([10, 20, 30], key="people-tested")),
            ("worse", make_measure(SHIFT_UP, improvement="lower")),
        ],
        "ward": [("tested-ward", make_measure([5, 7], key="people-tested"))],
        "bus": [
            ("tested", make_measure([], key="people-tested")),
            ("worse", make_measure(SHIFT_UP, improvement="lower")),
        ],
        "stray": [("vl", make_measure([90], key="viral-load", unit="%"))],
    }
    return summarise_programme(make_programme(), projects, cycles, measures, today=today, **options)


def test_projects_are_ordered_by_slug_whatever_the_input_order() -> None:
    summary = northbridge()
    assert [project.slug for project in summary.projects] == [
        "bus",
        "clinic",
        "loose",
        "stray",
        "ward",
    ]
    assert summary.stale_after_days == STALE
    assert northbridge(stale_after_days=400).stale_after_days == 400


def test_shared_measures_list_each_projects_latest_value() -> None:
    tested, viral_load = northbridge().shared_measures
    assert tested.key == "people-tested"
    assert [(e.project, e.measure, e.latest_value) for e in tested.entries] == [
        ("bus", "tested", None),
        ("clinic", "tested", 30.0),
        ("ward", "tested-ward", 7.0),
    ]
    assert len(tested.with_data) == 2
    assert (viral_load.key, viral_load.kind, viral_load.total) == ("viral-load", "rate", None)
    assert (viral_load.low, viral_load.high) == (90.0, 90.0)
    assert "mean" not in viral_load.to_json()


def weekly_from(first: datetime.date, values: Sequence[float], **fields: Any) -> Measure:
    return Measure.model_validate(
        {
            "schema_version": 1,
            "title": "People tested",
            "type": "process",
            "unit": "people",
            "key": "people-tested",
            **fields,
            "points": [
                {"date": first + datetime.timedelta(days=7 * i), "value": float(value)}
                for i, value in enumerate(values)
            ],
        }
    )


def shared_of(measures: dict[str, list[tuple[str, Measure]]], today: datetime.date) -> Any:
    projects = [(slug, make_project(title=slug)) for slug in measures]
    summary = summarise_programme(make_programme(), projects, {}, measures, today=today)
    return summary.shared_measures[0]


def test_a_count_is_totalled_for_one_month_never_across_dates() -> None:
    # Weekly counts: "a" from 1 Sep to 27 Oct (9 Mondays... its last point in October);
    # "b" until 29 Sep, so its October is not in: October cannot be totalled, September can.
    a = weekly_from(datetime.date(2025, 9, 1), [10] * 9)  # 1 Sep .. 27 Oct
    b = weekly_from(datetime.date(2025, 9, 1), [1, 2, 3, 4, 5, 6])  # 1 Sep .. 6 Oct
    shared = shared_of({"a": [("m", a)], "b": [("m", b)]}, datetime.date(2025, 10, 31))
    assert (shared.kind, shared.month) == ("count", "2025-09")
    # September: a's five Mondays (1, 8, 15, 22, 29) and b's five: 50 + 15.
    assert shared.total == 65.0
    assert [entry.month_value for entry in shared.entries] == [50.0, 15.0]
    assert shared.summary() == "total for September 2025: 65 people, from 2 of 2 projects"
    # The sum of the latest values (10 + 6) mixes two dates: never given.
    assert shared.total != 16.0


def test_a_monthly_count_is_complete_with_its_one_point() -> None:
    monthly = Measure.model_validate(
        {
            "schema_version": 1,
            "title": "People tested",
            "type": "process",
            "unit": "people",
            "key": "people-tested",
            "points": [
                {"date": datetime.date(2025, month, 1), "value": float(month)}
                for month in (8, 9, 10)
            ],
        }
    )
    shared = shared_of({"a": [("m", monthly)]}, datetime.date(2025, 10, 15))
    assert (shared.month, shared.total) == ("2025-10", 10.0)


def test_projects_with_old_or_no_data_are_left_out_and_named() -> None:
    current = weekly_from(datetime.date(2025, 9, 1), [10] * 9)
    stopped = weekly_from(datetime.date(2025, 3, 3), [4] * 8)  # last point in April
    empty = weekly_from(datetime.date(2025, 3, 3), [])
    shared = shared_of(
        {"a": [("m", current)], "b": [("m", stopped)], "c": [("m", empty)]},
        datetime.date(2025, 10, 31),
    )
    assert (shared.month, shared.total) == ("2025-09", 50.0)
    assert [entry.project for entry in shared.counted] == ["a"]
    assert shared.summary() == (
        "total for September 2025: 50 people, from 1 of 3 projects (left out: "
        "b (old data, latest 2025-04-21); c (no data))"
    )


def test_a_shared_count_without_current_data_says_so() -> None:
    stopped = weekly_from(datetime.date(2025, 3, 3), [4] * 8)
    shared = shared_of({"a": [("m", stopped)]}, datetime.date(2025, 10, 31))
    assert (shared.month, shared.total) == (None, None)
    assert shared.summary() == "no current data (left out: a (old data, latest 2025-04-21))"


def test_rates_are_never_averaged_but_given_as_a_range() -> None:
    def rate(values: list[float]) -> Measure:
        return weekly_from(datetime.date(2025, 9, 1), values, unit="%")

    shared = shared_of(
        {"a": [("m", rate([50, 60]))], "b": [("m", rate([70, 90]))]}, datetime.date(2025, 9, 20)
    )
    assert (shared.kind, shared.total, shared.month) == ("rate", None, None)
    assert (shared.low, shared.high) == (60.0, 90.0)
    assert shared.summary() == (
        "range of the latest values 60% to 90%, from 2 of 2 projects; rates are not averaged"
    )


def test_themes_follow_the_programme_then_undeclared_then_none() -> None:
    themes = northbridge().themes
    assert [(t.id, t.title, t.projects) for t in themes] == [
        ("testing", "Increasing testing", ("bus", "clinic")),
        ("care", "Treatment and care", ("ward",)),
        ("undeclared", None, ("stray",)),
        (None, None, ("loose",)),
    ]
    testing = themes[0].totals
    assert (testing.projects, testing.active, testing.stale) == (2, 1, 1)
    assert testing.cycles.total == 4
    assert testing.fidelity.predictions.denominator == 4


def test_totals_add_up_every_project() -> None:
    totals = northbridge().totals
    assert (totals.projects, totals.active, totals.stale) == (5, 4, 1)
    assert totals.cycles.to_json() == {"plan": 1, "do": 2, "study": 1, "act": 1, "total": 5}
    assert totals.fidelity.predictions.lacking == ("clinic/in-plan", "clinic/fresh", "ward/ok")
    assert len(totals.predictions.never_studied) == 2


def test_attention_lists_active_projects_only_in_a_fixed_order() -> None:
    items = [(i.kind, i.project, i.subject, i.days) for i in northbridge().attention]
    assert items == [
        ("stale_project", "clinic", None, 2),
        ("stuck_cycle", "clinic", "clinic/in-do", STALE + 5),
        ("stuck_cycle", "clinic", "clinic/in-plan", STALE + 9),
        ("prediction_never_studied", "clinic", "clinic/in-do", STALE + 5),
        ("measure_concern", "clinic", "worse", 7),
    ]
    assert northbridge().attention[0].message == "2 cycles stuck in one phase"


def test_a_period_keeps_the_cycles_active_in_it() -> None:
    period = Period(since=ago(10), until=ago(1))
    assert period.contains(ago(10)) and period.contains(ago(1))
    assert not period.contains(ago(11)) and not period.contains(TODAY)
    summary = northbridge(period=period)
    assert summary.totals.cycles.total == 2
    assert summary.to_json()["period"] == {"since": "2024-11-21", "until": "2024-11-30"}
    assert Period().restrict([("a", make_cycle(999))]) != []


def test_the_report_is_plain_deterministic_json_in_the_documented_shape() -> None:
    first = json.dumps(northbridge().to_json())
    assert first == json.dumps(northbridge().to_json())
    data = json.loads(first)
    assert list(data) == [
        "programme",
        "generated",
        "as_of",
        "stale_after_days",
        "period",
        "projects",
        "themes",
        "totals",
        "shared_measures",
        "attention",
    ]
    assert (data["programme"], data["generated"], data["period"]) == (
        "Northbridge",
        "2024-12-01",
        None,
    )
    clinic = data["projects"][1]
    assert list(clinic) == [
        "slug",
        "title",
        "theme",
        "lead_organisation",
        "aim",
        "status",
        "progress_score",
        "cycles",
        "decisions",
        "last_activity",
        "days_since_activity",
        "stale",
        "stale_reason",
        "stuck_cycles",
        "measures",
        "fidelity",
        "predictions",
    ]
    assert clinic["measures"][0]["signal"] == "no signal"
    assert "checks" not in data["totals"]["predictions"]
    assert "series" not in data["totals"]["fidelity"]

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(key, str) and plain(item) for key, item in value.items())
        if isinstance(value, list):
            return all(plain(item) for item in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(northbridge().to_json())


def test_ten_thousand_cycles_in_well_under_a_second() -> None:
    projects = [(f"p{n:02}", make_project(theme="testing")) for n in range(20)]
    cycles = {
        slug: [
            (f"c{i}", make_cycle(i % 90, "pdsa"[: 1 + i % 4], predictions=["Up"]))
            for i in range(500)
        ]
        for slug, _ in projects
    }
    measures = {slug: [("m", make_measure([1, 2, 3, 4], key="k"))] for slug, _ in projects}
    gc.collect()
    began = time.perf_counter()
    summary = summarise_programme(make_programme(), projects, cycles, measures, today=TODAY)
    elapsed = time.perf_counter() - began
    assert summary.totals.cycles.total == 10_000
    assert elapsed < 0.5, elapsed
