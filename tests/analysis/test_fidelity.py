"""The fidelity profile: exact numerators, denominators and lacking lists on small logs."""

from __future__ import annotations

import datetime
import gc
import json
import time
from collections.abc import Sequence
from typing import Any

import pytest

from pdsa.analysis.fidelity import (
    PUBLISHED,
    Figure,
    combine_profiles,
    explain_figure,
    fidelity_profile,
    format_figure,
    whole_percent,
)
from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure

START = datetime.date(2024, 3, 1)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def make_cycle(
    at: int,
    *,
    follows: str | None = None,
    change_idea: str | None = "idea",
    predictions: Sequence[Any] = (),
    measures: Sequence[str] = (),
    scale: Any = None,
    phases: str = "p",
    last: int | None = None,
    next_cycle: str | None = None,
    changes: str | None = None,
) -> Cycle:
    """A cycle planned to start on ``day(at)`` with the phases named by letters of ``phases``.

    Each recorded phase after Plan is dated a day after the one before, or all on ``day(last)``.
    """
    plan: dict[str, Any] = {
        "date": day(at),
        "objective": "Test it",
        "start": day(at),
        "predictions": list(predictions),
    }
    if scale is not None:
        plan["scale"] = scale
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "A cycle",
        "measures": list(measures),
        "plan": plan,
    }
    if change_idea is not None:
        data["change_idea"] = change_idea
    if follows is not None:
        data["follows"] = follows

    def when(step: int) -> datetime.date:
        return day(last) if last is not None else day(at + step)

    if "d" in phases:
        data["do"] = {"date": when(1), "as_planned": True, "observations": "Done"}
    if "s" in phases:
        data["study"] = {
            "date": when(2),
            "results": "Results",
            "prediction_matched": "yes",
            "learning": "Learnt",
        }
    if "a" in phases:
        act: dict[str, Any] = {"date": when(3), "decision": "adapt"}
        if next_cycle is not None:
            act["next"] = next_cycle
        if changes is not None:
            act["changes"] = changes
        data["act"] = act
    return Cycle.model_validate(data)


def make_measure(dates: Sequence[datetime.date]) -> Measure:
    return Measure.model_validate(
        {
            "schema_version": 1,
            "title": "A measure",
            "type": "process",
            "points": [{"date": date, "value": 1.0} for date in dates],
        }
    )


def scale(people: int | None = None, sites: int | None = None, days: int | None = None) -> Any:
    numbers = {"people": people, "sites": sites, "days": days}
    return {"description": "The scale", **{k: v for k, v in numbers.items() if v is not None}}


def counts(figure: Figure) -> tuple[int, int, tuple[str, ...], tuple[str, ...]]:
    return figure.numerator, figure.denominator, figure.lacking, figure.unknown


# Predictions -----------------------------------------------------------------------------------


def test_predictions_count_cycles_with_a_prediction_that_is_not_blank() -> None:
    cycles = [
        ("plain", make_cycle(1, predictions=["Attendance will rise"])),
        ("blank", make_cycle(2, predictions=["   "])),
        ("table", make_cycle(3, predictions=[{"text": "Up", "measure": "m"}])),
        ("none", make_cycle(4)),
    ]
    profile = fidelity_profile("p", cycles, {})
    assert counts(profile.predictions) == (2, 4, ("p/blank", "p/none"), ())
    assert profile.predictions.percent == 50
    assert profile.predictions.baseline == (12.2, "McNicholas et al. 2019")


def test_lacking_lists_follow_display_order_not_input_order() -> None:
    cycles = [("b-late", make_cycle(9)), ("z-early", make_cycle(1)), ("a-late", make_cycle(9))]
    profile = fidelity_profile("p", cycles, {})
    assert profile.predictions.lacking == ("p/z-early", "p/a-late", "p/b-late")


# Iterative -------------------------------------------------------------------------------------


