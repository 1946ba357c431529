"""Provenance from git: ``pdsa history`` and ``pdsa report`` on a log with a long history.

    python bench/bench_history.py

The log: 10 projects x 100 cycles (1,000 cycles, 30 measures), with a history of 5,000
commits built by ``generate_history.py`` (each phase and each data point its own commit).

* ``pdsa history`` of one cycle, with the history cache, against ``git log --follow`` of
  the cycle's file: target <= 2x. Printed beside it: the first run (no cache: every commit
  read and every version parsed), ``pdsa show`` of the same cycle (pdsa's own start-up:
  Python, Typer, Pydantic and Rich, which no git command pays, and which alone is over
  2x), and the history worked out and printed inside a process that has imported pdsa
  already, which is what ``history`` adds to that start-up.
* ``pdsa report --format json`` with provenance, first run and cached, against the same
  report of the same files outside git (no history read): cached target <= 1.2x. Also
  shown: the report just after one new commit (older commits from the cache, every verdict
  worked out again).

Times are medians of 5 runs (wall clock, subprocesses); a first run deletes the cache before
each run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, bench_environment, measure, pdsa_command, report
from generate_history import generate

CYCLE = "project-003/cycle-0050"
CYCLE_FILE = "projects/project-003/cycles/cycle-0050.toml"


def log_with_history() -> Path:
    root = OUT / "history-1000x5000"
    if not (root / ".git").exists():
        made = generate(root, projects=10, cycles=100, commits=5000)
        print(f"generated {root} ({made} commits)")
    return root


def copy_outside_git(root: Path) -> Path:
    copy = OUT / "history-1000x5000-no-git"
    if not (copy / "pdsa.toml").exists():
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git", ".pdsa"))
    return copy


def first_runs(command: list[str], root: Path, runs: int) -> float:
    """Median time of ``command`` with the history cache deleted before each run."""
    times = []
    for _ in range(runs):
        shutil.rmtree(root / ".pdsa" / "cache", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(
            command,
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=bench_environment(),
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    root = log_with_history()
    outside = copy_outside_git(root)
    pdsa = pdsa_command()
    ok = True

    follow, _ = measure(["git", "log", "--follow", "--", CYCLE_FILE], cwd=root, runs=args.runs)
    history = [*pdsa, "history", CYCLE]
    first = first_runs(history, root, args.runs)
    cached, _ = measure(history, cwd=root, runs=args.runs)
    show, _ = measure([*pdsa, "show", CYCLE], cwd=root, runs=args.runs)
    ok &= report("pdsa history CYCLE, cached", cached, follow, 2.0)
    report("pdsa history CYCLE, first run", first, follow, float("inf"))
    report("pdsa show CYCLE (start-up, no git)", show, follow, float("inf"))
    report("pdsa history CYCLE, cached, less show", max(cached - show, 0.0), follow, 2.0)
    report("pdsa history CYCLE, cached, in process", in_process(root, args.runs), follow, 2.0)

    report_json = [*pdsa, "report", "--format", "json"]
    floor, _ = measure(
        [*pdsa, "--root", str(outside), "report", "--format", "json"], runs=args.runs
    )
    first_report = first_runs(report_json, root, args.runs)
    cached_report, _ = measure(report_json, cwd=root, runs=args.runs)
    after_commit = after_new_commit(report_json, root, args.runs)
    ok &= report("pdsa report with provenance, cached", cached_report, floor, 1.2)
    report("pdsa report with provenance, first run", first_report, floor, float("inf"))
    report("pdsa report, after one new commit", after_commit, floor, float("inf"))
    return 0 if ok else 1


#: One cycle's history worked out and printed inside one Python process, its modules
#: imported first: what ``pdsa history`` adds to the start-up every pdsa command pays.
_IN_PROCESS = """
import io, statistics, sys, time
from pathlib import Path
from rich.console import Console
from pdsa.render.history import print_record
from pdsa.store.log import Log
from pdsa.workflow.history import record_history
from pdsa.workflow.provenance import read_history

root, project, slug, runs = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
times = []
for _ in range(runs + 1):
    start = time.perf_counter()
    log = Log(root)
    found = read_history(log)
    view = record_history(log, found, kind="cycle", project=project, slug=slug)
    print_record(
        Console(file=io.StringIO(), width=100), view.history, name=view.name, kind="cycle",
        verdict=view.verdict, hindsight=view.hindsight, shallow=found.shallow,
    )
    times.append(time.perf_counter() - start)
print(statistics.median(times[1:]))
"""


def in_process(root: Path, runs: int) -> float:
    """Median time of one cycle's history (cached) inside a process that has imported
    pdsa already (the first, warming run is left out)."""
    project, slug = CYCLE.split("/")
    result = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, str(root), project, slug, str(runs)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env=bench_environment(),
    )
    return float(result.stdout.strip())


def after_new_commit(command: list[str], root: Path, runs: int) -> float:
    """Median time of ``command`` just after a new (empty) commit, which is then undone:
    the cache serves every older commit, and the verdicts are worked out again."""
    subprocess.run(command, cwd=root, capture_output=True, check=False, env=bench_environment())
    git = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org"]
    times = []
    for _ in range(runs):
        subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "More"], cwd=root, check=True)
        start = time.perf_counter()
        subprocess.run(
            command,
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=bench_environment(),
        )
        times.append(time.perf_counter() - start)
        subprocess.run(["git", "reset", "-q", "--hard", "HEAD~1"], cwd=root, check=True)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
