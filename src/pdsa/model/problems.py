"""Turn Pydantic's validation errors into problems a person can act on.

Each problem carries the key path in the file (so the store can find its line) and a
message that says what was expected: the worksheet question for a missing field, the
closest known key for an unknown one.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pdsa.model.cycle import TABLE_TAG, TEXT_TAG

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record."""

    path: KeyPath
    message: str
    code: str

    @property
    def dotted(self) -> str:
        """The key path as written in TOML terms: ``plan.tasks[0].who``."""
        return dotted(self.path)


def dotted(path: KeyPath) -> str:
    """``("plan", "tasks", 0, "who")`` -> ``plan.tasks[0].who``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(file)"


def problems_from(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """One :class:`Problem` per Pydantic error, in the order Pydantic found them."""
    return [_problem(detail, model) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails, model: type[BaseModel]) -> Problem:
    tags = (TEXT_TAG, TABLE_TAG)
    path: KeyPath = tuple(part for part in detail["loc"] if part not in tags)
    kind = detail["type"]
    field = path[-1] if path else ""
    if kind == "missing":
        question = _description(model, path)
        message = f"missing required field '{field}'"
        if question:
            message += f" ({question})"
    elif kind == "extra_forbidden":
        message = f"unknown key '{field}'"
        known = _known_keys(model, path[:-1])
        close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean '{close[0]}'?"
        elif known:
            message += f"; known keys here: {', '.join(sorted(known))}"
    elif kind == "model_type" and detail["loc"] and detail["loc"][-1] == TABLE_TAG:
        message = f"'{dotted(path)}' should be text or a table, not {_type_name(detail['input'])}"
    elif kind == "date_type":
        message = (
            f"'{dotted(path)}' should be a date written like 2024-03-04 (no quotes), "
            f"not {_type_name(detail['input'])}"
        )
    else:
        text = detail["msg"].removeprefix("Value error, ")
        message = f"'{dotted(path)}': {_lower_first(text)}"
        if kind.endswith("_type") or kind.endswith("_parsing"):
            message += f", not {_type_name(detail['input'])}"
    return Problem(path=path, message=message, code=kind)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _type_name(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text in quotes",
        list: "a list",
        dict: "a table",
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """Follow ``path`` through the model's fields to the model that holds its last key."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner is not None:
                return inner
    return None


def _known_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    holder = _model_at(model, path)
    return list(holder.model_fields) if holder is not None else []


def _description(model: type[BaseModel], path: KeyPath) -> str | None:
    if not path or not isinstance(path[-1], str):
        return None
    holder = _model_at(model, path[:-1])
    if holder is None:
        return None
    field = holder.model_fields.get(path[-1])
    return field.description if field is not None else None
