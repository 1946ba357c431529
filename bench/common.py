"""Shared helpers for the benchmark scripts: timing subprocesses, peak memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"


def pdsa_command() -> list[str]:
    """How to run pdsa: the console script next to this Python, else ``python -m pdsa``."""
    script = Path(sys.executable).with_name("pdsa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pdsa"]


def bench_environment() -> dict[str, str]:
    """The environment benchmarks run in: no colour, and git stopping at ``bench/out/``,
    so a generated log counts as outside git (as a log of its own would be) unless it
    holds its own repository, though ``bench/out/`` lies inside pdsa's."""
    return {**os.environ, "NO_COLOR": "1", "GIT_CEILING_DIRECTORIES": str(OUT)}


def measure(command: list[str], *, cwd: Path | None = None, runs: int = 5) -> tuple[float, float]:
    """Median wall time (s) of ``runs`` runs and the peak RSS (MiB) of the largest run."""
    times: list[float] = []
    peak = 0.0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(
            command,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=bench_environment(),
        )
        times.append(time.perf_counter() - start)
        # ru_maxrss of children is the largest child so far (KiB on Linux).
        peak = max(
            peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, before / 1024
        )
    return statistics.median(times), peak


def floor_walk_command(root: Path) -> list[str]:
    """A plain Python walk that parses every .toml file with tomllib and does nothing else."""
    code = (
        "import os, sys, tomllib\n"
        "for folder, _, names in os.walk(sys.argv[1]):\n"
        "    for name in names:\n"
        "        if name.endswith('.toml'):\n"
        "            with open(os.path.join(folder, name), 'rb') as f:\n"
        "                tomllib.load(f)\n"
    )
    return [sys.executable, "-c", code, str(root)]


def report(name: str, value: float, floor: float, target: float, unit: str = "s") -> bool:
    """Print one line: the figure, the floor, the ratio against its target."""
    ratio = value / floor if floor else float("inf")
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(
        f"{name:<44} {value:8.3f} {unit}  floor {floor:8.3f} {unit}  "
        f"ratio {ratio:5.2f} (target <= {target})  {verdict}"
    )
    return ratio <= target


def report_memory(name: str, peak_mib: float, limit_mib: float) -> bool:
    verdict = "ok" if peak_mib <= limit_mib else "OVER LIMIT"
    print(f"{name:<44} peak {peak_mib:7.1f} MiB (limit {limit_mib:.0f} MiB)  {verdict}")
    return peak_mib <= limit_mib
