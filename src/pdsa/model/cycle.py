"""``projects/<project>/cycles/<cycle>.toml``: one PDSA cycle, a table per phase.

A cycle starts with ``[plan]``; ``[do]``, ``[study]`` and ``[act]`` are appended in
turn, and the phase is simply the last of them present.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from pdsa.model.base import Day, Record, SchemaVersion, Slug, Text

PhaseName = Literal["plan", "do", "study", "act"]
PHASES: tuple[PhaseName, ...] = ("plan", "do", "study", "act")
Decision = Literal["adopt", "adapt", "abandon"]
Matched = Literal["yes", "no", "partly"]
Direction = Literal["increase", "decrease"]

# Tags of the "plain text or table" unions; the angle brackets keep them apart from
# real keys when error locations are turned back into key paths.
TEXT_TAG = "<text>"
TABLE_TAG = "<table>"


def _text_or_table(value: Any) -> str:
    return TEXT_TAG if isinstance(value, str) else TABLE_TAG


class Prediction(Record):
    """A prediction that names the measure it is about, so it can be checked."""

    text: Text = Field(description="What do you predict will happen?")
    measure: Slug | None = Field(default=None, description="The measure that will show it.")
    direction: Direction | None = Field(
        default=None, description="increase or decrease: which way the measure will move."
    )
    target: float | None = Field(
        default=None,
        description="The value it will reach (at least, for increase; at most, for decrease).",
    )


class Scale(Record):
    """The scale of the test, with numbers so that growth along a ramp can be measured."""

    description: Text = Field(description="What is the scale of the test?")
    people: int | None = Field(default=None, ge=0, description="How many people.")
    sites: int | None = Field(default=None, ge=0, description="How many sites or clinics.")
    days: int | None = Field(default=None, ge=0, description="How many days.")


class Task(Record):
    """A task of the plan: what, who, when, where."""

    what: Text = Field(description="What needs to be done?")
    who: str | None = Field(default=None, description="Who will do it?")
    when: Day | None = Field(default=None, description="By when?")
    where: str | None = Field(default=None, description="Where?")


PredictionEntry = Annotated[
    Annotated[str, Tag(TEXT_TAG)] | Annotated[Prediction, Tag(TABLE_TAG)],
    Discriminator(_text_or_table),
]
ScaleEntry = Annotated[
    Annotated[str, Tag(TEXT_TAG)] | Annotated[Scale, Tag(TABLE_TAG)],
    Discriminator(_text_or_table),
]


class Plan(Record):
    """Plan: what the cycle will test, what we predict, and how."""

    date: Day = Field(description="When was the plan written?")
    objective: Text = Field(description="What is the objective of this cycle?")
    questions: list[Text] = Field(
        default_factory=list, description="What questions do we want this cycle to answer?"
    )
    predictions: list[PredictionEntry] = Field(
        default_factory=list, description="What do we predict will happen?"
    )
    tasks: list[Task] = Field(
        default_factory=list, description="What tasks are needed: what, who, when, where?"
    )
    data_collection: str | None = Field(default=None, description="How will we collect the data?")
    scale: ScaleEntry | None = Field(
        default=None, description="What is the scale of the test (people, sites, days)?"
    )
    start: Day | None = Field(default=None, description="When will the test start?")
    end: Day | None = Field(default=None, description="When will the test end?")


class Do(Record):
    """Do: carry out the test and record what happened."""

    date: Day = Field(description="When was the test carried out?")
    as_planned: bool | None = Field(
        default=None,
        description="Was the cycle carried out as planned? (may be left unrecorded)",
    )
    observations: Text = Field(description="What happened? Record data and observations.")
    unplanned: str | None = Field(
        default=None, description="What did you observe that was not part of the plan?"
    )
    problems: str | None = Field(default=None, description="What problems came up?")


class Study(Record):
    """Study: compare the results with the predictions."""

    date: Day = Field(description="When were the results studied?")
    results: Text = Field(description="What were the results?")
    prediction_matched: Matched | None = Field(
        default=None,
        description="Did the results match the predictions? yes, no or partly "
        "(only when the plan made predictions).",
    )
    learning: Text = Field(description="What did you learn?")


class Act(Record):
    """Act: decide what to do with the change."""

    date: Day = Field(description="When was the decision made?")
    decision: Decision = Field(description="adopt, adapt or abandon the change?")
    changes: str | None = Field(default=None, description="What changes are to be made next?")
    next: Slug | None = Field(default=None, description="The next cycle, if it is known.")


class Cycle(Record):
    """A PDSA cycle: one test of one change idea."""

    schema_version: SchemaVersion
    title: Text = Field(description="What is this cycle called?")
    change_idea: Slug | list[Slug] | None = Field(
        default=None,
        description="Which of the project's change ideas does it test? (a list if several: "
        "a small test usually tests one)",
    )
    follows: Slug | None = Field(
        default=None, description="The cycle this one follows on a ramp, if any."
    )
    measures: list[Slug] = Field(
        default_factory=list, description="The measures that will show the effect."
    )
    plan: Plan = Field(description="The Plan phase.")
    do: Do | None = Field(default=None, description="The Do phase.")
    study: Study | None = Field(default=None, description="The Study phase.")
    act: Act | None = Field(default=None, description="The Act phase.")

    @property
    def change_ideas(self) -> list[str]:
        """The change ideas the cycle names, as a list (one, several or none)."""
        if self.change_idea is None:
            return []
        return [self.change_idea] if isinstance(self.change_idea, str) else list(self.change_idea)

    @property
    def phase(self) -> PhaseName:
        """The last phase recorded."""
        if self.act is not None:
            return "act"
        if self.study is not None:
            return "study"
        if self.do is not None:
            return "do"
        return "plan"

    @property
    def planned_start(self) -> datetime.date:
        """The date that orders cycles within a project: the planned start, else the plan's date."""
        return self.plan.start or self.plan.date

    @property
    def last_date(self) -> datetime.date:
        """The date of the latest phase recorded."""
        latest = self.act or self.study or self.do or self.plan
        return latest.date

    @property
    def decision(self) -> Decision | None:
        """The Act decision, once there is one."""
        return self.act.decision if self.act is not None else None
