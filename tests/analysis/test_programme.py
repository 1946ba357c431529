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
    assert late.stale_reason == "no cycle in the 31 days since the project started"
    assert late.last_activity is None
    assert not project_of().stale  # no start date: nothing to judge


# Measures --------------------------------------------------------------------------------------

SHIFT_UP = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 20, 21, 22, 20, 21, 22, 20, 21]


def test_measure_status_reads_the_latest_value_against_the_goal() -> None:
    status = measure_status("m", make_measure([5, 6, 7], improvement="higher", goal=7, unit="%"))
    assert (status.n_points, status.latest_date, status.latest_value) == (3, ago(7), 7.0)
    assert status.goal_met is True
    lower = measure_status("m", make_measure([5, 6, 7.5], improvement="lower", goal=7))
    assert lower.goal_met is False
    assert measure_status("m", make_measure([5], goal=7)).goal_met is None  # no direction


def test_signal_is_improvement_or_concern_by_the_improvement_direction() -> None:
    better = measure_status("m", make_measure(SHIFT_UP, improvement="higher"))
    assert (better.signal, better.latest_variation) == ("improvement", "special_cause_improvement")
    worse = measure_status("m", make_measure(SHIFT_UP, improvement="lower"))
    assert (worse.signal, worse.latest_variation) == ("concern", "special_cause_concern")
    flat = measure_status("m", make_measure([9, 11] * 6, improvement="higher"))
    assert (flat.signal, flat.latest_variation) == ("no signal", "common_cause")
    assert not flat.rules_weak


def test_too_few_crossings_alone_reads_neutral() -> None:
    status = measure_status("m", make_measure([1, 1, 1, 1, 1, 3, 3, 3, 3, 3], improvement="higher"))
    assert (status.signal, status.latest_variation) == ("neutral", "common_cause")


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


def test_shared_measures_add_the_latest_values() -> None:
    tested, viral_load = northbridge().shared_measures
    assert tested.key == "people-tested"
    assert [(e.project, e.measure, e.latest_value) for e in tested.entries] == [
        ("bus", "tested", None),
        ("clinic", "tested", 30.0),
        ("ward", "tested-ward", 7.0),
    ]
    assert (tested.total, tested.mean, len(tested.with_data)) == (37.0, 18.5, 2)
    assert (viral_load.key, viral_load.total, viral_load.entries[0].unit) == (
        "viral-load",
        90.0,
        "%",
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
        ("measure_concern", "clinic", "worse", None),
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
