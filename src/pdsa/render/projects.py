"""Projects in the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pdsa.model.project import Project
from pdsa.render.fit import Column, fitted_table
from pdsa.render.safe import one_line, visible

#: The slug, status and number of cycles always; the rest while there is room.
COLUMNS = (
    Column("project"),
    Column("title", rank=3, wrap=True, min_width=12),
    Column("theme", rank=6),
    Column("lead organisation", rank=5, wrap=True, min_width=12),
    Column("status"),
    Column("score", rank=2),
    Column("cycles", justify="right"),
    Column("measures", rank=1, justify="right"),
)


def projects_table(rows: list[dict[str, Any]], *, width: int = 120) -> Table:
    """The ``pdsa project list`` table, fitted to ``width``."""
    cells = [
        [
            Text(one_line(row["slug"])),
            Text(one_line(row["title"])),
            Text(row["theme"] or ""),
            Text(one_line(row["lead_organisation"])),
            Text(row["status"]),
            Text(f"{row['progress_score']:.1f}" if row["progress_score"] is not None else ""),
            Text(str(row["cycles"])),
            Text(str(row["measures"])),
        ]
        for row in rows
    ]
    return fitted_table(COLUMNS, cells, width=width)


def print_project(
    console: Console, slug: str, project: Project, cycles: list[str], measures: list[str]
) -> None:
    """One project: aim, organisations, team, change ideas."""
    console.print(Text(f"{one_line(slug)}: {visible(project.title)}", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    rows: list[tuple[str, str | None]] = [
        ("aim", project.aim),
        ("theme", project.theme),
        ("lead", project.lead_organisation),
        ("partners", ", ".join(project.partners) or None),
        ("status", project.status),
        (
            "progress score",
            f"{project.progress_score:.1f}" if project.progress_score is not None else None,
        ),
        ("started", project.started.isoformat() if project.started else None),
        ("cycles", str(len(cycles))),
        ("measures", ", ".join(measures) or "none yet"),
    ]
    for label, value in rows:
        if value is not None:
            grid.add_row(Text(label), Text(visible(value)))
    console.print(grid)
    if project.team:
        console.print(Text("team", style="bold"))
        for member in project.team:
            parts = [member.name, member.role, member.organisation]
            console.print(Text("  - " + visible(", ".join(p for p in parts if p))))
    if project.change_ideas:
        console.print(Text("change ideas", style="bold"))
        for idea in project.change_ideas:
            console.print(Text(f"  - {idea.id}: {visible(idea.title)}"))
