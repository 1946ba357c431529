"""Parsing option values that Typer cannot: dates, expectations, scale numbers."""

from __future__ import annotations

import datetime
import re
from typing import Any

import typer

_EXPECT = re.compile(
    r"^\s*(?P<measure>[a-z0-9]+(?:-[a-z0-9]+)*)\s*"
    r"(?P<op>>=|<=|at least|at most|up|down|increase|decrease)\s*"
    r"(?P<target>[-+]?\d+(?:\.\d+)?)?\s*%?\s*$",
    re.IGNORECASE,
)
_INCREASE = {">=", "at least", "up", "increase"}
#: The largest integer TOML holds (a signed 64-bit integer); a count above it would be
#: written as text other TOML tools refuse.
TOML_INT_MAX = 2**63 - 1


def fits_toml(value: int | None) -> int | None:
    """An option callback: a count TOML can hold (``--people 1e30`` is a usage error)."""
    if value is not None and value > TOML_INT_MAX:
        raise typer.BadParameter(
            f"{value} is more than a TOML file can hold (at most {TOML_INT_MAX:,})"
        )
    return value


def parse_date(value: str | None, *, option: str) -> datetime.date | None:
    """A date written ``YYYY-MM-DD``; a usage error naming the option otherwise."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-11",
            param_hint=option,
        ) from None


def parse_expectation(text: str) -> dict[str, Any]:
    """``"attendance-rate >= 80"`` -> ``{"measure", "direction", "target"}``.

    Also accepted: ``at least``/``at most``, and ``up``/``down`` without a target.
    """
    found = _EXPECT.match(text)
    if not found:
        raise typer.BadParameter(
            f"'{text}' is not an expectation; write MEASURE >= VALUE, MEASURE <= VALUE, "
            "MEASURE up or MEASURE down, e.g. 'attendance-rate >= 80'",
            param_hint="--expect",
        )
    op = found.group("op").lower()
    target = found.group("target")
    if target is None and op in (">=", "<=", "at least", "at most"):
        raise typer.BadParameter(f"'{text}' needs a value after '{op}'", param_hint="--expect")
    result: dict[str, Any] = {
        "measure": found.group("measure").lower(),
        "direction": "increase" if op in _INCREASE else "decrease",
    }
    if target is not None:
        result["target"] = exact_number(target, option="--expect")
    return result


def exact_number(text: str, *, option: str) -> float:
    """A number stored exactly as written (see :func:`pdsa.workflow.measures.parse_number`);
    a usage error naming the option otherwise."""
    from pdsa.workflow.measures import parse_number

    try:
        return parse_number(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def goal_number(text: str) -> float:
    """``--goal``: a number stored exactly as written."""
    return exact_number(text, option="--goal")


def predictions_with(predictions: list[str], expectations: list[str]) -> list[Any]:
    """Pair the n-th ``--expect`` with the n-th ``--prediction``."""
    if len(expectations) > len(predictions):
        raise typer.BadParameter(
            f"{len(expectations)} --expect for {len(predictions)} --prediction; "
            "each --expect belongs to the --prediction in the same position",
            param_hint="--expect",
        )
    paired: list[Any] = []
    for position, text in enumerate(predictions):
        if position < len(expectations):
            paired.append({"text": text, **parse_expectation(expectations[position])})
        else:
            paired.append(text)
    return paired


def project_and_title(
    names: list[str], projects: list[str], *, implied: bool
) -> tuple[str | None, str | None]:
    """``[PROJECT] TITLE`` from the words given: two are project and title; one is the title,
    unless no project is implied (by the folder, or a log with one project) and the word is
    exactly a project's slug: then it is the project, and the title is asked for."""
    if len(names) > 2:
        raise typer.BadParameter(
            f"expected [PROJECT] TITLE, got {len(names)} words; put the title in quotes",
            param_hint="TITLE",
        )
    if len(names) == 2:
        return names[0], names[1]
    if names and not implied and names[0] in projects:
        return names[0], None
    return None, names[0] if names else None
