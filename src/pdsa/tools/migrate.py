"""``pdsa migrate``: bring every record file up to the current ``schema_version``.

Each file is upgraded one registered step at a time (:mod:`pdsa.tools.migrations`),
on its text, so its comments survive. Before anything is written:

* the file must parse (a file that does not is reported and never written);
* a file newer than this pdsa is refused, naming the version it needs;
* after each step the text must parse, carry the next version, and hold exactly
  the values the step promises, and nothing else changed.

Files already current are not touched. A real run replaces each file atomically
(refusing if it changed meanwhile); a dry run only returns the new text, for a diff.
The log's editor schemas (``.pdsa/schemas/``), when it has them, are refreshed too.
"""

from __future__ import annotations

import difflib
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pdsa.errors import PdsaError
from pdsa.model.base import SCHEMA_VERSION
from pdsa.store.files import BOM, decode, parse_text, replace_atomic
from pdsa.tools.kinds import Kind
from pdsa.tools.migrations import STEPS
from pdsa.tools.text import newline_of, same_values, split_lines, with_newline
from pdsa.tools.walk import RecordFile

_BUG_HINT = "nothing was written; please report this as a bug in pdsa"


class Outcome(enum.StrEnum):
    """What ``migrate`` did, or would do, with one file."""

    MIGRATED = "migrated"
    CURRENT = "current"
    FAILED = "failed"


@dataclass(frozen=True)
class MigrateResult:
    """One file's outcome: its text before and after, and the version it came from."""

    file: RecordFile
    outcome: Outcome
    source: int | None = None
    old_text: str = ""
    new_text: str = ""
    error: PdsaError | None = None

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changes)."""
        name = self.file.shown.as_posix()
        lines = difflib.unified_diff(
            _display_lines(self.old_text),
            _display_lines(self.new_text),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        return "".join(lines)


def _display_lines(text: str) -> list[str]:
    lines = split_lines(text.replace("\r\n", "\n"))
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def file_version(values: dict[str, Any], path: Path) -> int:
    """The file's ``schema_version``; 0 when it has none (it predates the key)."""
    if not values:
        raise PdsaError(
            "the file is empty (or holds only comments); nothing to migrate",
            hint="fill it in, or delete it (pdsa check reports it as P004)",
            path=path,
        )
    version = values.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise PdsaError(
            f"schema_version is {version!r}, not a version number; not migrated",
            hint="set it to the version the file follows (0 if unsure), then migrate again",
            path=path,
        )
    if version > SCHEMA_VERSION:
        raise PdsaError(
            f"schema_version {version} is newer than this pdsa understands "
            f"(it reads up to {SCHEMA_VERSION}); not migrated",
            hint=f"upgrade pdsa (the pdsa-logbook package) to a release that reads "
            f"schema_version {version}",
            path=path,
        )
    return version


def migrated_text(text: str, kind: Kind, *, path: Path) -> tuple[str, int]:
    """``(new text, old version)`` for a file's ``text`` (without a byte-order mark).

    Raises :class:`PdsaError` for a file that does not parse, is too new, or that a
    step cannot upgrade safely.
    """
    values = parse_text(path, text)
    source = file_version(values, path)
    newline = newline_of(text)
    current = text.replace("\r\n", "\n") if newline == "\r\n" else text
    for version in range(source, SCHEMA_VERSION):
        step = STEPS[version]
        expected = step.values(values, kind)
        try:
            current = step.text(current, kind, values)
        except PdsaError as error:
            raise PdsaError(f"{error.message}; not migrated", hint=error.hint, path=path) from None
        try:
            values = parse_text(path, current)
        except PdsaError:
            raise PdsaError(
                f"upgrading from schema_version {version} would leave the file unreadable",
                hint=_BUG_HINT,
                path=path,
            ) from None
        if not same_values(values, expected) or values.get("schema_version") != version + 1:
            raise PdsaError(
                f"upgrading from schema_version {version} would change more than it should",
                hint=_BUG_HINT,
                path=path,
            )
    return with_newline(current, newline), source


def migrate_file(file: RecordFile, *, dry_run: bool) -> MigrateResult:
    """Upgrade one file (or, with ``dry_run``, only work out its new text)."""
    try:
        raw = file.shown.read_bytes()
        text = decode(file.shown, raw)
        new_text, source = migrated_text(text, file.kind, path=file.shown)
    except PdsaError as error:
        return MigrateResult(file, Outcome.FAILED, error=error)
    except OSError as error:
        failure = PdsaError(f"cannot read the file: {error.strerror}", path=file.shown)
        return MigrateResult(file, Outcome.FAILED, error=failure)
    if source == SCHEMA_VERSION:
        return MigrateResult(file, Outcome.CURRENT, source, text, text)
    if not dry_run:
        mark = BOM.encode("utf-8") if raw.startswith(BOM.encode("utf-8")) else b""
        try:
            replace_atomic(file.shown, mark + new_text.encode("utf-8"), expected=raw)
        except PdsaError as error:
            return MigrateResult(file, Outcome.FAILED, source, text, new_text, error)
    return MigrateResult(file, Outcome.MIGRATED, source, text, new_text)


def migrate_files(files: list[RecordFile], *, dry_run: bool) -> list[MigrateResult]:
    """:func:`migrate_file` for each file, in order."""
    return [migrate_file(file, dry_run=dry_run) for file in files]


def refresh_schemas(root: Path, *, dry_run: bool) -> list[Path]:
    """Bring the log's ``.pdsa/schemas/`` (if it has one) up to this pdsa's schemas."""
    from pdsa.tools.schema import stale_schemas, write_schemas

    stale = stale_schemas(root)
    if stale and not dry_run:
        write_schemas(stale[0].parent, tuple(Kind(path.stem) for path in stale))
    return stale
