"""What every command shares: the global options, finding the log, reporting errors."""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pdsa.errors import PdsaError
    from pdsa.store.log import Log


@dataclass
class State:
    """Global options, set by the app's callback."""

    root: Path | None = None
    debug: bool = False


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    found = ctx.find_object(State)
    return found if found is not None else State()


def open_log(ctx: typer.Context, *, writes: bool = False) -> Log:
    """The log this command works on (``--root``, ``$PDSA_ROOT`` or walking up).

    A command that ``writes`` depends on ``pdsa.toml`` (its themes, its privacy
    allow-list), so it is read and validated first: a broken one, or one from a newer
    pdsa, is refused before anything is asked or written.
    """
    from pdsa.store.log import Log
    from pdsa.store.root import find_root

    log = Log(find_root(Path.cwd(), explicit=state(ctx).root))
    if writes:
        log.programme  # noqa: B018 - raises PdsaError when it cannot be read as it is
    return log


def today() -> datetime.date:
    """Today's date; ``PDSA_TODAY`` fixes it (for golden tests and reproducible demos)."""
    fixed = os.environ.get("PDSA_TODAY")
    if fixed:
        try:
            return datetime.date.fromisoformat(fixed)
        except ValueError:
            from pdsa.errors import UsageError

            raise UsageError(
                f"PDSA_TODAY is '{fixed}', not a date", hint="write it as YYYY-MM-DD, or unset it"
            ) from None
    return datetime.date.today()


def echo_err(text: str) -> None:
    """A line on stderr (chatter and errors never mix with data on stdout); a control
    character in it (a name placed by hand can hold one) is shown as an escape."""
    from pdsa.render.safe import visible

    sys.stderr.write(visible(text) + "\n")
    sys.stderr.flush()


def report_error(error: PdsaError) -> None:
    """Print a user error: where, what, each problem, and how to fix it."""
    from pdsa.check.privacy import redact
    from pdsa.errors import ValidationFailed
    from pdsa.render.safe import one_line

    def shown(text: str) -> str:
        # One line each (a key holding a newline cannot start a CI workflow command of
        # its own), and never an identifier in full, whatever the file held.
        return one_line(redact(text))

    location = error.location()
    if location and error.path is not None:
        location = location.replace(str(error.path), display_path(error.path), 1)
    prefix = f"{location}: " if location else ""
    echo_err(f"error: {shown(prefix + error.message)}")
    if isinstance(error, ValidationFailed):
        for problem in error.problems:
            if error.path is not None:
                problem = problem.replace(str(error.path), display_path(error.path), 1)
            echo_err(f"  {shown(problem)}")
    if error.hint:
        echo_err(f"hint: {shown(error.hint)}")


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it, for messages."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def warn_private(log: Log, data: object) -> None:
    """Warn (on stderr) about text that looks like a patient identifier, masked."""
    from pdsa.workflow.privacy import private_text

    found = private_text(data, allow=log.programme.privacy.allow)
    for line in found:
        echo_err(f"warning: {line}")
    if found:
        echo_err(
            "hint: patient identifiers do not belong in the log (it is shared through git); "
            "remove them with 'pdsa edit', or allow a pattern in pdsa.toml [privacy] allow"
        )
