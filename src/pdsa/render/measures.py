"""Measures in the terminal."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from pdsa.render.report_cells import with_unit
from pdsa.render.safe import one_line


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def measures_table(rows: list[dict[str, Any]]) -> Table:
    """The ``pdsa measure list`` table."""
    table = Table(show_edge=False, pad_edge=False)
    for name in ("project", "measure", "title", "type", "better", "goal", "points", "latest"):
        table.add_column(name, overflow="fold", no_wrap=name in ("project", "measure"))
    for row in rows:
        latest = (
            f"{with_unit(row['latest_value'], row['unit'])} on {row['latest_date']}"
            if row["latest_date"]
            else ""
        )
        table.add_row(
            Text(one_line(row["project"])),
            Text(one_line(row["slug"])),
            Text(one_line(row["title"])),
            Text(row["type"]),
            Text(row["improvement"] or ""),
            Text(_number(row["goal"])),
            Text(str(row["points"])),
            Text(one_line(latest)),
        )
    return table
