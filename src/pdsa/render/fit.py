"""Tables that fit the terminal: every row's identity in full, the key figures, and the
other columns only while there is room.

Each column says whether it may wrap (and how narrow it may get) and how much it matters;
:func:`fitted_table` measures the rows, then leaves out the least important columns until
what is left fits the width. Identity columns (slugs, numbers) and dates never wrap: a
name a person copies into a command must come out whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

#: Columns are two spaces apart (no vertical rules, which would take a third).
GAP = 2
#: Words longer than this may be folded inside a wrapping column.
LONG_WORD = 16


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its heading, how much it matters (0 is never left out; higher numbers
    go first), and whether (and how narrow) it may wrap."""

    name: str
    rank: int = 0
    wrap: bool = False
    min_width: int = 8
    justify: Literal["left", "right"] = "left"


def needed(column: Column, cells: Sequence[Text]) -> int:
    """The width ``column`` needs: its widest cell when it must not wrap, else as little
    as ``min_width`` (or its widest cell, if that is narrower)."""
    widest = max([cell_len(column.name), *(cell.cell_len for cell in cells)])
    if not column.wrap:
        return widest
    # Wrapping happens between words, so a word is not split (``improvemen`` / ``t``);
    # only a very long one (a slug quoted in a title) is folded.
    words = max([_longest_word(column.name), *(_longest_word(cell.plain) for cell in cells)])
    return min(widest, max(column.min_width, min(words, LONG_WORD)))


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def chosen(columns: Sequence[Column], rows: Sequence[Sequence[Text]], width: int) -> list[int]:
    """The indexes of the columns kept at ``width``, in their order."""
    kept = list(range(len(columns)))
    widths = [needed(column, [row[index] for row in rows]) for index, column in enumerate(columns)]

    def total() -> int:
        return sum(widths[index] for index in kept) + GAP * (len(kept) - 1)

    while total() > width:
        droppable = [index for index in kept if columns[index].rank > 0]
        if not droppable:
            break
        # The least important first; among equals, the rightmost.
        worst = max(droppable, key=lambda index: (columns[index].rank, index))
        kept.remove(worst)
    return kept


def fitted_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Text]],
    *,
    width: int,
    title: Text | None = None,
) -> Table:
    """A table of ``rows`` (one :class:`~rich.text.Text` per column) fitted to ``width``."""
    kept = chosen(columns, rows, width)
    left_out = [column.name for index, column in enumerate(columns) if index not in kept]
    table = Table(
        title=title,
        caption=f"not shown at {width} columns: {', '.join(left_out)}" if left_out else None,
        caption_justify="left",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),  # with the rule's blank divider: two spaces between columns
        expand=False,
    )
    for index in kept:
        column = columns[index]
        table.add_column(
            column.name,
            justify=column.justify,
            no_wrap=not column.wrap,
            overflow="fold",
            min_width=needed(column, [row[index] for row in rows]),
        )
    for row in rows:
        table.add_row(*(row[index] for index in kept))
    return table
