"""The privacy guard at the moment of writing: what a person types is scanned before it
reaches the log (and so git).

A title becomes a file name, which stays in git history however the file is edited later,
so a title that looks like it holds a patient identifier is refused. Other text is
written, with a warning that names the field and shows the identifier masked; `pdsa
check` reports it too.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from pdsa.check.identifiers import MAY_IDENTIFY
from pdsa.check.privacy import scan, scan_name
from pdsa.errors import PdsaError
from pdsa.model.problems import KeyPath, dotted


def guard_title(title: str, *, allow: Sequence[str]) -> None:
    """Refuse a title (and so a file name) that looks like it holds an identifier."""
    hits = scan(title, allow=allow)
    if hits:
        hit = hits[0]
        raise PdsaError(
            f"the title looks like it holds {hit.description} ({hit.masked}); titles become "
            "file names, which stay in git history; nothing was written",
            hint="choose a title without it, or give a file name with --slug",
        )


def guard_name(name: str, *, allow: Sequence[str], option: str | None = None) -> None:
    """Refuse a file or folder name (a ``--slug``, or the slug a title became) that looks
    like it holds an identifier: names stay in git history."""
    hits = scan_name(name, allow=allow)
    if hits:
        hit = hits[0]
        masked = name[: hit.start] + hit.masked + name[hit.end :]
        given = f"{option} '{masked}'" if option else f"the name '{masked}'"
        raise PdsaError(
            f"{given} looks like it holds {hit.description}; names become files and "
            "folders, which stay in git history; nothing was written",
            hint="choose a name without it" + ("" if option else ", or give one with --slug"),
        )


def private_text(data: Any, *, allow: Sequence[str], path: KeyPath = ()) -> list[str]:
    """``field: looks like ... (masked)`` for every string in ``data`` that holds one."""
    found: list[str] = []
    if isinstance(data, str):
        found += [
            f"{dotted(path)}: looks like {hit.description} ({hit.masked})"
            for hit in scan(data, allow=allow)
        ]
    elif isinstance(data, dict):
        for key, value in data.items():
            found += private_text(value, allow=allow, path=(*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += private_text(value, allow=allow, path=(*path, index))
    return found


RecordT = TypeVar("RecordT", bound=BaseModel)

#: Fields that hold a slug (a file name, so a reference that must stay as it is); every
#: other string of a record is free text.
IDENTITY_FIELDS = frozenset(
    {"follows", "change_idea", "measures", "next", "measure", "key", "theme", "id", "privacy"}
)


def masked(record: RecordT, *, allow: Sequence[str], where: str) -> tuple[RecordT, list[str]]:
    """``record`` with every likely identifier in its free text masked exactly as ``pdsa
    check`` masks it (the same scan, the same allow-list), and a line per identifier
    (``where field: looks like ... (masked)``), for exports and charts that must never
    carry one in full. A record with none is returned as it is (and cheaply: most strings
    fail check's quick test and are never scanned)."""
    found: list[str] = []
    path: list[str | int] = []
    search = MAY_IDENTIFY.search

    def mask(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            if not search(value):
                return value
            hits = scan(value, allow=allow)
            for hit in reversed(hits):
                value = value[: hit.start] + hit.masked + value[hit.end :]
            found.extend(
                f"{where} {dotted(tuple(path))}: looks like {hit.description} ({hit.masked})"
                for hit in hits
            )
            return value
        if kind is list:
            items = []
            for index, item in enumerate(value):
                path.append(index)
                items.append(mask(item))
                path.pop()
            return (
                value if all(new is old for new, old in zip(items, value, strict=True)) else items
            )
        if isinstance(value, BaseModel):
            changed = {}
            for name, item in value.__dict__.items():
                if item is None or name in IDENTITY_FIELDS or type(item) in _PLAIN:
                    continue
                if type(item) is str and not search(item):
                    continue  # most text: no call needed
                path.append(name)
                new = mask(item)
                path.pop()
                if new is not item:
                    changed[name] = new
            return value.model_copy(update=changed) if changed else value
        return value

    result: RecordT = mask(record)
    return result, found


#: Values that hold no text.
_PLAIN = frozenset({int, float, bool, datetime.date})