def test_iterative_counts_the_cycles_in_a_series() -> None:
    cycles = [
        ("first", make_cycle(1, phases="pdsa")),
        ("second", make_cycle(10, follows="first")),
        ("lone-next", make_cycle(20, phases="pdsa", next_cycle="not-written-yet")),
        ("lone-changes", make_cycle(30, phases="pdsa", changes="Try two clinics")),
        ("lone-silent", make_cycle(40, phases="pdsa", changes="  ")),
        ("lone-open", make_cycle(50, phases="pd")),  # no Act yet: cannot be judged
        ("orphan", make_cycle(60, phases="pdsa", follows="deleted-cycle")),
        ("by-next", make_cycle(70, phases="pdsa", next_cycle="picked-up")),
        ("picked-up", make_cycle(80)),
    ]
    profile = fidelity_profile("p", cycles, {})
    # McNicholas's "part of an iterative series": a lone cycle's stated next step does not count.
    assert counts(profile.iterative) == (
        4,
        9,
        ("p/lone-next", "p/lone-changes", "p/lone-silent", "p/lone-open", "p/orphan"),
        (),
    )
    assert [series.cycles for series in profile.series] == [
        ("p/first", "p/second"),
        ("p/by-next", "p/picked-up"),
    ]


def test_a_series_is_a_connected_ramp_branches_included() -> None:
    cycles = [
        ("root", make_cycle(1)),
        ("left", make_cycle(5, follows="root")),
        ("right", make_cycle(6, follows="root")),
        ("left-2", make_cycle(9, follows="left")),
        ("self", make_cycle(20, follows="self", phases="pdsa")),
    ]
    profile = fidelity_profile("p", cycles, {})
    (series,) = profile.series
    assert series.name == "p/root"
    assert series.cycles == ("p/root", "p/left", "p/right", "p/left-2")
    # following itself links nothing, and a next step is missing
    assert profile.iterative.lacking == ("p/self",)


def test_a_ramp_that_loops_is_still_one_series() -> None:
    cycles = [("a", make_cycle(1, follows="b")), ("b", make_cycle(2, follows="a"))]
    (series,) = fidelity_profile("p", cycles, {}).series
    assert series.cycles == ("p/a", "p/b")


# Scale -----------------------------------------------------------------------------------------


def test_scale_grows_when_the_last_is_larger_in_one_number_and_smaller_in_none() -> None:
    cycles = [
        # grows: more people, same sites
        ("g1", make_cycle(1, scale=scale(10, 1))),
        ("g2", make_cycle(2, follows="g1", scale=scale(20, 1))),
        # does not grow: more people, fewer sites
        ("s1", make_cycle(10, scale=scale(10, 2))),
        ("s2", make_cycle(11, follows="s1", scale=scale(40, 1))),
        # does not grow: the same
        ("f1", make_cycle(20, scale=scale(10, 1, 7))),
        ("f2", make_cycle(21, follows="f1", scale=scale(10, 1, 7))),
        # unknown: plain-text scales
        ("t1", make_cycle(30, scale="1 clinic")),
        ("t2", make_cycle(31, follows="t1", scale="2 clinics")),
        # unknown: only one cycle with numbers
        ("o1", make_cycle(40, scale=scale(5))),
        ("o2", make_cycle(41, follows="o1", scale={"description": "more"})),
        # unknown: first and last share no number
        ("n1", make_cycle(50, scale=scale(people=5))),
        ("n2", make_cycle(51, follows="n1", scale=scale(days=7))),
    ]
    profile = fidelity_profile("p", cycles, {})
    assert counts(profile.scale_growth) == (
        1,
        3,
        ("p/s1", "p/f1"),
        ("p/t1", "p/o1", "p/n1"),
    )
    assert profile.scale_growth.of == "series"


def test_scale_growth_is_reach_never_duration_alone() -> None:
    cycles = [
        # a longer test of the same people at the same site: not a larger test
        ("l1", make_cycle(1, scale=scale(10, 1, 7))),
        ("l2", make_cycle(2, follows="l1", scale=scale(10, 1, 28))),
        # more people in a shorter test: reach grew
        ("r1", make_cycle(10, scale=scale(10, 1, 28))),
        ("r2", make_cycle(11, follows="r1", scale=scale(40, 1, 7))),
        # days alone: reach cannot be judged
        ("d1", make_cycle(20, scale=scale(days=7))),
        ("d2", make_cycle(21, follows="d1", scale=scale(days=28))),
    ]
    profile = fidelity_profile("p", cycles, {})
    assert [(one.name, one.scale) for one in profile.series] == [
        ("p/l1", "does_not_grow"),
        ("p/r1", "grows"),
        ("p/d1", "unknown"),
    ]
    assert counts(profile.scale_growth) == (1, 2, ("p/l1",), ("p/d1",))


