"""``projects/<project>/measures/<measure>.toml``: a measure and its data over time."""

from __future__ import annotations

import itertools
from typing import Literal

from pydantic import Field, field_validator, model_validator

from pdsa.model.base import Day, Record, SchemaVersion, Slug, Text
from pdsa.model.programme import RuleSetName

MeasureType = Literal["outcome", "process", "balancing"]
Improvement = Literal["higher", "lower"]


class Point(Record):
    """One dated data point."""

    date: Day = Field(description="The date the value belongs to.")
    value: float = Field(description="The value, a number.")
    note: str | None = Field(default=None, description="Anything that explains this point.")
    astronomical: bool = Field(
        default=False,
        description="True when the team judges this point astronomical (IHI run rules).",
    )


class ChartPhase(Record):
    """A deliberate, recorded rebase of the chart from a date, with its reason."""

    start: Day = Field(description="The first date of the new phase.")
    reason: Text = Field(description="Why the process changed from this date.")


class Measure(Record):
    """How will we know that a change is an improvement?"""

    schema_version: SchemaVersion
    title: Text = Field(description="What is the measure called?")
    type: MeasureType = Field(description="outcome, process or balancing.")
    unit: str | None = Field(default=None, description="The unit of the values (e.g. %, people).")
    improvement: Improvement | None = Field(
        default=None, description="Which direction is better: higher or lower."
    )
    goal: float | None = Field(default=None, description="The value the project aims for.")
    min: float | None = Field(
        default=None,
        description="The lowest value a point may take (a % measure takes 0 to 100 and a "
        "count 0 or more without it).",
    )
    max: float | None = Field(
        default=None,
        description="The highest value a point may take (e.g. above 100 for a % of a target).",
    )
    definition: str | None = Field(
        default=None,
        description="Operational definition: exactly what is counted, how and how often.",
    )
    baseline: int | None = Field(
        default=None,
        ge=1,
        description="Fix the centre line and limits on the first k points.",
    )
    rules: RuleSetName | None = Field(
        default=None, description="Rule set for this measure's chart (else the programme's)."
    )
    key: Slug | None = Field(
        default=None,
        description="A programme-wide key shared by the same measure in several projects.",
    )
    phases: list[ChartPhase] = Field(
        default_factory=list, description="Recorded rebases of the chart."
    )
    points: list[Point] = Field(default_factory=list, description="The data over time.")

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Measure:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self

    @field_validator("phases")
    @classmethod
    def _phases_in_date_order(cls, phases: list[ChartPhase]) -> list[ChartPhase]:
        for before, after in itertools.pairwise(phases):
            if after.start <= before.start:
                raise ValueError(
                    f"phases start on increasing dates: {after.start} follows {before.start}"
                )
        return phases
