"""Output formats shared by several commands, and JSON on stdout."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any


class TableOrJson(StrEnum):
    """A Rich table for people, or JSON for scripts."""

    table = "table"
    json = "json"


class TextOrJson(StrEnum):
    """Readable text for people, or JSON for scripts."""

    text = "text"
    json = "json"


def write_json(data: Any) -> None:
    """A JSON document on stdout (UTF-8 text kept as is).

    A list is written one object per line: readable, diffable, and fast (the C
    encoder only runs without indentation, which matters for 10,000 cycles).
    """
    if isinstance(data, list):
        lines = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in data)
        sys.stdout.write(f"[\n{lines}\n]\n" if data else "[]\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
