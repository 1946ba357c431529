"""Replacing a record with an edited version, only when the new text is valid."""

from __future__ import annotations

import datetime
from pathlib import Path

from pydantic import BaseModel

from pdsa.check.engine import check_log
from pdsa.check.findings import Finding
from pdsa.errors import ValidationFailed
from pdsa.store.files import ParsedFile, locked, parse_text, replace_atomic
from pdsa.store.records import validate


def accept_edit(
    path: Path,
    original: bytes,
    edited: str,
    model: type[BaseModel],
    *,
    shown_as: Path,
    root: Path | None = None,
    today: datetime.date | None = None,
) -> list[Finding]:
    """Validate ``edited`` as ``model`` and put it in place of ``original`` atomically.

    Problems are reported against ``shown_as``, the copy the person is editing. With the
    log's ``root``, the edit is also checked in its log as ``pdsa check`` would check it,
    and refused on any error the commands refuse too (a theme the programme lacks, phases
    out of date order, a ``follows`` that names no cycle...); its warnings are returned.
    The text is written exactly as the person left it (their comments stay); the file is
    only replaced if nobody else changed it in the meantime.
    """
    data = parse_text(shown_as, edited)
    validate(ParsedFile(shown_as, edited.encode("utf-8"), edited, data), model)
    warnings: list[Finding] = []
    if root is not None and today is not None:
        warnings = _check_in_log(path, edited, root=root, today=today, shown_as=shown_as)
    with locked(path):
        replace_atomic(path, edited.encode("utf-8"), expected=original)
    return warnings


def _check_in_log(
    path: Path, edited: str, *, root: Path, today: datetime.date, shown_as: Path
) -> list[Finding]:
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    report = check_log(root, today=today, only=[rel], replacements={rel: edited.encode("utf-8")})
    errors = [item for item in report.findings if item.severity == "error"]
    if errors:
        raise ValidationFailed(
            f"pdsa check would refuse this edit ({len(errors)} "
            f"problem{'s' if len(errors) != 1 else ''}); nothing was written",
            [
                f"{shown_as}:{item.line}:{item.column}: {item.code} {item.message}"
                + (f" ({item.hint})" if item.hint else "")
                for item in errors
            ],
        )
    return report.findings
