"""The layout pdsa writes TOML in, so that files read like worksheets and diff well.

tomli-w formats every value; this module decides where each value goes:

* a table at the top level is a ``[section]``;
* a list whose items are all tables is an array of tables, ``[[points]]`` or
  ``[[plan.tasks]]``, so that a new data point or task is a few appended lines;
* any deeper table is an inline table (``scale = { description = "...", people = 20 }``);
* a short list of values stays on one line, a long one has one item per line.
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w

#: Lists longer than this (as one line) get one item per line.
LINE_WIDTH = 88
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def dumps(data: dict[str, Any]) -> str:
    """TOML text for ``data`` in pdsa's layout."""
    blocks: list[str] = []
    _table(data, (), blocks, header=None)
    return "\n\n".join(block for block in blocks if block) + "\n"


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


def _table(
    table: dict[str, Any], path: tuple[str, ...], blocks: list[str], header: str | None
) -> None:
    lines = [header] if header else []
    sections: list[tuple[str, Any]] = []
    for key, value in table.items():
        if (isinstance(value, dict) and not path) or (_is_table_list(value) and len(path) <= 1):
            sections.append((key, value))
        else:
            lines.append(f"{key_text(key)} = {value_text(value)}")
    blocks.append("\n".join(lines))
    for key, value in sections:
        name = ".".join(key_text(part) for part in (*path, key))
        if isinstance(value, dict):
            _table(value, (*path, key), blocks, header=f"[{name}]")
        else:
            for item in value:
                _array_item(item, (*path, key), blocks, header=f"[[{name}]]")


def _array_item(
    item: dict[str, Any], path: tuple[str, ...], blocks: list[str], header: str
) -> None:
    lines = [header]
    lines.extend(f"{key_text(key)} = {value_text(value)}" for key, value in item.items())
    blocks.append("\n".join(lines))


def key_text(key: str) -> str:
    """A key, quoted only when it must be."""
    return key if _BARE_KEY.match(key) else value_text(key)


def value_text(value: Any) -> str:
    """One value as written after ``key = ``."""
    if isinstance(value, dict):
        inner = ", ".join(f"{key_text(k)} = {value_text(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        items = [value_text(item) for item in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= LINE_WIDTH and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    # A carriage return inside a multi-line string may be normalised away by a
    # reader, so text holding one is written on one line with escapes instead.
    multiline = not (isinstance(value, str) and "\r" in value)
    rendered = tomli_w.dumps({"v": value}, multiline_strings=multiline)
    return rendered[len("v = ") :].rstrip("\n")
