"""Parsing the versions of a record that git holds, each from its bytes.

A record's history is mostly appends: ``pdsa do`` adds a ``[do]`` table after the plan,
``pdsa measure record`` adds a ``[[points]]`` table after the others. Parsing every
version whole would cost the square of the file's length over its life, so when a
version is an earlier one with tables appended, only the appended text is parsed and
joined to the earlier version's data. That is exact when the appended text starts with a
table header (so nothing in it belongs to the last table before it) and its tables are
new keys, or more ``[[points]]`` after a ``[[points]]`` array; anything else is parsed
whole.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

_POINTS_ARRAY = re.compile(r"^[ \t]*\[\[[ \t]*points[ \t]*\]\]", re.MULTILINE)
_FIRST_CONTENT = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")

Data = dict[str, Any]


def parse_version(raw: bytes, *, before: tuple[bytes, Data] | None = None) -> Data | None:
    """The TOML data of one version of a file; None when it is not UTF-8 TOML.

    ``before`` is an earlier version's bytes and data, when this one may extend it.
    """
    if before is not None:
        joined = _appended(raw, *before)
        if joined is not None:
            return joined
    try:
        return tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


def _appended(raw: bytes, old_raw: bytes, old_data: Data) -> Data | None:
    if not old_raw or len(raw) <= len(old_raw) or not raw.startswith(old_raw):
        return None
    if not old_raw.endswith(b"\n"):
        return None
    try:
        tail_text = raw[len(old_raw) :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    start = _FIRST_CONTENT.match(tail_text)
    if start is None or not tail_text.startswith("[", start.end()):
        return None
    try:
        tail = tomllib.loads(tail_text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    joined = dict(old_data)
    for key, value in tail.items():
        if key not in old_data:
            joined[key] = value
        elif (
            key == "points"
            and isinstance(value, list)
            and isinstance(old_data[key], list)
            and _POINTS_ARRAY.search(old_raw.decode("utf-8", "replace"))
        ):
            joined[key] = [*old_data[key], *value]
        else:
            return None
    return joined
