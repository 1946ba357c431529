"""The editor round-trip: open text in ``$VISUAL``/``$EDITOR``, validate, offer to retry.

A person's text is never lost: if they give up on an invalid edit, the file they
wrote is kept and its path printed.
"""

from __future__ import annotations

import os
import secrets
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pdsa.cli import ask
from pdsa.cli.state import echo_err, report_error
from pdsa.errors import ChangedMeanwhile, PdsaError

ResultT = TypeVar("ResultT")


class Unchanged(PdsaError):
    """The person closed the editor without changing anything."""


def editor_command() -> list[str]:
    """The user's editor as an argument list."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise PdsaError(
            "no editor set",
            hint="set $EDITOR (for example: export EDITOR=nano), or pass the values as options",
        )
    return shlex.split(command, posix=os.name != "nt")


def run_editor(path: Path) -> None:
    """Open ``path`` in the editor and wait for it to close."""
    command = editor_command()
    try:
        completed = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        raise PdsaError(
            f"could not start the editor '{command[0]}': {error.strerror}",
            hint="check $VISUAL / $EDITOR",
        ) from None
    if completed.returncode != 0:
        raise PdsaError(
            f"the editor exited with code {completed.returncode}; nothing was written",
            hint=f"your text is kept in {path}",
        )


def _new_copy(name: str) -> tuple[int, Path]:
    """A new private file for the person's copy. Its name ends in six random digits, not
    ``mkstemp``'s letters and digits, which can spell a postcode (``cr05hu``) that messages
    would then mask, hiding where the person's text is kept."""
    folder = Path(tempfile.gettempdir())
    while True:
        path = folder / f"{name}-{secrets.randbelow(10**6):06d}.toml"
        try:
            return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), path
        except FileExistsError:
            continue


def edit_until_valid(
    initial: str, accept: Callable[[str, Path], ResultT], *, name: str = "pdsa-edit"
) -> ResultT:
    """Let the person edit ``initial`` until ``accept`` takes it (or they give up).

    ``accept`` gets the edited text and the path of the file being edited, so that its
    messages point at the person's own copy.
    """
    handle, path = _new_copy(name)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(initial)
    while True:
        run_editor(path)
        with open(path, encoding="utf-8", newline="") as stream:  # keep CRLF as CRLF
            text = stream.read()
        if text == initial:
            path.unlink()
            raise Unchanged("nothing was changed in the editor; nothing was written")
        try:
            result = accept(text, path)
        except ChangedMeanwhile as error:
            # Not a problem with the edit: the file moved on under it. Reopening would
            # overwrite someone's save, so stop, keeping the person's text.
            raise PdsaError(
                f"{error.path or 'the file'} was changed by someone else while you edited it, "
                "so your edit was not saved (it would have overwritten theirs)",
                hint=f"your text is kept in {path}; run 'pdsa edit' again and copy your "
                "changes into the new version",
            ) from None
        except PdsaError as error:
            error.hint = None  # the advice is below: reopen, or keep the text
            report_error(error)
            if ask.interactive() and ask.yes_no("--editor", "Open the editor again?", default=True):
                continue
            raise PdsaError(
                "the edit was not valid; nothing was written",
                hint=f"your text is kept in {path}",
            ) from None
        path.unlink()
        return result


def echo_saved(what: str, path: Path) -> None:
    """Confirm a write on stderr."""
    echo_err(f"{what}: {path}")
