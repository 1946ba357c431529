"""The parts of a record that its history follows, and what changed between two versions.

A record's history is told part by part, each part a table or a value a person wrote in
one go:

* a cycle: ``details`` (title, change idea, follows, measures), ``plan`` (without its
  predictions), ``predictions``, ``do``, ``study`` and ``act``;
* a measure: ``definition`` (everything but the points), then ``point YYYY-MM-DD`` for each
  data point (``point YYYY-MM-DD (2)`` for a second point on one date);
* a project or the programme: each top-level key (``aim``, ``team``, ``change_ideas``...).

Versions are compared by value, not by text: re-formatting a file, or writing a plain
prediction as a table with the same text (``pdsa migrate``), changes no part. Pure
functions over parsed TOML data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["programme", "project", "cycle", "measure"]
#: ``renamed``: a cycle's predictions changed only to name a measure renamed alongside
#: them (see :func:`follows_renames`): what was predicted is the same.
Action = Literal["added", "changed", "removed", "renamed"]
Data = Mapping[str, Any]

PHASE_PARTS = ("plan", "do", "study", "act")
PREDICTIONS = "predictions"
DETAILS = "details"
DEFINITION = "definition"
POINT = "point "


@dataclass(frozen=True, slots=True)
class Part:
    """One part of one version: a digest of its value, and what people are shown of it."""

    digest: str
    #: Its text for people, where the history shows it (predictions, a point's value).
    shown: tuple[str, ...]
    #: The value itself when it is a table, so that changed keys can be named.
    table: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One part of a record added, changed or removed by one commit."""

    part: str
    action: Action
    #: The digest of the part's new value; None when it was removed.
    digest: str | None
    #: What it said before and after (predictions, points); empty where not shown.
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    #: For a changed table: the keys whose values changed.
    keys: tuple[str, ...] = ()


def parts_of(kind: Kind, data: Data, *, memo: dict[int, Part] | None = None) -> dict[str, Part]:
    """Every part of one version of a record of ``kind``.

    ``memo`` (the caller's, kept while every value in it is alive) holds each value's part
    by identity, so a version that shares tables with the one before it (tables appended
    to a file) works out only the new ones.
    """
    if kind == "cycle":
        return _cycle_parts(data, memo)
    if kind == "measure":
        return _measure_parts(data, memo)
    return {str(key): _part(value, memo) for key, value in data.items()}


def compare(
    kind: Kind, before: Sequence[Data | None], after: Data | None
) -> tuple[tuple[Change, ...], bool]:
    """What changed from ``before`` (the version in each parent commit, None where there
    was none or it could not be read) to ``after`` (None when deleted or unreadable).

    Returns the changes and whether they could only be listed against nothing (every
    earlier version unreadable), in which case every part is listed as added.
    A part equal to its value in any parent is unchanged (a merge took it from there);
    a part is removed when every parent had it.
    """
    return compare_parts(
        [parts_of(kind, data) if data is not None else None for data in before],
        parts_of(kind, after) if after is not None else None,
    )


def compare_parts(
    before: Sequence[Mapping[str, Part] | None], after: Mapping[str, Part] | None
) -> tuple[tuple[Change, ...], bool]:
    """:func:`compare`, given the parts of each version."""
    new = after if after is not None else {}
    olds = [parts for parts in before if parts is not None]
    reread = bool(before) and not olds
    changes: list[Change] = []
    for name, part in new.items():
        earlier = [old[name] for old in olds if name in old]
        if not earlier:
            changes.append(Change(name, "added", part.digest, new=part.shown))
        elif all(old.digest != part.digest for old in earlier):
            first = earlier[0]
            changes.append(
                Change(
                    name,
                    "changed",
                    part.digest,
                    old=first.shown,
                    new=part.shown,
                    keys=_changed_keys(first.table, part.table),
                )
            )
    if olds and after is not None:
        for name in olds[0]:
            if name not in new and all(name in old for old in olds):
                changes.append(Change(name, "removed", None, old=olds[0][name].shown))
    return tuple(changes), reread


