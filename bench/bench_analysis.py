"""Time :func:`pdsa.analysis.analyse` on 10,000 and 20,000 points for each rule set.

Analysis must grow linearly: 20,000 points may take at most 2.2 times as long as 10,000.
Run from the repository root: ``PYTHONPATH=src python bench/bench_analysis.py``.
Prints the median of 5 runs per size and the ratio, and exits 1 if a ratio misses the target.
"""

from __future__ import annotations

import datetime
import gc
import random
import statistics
import sys
import time

from pdsa.analysis import RuleSet, SeriesPoint, analyse

SIZES = (10_000, 20_000)
REPEATS = 5
TARGET_RATIO = 2.2
#: Limits on every point (the default), and on a fixed 20-point baseline.
BASELINES = (None, 20)


def generate(n_points: int, *, seed: int = 2024) -> list[SeriesPoint]:
    """A noisy weekly percentage that steps up and down every 500 weeks, with ties.

    The pattern repeats, so 20,000 points hold twice the signals of 10,000, no more: the
    ratio then measures the code, not a busier series.
    """
    generator = random.Random(seed)
    start = datetime.date(2000, 1, 3)
    points = []
    for week in range(n_points):
        level = 60 + 10 * (week // 500 % 2)
        value = round(generator.gauss(level, 5), 1)  # one decimal: ties and points on the median
        points.append(
            SeriesPoint(start + datetime.timedelta(weeks=week), value, astronomical=week % 997 == 0)
        )
    return points


def median_seconds(
    series: dict[int, list[SeriesPoint]], rules: RuleSet, baseline: int | None
) -> dict[int, float]:
    """The median wall time of ``REPEATS`` analyses per size.

    Sizes take turns within each round, so a machine busy with something else for a while
    slows both alike instead of skewing the ratio.
    """
    timings: dict[int, list[float]] = {size: [] for size in series}
    for _ in range(REPEATS):
        for size, points in series.items():
            gc.collect()  # start each run clean, without the garbage of the one before
            started = time.perf_counter()
            analyse(points, rules=rules, direction="higher", goal=70.0, baseline=baseline)
            timings[size].append(time.perf_counter() - started)
    return {size: statistics.median(times) for size, times in timings.items()}


def measure_file_text(points: list[SeriesPoint]) -> str:
    """The measure file these points would come from, as pdsa writes it."""
    lines = ["schema_version = 1", 'title = "Benchmark"', 'type = "process"']
    for point in points:
        lines += ["", "[[points]]", f"date = {point.date.isoformat()}", f"value = {point.value}"]
        if point.astronomical:
            lines.append("astronomical = true")
    return "\n".join(lines) + "\n"


def parse_versus_analyse(points: list[SeriesPoint]) -> bool:
    """Analysis of a series must take less time than parsing the file it came from."""
    import tomllib

    text = measure_file_text(points)
    parse = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        tomllib.loads(text)
        parse.append(time.perf_counter() - started)
    parse_time = statistics.median(parse)
    print(f"\nparsing the {len(points):,}-point measure file: {parse_time * 1000:.1f} ms")
    ok = True
    for rules in RuleSet:
        seconds = median_seconds({len(points): points}, rules, None)[len(points)]
        ratio = seconds / parse_time
        ok &= ratio < 1.0
        print(
            f"{rules.value:<8} analysis / parse = {ratio:.2f}  (target < 1)  "
            f"{'ok' if ratio < 1.0 else 'TOO SLOW'}"
        )
    return ok


def main() -> int:
    """Print one line per rule set; return 1 if any ratio is above the target."""
    series = {size: generate(size) for size in SIZES}
    worst = 0.0
    small, large = SIZES
    print(
        f"{'rules':<8}{'baseline':>9}{small:>12,} pts{large:>12,} pts{'ratio':>8}"
        f"  (target <= {TARGET_RATIO})"
    )
    for rules in RuleSet:
        for baseline in BASELINES:
            seconds = median_seconds(series, rules, baseline)
            ratio = seconds[large] / seconds[small]
            worst = max(worst, ratio)
            print(
                f"{rules.value:<8}{baseline or 'all':>9}"
                f"{seconds[small] * 1000:>12.1f} ms{seconds[large] * 1000:>12.1f} ms"
                f"{ratio:>8.2f}  {'ok' if ratio <= TARGET_RATIO else 'TOO SLOW'}"
            )
    under_parse = parse_versus_analyse(series[SIZES[0]])
    return 0 if worst <= TARGET_RATIO and under_parse else 1


if __name__ == "__main__":
    sys.exit(main())
