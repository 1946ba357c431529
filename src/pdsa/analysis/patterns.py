"""Patterns the rules look for, each found in one pass: runs around a centre line, and trends.

Positions are indices into one phase's points. Rule modules turn patterns into findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pdsa.analysis.vocabulary import Side, Signal


@dataclass(frozen=True, slots=True)
class Finding:
    """One occurrence of a rule: which rule, which way it points, and the points in it."""

    rule: Signal
    side: Side | None
    positions: tuple[int, ...]

    def moved(self, offset: int) -> Finding:
        """The same finding with positions counted from ``offset`` (a phase's first point)."""
        return Finding(self.rule, self.side, tuple(offset + p for p in self.positions))


#: Side by sign, without the cost of an enum call per run.
SIDE_OF = {1: Side.HIGH, -1: Side.LOW}


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive points on one side of the centre line, from ``first`` to ``last``.

    ``length`` counts the points on that side; with points on the centre line skipped it can
    be less than the span. Positions are only listed (:func:`run_positions`) for runs that
    signal, which keeps a long series to one small object per run.
    """

    side: Side
    first: int
    last: int
    length: int


def run_positions(run: Run, point_sides: Sequence[int]) -> tuple[int, ...]:
    """The positions of the run's points, leaving out any skipped on the centre line."""
    return tuple(p for p in range(run.first, run.last + 1) if point_sides[p])


def useful_runs(point_sides: Sequence[int]) -> list[Run]:
    """Runs of useful points; points on the centre line are skipped, neither counting nor breaking.

    The run-chart convention (Anhøj, and IHI's shift rule).
    """
    runs: list[Run] = []
    current_side = first = last = length = 0
    for position, side in enumerate(point_sides):
        if side == 0:
            continue
        if side != current_side:
            if length:
                runs.append(Run(SIDE_OF[current_side], first, last, length))
            current_side, first, length = side, position, 0
        last, length = position, length + 1
    if length:
        runs.append(Run(SIDE_OF[current_side], first, last, length))
    return runs


def unbroken_runs(point_sides: Sequence[int]) -> list[Run]:
    """Runs where a point on the centre line ends the run (the SPC shift convention)."""
    runs: list[Run] = []
    start = 0
    for position in range(1, len(point_sides) + 1):
        if position == len(point_sides) or point_sides[position] != point_sides[start]:
            if point_sides[start] != 0:
                side = SIDE_OF[point_sides[start]]
                runs.append(Run(side, start, position - 1, position - start))
            start = position
    return runs


@dataclass(frozen=True, slots=True)
class Trend:
    """Consecutive points moving one way; ``length`` counts only the points that moved."""

    side: Side
    start: int
    end: int
    length: int


def trends(values: Sequence[float], *, skip_ties: bool, min_length: int) -> list[Trend]:
    """Maximal stretches of points each higher (or each lower) than the one before.

    With ``skip_ties`` (IHI) a point equal to the one before neither makes nor breaks a
    stretch and is not counted; a stretch then runs from the last point of its first value
    to the first point of its last value, so flat ends are left out and flat middles kept.
    Without it (SPC) a tie ends the stretch. Two stretches may share their turning point.
    Only stretches of at least ``min_length`` counted points are returned.
    """
    found: list[Trend] = []
    direction = 0  # of the current stretch; 0 when there is none
    start = end = moves = 0
    for position in range(1, len(values)):
        before, now = values[position - 1], values[position]
        step = (now > before) - (now < before)
        if step == 0 and skip_ties:
            # The next move then starts from this point, the last one of the tied value.
            continue
        if step != direction:
            if direction != 0 and moves + 1 >= min_length:
                found.append(Trend(SIDE_OF[direction], start, end, moves + 1))
            direction, start, moves = step, position - 1, 0
        if step != 0:
            end, moves = position, moves + 1
    if direction != 0 and moves + 1 >= min_length:
        found.append(Trend(SIDE_OF[direction], start, end, moves + 1))
    return found
