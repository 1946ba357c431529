"""Validation problems say what was expected, with the closest key for a typo."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from pdsa.model.cycle import Cycle
from pdsa.model.problems import problems_from

DAY = datetime.date(2026, 3, 4)


def messages(data: dict[str, object]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Cycle.model_validate(data)
    return {p.dotted: p.message for p in problems_from(caught.value, Cycle)}


def test_unknown_keys_suggest_the_closest_known_key() -> None:
    found = messages(
        {
            "schema_version": 1,
            "title": "t",
            "plan": {
                "date": DAY,
                "objective": "o",
                "predictons": [],
                "scale": {"description": "d", "poeple": 3},
            },
        }
    )
    assert found["plan.predictons"] == "unknown key 'predictons'; did you mean 'predictions'?"
    assert found["plan.scale.poeple"] == "unknown key 'poeple'; did you mean 'people'?"


def test_missing_fields_carry_the_worksheet_question() -> None:
    found = messages({"schema_version": 1, "title": "t", "plan": {"date": DAY}})
    assert found["plan.objective"] == (
        "missing required field 'objective' (What is the objective of this cycle?)"
    )


def test_wrong_types_say_what_was_given() -> None:
    found = messages(
        {
            "schema_version": 1,
            "title": "t",
            "plan": {"date": "2026-03-04", "objective": "o", "predictions": [3]},
            "do": {"date": DAY, "as_planned": "yes", "observations": "x"},
        }
    )
    assert found["plan.date"] == (
        "'plan.date' should be a date written like 2024-03-04 (no quotes), not text in quotes"
    )
    assert found["plan.predictions[0]"] == (
        "'plan.predictions[0]' should be text or a table, not a whole number"
    )
    assert found["do.as_planned"] == (
        "'do.as_planned': input should be a valid boolean, not text in quotes"
    )


def test_bad_enum_values_list_the_choices() -> None:
    found = messages(
        {
            "schema_version": 1,
            "title": "t",
            "plan": {"date": DAY, "objective": "o"},
            "do": {"date": DAY, "as_planned": True, "observations": "x"},
            "study": {"date": DAY, "results": "r", "prediction_matched": "mostly", "learning": "l"},
        }
    )
    assert found["study.prediction_matched"] == (
        "'study.prediction_matched': input should be 'yes', 'no' or 'partly'"
    )


def test_plain_text_and_structured_predictions_and_scale_are_both_valid() -> None:
    cycle = Cycle.model_validate(
        {
            "schema_version": 1,
            "title": "t",
            "plan": {
                "date": DAY,
                "objective": "o",
                "scale": "1 clinic",
                "predictions": [
                    "rises",
                    {
                        "text": "at least 80",
                        "measure": "attendance",
                        "direction": "increase",
                        "target": 80,
                    },
                ],
            },
        }
    )
    assert cycle.plan.scale == "1 clinic"
    assert cycle.plan.predictions[0] == "rises"
    assert cycle.phase == "plan"
