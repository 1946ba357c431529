"""The registered upgrade steps, one per schema version: ``STEPS[n]`` takes a file from
version ``n`` to ``n + 1``.

A step rewrites the file's TEXT, not its data, so that comments, blank lines and the
order a person chose survive; it also states what the file's values must be
afterwards, and :mod:`pdsa.tools.migrate` checks the new text against that before a
byte is written. To add version 2: raise ``SCHEMA_VERSION`` in ``pdsa.model.base``,
write ``_one_to_two`` and ``_one_to_two_values`` here, register ``STEPS[1]``, add
fixtures of the version-1 layout under ``tests/tools/``, and regenerate the schemas.

Version 0 is the layout of files written before ``schema_version`` existed:

* no ``schema_version`` key (or ``schema_version = 0``);
* ``project.toml`` named its lead organisation ``lead``, the option's name, which
  version 1 spells out as ``lead_organisation``, the worksheet's words.

Everything else in version 0 is as in version 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pdsa.errors import PdsaError
from pdsa.store.locate import index_keys
from pdsa.tools.kinds import Kind
from pdsa.tools.text import leading_directive, split_lines

Values = dict[str, Any]

_INTEGER = re.compile(r"[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9_]+)")
_BARE_KEY_CHAR = re.compile(r"[A-Za-z0-9_-]")


@dataclass(frozen=True)
class Step:
    """One upgrade from ``source`` to ``source + 1``."""

    source: int
    summary: str
    #: The new text of a file of the given kind (its line endings are ``\\n``).
    text: Callable[[str, Kind, Values], str]
    #: The values that text must parse to, from the values of the old text.
    values: Callable[[Values, Kind], Values]


# -- 0 -> 1 ------------------------------------------------------------------------


def _zero_to_one(text: str, kind: Kind, values: Values) -> str:
    if kind is Kind.PROJECT and "lead" in values:
        if "lead_organisation" in values:
            raise PdsaError(
                "has both 'lead' (its name before schema_version 1) and 'lead_organisation'",
                hint="keep one of them, then run 'pdsa migrate' again",
            )
        text = rename_top_level_key(text, "lead", "lead_organisation")
    return set_version(text, 1, values)


def _zero_to_one_values(values: Values, kind: Kind) -> Values:
    upgraded = {**values, "schema_version": 1}
    if kind is Kind.PROJECT and "lead" in upgraded:
        upgraded["lead_organisation"] = upgraded.pop("lead")
    return upgraded


STEPS: dict[int, Step] = {
    0: Step(
        source=0,
        summary="add schema_version; in project.toml, rename 'lead' to 'lead_organisation'",
        text=_zero_to_one,
        values=_zero_to_one_values,
    ),
}


# -- text edits the steps share -----------------------------------------------------


def set_version(text: str, version: int, values: Values) -> str:
    """``text`` with ``schema_version = version``: the value replaced where the key is
    written, else the key inserted as the first key (see :func:`insert_first_key`)."""
    if "schema_version" not in values:
        return insert_first_key(text, f"schema_version = {version}")
    offset = _offset(text, index_keys(text).locate_value(("schema_version",)))
    written = _INTEGER.match(text, offset)
    if written is None:
        raise PdsaError("cannot find the value of 'schema_version' to change it")
    return text[:offset] + str(version) + text[written.end() :]


def insert_first_key(text: str, line: str) -> str:
    """``text`` with ``line`` as its first key, after the directive and any header comment.

    A block of comments at the top that is followed by a blank line describes the
    file, so the key goes after it (as in the templates); comments that run straight
    into the first key describe that key, so the new one goes before them.
    """
    lines = split_lines(text)
    start = 1 if lines and leading_directive(text) else 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].lstrip().startswith("#"):
        end += 1
    header = end > start and (end == len(lines) or not lines[end].strip())
    at = end if header else start
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    follows_table = at < len(lines) and lines[at].lstrip().startswith("[")
    lines.insert(at, line + ("\n\n" if follows_table else "\n"))
    return "".join(lines)


def rename_top_level_key(text: str, old: str, new: str) -> str:
    """``text`` with the top-level key ``old`` (bare or quoted) renamed to ``new``."""
    offset = _offset(text, index_keys(text).locate((old,)))
    for written in (old, f'"{old}"', f"'{old}'"):
        after = offset + len(written)
        if text.startswith(written, offset) and not _BARE_KEY_CHAR.match(text, after):
            return text[:offset] + new + text[after:]
    raise PdsaError(f"cannot find the key '{old}' to rename it")


def _offset(text: str, position: tuple[int, int]) -> int:
    """The index in ``text`` of a 1-based (line, column) from :mod:`pdsa.store.locate`."""
    line, column = position
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1
