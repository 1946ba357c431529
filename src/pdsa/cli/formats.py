"""Output formats shared by several commands, and JSON on stdout."""

from __future__ import annotations

import json
import math
import sys
from enum import StrEnum
from typing import Any

from pdsa.render.safe import inert_json


class TableOrJson(StrEnum):
    """A Rich table for people, or JSON for scripts."""

    table = "table"
    json = "json"


class TextOrJson(StrEnum):
    """Readable text for people, or JSON for scripts."""

    text = "text"
    json = "json"


def finite(data: Any) -> Any:
    """``data`` with infinities and NaN (which JSON cannot hold) as null."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


#: Documents up to this size are indented for people; larger ones (a report on 10,000
#: cycles runs to megabytes) are written compact, by the fast C encoder, for scripts.
INDENT_UP_TO = 1_000_000


def json_text(data: Any) -> str:
    """A strict JSON document (no Infinity, no NaN), UTF-8 text kept as is but for the
    characters a terminal could obey (:func:`pdsa.render.safe.inert_json`)."""
    try:
        compact = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a non-finite number somewhere: written as null
        data = finite(data)
        compact = json.dumps(data, ensure_ascii=False, allow_nan=False)
    if len(compact) > INDENT_UP_TO:
        return inert_json(compact) + "\n"
    return inert_json(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def write_json(data: Any) -> None:
    """A JSON document on stdout (UTF-8 text kept as is).

    A list is written one object per line: readable, diffable, and fast (the C
    encoder only runs without indentation, which matters for 10,000 cycles).
    """
    if isinstance(data, list):
        lines = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in data)
        sys.stdout.write(inert_json(f"[\n{lines}\n]\n") if data else "[]\n")
    else:
        sys.stdout.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
