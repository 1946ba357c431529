"""Time ``pdsa check`` on a synthetic log of 100 projects x 100 cycles against a floor.

The floor is a plain Python walk of the same folder that reads and ``tomllib``-parses
every ``.toml`` file, run as a subprocess just as ``pdsa check`` is. Targets: median
wall time at most 1.5 times the floor's, and peak memory at most 200 MiB. A second log,
with 1% of the cycle files broken, must have every broken file reported in one run.

Run from the repository root: ``python bench/bench_check.py`` (``--fresh`` to
regenerate the logs in ``bench/out/``). Prints the figures and exits 1 if a target is
missed. ``pdsa check`` parses on every core for large logs (see
:mod:`pdsa.store.parallel`); the single-process time is printed too, for reference.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402 - bench/ is not a package

PROJECTS = 100
CYCLES = 100
REPEATS = 5
TARGET_RATIO = 1.5
TARGET_MIB = 200
TODAY = "2027-01-01"  # after every generated date, so no "future" warnings

FLOOR = """
import os, sys, tomllib
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as stream:
                tomllib.loads(stream.read().decode("utf-8"))
            count += 1
print(count)
"""

# Runs one command and prints the peak resident memory of it and its children, in KiB
# on Linux (bytes on macOS), so each figure belongs to one command only.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PDSA_TODAY=TODAY, **extra)
    source = str(REPO / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    return env


def _log(name: str, *, broken_percent: float, fresh: bool) -> tuple[Path, list[str]]:
    """The log in bench/out/NAME, generated unless it is there already."""
    out = BENCH / "out" / name
    manifest = out / ".broken.json"
    if fresh or not manifest.is_file():
        broken = generate(out, projects=PROJECTS, cycles=CYCLES, broken_percent=broken_percent)
        relative = sorted(path.relative_to(out).as_posix() for path in broken)
        manifest.write_text(json.dumps(relative), encoding="utf-8")
    return out, json.loads(manifest.read_text(encoding="utf-8"))


def _median_seconds(command: list[str], env: dict[str, str]) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _peak_mib(command: list[str], env: dict[str, str]) -> float:
    result = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    peak = int(result.stdout.strip())
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _check_command(root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pdsa", "--root", str(root), "check", *extra]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="regenerate the logs")
    args = parser.parse_args()
    env = _env()
    clean, _ = _log("check-clean", broken_percent=0, fresh=args.fresh)
    files = sum(1 for _ in clean.rglob("*.toml"))
    print(f"log: {PROJECTS} projects x {CYCLES} cycles, {files} files; median of {REPEATS}")

    floor = _median_seconds([sys.executable, "-c", FLOOR, str(clean)], env)
    check = _median_seconds(_check_command(clean), env)
    single = _median_seconds(_check_command(clean), _env(PDSA_NO_PARALLEL="1"))
    ratio = check / floor
    print(f"floor (walk + tomllib)      {floor:6.2f} s")
    print(f"pdsa check                  {check:6.2f} s   ratio {ratio:.2f} (target <= 1.5)")
    print(f"pdsa check, one process     {single:6.2f} s   ratio {single / floor:.2f} (reference)")
    peak = _peak_mib(_check_command(clean), env)
    print(f"peak RSS of pdsa check      {peak:6.1f} MiB (target <= {TARGET_MIB})")

    broken_log, broken = _log("check-broken", broken_percent=1, fresh=args.fresh)
    result = subprocess.run(
        _check_command(broken_log, "--format", "json"),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    document = json.loads(result.stdout)
    with_errors = {item["file"] for item in document["findings"] if item["severity"] == "error"}
    missing = [path for path in broken if path not in with_errors]
    print(
        f"broken log: {len(broken)} broken files, {len(broken) - len(missing)} reported "
        f"with an error, exit code {result.returncode}"
    )
    for path in missing:
        print(f"  not reported: {path}")

    ok = ratio <= TARGET_RATIO and peak <= TARGET_MIB and not missing and result.returncode == 1
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
