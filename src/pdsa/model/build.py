"""Building a record from values typed at the command line or in an editor."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pdsa.errors import ValidationFailed
from pdsa.model.problems import problems_from

ModelT = TypeVar("ModelT", bound=BaseModel)


def build(model: type[ModelT], data: dict[str, Any], *, what: str) -> ModelT:
    """``model`` from ``data``, or :class:`ValidationFailed` with one line per problem."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, model)
        raise ValidationFailed(
            f"the {what} is not valid; nothing was written",
            [problem.message for problem in problems],
        ) from None


def drop_blank(data: Any) -> Any:
    """``data`` without empty strings and empty lists, which mean "not given"."""
    if isinstance(data, dict):
        cleaned = {key: drop_blank(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in ("", [], None, {})}
    if isinstance(data, list):
        return [drop_blank(item) for item in data if item not in ("", None)]
    return data
