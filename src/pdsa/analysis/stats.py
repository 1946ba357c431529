"""Numbers behind the rules: exact centre lines, and the distributions the run limits come from.

Values are taken as the decimals a person wrote (the shortest ``repr`` of the float, which is
what a TOML file held), and every comparison with a centre line or limit is exact. A point
recorded as 0.2 is then exactly on a mean of 0.1, 0.2 and 0.3, as its author expects; with
plain floats it would sit a hair above it and start or break a shift. Floats still decide
every comparison that is not close (see :func:`signs`), so exactness costs next to nothing.

The run-chart limits are computed, not copied from tables, and in log space, so that series of
tens of thousands of points neither overflow nor take quadratic time.
"""

from __future__ import annotations

import decimal
import math
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction

#: Anhøj: fewer crossings than this quantile of Binomial(n - 1, 1/2) is a signal.
CROSSINGS_QUANTILE = 0.05
#: IHI / Perla: the runs test at 2.5% in each tail of the Swed-Eisenhart distribution.
RUNS_TEST_ALPHA = 0.025
#: R's qbinom shifts the target down by 64 epsilon so that a cumulative probability equal to
#: it (up to rounding) counts as reaching it; we do the same so results match qicharts2.
_R_QUANTILE_FUZZ = 1 - 64 * sys.float_info.epsilon
#: Swed-Eisenhart tails can equal alpha exactly (n1=3, n2=14: P(R <= 3) = 1/40). Sums within
#: this relative distance of alpha count as equal to it, and equal is a signal (p <= alpha).
_TIE_TOLERANCE = 1e-9
#: A float is within half an ulp (1.2e-16 relative) of the decimal it stands for; beyond this
#: relative gap a float comparison cannot disagree with the exact one.
_CLOSE = 1e-15
#: ...and beyond this absolute gap, for subnormal numbers whose ulp is absolute.
_TINY = 1e-300


def exact(value: float) -> Fraction:
    """The decimal the value was written as, exactly."""
    return Fraction(repr(float(value)))


def as_float(value: Fraction) -> float:
    """The nearest float; beyond the float range (limits of values near 1e308), infinity."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


@contextmanager
def exact_decimals() -> Iterator[None]:
    """Decimal arithmetic that never rounds (for sums, differences and products)."""
    with decimal.localcontext() as context:
        context.prec = decimal.MAX_PREC
        context.Emax = decimal.MAX_EMAX
        context.Emin = decimal.MIN_EMIN
        yield


def decimals(values: Sequence[float]) -> list[decimal.Decimal]:
    """The decimals the values were written as (exact, and much cheaper than fractions)."""
    return [decimal.Decimal(repr(float(value))) for value in values]


def mean(values: Sequence[float]) -> Fraction:
    """The arithmetic mean of the written decimals, exactly."""
    with exact_decimals():
        total = sum(decimals(values), decimal.Decimal(0))
    return Fraction(total) / len(values)


def median(values: Sequence[float]) -> Fraction:
    """The median of the written decimals, exactly.

    Sorting the floats gives the decimals' order, since each float is the one nearest its
    decimal; only the one or two middle values need to be exact.
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return exact(ordered[middle])
    return (exact(ordered[middle - 1]) + exact(ordered[middle])) / 2


def signs(values: Sequence[float], threshold: Fraction) -> list[int]:
    """+1 above ``threshold``, -1 below it, 0 exactly on it, for each value's decimal.

    The float comparison decides when the gap is far larger than the rounding in either
    number; only a value within a hair of the threshold is compared exactly.
    """
    approximate = as_float(threshold)
    found = []
    for value in values:
        gap = value - approximate
        if abs(gap) > _CLOSE * (abs(value) + abs(approximate)) + _TINY:
            found.append(1 if gap > 0 else -1)
        else:
            written = exact(value)
            found.append((written > threshold) - (written < threshold))
    return found


