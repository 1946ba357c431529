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
    judge_cycle,
    never_studied,
    prediction_window,
)
from pdsa.model.cycle import Cycle
from pdsa.model.measure import ChartPhase, Measure

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
    cycle: Cycle,
    points: Sequence[tuple[datetime.date, float]],
    today: D = TODAY,
    *,
    others: Sequence[tuple[str, Cycle]] = (),
    baseline: int | None = None,
) -> PredictionCheck:
    measure = make_measure(points)
    if baseline is not None:
        measure = measure.model_copy(update={"baseline": baseline})
    record = check_predictions(
        "p",
        [("c", cycle)],
        {"m": measure},
        today=today,
        stale_after_days=30,
        project_cycles=[*others, ("c", cycle)],
    )
    assert record.checkable == 1
    return record.checks[0]


# The window: the cycle's own test ---------------------------------------------------------------


def test_point_index_sorts_by_date_and_includes_both_ends() -> None:
    index = PointIndex.of(make_measure([(day(5), 5.0), (day(1), 1.0), (day(3), 3.0)]))
    assert index.dates == (day(1), day(3), day(5))
    assert index.between(day(1), day(3)) == (1.0, 3.0)
    assert index.between(day(2), day(4)) == (3.0,)
    assert index.count_between(day(6), day(2)) == 0
    assert index.before(day(5), 1) == (3.0,)
    assert index.before(day(5), 12) == (1.0, 3.0)
    assert index.before(day(1), 12) == ()
    assert index.before(day(6), 12, after=day(3)) == (5.0,)
    assert index.before(day(3), 12, after=day(3)) == ()


def test_window_runs_from_the_planned_start_to_the_planned_end() -> None:
    # Not to the Study: the days between the test and its Study are not the test's.
    cycle = make_cycle(start=day(0), end=day(10), do=day(12), study=day(20))
    assert prediction_window(cycle) == (day(0), day(10))


def test_the_do_date_stands_in_for_a_start_or_end_not_planned() -> None:
    assert prediction_window(make_cycle(start=None, do=day(4), study=day(9))) == (day(4), day(4))
    assert prediction_window(make_cycle(start=day(0), do=day(12))) == (day(0), day(12))
    # Do recorded after the planned end, no start planned: the planned end alone.
    late = make_cycle(start=None, end=day(10), do=day(12))
    assert prediction_window(late) == (day(10), day(10))


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
    cycle = make_cycle(predictions=[predict(direction, 80)], end=day(20), do=day(20), study=day(25))
    points = [(day(offset), value) for offset, value in zip((0, 10, 20), values, strict=True)]
    check = check_one(cycle, points)
    assert check.outcome == outcome
    assert (check.compared_with, check.basis) == (80, "target")
    assert check.observed == sorted(values)[1]
    assert check.n_in_window == 3
    assert (check.window_start, check.window_end) == (day(0), day(20))


def test_points_outside_the_window_do_not_count() -> None:
    cycle = make_cycle(
        predictions=[predict("increase", 80)], end=day(20), do=day(20), study=day(30)
    )
    # Before the start, and after the end (though before the Study): not the test's.
    points = [(day(-1), 100.0), (day(0), 70.0), (day(20), 75.0), (day(21), 100.0)]
    check = check_one(cycle, points)
    assert (check.outcome, check.n_in_window, check.observed) == ("miss", 2, 72.5)


def test_a_target_with_no_point_in_the_window_has_not_enough_data() -> None:
    cycle = make_cycle(
        predictions=[predict("increase", 80)], end=day(20), do=day(20), study=day(30)
    )
    check = check_one(cycle, [(day(-1), 90.0), (day(21), 90.0)])
    assert check.outcome == "not_enough_data"
    assert check.reason == "no point in the test's window"


def test_one_point_in_the_window_is_enough_for_a_target() -> None:
    cycle = make_cycle(
        predictions=[predict("increase", 80)], end=day(20), do=day(20), study=day(30)
    )
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
    cycle = make_cycle(predictions=[predict(direction)], end=day(10), do=day(10), study=day(20))
    points = [(day(-10 + i), value) for i, value in enumerate(before)]
    points += [(day(5 + i), value) for i, value in enumerate(inside)]
    check = check_one(cycle, points)
    assert check.outcome == outcome
    assert (check.compared_with, check.basis) == (11, "before")
    assert (check.n_before, check.n_in_window) == (2, 2)
    if inside == [11, 11]:
        assert check.reason == "median stayed at 11 (before the test)"