def test_scale_compares_the_first_and_last_cycles_with_numbers() -> None:
    cycles = [
        ("a", make_cycle(1, scale="a few people")),
        ("b", make_cycle(2, follows="a", scale=scale(10))),
        ("c", make_cycle(3, follows="b", scale=scale(5))),  # a dip in the middle is fine
        ("d", make_cycle(4, follows="c", scale=scale(30))),
        ("e", make_cycle(5, follows="d")),
    ]
    (series,) = fidelity_profile("p", cycles, {}).series
    assert series.scale == "grows"


# Data over time --------------------------------------------------------------------------------


def test_data_over_time_needs_3_points_within_30_days_of_the_series() -> None:
    # The series runs from day 0 (first planned start) to day 13 (last activity): the data
    # window is day -30 to day 43, both included.
    def ramp(prefix: str, measure: str) -> list[tuple[str, Cycle]]:
        return [
            (f"{prefix}1", make_cycle(0, measures=[measure], phases="pdsa")),
            (f"{prefix}2", make_cycle(10, follows=f"{prefix}1", phases="pdsa")),
        ]

    measures = {
        "edges": make_measure([day(-30), day(43), day(5)]),
        "outside": make_measure([day(-31), day(44), day(5), day(6)]),
        "ten": make_measure([day(offset) for offset in range(10)]),
    }
    predicted = [
        ("x1", make_cycle(100, predictions=[{"text": "Up", "measure": "ten2"}])),
        ("x2", make_cycle(101, follows="x1")),
    ]
    measures["ten2"] = make_measure([day(100 + offset) for offset in range(10)])
    cycles = [
        *ramp("e", "edges"),
        *ramp("o", "outside"),
        *ramp("t", "ten"),
        *ramp("u", "unknown-measure"),
        *predicted,
    ]
    profile = fidelity_profile("p", cycles, measures)
    assert counts(profile.data_over_time) == (3, 5, ("p/o1", "p/u1"), ())
    assert counts(profile.data_for_run_rules) == (2, 5, ("p/e1", "p/o1", "p/u1"), ())
    edges = profile.series[0]
    assert (edges.window_start, edges.window_end, edges.points) == (day(-30), day(43), 3)
    assert profile.data_for_run_rules.baseline is None


def test_lone_cycles_are_no_series_so_have_no_data_figure() -> None:
    profile = fidelity_profile("p", [("a", make_cycle(1, measures=["m"]))], {})
    assert profile.data_over_time.denominator == 0
    assert profile.data_over_time.percent is None


# Documented, one change ------------------------------------------------------------------------


def test_documented_counts_the_cycles_due_with_every_stage() -> None:
    cycles = [
        ("full", make_cycle(1, phases="pdsa")),
        ("no-study", make_cycle(2, phases="pda")),
        ("act-only", make_cycle(3, phases="pa")),
        ("overdue", make_cycle(4, phases="pds")),  # started 36 days before "today"
        ("recent", make_cycle(20, phases="pd")),  # started 20 days before: not due yet
    ]
    profile = fidelity_profile("p", cycles, {}, today=day(40))
    assert counts(profile.documented) == (1, 4, ("p/no-study", "p/act-only", "p/overdue"), ())
    assert profile.documented.of == "cycles due to be complete"
    # Without a today, only finished cycles are due.
    assert counts(fidelity_profile("p", cycles, {}).documented)[:2] == (1, 3)


def test_one_change_lists_the_cycles_that_name_none_or_several() -> None:
    several = make_cycle(3).model_copy(update={"change_idea": ["idea", "other"]})
    cycles = [
        ("named", make_cycle(1)),
        ("unnamed", make_cycle(2, change_idea=None)),
        ("several", several),
    ]
    profile = fidelity_profile("p", cycles, {})
    assert counts(profile.one_change) == (1, 3, ("p/unnamed", "p/several"), ())
    assert profile.several_changes == ("p/several",)
    assert profile.to_json()["several_changes"] == ["p/several"]
    assert profile.one_change.baseline is None


