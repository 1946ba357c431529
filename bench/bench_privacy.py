"""An allow-list cannot make the privacy scan slow: time it with pathological entries.

Patterns that make a backtracking regular-expression engine run for minutes (nested
repeats, many wildcards) are either refused (``P706``) or read as the allow-list's own
pattern language, whose matching is a few linear searches. The bench scans 10,000
strings, each holding identifiers that the entries are tried against (a phone number and
a 180-character e-mail address), with no allow-list and with every pathological entry.
Target: at most 1.5 times the scan without an allow-list; the worst single entry against
the longest identifier is printed in microseconds.

Run from the repository root: ``python bench/bench_privacy.py``. Exits 1 if missed.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from common import report

from pdsa.check.privacy import _compile_allow, _compile_entry, allow_problem, scan

PATHOLOGICAL = [
    "(a+)+$",
    "^(a|aa)+$",
    "(.*a){25}",
    "^(([a-z])+.)+[A-Z]([a-z])+$",
    "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
    "*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#*#x",
    "0161 *1*2*3*4*5*6*7*8*9*0*x",
]
STRINGS = 10_000
TARGET_RATIO = 1.5


def corpus() -> list[str]:
    email = "a" * 60 + "@" + "a" * 120 + ".org"
    return [f"Call 0161 496 {n % 10_000:04d} or write to {email} ({n})" for n in range(STRINGS)]


def timed(texts: list[str], allow_lists: list[list[str]]) -> list[float]:
    """The median time to scan ``texts`` with each allow-list, the runs interleaved so
    that a busy machine slows each alike."""
    runs: list[list[float]] = [[] for _ in allow_lists]
    for _ in range(5):
        for index, allow in enumerate(allow_lists):
            _compile_allow.cache_clear()
            began = time.perf_counter()
            for text in texts:
                scan(text, allow=allow)
            runs[index].append(time.perf_counter() - began)
    return [statistics.median(times) for times in runs]


def main() -> int:
    refused = [pattern for pattern in PATHOLOGICAL if allow_problem(pattern) is not None]
    print(f"{len(refused)} of {len(PATHOLOGICAL)} pathological entries refused (P706): {refused}")
    texts = corpus()
    without, with_entries = timed(texts, [[], PATHOLOGICAL])
    worst = 0.0
    longest = "a" * 249 + "b"  # every piece of "*a*a*...*b" is found: the whole match runs
    for pattern in PATHOLOGICAL:
        entry = _compile_entry(pattern)
        if entry is None:
            continue
        began = time.perf_counter()
        for _ in range(1000):
            entry.matches(longest)
        worst = max(worst, (time.perf_counter() - began) / 1000 * 1e6)
    print(f"worst single entry against a 250-character identifier: {worst:.1f} microseconds")
    ok = report(
        f"scan of {STRINGS:,} strings, pathological allow-list", with_entries, without, TARGET_RATIO
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
