"""The Rich consoles: data to stdout, chatter to stderr; colour only for a terminal."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable

from rich.console import Console

#: Width used when the output is not a terminal, so piped output is stable.
PIPE_WIDTH = 100


def console(*, stderr: bool = False) -> Console:
    """A console that never interprets markup, emoji or highlighting in what it prints.

    Width comes from ``COLUMNS``, else the terminal, else :data:`PIPE_WIDTH` when piped.
    Rich itself honours ``NO_COLOR`` and drops colour when the stream is not a terminal.
    """
    stream = sys.stderr if stderr else sys.stdout
    width: int | None = None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    elif not _is_tty(stream):
        width = PIPE_WIDTH
    return Console(
        file=stream,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
    )


def _is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except ValueError:
        return False


def capture(draw: Callable[[Console], None], *, width: int = PIPE_WIDTH) -> str:
    """What ``draw`` prints, as plain text (no colour), for writing to a file."""
    buffer = io.StringIO()
    draw(
        Console(
            file=buffer,
            width=width,
            markup=False,
            emoji=False,
            highlight=False,
            color_system=None,
            force_terminal=False,
        )
    )
    return buffer.getvalue()