def prediction_texts(value: Any) -> tuple[str, ...]:
    """Each prediction as people read it: its text, then what it names in brackets."""
    if not isinstance(value, list):
        return (_plain(value),)
    shown = []
    for entry in value:
        if isinstance(entry, Mapping):
            text = _plain(entry.get("text", ""))
            named = [
                _plain(entry[key])
                for key in ("measure", "direction", "target")
                if entry.get(key) is not None
            ]
            shown.append(f"{text} ({', '.join(named)})" if named else text)
        else:
            shown.append(_plain(entry))
    return tuple(shown)


def follows_renames(before: Any, after: Any, renames: Mapping[str, str]) -> bool:
    """Whether the predictions ``after`` are ``before`` with nothing changed but the
    measures ``renames`` maps (old slug to new slug) written under their new names, as
    renaming a measure rewrites every reference to it."""
    old, new = _normal_predictions(before), _normal_predictions(after)
    if not isinstance(old, list) or not renames:
        return False
    moved = [
        {**entry, "measure": renames[entry["measure"]]}
        if isinstance(entry, Mapping) and entry.get("measure") in renames
        else entry
        for entry in old
    ]
    return _digest(moved) == _digest(new) != _digest(old)


def _cycle_parts(data: Data, memo: dict[int, Part] | None) -> dict[str, Part]:
    parts: dict[str, Part] = {}
    details = {key: value for key, value in data.items() if key not in PHASE_PARTS}
    if details:
        parts[DETAILS] = _part(details)
    plan = data.get("plan")
    if isinstance(plan, Mapping):
        parts["plan"] = _part({key: value for key, value in plan.items() if key != PREDICTIONS})
        predictions = plan.get(PREDICTIONS)
        if predictions not in (None, []):
            normal = _normal_predictions(predictions)
            parts[PREDICTIONS] = Part(_digest(normal), prediction_texts(predictions))
    elif plan is not None:
        parts["plan"] = _part(plan, memo)
    for phase in PHASE_PARTS[1:]:
        if phase in data:
            parts[phase] = _part(data[phase], memo)
    return parts


def _measure_parts(data: Data, memo: dict[int, Part] | None) -> dict[str, Part]:
    parts: dict[str, Part] = {
        DEFINITION: _part({key: value for key, value in data.items() if key != "points"})
    }
    points = data.get("points")
    if not isinstance(points, list):
        if points is not None:
            parts["points"] = _part(points, memo)
        return parts
    for point in points:
        day = point.get("date") if isinstance(point, Mapping) else None
        name = f"{POINT}{_plain(day) if day is not None else '(no date)'}"
        number = 2
        while name in parts:
            name = f"{POINT}{_plain(day)} ({number})"
            number += 1
        known = memo.get(id(point)) if memo is not None else None
        if known is None:
            value = point.get("value") if isinstance(point, Mapping) else point
            known = Part(_digest(point), (_plain(value),))
            if memo is not None:
                memo[id(point)] = known
        parts[name] = known
    return parts


def _normal_predictions(value: Any) -> Any:
    """Plain text and a table holding only that text are the same prediction."""
    if not isinstance(value, list):
        return value
    return [{"text": entry} if isinstance(entry, str) else _without_none(entry) for entry in value]


def _without_none(entry: Any) -> Any:
    if isinstance(entry, Mapping):
        return {key: item for key, item in entry.items() if item is not None}
    return entry


def _part(value: Any, memo: dict[int, Part] | None = None) -> Part:
    known = memo.get(id(value)) if memo is not None else None
    if known is None:
        table = value if isinstance(value, Mapping) else None
        known = Part(_digest(value), (), table)
        if memo is not None:
            memo[id(value)] = known
    return known


def _changed_keys(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> tuple[str, ...]:
    if before is None or after is None:
        return ()
    keys = sorted(set(before) | set(after))
    return tuple(
        key
        for key in keys
        if _digest(before.get(key, _MISSING)) != _digest(after.get(key, _MISSING))
    )


_MISSING = object()


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _plain(value: Any) -> str:
    if value is _MISSING:
        return "\x00missing"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
