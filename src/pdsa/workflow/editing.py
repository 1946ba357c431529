"""Replacing a record with an edited version, only when the new text is valid."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from pdsa.store.files import ParsedFile, locked, parse_text, replace_atomic
from pdsa.store.records import validate


def accept_edit(
    path: Path, original: bytes, edited: str, model: type[BaseModel], *, shown_as: Path
) -> None:
    """Validate ``edited`` as ``model`` and put it in place of ``original`` atomically.

    Problems are reported against ``shown_as``, the copy the person is editing. The text
    is written exactly as the person left it (their comments stay); the file
    is only replaced if nobody else changed it in the meantime.
    """
    data = parse_text(shown_as, edited)
    validate(ParsedFile(shown_as, edited.encode("utf-8"), edited, data), model)
    with locked(path):
        replace_atomic(path, edited.encode("utf-8"), expected=original)
