"""Predictions checked against data: windows, targets on the line, direction-only, never studied."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any

import pytest

from pdsa.analysis.predictions import (
    PointIndex,
    PredictionCheck,
    PredictionRecord,
    check_predictions,
    combine_records,
    has_prediction,
    never_studied,
    prediction_window,
)
from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure

D = datetime.date
START = D(2024, 3, 1)
TODAY = D(2024, 12, 1)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def make_cycle(
    *,
    predictions: Sequence[Any] = (),
    start: datetime.date | None = START,
    end: datetime.date | None = None,
    do: datetime.date | None = None,
    study: datetime.date | None = None,
    act: datetime.date | None = None,
) -> Cycle:
    plan: dict[str, Any] = {
        "date": day(-7),
        "objective": "Test the change",
        "predictions": list(predictions),
    }
    if start is not None:
        plan["start"] = start
    if end is not None:
        plan["end"] = end
    data: dict[str, Any] = {"schema_version": 1, "title": "A cycle", "plan": plan}
    if do is not None:
        data["do"] = {"date": do, "as_planned": True, "observations": "Done"}
    if study is not None:
        data["study"] = {
            "date": study,
            "results": "Results",
            "prediction_matched": "yes",
            "learning": "Learnt",
        }
    if act is not None:
        data["act"] = {"date": act, "decision": "adopt"}
    return Cycle.model_validate(data)


def make_measure(points: Sequence[tuple[datetime.date, float]]) -> Measure:
    return Measure.model_validate(
        {
            "schema_version": 1,
            "title": "Attendance",
            "type": "outcome",
            "points": [{"date": date, "value": value} for date, value in points],
        }
    )


def predict(
    direction: str | None = "increase", target: float | None = None, measure: str | None = "m"
) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": "It will move"}
    if measure is not None:
        entry["measure"] = measure
    if direction is not None:
        entry["direction"] = direction
    if target is not None:
        entry["target"] = target
    return entry


def check_one(
    cycle: Cycle, points: Sequence[tuple[datetime.date, float]], today: D = TODAY
) -> PredictionCheck:
    record = check_predictions(
        "p", [("c", cycle)], {"m": make_measure(points)}, today=today, stale_after_days=30
    )
    assert record.total == 1
    return record.checks[0]


# The window ------------------------------------------------------------------------------------


def test_point_index_sorts_by_date_and_includes_both_ends() -> None:
    index = PointIndex.of(make_measure([(day(5), 5.0), (day(1), 1.0), (day(3), 3.0)]))
    assert index.dates == (day(1), day(3), day(5))
    assert index.between(day(1), day(3)) == (1.0, 3.0)
    assert index.between(day(2), day(4)) == (3.0,)
    assert index.count_between(day(6), day(2)) == 0
    assert index.before(day(5), 1) == (3.0,)
    assert index.before(day(5), 12) == (1.0, 3.0)
    assert index.before(day(1), 12) == ()


def test_window_runs_from_the_planned_start_to_the_study() -> None:
    cycle = make_cycle(start=day(0), end=day(10), do=day(12), study=day(20))
    assert prediction_window(cycle) == (day(0), day(20))


def test_window_without_a_planned_start_starts_at_do() -> None:
    assert prediction_window(make_cycle(start=None, do=day(4), study=day(9))) == (day(4), day(9))


def test_window_without_study_ends_at_the_planned_end_else_28_days_after_do() -> None:
    assert prediction_window(make_cycle(end=day(10), do=day(12))) == (day(0), day(10))
    assert prediction_window(make_cycle(do=day(12))) == (day(0), day(40))


def test_no_window_before_do() -> None:
    assert prediction_window(make_cycle()) is None


# Targets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "values", "outcome"),
    [
        ("increase", [70, 80, 90], "hit"),  # median exactly on the target
        ("increase", [70, 79, 95], "miss"),
        ("decrease", [70, 80, 90], "hit"),  # median exactly on the target
        ("decrease", [60, 81, 82], "miss"),
    ],
)
def test_a_target_is_judged_by_the_median_in_the_window(
    direction: str, values: list[float], outcome: str
) -> None:
    cycle = make_cycle(predictions=[predict(direction, 80)], do=day(10), study=day(20))
    points = [(day(offset), value) for offset, value in zip((0, 10, 20), values, strict=True)]
    check = check_one(cycle, points)
    assert check.outcome == outcome
    assert check.compared_with == 80
    assert check.observed == sorted(values)[1]
    assert check.n_in_window == 3
    assert (check.window_start, check.window_end) == (day(0), day(20))


def test_points_outside_the_window_do_not_count() -> None:
    cycle = make_cycle(predictions=[predict("increase", 80)], do=day(10), study=day(20))
    points = [(day(-1), 100.0), (day(0), 70.0), (day(20), 75.0), (day(21), 100.0)]
    check = check_one(cycle, points)
    assert (check.outcome, check.n_in_window, check.observed) == ("miss", 2, 72.5)


def test_a_target_with_no_point_in_the_window_has_not_enough_data() -> None:
    cycle = make_cycle(predictions=[predict("increase", 80)], do=day(10), study=day(20))
    check = check_one(cycle, [(day(-1), 90.0), (day(21), 90.0)])
    assert check.outcome == "not_enough_data"
    assert check.reason == "no point in the window"


def test_one_point_in_the_window_is_enough_for_a_target() -> None:
    cycle = make_cycle(predictions=[predict("increase", 80)], do=day(10), study=day(20))
    assert check_one(cycle, [(day(20), 80.0)]).outcome == "hit"


# Direction only --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "before", "inside", "outcome"),
    [
        ("increase", [10, 12], [12, 13], "hit"),
        ("increase", [10, 12], [11, 11], "miss"),  # no change is a miss
        ("decrease", [10, 12], [9, 10], "hit"),
        ("decrease", [10, 12], [12, 14], "miss"),
    ],
)
def test_a_direction_is_judged_against_the_points_before_the_window(
    direction: str, before: list[float], inside: list[float], outcome: str
) -> None:
    cycle = make_cycle(predictions=[predict(direction)], do=day(10), study=day(20))
    points = [(day(-10 + i), value) for i, value in enumerate(before)]
    points += [(day(5 + i), value) for i, value in enumerate(inside)]
    check = check_one(cycle, points)
    assert check.outcome == outcome
    assert check.compared_with == 11
    assert (check.n_before, check.n_in_window) == (2, 2)
    if inside == [11, 11]:
        assert check.reason == "median stayed at 11"


def test_a_direction_needs_a_point_before_and_a_point_in_the_window() -> None:
    cycle = make_cycle(predictions=[predict("increase")], do=day(10), study=day(20))
    assert check_one(cycle, [(day(5), 10.0)]).outcome == "not_enough_data"
    assert check_one(cycle, [(day(-5), 10.0)]).outcome == "not_enough_data"
    assert check_one(cycle, [(day(-1), 10.0), (day(0), 11.0)]).outcome == "hit"


def test_a_direction_compares_with_at_most_the_12_latest_points_before() -> None:
    cycle = make_cycle(predictions=[predict("increase")], do=day(10), study=day(20))
    old = [(day(-100 + i), 100.0) for i in range(20)]  # long ago: high
    recent = [(day(-12 + i), 1.0) for i in range(12)]
    check = check_one(cycle, [*old, *recent, (day(5), 2.0)])
    assert (check.outcome, check.n_before, check.compared_with) == ("hit", 12, 1.0)


# Pending, unknown, not checkable ---------------------------------------------------------------


def test_a_cycle_without_do_is_pending() -> None:
    check = check_one(make_cycle(predictions=[predict("increase", 1)]), [(day(1), 5.0)])
    assert check.outcome == "pending"
    assert check.window_start is None


def test_an_open_window_without_study_is_pending_until_it_ends() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], do=day(2), end=day(10))
    assert check_one(cycle, [(day(1), 5.0)], today=day(9)).outcome == "pending"
    assert check_one(cycle, [(day(1), 5.0)], today=day(10)).outcome == "hit"


def test_a_study_closes_the_window_whatever_the_date() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], do=day(2), study=day(5), end=day(99))
    assert check_one(cycle, [(day(1), 5.0)], today=day(6)).outcome == "hit"


def test_an_unknown_measure_has_not_enough_data() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1, measure="other")], do=day(1))
    record = check_predictions("p", [("c", cycle)], {}, today=TODAY, stale_after_days=30)
    assert record.checks[0].outcome == "not_enough_data"
    assert "no measure 'other'" in record.checks[0].reason


def test_a_window_that_ends_before_it_starts_has_not_enough_data() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], start=day(10), do=day(1), study=day(5))
    assert check_one(cycle, [(day(7), 5.0)]).outcome == "not_enough_data"


def test_plain_text_and_incomplete_predictions_are_not_checkable() -> None:
    cycle = make_cycle(
        predictions=[
            "Attendance will rise",
            "   ",  # blank: not a prediction at all
            predict(measure=None),
            predict(direction=None, target=5),
            predict("increase", 5),
        ],
        do=day(1),
        study=day(2),
    )
    record = check_predictions(
        "p", [("c", cycle)], {"m": make_measure([(day(1), 9.0)])}, today=TODAY, stale_after_days=30
    )
    assert (record.total, record.not_checkable, record.hit) == (1, 3, 1)
    assert record.checks[0].position == 5


def test_the_record_counts_every_outcome_and_says_so() -> None:
    cycles = [
        ("hit", make_cycle(predictions=[predict("increase", 5)], do=day(1), study=day(2))),
        ("miss", make_cycle(predictions=[predict("increase", 50)], do=day(1), study=day(2))),
        (
            "nodata",
            make_cycle(predictions=[predict("increase", 5)], start=None, do=day(90), study=day(91)),
        ),
        ("pending", make_cycle(predictions=[predict("increase", 5)])),
        ("text", make_cycle(predictions=["Up"])),
    ]
    record = check_predictions(
        "p", cycles, {"m": make_measure([(day(1), 9.0)])}, today=TODAY, stale_after_days=30
    )
    counts = (record.total, record.checked, record.hit, record.miss)
    assert counts == (4, 2, 1, 1)
    assert (record.not_enough_data, record.pending, record.not_checkable) == (1, 1, 1)
    assert [check.cycle for check in record.checks] == ["p/hit", "p/miss", "p/nodata", "p/pending"]
    assert record.summary() == "2 of 4 predictions checked: 1 hit"


def test_summary_wording() -> None:
    record = PredictionRecord(9, 5, 2, 1, 1, 0, (), ())
    assert record.summary() == "7 of 9 predictions checked: 5 hit"


def test_combined_records_add_up_in_order() -> None:
    first = PredictionRecord(2, 1, 1, 0, 0, 3, (), ())
    second = PredictionRecord(4, 2, 0, 1, 1, 0, (), ())
    both = combine_records([first, second])
    assert (both.total, both.hit, both.miss, both.not_enough_data, both.pending) == (6, 3, 1, 1, 1)
    assert both.not_checkable == 3
    assert combine_records([]).summary() == "0 of 0 predictions checked: 0 hit"


# Never studied ---------------------------------------------------------------------------------


def test_has_prediction_ignores_blank_text() -> None:
    assert not has_prediction(make_cycle(predictions=[" ", ""]))
    assert has_prediction(make_cycle(predictions=["Up"]))
    assert has_prediction(make_cycle(predictions=[predict()]))


def test_a_prediction_is_never_studied_one_day_after_stale_after_days() -> None:
    today = day(40)
    cycles = [
        ("on-the-day", make_cycle(predictions=["Up"], do=day(10))),  # exactly 30 days: not yet
        ("overdue", make_cycle(predictions=["Up"], do=day(9))),  # 31 days
        ("closed", make_cycle(predictions=["Up"], do=day(38), act=day(39))),
        ("studied", make_cycle(predictions=["Up"], do=day(1), study=day(2))),
        ("no-prediction", make_cycle(do=day(1))),
        ("plan-only", make_cycle(predictions=["Up"], start=day(-100))),
    ]
    found = never_studied("p", cycles, today=today, stale_after_days=30)
    assert [(entry.cycle, entry.phase, entry.since, entry.days) for entry in found] == [
        ("p/overdue", "do", day(9), 31),
        ("p/closed", "act", day(39), 1),
    ]
    assert found[0].reason == "no Study 31 days after Do"
    assert found[1].reason == "closed without a Study"


def test_the_record_is_plain_deterministic_json() -> None:
    cycle = make_cycle(predictions=[predict("increase", 5), "Up"], do=day(9))
    measures = {"m": make_measure([(day(1), 9.0)])}

    def dump() -> str:
        record = check_predictions("p", [("c", cycle)], measures, today=TODAY, stale_after_days=30)
        return json.dumps(record.to_json())

    assert dump() == dump()
    data = json.loads(dump())
    assert list(data) == [
        "total",
        "checked",
        "hit",
        "miss",
        "not_enough_data",
        "pending",
        "not_checkable",
        "summary",
        "never_studied_count",
        "checks",
        "never_studied",
    ]
    assert data["checks"][0]["window_start"] == "2024-03-01"
    assert data["never_studied"][0]["cycle"] == "p/c"
    brief = check_predictions("p", [("c", cycle)], measures, today=TODAY, stale_after_days=30)
    assert "checks" not in brief.to_json(details=False)
