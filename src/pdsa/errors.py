"""The one user-error type the core raises, and the exit codes the CLI returns.

Every refusal a person can fix is a :class:`PdsaError`; the CLI catches it in one
place, prints its message (and hint) on stderr and exits with :data:`ExitCode.REFUSED`.
"""

from __future__ import annotations

import enum
import errno
import os
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


# What the operating system said, in words a person can act on: (what happened, the fix).
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.EACCES: (
        "permission denied",
        "check the permissions of the file and its folder (ls -l); you may need to own them",
    ),
    errno.EPERM: (
        "the operation is not permitted",
        "check the permissions, and whether the file or folder is locked or immutable "
        "(ls -l; lsattr on Linux, chflags on macOS)",
    ),
    errno.EROFS: ("the disk is read-only", "work on a copy of the log on a writable disk"),
    errno.ENOSPC: ("the disk is full", "free some space, then run the command again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, then run the command again"),
    errno.EFBIG: (
        "the file would be larger than this system allows",
        "raise the file-size limit (ulimit -f) or free some space, then run the command again",
    ),
    errno.ELOOP: (
        "a symbolic link loops back on itself",
        "remove the link, or point it at a real file",
    ),
    errno.ENOTDIR: (
        "part of the path is a file where a folder should be",
        "move that file out of the way (the log's layout is in the README)",
    ),
    errno.EISDIR: ("it is a folder, where a file should be", "remove or rename the folder"),
    errno.ENAMETOOLONG: ("the name is too long for this system", "use a shorter name"),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.EEXIST: ("something with that name is already there", "remove it or choose another name"),
    errno.EMFILE: ("too many files are open", "close other programs, then run the command again"),
    errno.EIO: ("the disk reported an input/output error", "check the disk, then run it again"),
}


def os_failure(
    error: OSError, *, doing: str, path: Path | str | None = None, written: bool = False
) -> PdsaError:
    """A refusal for an operating-system failure, located at ``path`` (default: the path
    the system named): what could not be done, why, and the fix. Unless ``written``, the
    hint says that nothing was written (every pdsa write is all or nothing)."""
    target = path if path is not None else error.filename
    reason, fix = _OS_REASONS.get(
        error.errno or 0, (error.strerror or str(error) or type(error).__name__, "")
    )
    hint = fix
    if not written and not doing.startswith(("read", "list")):
        hint = f"nothing was written; {fix}" if fix else "nothing was written"
    located = Path(os.fsdecode(target)) if isinstance(target, str | bytes | Path) else None
    message = f"cannot {doing}: {reason}" if doing else reason
    return PdsaError(message, hint=hint or None, path=located)
