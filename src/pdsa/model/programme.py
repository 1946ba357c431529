"""``pdsa.toml``: the programme, its themes and its settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pdsa.model.base import Record, SchemaVersion, Slug, Text

RuleSetName = Literal["anhoej", "ihi", "spc"]


class Theme(Record):
    """A theme that groups projects (e.g. increasing testing)."""

    id: Slug = Field(description="Short id that projects use in their `theme` field.")
    title: Text = Field(description="The theme's name.")
    description: str | None = Field(default=None, description="What the theme covers.")


class Settings(Record):
    """Programme-wide defaults."""

    stale_after_days: int = Field(
        default=30,
        ge=1,
        description="Days without activity after which a project or cycle counts as stale.",
    )
    rules: RuleSetName = Field(
        default="anhoej", description="Default rule set for charts: anhoej, ihi or spc."
    )


class Privacy(Record):
    """The privacy guard's allow-list."""

    allow: list[str] = Field(
        default_factory=list,
        description="Regular expressions for text that looks private but is not "
        "(e.g. a clinic's public phone number).",
    )


class Programme(Record):
    """The programme: the root of a log folder."""

    schema_version: SchemaVersion
    name: Text = Field(description="What is the programme called?")
    description: str | None = Field(default=None, description="What is the programme for?")
    example: bool = Field(
        default=False,
        description="True for the bundled example programme, whose names and data are invented.",
    )
    themes: list[Theme] = Field(default_factory=list, description="The programme's themes.")
    settings: Settings = Field(default_factory=Settings, description="Programme-wide defaults.")
    privacy: Privacy = Field(default_factory=Privacy, description="The privacy guard's settings.")
