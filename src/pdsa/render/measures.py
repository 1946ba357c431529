"""Measures in the terminal."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from pdsa.render.fit import Column, fitted_table
from pdsa.render.report_cells import with_unit
from pdsa.render.safe import one_line

#: The measure's slug, latest value and its date always; the rest while there is room.
COLUMNS = (
    Column("measure"),
    Column("title", rank=5, wrap=True, min_width=12),
    Column("type", rank=6),
    Column("better", rank=7),
    Column("goal", rank=3),
    Column("points", rank=4, justify="right"),
    Column("latest", justify="right"),
    Column("date"),
)


def measures_table(rows: list[dict[str, Any]], *, width: int = 120) -> Group:
    """The ``pdsa measure list`` view: a table per project, each fitted to ``width``."""
    tables: list[RenderableType] = []
    for project, group in groupby(rows, key=lambda row: str(row["project"])):
        cells = [
            [
                Text(one_line(row["slug"])),
                Text(one_line(row["title"])),
                Text(row["type"]),
                Text(row["improvement"] or ""),
                Text(one_line(with_unit(row["goal"], row["unit"]))),
                Text(str(row["points"])),
                Text(one_line(with_unit(row["latest_value"], row["unit"])) or "no data"),
                Text(row["latest_date"] or ""),
            ]
            for row in group
        ]
        tables.append(
            fitted_table(COLUMNS, cells, width=width, title=Text(one_line(project), style="bold"))
        )
        tables.append(Text(""))
    return Group(*tables[:-1])
