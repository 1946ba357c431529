"""The parts of a record that history follows, and what changed between versions."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pdsa.analysis.record_parts import Change, compare, follows_renames, parts_of

PLAN = {
    "date": datetime.date(2026, 3, 5),
    "objective": "Find out whether a text helps",
    "predictions": ["Attendance rises to 80%"],
}
CYCLE: dict[str, Any] = {"schema_version": 1, "title": "Texts", "plan": PLAN}


def actions(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    return [(change.part, change.action) for change in changes]


def test_a_cycle_is_told_phase_by_phase_with_its_predictions_apart() -> None:
    data = {**CYCLE, "do": {"date": datetime.date(2026, 3, 20), "as_planned": True}}
    assert list(parts_of("cycle", data)) == ["details", "plan", "predictions", "do"]


def test_a_new_cycle_adds_every_part() -> None:
    changes, reread = compare("cycle", [], CYCLE)
    assert actions(changes) == [("details", "added"), ("plan", "added"), ("predictions", "added")]
    assert changes[2].new == ("Attendance rises to 80%",)
    assert not reread


def test_an_appended_phase_is_the_only_change() -> None:
    after = {**CYCLE, "study": {"results": "85%"}}
    changes, _ = compare("cycle", [CYCLE], after)
    assert actions(changes) == [("study", "added")]


def test_a_changed_prediction_shows_its_old_and_new_text() -> None:
    after = {**CYCLE, "plan": {**PLAN, "predictions": ["Attendance rises to 85%"]}}
    (change,) = compare("cycle", [CYCLE], after)[0]
    assert (change.part, change.action) == ("predictions", "changed")
    assert (change.old, change.new) == (("Attendance rises to 80%",), ("Attendance rises to 85%",))


def test_a_structured_prediction_shows_what_it_names() -> None:
    table = {"text": "At least 80%", "measure": "attendance-rate", "direction": "increase"}
    after = {**CYCLE, "plan": {**PLAN, "predictions": [table]}}
    (change,) = compare("cycle", [CYCLE], after)[0]
    assert change.new == ("At least 80% (attendance-rate, increase)",)


def test_plain_text_and_a_table_holding_only_it_are_the_same_prediction() -> None:
    after = {**CYCLE, "plan": {**PLAN, "predictions": [{"text": "Attendance rises to 80%"}]}}
    assert compare("cycle", [CYCLE], after) == ((), False)


def test_a_changed_table_names_the_keys_that_changed() -> None:
    after = {**CYCLE, "plan": {**PLAN, "objective": "Other", "end": datetime.date(2026, 4, 1)}}
    (change,) = compare("cycle", [CYCLE], after)[0]
    assert (change.part, change.keys) == ("plan", ("end", "objective"))


def test_a_removed_phase_is_listed() -> None:
    before = {**CYCLE, "do": {"as_planned": True}}
    assert actions(compare("cycle", [before], CYCLE)[0]) == [("do", "removed")]


def test_a_merge_takes_each_part_from_the_parent_that_had_it() -> None:
    base = {"schema_version": 1, "title": "Rate", "type": "outcome", "points": []}
    ours = {**base, "points": [{"date": datetime.date(2026, 3, 12), "value": 71.0}]}
    theirs = {**base, "points": [{"date": datetime.date(2026, 3, 19), "value": 74.0}]}
    merged = {**base, "points": [*ours["points"], *theirs["points"]]}
    assert compare("measure", [ours, theirs], merged) == ((), False)
    # A part only one parent had, missing from the result, was removed on that side only.
    assert compare("measure", [ours, theirs], base) == ((), False)
    # A value neither parent had is the merge's own.
    fixed = {**base, "points": [{"date": datetime.date(2026, 3, 12), "value": 72.0}]}
    (change,) = compare("measure", [ours, theirs], fixed)[0]
    assert (change.part, change.action, change.old, change.new) == (
        "point 2026-03-12",
        "changed",
        ("71",),
        ("72",),
    )


def test_points_are_parts_by_date_a_second_on_one_date_numbered() -> None:
    day = datetime.date(2026, 3, 12)
    data = {"title": "Rate", "points": [{"date": day, "value": 1.0}, {"date": day, "value": 2.5}]}
    assert list(parts_of("measure", data)) == [
        "definition",
        "point 2026-03-12",
        "point 2026-03-12 (2)",
    ]
    assert parts_of("measure", data)["point 2026-03-12 (2)"].shown == ("2.5",)


def test_predictions_that_only_follow_a_measure_s_rename() -> None:
    before = [
        {"text": "Attendance rises", "measure": "attendance-rate", "direction": "increase"},
        "Fewer complaints",
    ]
    renamed = [{**before[0], "measure": "attendance"}, "Fewer complaints"]
    assert follows_renames(before, renamed, {"attendance-rate": "attendance"})
    assert not follows_renames(before, renamed, {})
    assert not follows_renames(before, renamed, {"attendance-rate": "visits"})
    reworded = [{**renamed[0], "text": "Attendance soars"}, "Fewer complaints"]
    assert not follows_renames(before, reworded, {"attendance-rate": "attendance"})
    assert not follows_renames(before, before, {"attendance-rate": "attendance"})  # no change


def test_a_project_is_told_key_by_key() -> None:
    before = {"title": "Outreach", "aim": "500 people", "team": []}
    after = {"title": "Outreach", "aim": "600 people", "partners": ["Clinic"]}
    assert actions(compare("project", [before], after)[0]) == [
        ("aim", "changed"),
        ("partners", "added"),
        ("team", "removed"),
    ]


def test_against_an_unreadable_version_everything_is_added_and_flagged() -> None:
    changes, reread = compare("cycle", [None], CYCLE)
    assert reread
    assert {action for _, action in actions(changes)} == {"added"}


_SCALAR = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
)
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(
    st.sampled_from(["cycle", "measure", "project", "programme"]),
    st.dictionaries(st.sampled_from(["title", "plan", "do", "points", "aim", "x"]), _VALUE),
)
def test_a_version_compared_with_itself_changes_nothing(kind: Any, data: dict[str, Any]) -> None:
    assert compare(kind, [data], data) == ((), False)


@given(st.dictionaries(st.sampled_from(["title", "plan", "do", "study", "act"]), _VALUE))
def test_every_part_of_a_new_record_is_added_once(data: dict[str, Any]) -> None:
    changes, _ = compare("cycle", [], data)
    assert sorted(part for part, _ in actions(changes)) == sorted(parts_of("cycle", data))
