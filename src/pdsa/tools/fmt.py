"""``pdsa fmt``: rewrite record files into the layout pdsa itself writes.

The canonical text of a file is what pdsa would write for the same values: keys in
the models' order (the templates' order), tables laid out by
:mod:`pdsa.store.toml_layout`, one blank line between tables. A file is only ever
rewritten when that changes nothing a person wrote:

* it must parse and validate (a broken file is reported, never touched);
* it must hold no comments: tomli-w cannot keep them, so a commented file is left
  exactly as it is and reported. The one exception is a leading ``#:schema``
  directive, which is kept, or added when the log has ``.pdsa/schemas/``;
* the new text must parse to exactly the same values and types as the old, checked
  here before any byte is written;
* the write is atomic and refused if the file changed since it was read.

A file that uses CRLF line endings throughout keeps them.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pdsa.errors import PdsaError
from pdsa.store.files import ParsedFile, decode, parse_text, replace_atomic
from pdsa.store.records import validate
from pdsa.store.toml_layout import dumps
from pdsa.tools.kinds import model_of, schema_directive
from pdsa.tools.text import (
    comments_besides_directive,
    leading_directive,
    newline_of,
    same_values,
    with_newline,
)
from pdsa.tools.walk import RecordFile


class Outcome(enum.StrEnum):
    """What ``fmt`` did, or would do, with one file."""

    FORMATTED = "formatted"
    UNCHANGED = "unchanged"
    COMMENTED = "commented"
    FAILED = "failed"


@dataclass(frozen=True)
class FmtResult:
    """One file's outcome; ``error`` says why a file FAILED."""

    file: RecordFile
    outcome: Outcome
    error: PdsaError | None = None
    #: The file could not be read, parsed or validated (what ``pdsa check`` reports too).
    unreadable: bool = False


def canonical_text(
    text: str, data: dict[str, Any], model: type[BaseModel], *, directive: str | None
) -> str:
    """The canonical layout of ``data`` (parsed from ``text``), keeping its line endings.

    ``directive`` is the ``#:schema`` line to put first when ``text`` has none.
    """
    body = dumps(ordered(data, model))
    first = leading_directive(text) or directive
    canonical = f"{first}\n{body}" if first else body
    return with_newline(canonical, newline_of(text))


def ordered(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` with its keys in ``model``'s field order, at every level; no value changed."""
    result: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name in data:
            result[name] = _ordered_value(data[name], field.annotation)
    # Validated data has no other keys; were there any, they would be kept, not lost.
    result.update((key, value) for key, value in data.items() if key not in result)
    return result


def _ordered_value(value: Any, annotation: Any) -> Any:
    inner = _inner_model(annotation)
    if inner is None:
        return value
    if isinstance(value, dict):
        return ordered(value, inner)
    if isinstance(value, list):
        return [ordered(item, inner) if isinstance(item, dict) else item for item in value]
    return value


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field's tables follow: ``Plan``, ``list[Task]``, ``str | Scale``..."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated, list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            inner = _inner_model(argument)
            if inner is not None:
                return inner
    return None


def format_file(file: RecordFile, root: Path, *, check: bool) -> FmtResult:
    """Format one file (or, with ``check``, only find out whether it would change)."""
    try:
        raw = file.shown.read_bytes()
        text = decode(file.shown, raw)
        data = parse_text(file.shown, text)
        model = model_of(file.kind)
        validate(ParsedFile(file.shown, raw, text, data), model)
    except PdsaError as error:
        return FmtResult(file, Outcome.FAILED, error, unreadable=True)
    except OSError as error:
        return FmtResult(
            file, Outcome.FAILED, PdsaError(f"cannot read: {error.strerror}", path=file.shown)
        )
    if comments_besides_directive(text):
        return FmtResult(file, Outcome.COMMENTED)
    directive = schema_directive(root, file.path.parent, file.kind)
    new_text = canonical_text(text, data, model, directive=directive)
    new_raw = new_text.encode("utf-8")
    if new_raw == raw:
        return FmtResult(file, Outcome.UNCHANGED)
    if not same_values(parse_text(file.shown, new_text), data):
        # A value the layout cannot write back exactly (it would be a bug in pdsa's
        # writer): refuse rather than change what a person wrote.
        return FmtResult(
            file,
            Outcome.FAILED,
            PdsaError(
                "cannot be formatted without changing a value; left as is",
                path=file.shown,
                hint="please report this as a bug in pdsa",
            ),
        )
    if not check:
        try:
            replace_atomic(file.shown, new_raw, expected=raw)
        except PdsaError as error:
            return FmtResult(file, Outcome.FAILED, error)
    return FmtResult(file, Outcome.FORMATTED)


def format_files(files: list[RecordFile], root: Path, *, check: bool) -> list[FmtResult]:
    """:func:`format_file` for each file, in order."""
    return [format_file(file, root, check=check) for file in files]
