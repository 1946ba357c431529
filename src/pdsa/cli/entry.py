"""The console script's first stop: answer ``--version`` before importing anything.

Every other invocation goes on to the Typer app in :mod:`pdsa.cli.main`, which builds
all its commands when it starts; ``pdsa --version`` (run by installers, CI set-up and
bug reports) needs none of them.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        from pdsa import __version__

        sys.stdout.write(f"pdsa {__version__}\n")
        return
    from pdsa.cli.main import main as run

    run()