# Combining, formatting, JSON -------------------------------------------------------------------


def test_profiles_combine_by_adding_counts_and_joining_lists() -> None:
    first = fidelity_profile("a", [("x", make_cycle(1)), ("y", make_cycle(2, follows="x"))], {})
    second = fidelity_profile("b", [("z", make_cycle(1, predictions=["Up"]))], {})
    both = combine_profiles([first, second])
    assert counts(both.predictions) == (1, 3, ("a/x", "a/y"), ())
    assert counts(both.iterative) == (2, 3, ("b/z",), ())
    assert [series.name for series in both.series] == ["a/x"]
    empty = combine_profiles([])
    assert all(figure.denominator == 0 and figure.percent is None for figure in empty.figures)
    assert empty.documented.of == "cycles due to be complete"
    assert empty.predictions.baseline == PUBLISHED["predictions"]


def test_published_baselines_are_the_audit_percentages() -> None:
    assert {name: baseline.percent for name, baseline in PUBLISHED.items()} == {
        "predictions": 12.2,
        "iterative": 54.5,
        "scale_growth": 29.7,
        "data_over_time": 45.3,
        "documented": 71.0,
    }
    assert {baseline.source for baseline in PUBLISHED.values()} == {"McNicholas et al. 2019"}


@pytest.mark.parametrize(
    ("name", "numerator", "denominator", "text"),
    [
        ("predictions", 7, 11, "predictions: 64% (published audit: 12%)"),
        ("iterative", 1, 2, "iterative: 50% (published audit: 55%)"),
        ("scale_growth", 0, 0, "scale_growth: no series (published audit: 30%)"),
        ("one_change", 1, 8, "one_change: 13%"),
    ],
)
def test_format_figure(name: str, numerator: int, denominator: int, text: str) -> None:
    of = "series" if name == "scale_growth" else "cycles"
    figure = Figure(name, numerator, denominator, (), PUBLISHED.get(name), of)
    assert format_figure(figure) == text


def test_explain_figure_names_what_lacked_it() -> None:
    figure = Figure("scale_growth", 1, 2, ("p/a",), None, "series", ("p/b",))
    assert explain_figure(figure) == (
        "scale_growth: 1 of 2 series; lacking: p/a; cannot be judged: p/b"
    )


def test_whole_percent_rounds_halves_up() -> None:
    assert [whole_percent(1, 8), whole_percent(3, 8), whole_percent(2, 3)] == [13, 38, 67]


def test_the_profile_is_plain_deterministic_json() -> None:
    cycles = [("b", make_cycle(2, follows="a")), ("a", make_cycle(1, scale=scale(3)))]

    def dump() -> str:
        return json.dumps(fidelity_profile("p", cycles, {}).to_json())

    assert dump() == dump()
    data = json.loads(dump())
    assert [figure["name"] for figure in data["figures"]] == [
        "predictions",
        "predictions_in_advance",
        "iterative",
        "scale_growth",
        "data_over_time",
        "data_for_run_rules",
        "documented",
        "one_change",
    ]
    assert data["figures"][0]["baseline"] == {"percent": 12.2, "source": "McNicholas et al. 2019"}
    assert data["series"][0]["cycles"] == ["p/a", "p/b"]
    assert "series" not in fidelity_profile("p", cycles, {}).to_json(series=False)


def test_ten_thousand_cycles_in_well_under_a_second() -> None:
    measures = {"m": make_measure([day(offset) for offset in range(0, 20_000, 7)])}
    cycles = []
    for number in range(10_000):
        follows = f"c{number - 1}" if number % 5 else None
        cycle = make_cycle(
            number,
            follows=follows,
            measures=["m"],
            scale=scale(number % 5 + 1),
            phases="pdsa",
            predictions=["Up"],
        )
        cycles.append((f"c{number}", cycle))
    gc.collect()
    began = time.perf_counter()
    profile = fidelity_profile("p", cycles, measures)
    elapsed = time.perf_counter() - began
    assert len(profile.series) == 2_000
    assert profile.scale_growth.numerator == 2_000
    assert elapsed < 0.5, elapsed