def test_a_direction_needs_a_point_before_and_a_point_in_the_window() -> None:
    cycle = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(20))
    assert check_one(cycle, [(day(5), 10.0)]).outcome == "not_enough_data"
    assert check_one(cycle, [(day(-5), 10.0)]).outcome == "not_enough_data"
    assert check_one(cycle, [(day(-1), 10.0), (day(0), 11.0)]).outcome == "hit"


def test_a_direction_compares_with_at_most_the_12_latest_points_before() -> None:
    cycle = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(20))
    old = [(day(-100 + i), 100.0) for i in range(20)]  # long ago: high
    recent = [(day(-12 + i), 1.0) for i in range(12)]
    check = check_one(cycle, [*old, *recent, (day(5), 2.0)])
    assert (check.outcome, check.n_before, check.compared_with) == ("hit", 12, 1.0)


def test_a_cycle_is_not_credited_with_an_earlier_cycles_gain() -> None:
    # The first cycle (days -30 to -20) lifted the measure from 10 to 20. The second (days
    # 0 to 10) kept it at 20: compared with the state the first left, it did not move.
    first = make_cycle(start=day(-30), end=day(-20), do=day(-20), study=day(-18))
    first = first.model_copy(update={"measures": ["m"]})
    second = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(12))
    before_any = [(day(-60 + 3 * i), 10.0) for i in range(10)]  # days -60..-33
    during_first = [(day(-30 + 2 * i), 20.0) for i in range(6)]  # days -30..-20
    between = [(day(-15), 20.0), (day(-8), 20.0)]
    during_second = [(day(2), 20.0), (day(9), 20.0)]
    points = [*before_any, *during_first, *between, *during_second]
    check = check_one(second, points, others=[("first", first)])
    assert (check.outcome, check.basis, check.compared_with, check.n_before) == (
        "miss",
        "before",
        20.0,
        2,
    )
    assert check.reason == "median stayed at 20 (before the test)"
    # Back to back: no point between the two tests. The old level before the first is not
    # the second's "before": there is not enough data (without a baseline).
    back_to_back = [*before_any, *during_first, *during_second]
    check = check_one(second, back_to_back, others=[("first", first)])
    assert check.outcome == "not_enough_data"
    assert check.reason == (
        "no point before the test after the earlier cycles' tests (to 2024-02-10), and no baseline"
    )
    # Unaware of the first cycle, the same points would credit the second with its gain.
    assert check_one(second, back_to_back).outcome == "hit"


def test_a_cycle_on_another_measure_or_without_do_is_not_an_earlier_test() -> None:
    other = make_cycle(start=day(-30), end=day(-1), do=day(-1)).model_copy(
        update={"measures": ["other"]}
    )
    never_done = make_cycle(start=day(-30), end=day(-1)).model_copy(update={"measures": ["m"]})
    cycle = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(12))
    points = [(day(-20), 5.0), (day(5), 6.0)]
    check = check_one(cycle, points, others=[("other", other), ("never-done", never_done)])
    assert (check.outcome, check.basis, check.n_before) == ("hit", "before", 1)


def test_a_later_cycle_does_not_hide_points_from_an_earlier_one() -> None:
    later = make_cycle(start=day(20), end=day(30), do=day(30)).model_copy(
        update={"measures": ["m"]}
    )
    cycle = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(12))
    check = check_one(cycle, [(day(-1), 5.0), (day(5), 6.0)], others=[("later", later)])
    assert (check.outcome, check.basis) == ("hit", "before")


