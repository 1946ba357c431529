"""``pdsa report --format json`` against its floor, and how it grows (medians of 5 runs).

    python bench/bench_report.py

* 100 projects x 100 cycles (10,000 cycle files, 3 measures of 30 points each per project)
  against a plain walk that parses every file with tomllib: target <= 1.5x, peak <= 200 MiB.
* 100 x 200 (20,000 cycles) against 100 x 100: target <= 2.2x.
* ``--as-of`` a date half way through the log (half the cycles and points left out, many
  records copied without their later phases) against the report as of today: target <= 1.2x.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common import OUT, floor_walk_command, measure, pdsa_command, report, report_memory
from generate import generate

#: Half way through the generated logs' cycles (2025-01-01 to late 2025).
AS_OF = "2025-06-01"


def log_of(projects: int, cycles: int) -> Path:
    root = OUT / f"log-{projects}x{cycles}"
    if not (root / "pdsa.toml").exists():
        generate(root, projects=projects, cycles=cycles)
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    ok = True
    small, large = log_of(100, 100), log_of(100, 200)

    def report_command(root: Path) -> list[str]:
        return [*pdsa_command(), "--root", str(root), "report", "--format", "json"]

    floor, _ = measure(floor_walk_command(small), runs=args.runs)
    ours, peak = measure(report_command(small), runs=args.runs)
    ok &= report("pdsa report --format json (10,000 cycles)", ours, floor, 1.5)
    ok &= report_memory("pdsa report --format json (10,000 cycles)", peak, 200)
    past, _ = measure([*report_command(small), "--as-of", AS_OF], runs=args.runs)
    ok &= report(f"pdsa report --as-of {AS_OF} vs today", past, ours, 1.2)
    bigger, peak = measure(report_command(large), runs=args.runs)
    ok &= report("pdsa report: 20,000 cycles vs 10,000", bigger, ours, 2.2)
    print(f"{'pdsa report --format json (20,000 cycles)':<44} peak {peak:7.1f} MiB (no target)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
