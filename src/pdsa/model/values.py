"""What values a measure takes: the rule behind ``pdsa measure record``, ``measure import``
and ``pdsa check`` (P604), in one place so that they can never disagree.

* A measure whose ``unit`` is ``%`` takes 0 to 100.
* A measure is a **count** when its unit is exactly one of :data:`COUNT_UNITS` (``people``,
  ``kits``, ``referrals``...): it takes whole numbers, 0 or more. The unit decides, since
  it is what the team wrote about the values; a unit of several words (``people per
  session``) or of time or size (``hours``, ``days``) is not a count, so averages and
  durations are never refused.
* ``min`` and ``max``, when the measure declares them, bound its values (inclusive); they
  take the place of 0 and 100 for a ``%`` measure whose values may pass 100 (a percentage
  of a target).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Units that name things counted one by one (singular and plural).
COUNT_UNITS: Final = frozenset(
    [
        "admission",
        "admissions",
        "appointment",
        "appointments",
        "attendance",
        "attendances",
        "call",
        "calls",
        "case",
        "cases",
        "client",
        "clients",
        "comment",
        "comments",
        "complaint",
        "complaints",
        "concern",
        "concerns",
        "contact",
        "contacts",
        "diagnosis",
        "diagnoses",
        "event",
        "events",
        "incident",
        "incidents",
        "kit",
        "kits",
        "leaflet",
        "leaflets",
        "message",
        "messages",
        "patient",
        "patients",
        "people",
        "person",
        "persons",
        "prescription",
        "prescriptions",
        "referral",
        "referrals",
        "session",
        "sessions",
        "staff",
        "test",
        "tests",
        "text",
        "texts",
        "visit",
        "visits",
        "volunteer",
        "volunteers",
    ]
)

#: The rule code ``pdsa check`` reports a value outside these limits under.
VALUE_RULE: Final = "P604"


@dataclass(frozen=True, slots=True)
class ValueLimits:
    """The values a measure takes: a range (either end open) and whether only whole ones."""

    low: float | None
    high: float | None
    whole: bool
    #: Why: ``a % measure``, ``a count (unit people)``, ``the measure's min and max``.
    reason: str

    def problem(self, value: float) -> str | None:
        """Why ``value`` is not one of these values, or None when it is."""
        if self.whole and value != int(value):
            return f"{value:g} is not a whole number: {self.reason} takes whole numbers"
        if self.low is not None and value < self.low:
            return f"{value:g} is below {self.low:g}: {self.reason} {self.span()}"
        if self.high is not None and value > self.high:
            return f"{value:g} is above {self.high:g}: {self.reason} {self.span()}"
        return None

    def span(self) -> str:
        """``takes 0 to 100``, ``takes 0 or more``."""
        if self.low is not None and self.high is not None:
            return f"takes {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"takes {self.low:g} or more"
        return f"takes at most {self.high:g}"


def is_count(unit: str | None) -> bool:
    """Whether a measure with this unit counts things (see the module docstring)."""
    return unit is not None and unit.strip().lower() in COUNT_UNITS


def value_limits(
    unit: str | None, *, minimum: float | None = None, maximum: float | None = None
) -> ValueLimits | None:
    """The limits of a measure's values, or None when it takes any number."""
    whole = is_count(unit)
    percent = unit is not None and unit.strip() == "%"
    declared = minimum is not None or maximum is not None
    if declared:
        low, high = minimum, maximum
        if whole and low is None:
            low = 0.0
        reason = "the measure's " + " and ".join(
            name for name, value in (("min", minimum), ("max", maximum)) if value is not None
        )
        if whole:
            reason += f" (a count, unit {unit.strip() if unit else ''})"
        return ValueLimits(low, high, whole, reason)
    if percent:
        return ValueLimits(0.0, 100.0, False, "a % measure")
    if whole:
        return ValueLimits(0.0, None, True, f"a count (unit {unit.strip() if unit else ''})")
    return None


def number_hint(text: str) -> str | None:
    """What was probably meant by a value that is not a number: ``71%`` or ``71,5``."""
    stripped = text.strip()
    if stripped.endswith("%") and _is_number(stripped[:-1]):
        return f"write the number alone: {stripped[:-1].strip()} (the unit is the measure's)"
    if stripped.count(",") == 1 and _is_number(stripped.replace(",", ".")):
        whole, fraction = stripped.split(",")
        if len(fraction) == 3 and whole.strip("-").isdigit() and fraction.isdigit():
            return (
                f"for {whole}{fraction} write it without the comma; "
                f"for {whole}.{fraction} use a decimal point"
            )
        return f"write {stripped.replace(',', '.')}: a decimal point, not a comma"
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
