"""``pdsa edit``: open a record in $EDITOR; save it only when it is valid."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pdsa.cli.state import echo_err, open_log, warn_private

if TYPE_CHECKING:
    from pydantic import BaseModel

    from pdsa.store.log import Log

HELP = """Edit a cycle, project or measure in $EDITOR (or $VISUAL); saved only if valid.

Example: pdsa edit self-test-kits/text-reminders"""


def edit(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="CYCLE|PROJECT|MEASURE",
            help="PROJECT/CYCLE, PROJECT/MEASURE, or a project's slug.",
        ),
    ],
) -> None:
    log = open_log(ctx, writes=True)
    path, model = _target(log, name)
    edit_file(log, path, model)


def edit_file(log: Log, path: Path, model: type[BaseModel]) -> None:
    """The edit round-trip for one record file: saved only when it is valid and
    ``pdsa check`` finds no error in it; its warnings are shown."""
    from pdsa.cli.editor import Unchanged, edit_until_valid
    from pdsa.cli.state import today
    from pdsa.store.files import decode
    from pdsa.workflow.editing import accept_edit

    original = path.read_bytes()
    text = decode(path, original)
    try:
        warnings = edit_until_valid(
            text,
            lambda edited, copy: accept_edit(
                path, original, edited, model, shown_as=copy, root=log.root, today=today()
            ),
            name=path.stem,
        )
    except Unchanged:
        echo_err(f"No changes; {log.relative(path)} is as it was.")
        return
    echo_err(f"Saved {log.relative(path)}.")
    for item in warnings:
        if not item.code.startswith("P7"):  # identifiers are warned about below
            echo_err(f"warning: {item.file}:{item.line}:{item.column}: {item.code} {item.message}")
    import tomllib

    warn_private(log, tomllib.loads(decode(path, path.read_bytes())))


def _target(log: Log, name: str) -> tuple[Path, type[BaseModel]]:
    from pdsa.model.cycle import Cycle
    from pdsa.model.measure import Measure
    from pdsa.model.project import Project
    from pdsa.store.names import resolve_record, resolved_note

    kind, project, slug = resolve_record(log, name, Path.cwd())
    if kind != "project" and (note := resolved_note(name, project, slug)) is not None:
        echo_err(note)
    if kind == "project":
        return log.project_path(project), Project
    if kind == "cycle":
        return log.cycle_path(project, slug), Cycle
    return log.measure_path(project, slug), Measure