def longest_run_max(n_useful: int) -> int:
    """Anhøj's limit for the longest run: round(log2(n) + 3), for n >= 1 useful points.

    Rounds half up. R (and so qicharts2) rounds half to even, but the two never differ here:
    log2(n) is an integer or irrational for whole n, so log2(n) + 3 is never a half-integer.
    """
    return math.floor(math.log2(n_useful) + 3.5)


def crossings_min(n_useful: int) -> int:
    """Anhøj's fewest expected crossings, R's ``qbinom(0.05, n - 1, 0.5)``, for n >= 1."""
    return binomial_half_quantile(n_useful - 1, CROSSINGS_QUANTILE)


def binomial_half_quantile(trials: int, probability: float) -> int:
    """The smallest k with P(X <= k) >= probability, for X ~ Binomial(trials, 1/2)."""
    log_factorials = _log_factorials(trials)
    log_outcomes = trials * math.log(2)
    target = probability * _R_QUANTILE_FUZZ
    cumulative = 0.0
    for k in range(trials + 1):
        log_ways = log_factorials[trials] - log_factorials[k] - log_factorials[trials - k]
        cumulative += math.exp(log_ways - log_outcomes)
        if cumulative >= target:
            return k
    return trials


@dataclass(frozen=True)
class RunsRange:
    """The expected number of runs: fewer than ``fewest`` or more than ``most`` is a signal."""

    fewest: int
    most: int


def runs_range(n_above: int, n_below: int, alpha: float = RUNS_TEST_ALPHA) -> RunsRange | None:
    """Swed-Eisenhart limits for the number of runs of ``n_above`` and ``n_below`` points.

    None when a side is empty: there is then one run whatever the order, so the test has
    nothing to say (a shift rule will).
    """
    if n_above < 1 or n_below < 1:
        return None
    probability = _RunsProbability(n_above, n_below)
    most_possible = 2 * min(n_above, n_below) + (n_above != n_below)
    allowed = alpha * (1 + _TIE_TOLERANCE)
    # Walk each tail inwards until it holds more than alpha; every count passed is a signal.
    # Each walk stops near the middle of the distribution, so the cost is linear in n.
    fewest = _first_beyond(range(2, most_possible + 1), probability, allowed)
    most = _first_beyond(range(most_possible, 1, -1), probability, allowed)
    return RunsRange(fewest=fewest, most=most)


def _first_beyond(counts: range, probability: _RunsProbability, allowed: float) -> int:
    cumulative = 0.0
    for runs in counts:
        cumulative += probability(runs)
        if cumulative > allowed:
            return runs
    return counts[-1]  # unreachable: the whole distribution sums to 1


class _RunsProbability:
    """P(R = r) for the number of runs R in a random order of n1 and n2 points."""

    def __init__(self, n1: int, n2: int) -> None:
        self._n1 = n1
        self._n2 = n2
        self._log_factorials = _log_factorials(n1 + n2)
        self._log_orders = self._log_choose(n1 + n2, n1)

    def __call__(self, runs: int) -> float:
        # r = 2k: both sides split into k runs, either side first.
        # r = 2k + 1: one side splits into k + 1 runs and the other into k.
        half = runs // 2
        n1, n2 = self._n1 - 1, self._n2 - 1
        choose = self._log_choose
        if runs % 2 == 0:
            return 2 * math.exp(choose(n1, half - 1) + choose(n2, half - 1) - self._log_orders)
        return math.exp(choose(n1, half) + choose(n2, half - 1) - self._log_orders) + math.exp(
            choose(n1, half - 1) + choose(n2, half) - self._log_orders
        )

    def _log_choose(self, n: int, k: int) -> float:
        if k < 0 or k > n:
            return -math.inf
        return self._log_factorials[n] - self._log_factorials[k] - self._log_factorials[n - k]


def _log_factorials(n: int) -> list[float]:
    """log(i!) for i = 0..n, computed once per call so each probability is O(1)."""
    return [math.lgamma(i + 1) for i in range(n + 1)]