def test_back_to_back_cycles_fall_back_on_the_baseline_of_the_current_chart_phase() -> None:
    first = make_cycle(start=day(-20), end=day(-1), do=day(-1)).model_copy(
        update={"measures": ["m"]}
    )
    cycle = make_cycle(predictions=[predict("increase")], end=day(10), do=day(10), study=day(12))
    points = [(day(-40 + i), 10.0 + i) for i in range(40)] + [(day(5), 40.0)]
    check = check_one(cycle, points, others=[("first", first)], baseline=5)
    assert (check.outcome, check.basis, check.compared_with, check.n_before) == (
        "hit",
        "baseline",
        12.0,
        5,
    )
    assert check.reason == "median rose from 12 (the baseline) to 40"
    # With a rebase when the first cycle's change was adopted, the baseline is the new level.
    measure = make_measure(points).model_copy(
        update={"baseline": 5, "phases": [ChartPhase(start=day(-20), reason="adopted")]}
    )
    record = check_predictions(
        "p",
        [("c", cycle)],
        {"m": measure},
        today=TODAY,
        stale_after_days=30,
        project_cycles=[("first", first), ("c", cycle)],
    )
    assert (record.checks[0].compared_with, record.checks[0].basis) == (32.0, "baseline")
    none = check_one(cycle, points, others=[("first", first)])
    assert none.outcome == "not_enough_data"
    assert "no baseline" in none.reason


# Pending, unknown, not checkable ---------------------------------------------------------------


def test_a_cycle_without_do_is_pending() -> None:
    check = check_one(make_cycle(predictions=[predict("increase", 1)]), [(day(1), 5.0)])
    assert check.outcome == "pending"
    assert check.window_start is None


def test_an_open_window_without_study_is_pending_until_it_ends() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], do=day(2), end=day(10))
    assert check_one(cycle, [(day(1), 5.0)], today=day(9)).outcome == "pending"
    assert check_one(cycle, [(day(1), 5.0)], today=day(9)).reason == (
        "the test runs until 2024-03-11"
    )
    assert check_one(cycle, [(day(1), 5.0)], today=day(10)).outcome == "hit"


def test_a_study_judges_the_test_even_before_its_planned_end() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], do=day(2), study=day(5), end=day(99))
    assert check_one(cycle, [(day(1), 5.0)], today=day(6)).outcome == "hit"


def test_an_unknown_measure_has_not_enough_data() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1, measure="other")], do=day(1))
    record = check_predictions("p", [("c", cycle)], {}, today=TODAY, stale_after_days=30)
    assert record.checks[0].outcome == "not_enough_data"
    assert "no measure 'other'" in record.checks[0].reason


def test_a_do_before_the_planned_start_leaves_the_window_empty() -> None:
    cycle = make_cycle(predictions=[predict("increase", 1)], start=day(10), do=day(1), study=day(5))
    check = check_one(cycle, [(day(7), 5.0)])
    assert check.outcome == "not_enough_data"
    assert check.reason == (
        "the test's window is empty: Do 2024-03-02 is before the planned start 2024-03-11"
    )


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
    assert (record.written, record.checkable, record.not_checkable, record.hit) == (4, 1, 3, 1)
    assert record.checks[0].position == 5


def test_the_record_counts_every_outcome_and_says_what_it_counts() -> None:
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
    counts = (record.written, record.checkable, record.judged, record.hit, record.miss)
    assert counts == (5, 4, 2, 1, 1)
    assert (record.not_enough_data, record.pending, record.not_checkable) == (1, 1, 1)
    assert [check.cycle for check in record.checks] == ["p/hit", "p/miss", "p/nodata", "p/pending"]
    assert record.summary() == (
        "5 predictions written, 4 checkable against data: "
        "1 hit, 1 miss, 1 not enough data, 1 pending"
    )
    # The team's verdicts are counted apart: three Studies said "yes".
    assert (record.team_yes, record.team_no, record.team_partly) == (3, 0, 0)
    assert (
        record.team_summary() == "team verdicts: 3 yes, 0 no, 0 partly; 1 disagrees with the data"
    )
    assert [verdict.cycle for verdict in record.disagreements] == ["p/miss"]


def test_summary_wording() -> None:
    record = PredictionRecord(9, 5, 1, 1, 0, (), ())
    assert record.summary() == (
        "9 predictions written, 7 checkable against data: 5 hit, 1 miss, 1 not enough data"
    )
    assert record.short() == "9 written, 7 checkable: 5 hit, 1 miss"
    assert PredictionRecord(0, 0, 0, 0, 0, (), ()).summary() == "0 predictions written"
    assert PredictionRecord(1, 0, 0, 0, 0, (), ()).summary() == (
        "1 prediction written, 0 checkable against data"
    )
    assert PredictionRecord(0, 0, 0, 0, 0, (), ()).team_summary() == "team verdicts: none yet"


