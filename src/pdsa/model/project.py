"""``projects/<project>/project.toml``: one improvement project."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from pdsa.model.base import Day, Record, SchemaVersion, Slug, Text

ProjectStatus = Literal["active", "paused", "completed", "closed"]

#: The IHI progress scale, 0.5 (intent to participate) to 5.0 (outstanding results).
PROGRESS_SCORES = tuple(step / 2 for step in range(1, 11))


class ChangeIdea(Record):
    """A change the team can test, with an id that cycles refer to."""

    id: Slug = Field(description="Short id that cycles use in their `change_idea` field.")
    title: Text = Field(description="What change can we make that will result in improvement?")
    description: str | None = Field(default=None, description="More about the change idea.")
    driver: str | None = Field(
        default=None, description="The driver (from the driver diagram) it acts on."
    )


class TeamMember(Record):
    """A person on the project team."""

    name: Text = Field(description="The person's name or role title.")
    role: str | None = Field(default=None, description="Their role in the project.")
    organisation: str | None = Field(default=None, description="Where they work.")


class Project(Record):
    """An improvement project: the first of the Model for Improvement's three questions."""

    schema_version: SchemaVersion
    title: Text = Field(description="What is the project called?")
    aim: Text = Field(
        description="What are we trying to accomplish? (specific, measurable, with a date)"
    )
    theme: Slug | None = Field(default=None, description="The programme theme it belongs to.")
    lead_organisation: Text = Field(description="Which organisation leads the project?")
    partners: list[Text] = Field(
        default_factory=list, description="Partner organisations (e.g. clinics)."
    )
    team: list[TeamMember] = Field(default_factory=list, description="Who is on the team?")
    change_ideas: list[ChangeIdea] = Field(
        default_factory=list,
        description="What changes can we make that will result in improvement?",
    )
    status: ProjectStatus = Field(
        default="active", description="active, paused, completed or closed."
    )
    progress_score: float | None = Field(
        default=None,
        description="IHI progress score set by the team: 0.5 to 5.0 in steps of 0.5.",
    )
    started: Day | None = Field(default=None, description="When did the project start?")

    @field_validator("progress_score")
    @classmethod
    def _on_the_ihi_scale(cls, score: float | None) -> float | None:
        if score is not None and score not in PROGRESS_SCORES:
            raise ValueError("must be one of 0.5, 1.0, 1.5, ... 5.0 (the IHI progress scale)")
        return score

    @field_validator("change_ideas")
    @classmethod
    def _unique_ids(cls, ideas: list[ChangeIdea]) -> list[ChangeIdea]:
        seen: set[str] = set()
        for idea in ideas:
            if idea.id in seen:
                raise ValueError(f"change idea id '{idea.id}' is used twice")
            seen.add(idea.id)
        return ideas
