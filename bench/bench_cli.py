"""Start-up and listing benchmarks for the foundation (ratios, medians of 5 runs).

    python bench/bench_cli.py [--projects 100 --cycles 100]

* ``pdsa --version`` against a minimal two-command Typer app: target <= 1.2x.
* ``pdsa list --format json`` over 100 projects x 100 cycles (10,000 cycle files) against a
  plain walk that parses every file with tomllib: target <= 1.5x, peak memory <= 200 MiB.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from common import OUT, floor_walk_command, measure, pdsa_command, report, report_memory
from generate import generate

MINIMAL_APP = textwrap.dedent(
    """
    import typer

    app = typer.Typer()

    @app.command()
    def hello(name: str) -> None:
        print(name)

    @app.command()
    def bye(name: str) -> None:
        print(name)

    def version(value: bool) -> None:
        if value:
            print("0")
            raise typer.Exit()

    @app.callback()
    def main(v: bool = typer.Option(False, "--version", callback=version, is_eager=True)) -> None:
        pass

    app()
    """
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    app = OUT / "minimal_typer_app.py"
    app.write_text(MINIMAL_APP, encoding="utf-8")
    ok = True

    floor, _ = measure([sys.executable, str(app), "--version"], runs=args.runs * 2)
    ours, _ = measure([*pdsa_command(), "--version"], runs=args.runs * 2)
    ok &= report("pdsa --version vs minimal Typer app", ours, floor, 1.2)
    # For reference (no target): the whole Typer app, which builds all its commands, as
    # every command but --version does.
    app_help, _ = measure([*pdsa_command(), "--help"], runs=args.runs * 2)
    floor_help, _ = measure([sys.executable, str(app), "--help"], runs=args.runs * 2)
    print(
        f"{'(reference) pdsa --help vs the minimal app':<44} {app_help:8.3f} s  floor "
        f"{floor_help:8.3f} s  ratio {app_help / floor_help:5.2f}"
    )

    root = OUT / f"log-{args.projects}x{args.cycles}"
    if not (root / "pdsa.toml").exists():
        generate(root, projects=args.projects, cycles=args.cycles)
    floor, _ = measure(floor_walk_command(root), runs=args.runs)
    ours, peak = measure(
        [*pdsa_command(), "--root", str(root), "list", "--format", "json"], runs=args.runs
    )
    files = args.projects * args.cycles
    ok &= report(f"pdsa list --format json ({files} cycles)", ours, floor, 1.5)
    ok &= report_memory(f"pdsa list --format json ({files} cycles)", peak, 200)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
