"""The ``pdsa`` command: global options, the error boundary, and the command table.

Startup time matters (CI runs ``pdsa check`` on every push), so this module imports
only Typer; each command imports the core, Pydantic and Rich when it runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pdsa import __version__
from pdsa.cli import (
    chart,
    check,
    cycles,
    editing,
    history,
    init,
    listing,
    measures,
    projects,
    report,
    tools,
)
from pdsa.cli.state import State, echo_err, report_error
from pdsa.errors import ExitCode, PdsaError


class PdsaGroup(TyperGroup):
    """The one error boundary: user errors get a message, bugs get one line."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # An argument that is not UTF-8 (bytes from a script, a file name in another
        # encoding) cannot become a title or a name: refuse it before anything runs.
        for position, arg in enumerate(args, start=1):
            if not _is_text(arg):
                shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                raise typer.BadParameter(
                    f"argument {position} ('{shown}') is not UTF-8 text; "
                    "type it again, or save the script or file name as UTF-8"
                )
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        _tolerant_output()
        try:
            return super().invoke(ctx)
        except PdsaError as error:
            report_error(error)
            raise typer.Exit(int(error.exit_code)) from None
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                # The reader went away (`pdsa list | head`): not a bug, nothing to say.
                _silence_stdout()
                raise typer.Exit(int(ExitCode.REFUSED)) from None
            # The system refused (permissions, a full disk, a loop of links): the
            # person can fix that, so it is a message naming the path, not a bug.
            from pdsa.errors import os_failure

            found = ctx.find_object(State)
            if found is not None and found.debug:
                raise
            report_error(os_failure(error, doing="", written=True))
            raise typer.Exit(int(ExitCode.REFUSED)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            echo_err("interrupted; nothing more was written")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except Exception as error:
            found = ctx.find_object(State)
            if found is not None and found.debug:
                raise
            from pdsa.check.privacy import redact
            from pdsa.render.safe import one_line

            # One line, and never an identifier in full (a path or a value can hold one).
            detail = one_line(redact(f"{type(error).__name__}: {error}"))
            echo_err(
                f"pdsa: internal error ({detail}); this is a bug in pdsa. "
                "Run the command again with --debug for the details."
            )
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


def _tolerant_output() -> None:
    """Write what a stream cannot encode (a name that is not UTF-8, a character a Windows
    code page lacks) as an escape, rather than stop half way through a report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit flush does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


app = typer.Typer(
    cls=PdsaGroup,
    name="pdsa",
    help="A logbook for quality-improvement programmes: PDSA cycles, measures and reports "
    "in plain TOML files.\n\nExample: pdsa init my-log --example && cd my-log && pdsa list",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pdsa {__version__}\n")
        raise typer.Exit()


@app.callback()
def root_options(
    ctx: typer.Context,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            help="The log folder (also $PDSA_ROOT; default: the nearest folder above "
            "that holds pdsa.toml).",
            file_okay=False,
            metavar="PATH",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full details of an unexpected error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = State(root=root, debug=debug)


app.command("init", help=init.HELP)(init.init)
app.command("plan", help=cycles.PLAN_HELP)(cycles.plan)
app.command("do", help=cycles.DO_HELP)(cycles.do)
app.command("study", help=cycles.STUDY_HELP)(cycles.study)
app.command("act", help=cycles.ACT_HELP)(cycles.act)
app.command("list", help=listing.LIST_HELP)(listing.list_cycles)
app.command("show", help=listing.SHOW_HELP)(listing.show)
app.command("edit", help=editing.HELP)(editing.edit)
app.command("fmt", help=tools.FMT_HELP)(tools.fmt)
app.command("schema", help=tools.SCHEMA_HELP)(tools.schema)
app.command("migrate", help=tools.MIGRATE_HELP)(tools.migrate)
app.command("check", help=check.HELP)(check.check)
app.command("chart", help=chart.HELP)(chart.chart)
app.command("report", help=report.HELP)(report.report)
app.command("history", help=history.HELP)(history.history)
app.add_typer(projects.app, name="project")
app.add_typer(measures.app, name="measure")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(ExitCode.REFUSED))
    except KeyboardInterrupt:
        echo_err("interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
