"""``pdsa fmt``, ``pdsa schema`` and ``pdsa migrate``: whole-log tools.

Each command finds the files, calls :mod:`pdsa.tools`, and reports one line per file
on stderr, then a summary; data (the JSON Schema, a migration's diff) goes to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pdsa.cli.state import echo_err, open_log, report_error, today
from pdsa.tools.kinds import Kind

if TYPE_CHECKING:
    from pdsa.errors import PdsaError

FMT_HELP = """Rewrite record files in pdsa's own layout (key order, tables, spacing).

Only where that changes nothing a person wrote: a file with comments is left as it
is (a leading #:schema line is kept), and a file that does not parse or validate is
never touched. Every value is checked to read back the same before a file is
replaced. --check writes nothing and exits 1 if any file would change (for CI).

Example: pdsa fmt --check"""

SCHEMA_HELP = """Print the JSON Schema of a kind of record file, for editors and other tools.

Without KIND, list the kinds. --write DIR writes <kind>.json files into DIR
(every kind, or just KIND). pdsa init puts them in the log's .pdsa/schemas/, and
each new file's first line, #:schema ..., points editors such as VS Code's Even
Better TOML (Taplo) at its schema, so they check and complete keys as you type.

Example: pdsa schema cycle > cycle.schema.json"""

MIGRATE_HELP = """Upgrade every file of the log to the current schema_version.

Comments are kept; files already current are not touched; a file that does not
parse, or that is newer than this pdsa, is reported and never written. Also brings
the editor schemas in .pdsa/schemas/ up to date. --dry-run shows a diff of each
change and writes nothing.

Example: pdsa migrate --dry-run"""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _report(errors: list[PdsaError]) -> None:
    for error in errors:
        report_error(error)


# -- fmt ----------------------------------------------------------------------------


def fmt(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Record files or folders inside the log (default: the whole log).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if any file would change."),
    ] = False,
) -> None:
    from pdsa.tools.fmt import Outcome, format_files
    from pdsa.tools.walk import walk

    log = open_log(ctx)
    found = walk(log.root, paths or [])
    _report(found.problems)
    results = format_files(found.files, log.root, check=check)
    counts = dict.fromkeys(Outcome, 0)
    unreadable = _as_check_reports(log.root, [r.file.path for r in results if r.unreadable])
    for result in results:
        counts[result.outcome] += 1
        shown = result.file.shown
        if result.outcome is Outcome.FORMATTED:
            echo_err(f"would reformat {shown}" if check else f"formatted {shown}")
        elif result.outcome is Outcome.COMMENTED:
            echo_err(f"{shown}: has comments; left as is")
        elif result.unreadable and result.file.path in unreadable:
            sys.stderr.write(unreadable[result.file.path])
        elif result.error is not None:
            report_error(result.error)
    changed = counts[Outcome.FORMATTED]
    parts = [
        _count(changed, "file") + (" would be reformatted" if check else " formatted"),
        f"{counts[Outcome.UNCHANGED]} unchanged",
    ]
    if counts[Outcome.COMMENTED]:
        parts.append(f"{counts[Outcome.COMMENTED]} left as is (comments)")
    failed = counts[Outcome.FAILED] + len(found.problems)
    if failed:
        parts.append(f"{failed} not formatted (errors above)")
    echo_err(", ".join(parts) + ".")
    if failed or (check and changed):
        raise typer.Exit(1)


def _as_check_reports(root: Path, paths: list[Path]) -> dict[Path, str]:
    """What ``pdsa check`` says about each file ``fmt`` could not read or validate (its
    syntax, encoding, schema and version rules), in check's own words and positions, so
    that the two commands never describe one problem two ways."""
    if not paths:
        return {}
    import io

    from pdsa.check.engine import check_log, relative_paths
    from pdsa.check.findings import Report
    from pdsa.check.rules import Selection
    from pdsa.render.findings import write_findings

    rels = dict(zip(relative_paths(root, paths), paths, strict=True))
    found = check_log(root, today=today(), only=list(rels), selection=Selection(("P0", "P1", "P2")))
    texts: dict[Path, str] = {}
    for rel, path in rels.items():
        findings = [item for item in found.findings if item.file == rel]
        if findings:
            stream = io.StringIO()
            write_findings(Report(files=1, findings=findings), stream)
            texts[path] = stream.getvalue()
    return texts


# -- schema -------------------------------------------------------------------------


def schema(
    kind: Annotated[
        Kind | None,
        typer.Argument(
            metavar="KIND", help="programme, project, measure or cycle.", show_default=False
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="DIR",
            file_okay=False,
            help="Write <kind>.json files into DIR instead of printing.",
        ),
    ] = None,
) -> None:
    from pdsa.tools.schema import schema_text, write_schemas

    if write is not None:
        kinds = (kind,) if kind is not None else tuple(Kind)
        written = write_schemas(write, kinds)
        for path in written:
            echo_err(f"wrote {path}")
        if not written:
            echo_err(f"{write} is up to date.")
        return
    if kind is None:
        for each in Kind:
            sys.stdout.write(f"{each.value:<10} {each.where}\n")
        echo_err("Print one with: pdsa schema KIND")
        return
    sys.stdout.write(schema_text(kind))


# -- migrate ------------------------------------------------------------------------


def migrate(
    ctx: typer.Context,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show a diff of each change; write nothing."),
    ] = False,
) -> None:
    from pdsa.model.base import SCHEMA_VERSION
    from pdsa.tools.migrate import Outcome, migrate_files, refresh_schemas
    from pdsa.tools.walk import walk

    log = open_log(ctx)
    found = walk(log.root)
    _report(found.problems)  # folders that could not be read: named, never skipped silently
    results = migrate_files(found.files, dry_run=dry_run)
    counts = dict.fromkeys(Outcome, 0)
    for result in results:
        counts[result.outcome] += 1
        if result.outcome is Outcome.MIGRATED:
            verb = "would migrate" if dry_run else "migrated"
            echo_err(
                f"{verb} {result.file.shown} (schema_version {result.source} to {SCHEMA_VERSION})"
            )
            if dry_run:
                sys.stdout.write(result.diff())
        elif result.error is not None:
            report_error(result.error)
    for path in refresh_schemas(log.root, dry_run=dry_run):
        echo_err(f"{'would update' if dry_run else 'updated'} {log.relative(path).as_posix()}")
    migrated = counts[Outcome.MIGRATED]
    parts = [
        _count(migrated, "file") + (" would be migrated" if dry_run else " migrated"),
        f"{counts[Outcome.CURRENT]} already at schema_version {SCHEMA_VERSION}",
    ]
    failed = counts[Outcome.FAILED] + len(found.problems)
    if failed:
        parts.append(f"{failed} not migrated (errors above)")
    echo_err(", ".join(parts) + ".")
    if failed:
        raise typer.Exit(1)
