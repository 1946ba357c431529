"""Time ``pdsa show`` of a cycle whose objective is 10 MB of text.

Rendering is linear in the text's size: the terminal view cuts a field past 20,000
characters (with a note of its length), so what is left is reading the file once. The
floor is a plain Python process that parses the same file with ``tomllib``. Targets:
``pdsa show`` within 2 s and within 1.5 times the floor; ``--format json`` (the whole text)
is printed for reference.

Run from the repository root: ``python bench/bench_show.py``. Exits 1 if a target is missed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import measure, pdsa_command, report

MEGABYTES = 10
TARGET_SECONDS = 2.0
TARGET_RATIO = 1.5


def build(folder: Path) -> Path:
    root = folder / "log"
    env = {**os.environ, "PDSA_TODAY": "2026-03-01"}

    def run(*args: str) -> None:
        subprocess.run([*pdsa_command(), *args], cwd=root, env=env, check=True, capture_output=True)

    subprocess.run([*pdsa_command(), "init", str(root)], env=env, check=True, capture_output=True)
    run("project", "new", "Long notes", "--aim", "Aim", "--lead", "Org")
    run("plan", "Huge objective", "--objective", "PLACEHOLDER")
    path = root / "projects" / "long-notes" / "cycles" / "huge-objective.toml"
    words = "word " * (MEGABYTES * 1_000_000 // 5)
    path.write_text(path.read_text().replace("PLACEHOLDER", words), encoding="utf-8")
    return root


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        root = build(Path(scratch))
        cycle = root / "projects" / "long-notes" / "cycles" / "huge-objective.toml"
        floor_code = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"
        floor, _ = measure([sys.executable, "-c", floor_code, str(cycle)], runs=3)
        shown, _ = measure([*pdsa_command(), "show", "huge-objective"], cwd=root, runs=3)
        as_json, _ = measure(
            [*pdsa_command(), "show", "huge-objective", "--format", "json"], cwd=root, runs=3
        )
    print(f"pdsa show, a {MEGABYTES} MB field: {shown:.2f} s (target <= {TARGET_SECONDS} s)")
    print(f"pdsa show --format json, the whole text: {as_json:.2f} s (for reference)")
    within = shown <= TARGET_SECONDS
    ratio_ok = report(f"show of a {MEGABYTES} MB field vs parsing it", shown, floor, TARGET_RATIO)
    return 0 if within and ratio_ok else 1


if __name__ == "__main__":
    sys.exit(main())
