"""The one user-error type the core raises, and the exit codes the CLI returns.

Every refusal a person can fix is a :class:`PdsaError`; the CLI catches it in one
place, prints its message (and hint) on stderr and exits with :data:`ExitCode.REFUSED`.
"""

from __future__ import annotations

import enum
from pathlib import Path


class ExitCode(enum.IntEnum):
    """Exit codes, documented in the README."""

    OK = 0
    #: A refusal or bad input: the message on stderr says what and how to fix it.
    REFUSED = 1
    #: A usage error: an unknown option, a missing argument, or no log found.
    USAGE = 2
    #: A bug in pdsa: one line on stderr, details with ``--debug``.
    INTERNAL = 3
    #: Interrupted with Ctrl-C.
    INTERRUPTED = 130


class PdsaError(Exception):
    """A problem the user can fix; never a bug."""

    exit_code: ExitCode = ExitCode.REFUSED

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str | None:
        """``file:line:col`` (as much of it as is known), or None."""
        if self.path is None:
            return None
        text = str(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class UsageError(PdsaError):
    """Wrong use of the command line (exit 2)."""

    exit_code = ExitCode.USAGE


class NoLogError(UsageError):
    """No ``pdsa.toml`` was found walking up from the starting folder."""


class ValidationFailed(PdsaError):
    """A record failed validation; ``problems`` holds one line per field."""

    def __init__(
        self,
        message: str,
        problems: list[str],
        *,
        path: Path | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, path=path, hint=hint)
        self.problems = problems


class SlugTaken(PdsaError):
    """A new record's title gives a file name already taken; ``suggested`` is free."""

    def __init__(self, message: str, *, hint: str, suggested: str) -> None:
        super().__init__(message, hint=hint)
        self.suggested = suggested


class NoSlug(PdsaError):
    """A title that gives no file name at all (only punctuation): a slug must be given."""


class ChangedMeanwhile(PdsaError):
    """A file changed on disk between its read and the write that would replace it."""
