"""Records on disk: read and validate a file into its model, and turn models into TOML."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pdsa.errors import PdsaError, ValidationFailed
from pdsa.model.base import SCHEMA_VERSION
from pdsa.model.problems import Problem, problems_from
from pdsa.store.files import ParsedFile, read

ModelT = TypeVar("ModelT", bound=BaseModel)
_EXACT_INTEGERS = 2**53


def check_version(parsed: ParsedFile) -> None:
    """Refuse a file whose ``schema_version`` this pdsa cannot read as it is."""
    version = parsed.data.get("schema_version")
    if not parsed.data:
        raise PdsaError(
            "the file is empty (or holds only comments)",
            hint="fill it in from its template (pdsa edit), or delete it",
            path=parsed.path,
        )
    if version is None:
        raise PdsaError(
            "missing 'schema_version'",
            hint="run 'pdsa migrate' to bring the file up to date",
            path=parsed.path,
            line=1,
            column=1,
        )
    if isinstance(version, int) and not isinstance(version, bool):
        if version > SCHEMA_VERSION:
            raise PdsaError(
                f"schema_version {version} is newer than this pdsa understands "
                f"(it reads up to {SCHEMA_VERSION})",
                hint="upgrade pdsa (the pdsa-logbook package) to a release that reads it",
                path=parsed.path,
            )
        if version < SCHEMA_VERSION:
            raise PdsaError(
                f"schema_version {version} is older than the current {SCHEMA_VERSION}",
                hint="run 'pdsa migrate' to upgrade the log",
                path=parsed.path,
            )


def validate(parsed: ParsedFile, model: type[ModelT]) -> ModelT:
    """The file's model, or :class:`ValidationFailed` listing every problem by line."""
    check_version(parsed)
    try:
        return model.model_validate(parsed.data)
    except ValidationError as error:
        problems = problems_from(error, model)
        raise ValidationFailed(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the file",
            located(parsed, problems),
            path=parsed.path,
        ) from None


def validate_data(path: Path, data: dict[str, Any], model: type[ModelT]) -> ModelT | None:
    """The model for already-parsed data, or None when it needs :func:`load`'s full
    error report (the file's text, for line numbers)."""
    version = data.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def located(parsed: ParsedFile, problems: list[Problem]) -> list[str]:
    """``file:line:col: message`` for each problem, in file order."""
    from pdsa.store.locate import index_keys

    index = index_keys(parsed.text)
    lines = []
    for problem in problems:
        line, column = index.locate(problem.path)
        lines.append((line, column, f"{parsed.path}:{line}:{column}: {problem.message}"))
    return [text for _, _, text in sorted(lines, key=lambda item: (item[0], item[1]))]


def load(path: Path, model: type[ModelT]) -> ModelT:
    """Read, parse and validate one record file."""
    return validate(read(path), model)


def to_toml_data(record: BaseModel) -> dict[str, Any]:
    """The record as TOML-ready data: no empty values, fields in the model's order."""
    data = record.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    pruned: dict[str, Any] = _prune(data)
    return pruned


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {key: _prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if not _empty(key, item)}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_INTEGERS:
        # 12 reads better than 12.0, and reads back as the same number.
        return int(value)
    return value


def _empty(key: str, value: Any) -> bool:
    return isinstance(value, list | dict) and not value


def dumps(data: dict[str, Any]) -> str:
    """TOML text for ``data`` in pdsa's layout (see :mod:`pdsa.store.toml_layout`)."""
    from pdsa.store.toml_layout import dumps as layout_dumps

    return layout_dumps(data)
