"""``pdsa check``: validate the log for CI, with stable rule codes and exit codes."""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pdsa.cli.state import state, today

HELP = """Check the log: syntax, schema, versions, placement, references, dates, measures,
likely patient identifiers, and (from git) predictions changed after their Study. Exit 0: no
errors; 1: errors (or any warning with --strict); 2: usage error or no log.

Example: pdsa check --format github --strict"""


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders of the log to report on (default: the whole log). "
            "References are still checked against the whole log.",
        ),
    ] = None,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format", help="text; json for scripts; github for GitHub Actions annotations."
        ),
    ] = Format.text,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail on warnings too, and make likely identifiers and hindsight edits errors.",
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODES",
            help="Only these rules: codes or prefixes, comma-separated (e.g. P1,P401).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="CODES",
            help="Skip these rules: codes or prefixes, comma-separated (e.g. P705).",
        ),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules (code, severity, meaning).")
    ] = False,
) -> None:
    from pdsa.check.rules import RULES, Selection, UnknownCode, parse_codes
    from pdsa.render import findings as render

    _tolerant_stdout()
    codes: dict[str, tuple[str, ...]] = {}
    for option, values in (("--select", select), ("--ignore", ignore)):
        try:
            codes[option] = parse_codes(values or ())
        except UnknownCode as error:
            raise typer.BadParameter(
                f"'{error}' is not a rule code; see them with 'pdsa check --list-rules'",
                param_hint=option,
            ) from None
    selection = Selection(codes["--select"], codes["--ignore"])
    if list_rules:
        rules = [rule for rule in RULES.values() if selection.enabled(rule.code)]
        render.write_rules(rules, sys.stdout, as_json_list=output_format is Format.json)
        return

    from pdsa.check.engine import check_log

    root, only = _root_and_scope(ctx, paths or [])
    report = check_log(
        root,
        today=_today(),
        only=only,
        selection=selection,
        strict=strict,
        raise_errors=state(ctx).debug,
    )
    for note in report.notes:
        sys.stderr.write(f"note: {note}\n")
    if output_format is Format.json:
        render.write_json(report, sys.stdout)
    elif output_format is Format.github:
        render.write_github(report, sys.stdout, prefix=_workspace_prefix(root))
        sys.stderr.write(render.summary_line(report) + "\n")
    else:
        render.write_text(report, sys.stdout)
    if report.failed(strict=strict):
        raise typer.Exit(1)


def _root_and_scope(ctx: typer.Context, paths: list[Path]) -> tuple[Path, list[str] | None]:
    """The log root (found from the first path named, else the working folder) and the
    paths as the log sees them."""
    from pdsa.check.engine import relative_paths
    from pdsa.errors import UsageError
    from pdsa.store.root import find_root

    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    start = Path.cwd()
    if paths:
        start = paths[0] if paths[0].is_dir() else paths[0].parent
    root = find_root(start, explicit=state(ctx).root)
    if not paths:
        return root, None
    try:
        return root, relative_paths(root, paths)
    except ValueError:
        outside = [path for path in paths if not _inside(path, root)]
        raise UsageError(
            f"{outside[0] if outside else paths[0]} is not inside the log at {root}",
            hint="name files and folders of one log, or choose the log with --root",
        ) from None


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def _today() -> datetime.date:
    from pdsa.errors import UsageError

    try:
        return today()
    except ValueError:
        raise UsageError(
            f"PDSA_TODAY is '{os.environ.get('PDSA_TODAY')}', which is not a date",
            hint="write it as YYYY-MM-DD, or unset it",
        ) from None


def _workspace_prefix(root: Path) -> str:
    """The log's folder within the GitHub workspace (``qi-log/``), or nothing."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return ""
    try:
        relative = root.resolve().relative_to(Path(workspace).resolve())
    except ValueError:
        return ""
    return f"{relative.as_posix()}/" if relative.parts else ""


def _tolerant_stdout() -> None:
    # A console that cannot show a character (a Windows code page) gets an escape for
    # it rather than a crash half way through the report.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
