"""Writing records: new files created exclusively, phases and points appended."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from pdsa.errors import PdsaError
from pdsa.model.slug import numbered, slug_problem
from pdsa.store.files import (
    ParsedFile,
    append,
    appended_text,
    create_exclusive,
    locked,
    parse_text,
    read,
)
from pdsa.store.records import dumps, to_toml_data, validate

ModelT = TypeVar("ModelT", bound=BaseModel)

#: How many numbered alternatives to try when a slug is taken.
MAX_ALTERNATIVES = 99


def record_text(record: BaseModel, *, schema_comment: str | None = None) -> str:
    """The TOML text of a new record file."""
    text = dumps(to_toml_data(record))
    return f"{schema_comment}\n{text}" if schema_comment else text


def require_slug(slug: str | None) -> str | None:
    """A slug given with ``--slug``, refused with the reason when it is not a safe name."""
    if slug is not None and (problem := slug_problem(slug)) is not None:
        raise PdsaError(f"--slug '{slug}': {problem}")
    return slug


def create_record(folder: Path, slug: str, text: str, *, renumber: bool) -> str:
    """Write a new record file named after ``slug``; return the slug used.

    With ``renumber``, a taken name becomes ``slug-2``, ``slug-3``...; the exclusive
    create makes two concurrent writers end up with two files, never one clobbered.
    """
    for attempt in range(1, MAX_ALTERNATIVES + 1):
        candidate = slug if attempt == 1 else numbered(slug, attempt)
        path = folder / f"{candidate}.toml"
        if _taken_ignoring_case(path):
            if not renumber:
                break
            continue
        try:
            create_exclusive(path, text)
        except FileExistsError:
            if not renumber:
                break
            continue
        return candidate
    raise PdsaError(
        f"'{slug}' is already taken in {folder}",
        hint="choose another title, or give a name with --slug",
    )


def _taken_ignoring_case(path: Path) -> bool:
    # On a case-sensitive disk "Reminders.toml" and "reminders.toml" could both exist,
    # then collide on a colleague's Mac or Windows machine.
    if not path.parent.is_dir():
        return False
    name = path.name.lower()
    return any(entry.name.lower() == name for entry in path.parent.iterdir())


def append_tables(
    path: Path,
    addition: dict[str, Any],
    model: type[ModelT],
    *,
    guard: Callable[[ModelT], None] | None = None,
) -> None:
    """Append ``addition`` (new tables) to a record file after checking the result.

    The file must parse and the combined file must validate (and pass ``guard``, which
    raises to refuse) before a byte is written; the existing bytes are kept exactly. The
    record is locked from the read to the write, so concurrent appends all land.
    """
    addition_text = dumps(addition)
    with locked(path):
        parsed = read(path)
        combined = appended_text(parsed.text, addition_text)
        data = parse_text(path, combined)
        record = validate(ParsedFile(path, parsed.raw, combined, data), model)
        if guard is not None:
            guard(record)
        append(parsed, addition_text)