def test_combined_records_add_up_in_order() -> None:
    first = PredictionRecord(5, 1, 1, 0, 0, (), (), team_yes=1)
    second = PredictionRecord(4, 2, 0, 1, 1, (), (), team_no=2, team_partly=1)
    both = combine_records([first, second])
    assert (both.written, both.hit, both.miss, both.not_enough_data, both.pending) == (
        9,
        3,
        1,
        1,
        1,
    )
    assert (both.checkable, both.not_checkable) == (6, 3)
    assert (both.team_yes, both.team_no, both.team_partly) == (1, 2, 1)
    assert combine_records([]).summary() == "0 predictions written"


# The team's verdict and the data's, side by side --------------------------------------------


@pytest.mark.parametrize(
    ("team", "values", "data", "words", "disagrees"),
    [
        ("yes", [90], "yes", "hit", False),
        ("no", [90], "yes", "hit", True),
        ("partly", [90], "yes", "hit", True),
        ("no", [10], "no", "miss", False),
        ("yes", [10], "no", "miss", True),
        (None, [90], "yes", "hit", False),  # no Study yet: nothing to disagree with
    ],
)
def test_the_team_verdict_and_the_data_verdict_side_by_side(
    team: str | None, values: list[float], data: str, words: str, disagrees: bool
) -> None:
    study = day(12) if team is not None else None
    cycle = make_cycle(predictions=[predict("increase", 50)], end=day(10), do=day(10), study=study)
    if team is not None and cycle.study is not None:
        cycle = cycle.model_copy(
            update={"study": cycle.study.model_copy(update={"prediction_matched": team})}
        )
    measures = {"m": make_measure([(day(5), value) for value in values])}
    verdict = judge_cycle("p", "c", cycle, measures=measures, project_cycles=[], today=TODAY)
    assert (verdict.team, verdict.data, verdict.data_words) == (team, data, words)
    assert verdict.disagrees is disagrees
    assert verdict.side_by_side() == f"team: {team or 'not studied'}; data: {words}"


def test_a_cycle_with_a_hit_and_a_miss_reads_partly() -> None:
    cycle = make_cycle(
        predictions=[predict("increase", 5), predict("increase", 50), "Plain"],
        end=day(10),
        do=day(10),
        study=day(12),
    )
    measures = {"m": make_measure([(day(5), 9.0)])}
    verdict = judge_cycle("p", "c", cycle, measures=measures, project_cycles=[], today=TODAY)
    assert (verdict.written, verdict.not_checkable) == (3, 1)
    assert (verdict.data, verdict.data_words, verdict.disagrees) == (
        "partly",
        "1 hit, 1 miss",
        True,
    )
    assert verdict.side_by_side() == "team: yes; data: 1 hit, 1 miss"


def test_without_a_checkable_prediction_the_data_has_no_verdict() -> None:
    cycle = make_cycle(predictions=["Plain"], do=day(1), study=day(2))
    verdict = judge_cycle("p", "c", cycle, measures={}, project_cycles=[], today=TODAY)
    assert (verdict.data, verdict.data_words, verdict.disagrees) == (None, None, False)
    assert verdict.side_by_side() == "team: yes; data: not checkable"


def test_a_study_without_a_verdict_counts_no_team_verdict() -> None:
    cycle = make_cycle(do=day(1), study=day(2))
    assert cycle.study is not None
    cycle = cycle.model_copy(
        update={"study": cycle.study.model_copy(update={"prediction_matched": None})}
    )
    record = check_predictions("p", [("c", cycle)], {}, today=TODAY, stale_after_days=30)
    assert (record.written, record.team_yes, record.verdicts) == (0, 0, ())


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
        "written",
        "checkable",
        "hit",
        "miss",
        "not_enough_data",
        "pending",
        "not_checkable",
        "summary",
        "team",
        "team_summary",
        "disagreements",
        "never_studied_count",
        "checks",
        "verdicts",
        "never_studied",
    ]
    assert data["checks"][0]["window_start"] == "2024-03-01"
    assert data["never_studied"][0]["cycle"] == "p/c"
    brief = check_predictions("p", [("c", cycle)], measures, today=TODAY, stale_after_days=30)
    assert "checks" not in brief.to_json(details=False)
