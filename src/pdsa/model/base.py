"""What every record model shares: strict types, no unknown keys, worksheet wording."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

from pdsa.model.slug import slug_problem

#: The schema version this pdsa writes and fully understands.
SCHEMA_VERSION = 1


class Record(BaseModel):
    """Base of every table in a log file.

    Strict, so that a date written as a string or a number written as text is an
    error rather than silently converted; ``extra="forbid"`` so a misspelt key is
    reported (with the closest known key) instead of being ignored.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        validate_default=False,
        use_attribute_docstrings=False,
    )


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


def _valid_slug(text: str) -> str:
    problem = slug_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text


#: Free text a person must fill in: any characters at all, but not only spaces.
Text = Annotated[str, AfterValidator(_not_blank)]
#: A reference to a project, measure, cycle, theme or change idea by its slug.
Slug = Annotated[str, AfterValidator(_valid_slug)]
#: A TOML date (``2024-03-04``, unquoted); a datetime or a quoted string is an error.
Day = Annotated[datetime.date, Strict()]
#: Which schema the file follows; see ``pdsa migrate``.
SchemaVersion = Annotated[
    int,
    Field(
        ge=0, description="The file format version. Written by pdsa; upgrade with `pdsa migrate`."
    ),
]
