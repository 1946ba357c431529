"""The rule table of ``pdsa check``: every finding has one of these stable codes.

Codes are ``P`` and three digits; the first digit is the family, so ``--select P4``
picks every reference rule. A code, once released, keeps its meaning for ever: a rule
that is withdrawn leaves a gap rather than handing its number to another rule, so
that ``--ignore`` lists and CI logs stay true.

``docs/check.md`` holds the same table with an example and a fix for each rule; a
test fails when the two drift.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of finding: its code, default severity, family and what it means."""

    code: str
    severity: Severity
    family: str
    summary: str


FAMILIES: Final[dict[str, str]] = {
    "P0": "syntax and encoding",
    "P1": "schema",
    "P2": "schema version",
    "P3": "placement",
    "P4": "references",
    "P5": "phase order and dates",
    "P6": "measures",
    "P7": "privacy",
    "P8": "provenance (git history)",
    "P9": "internal",
}

_TABLE: Final[tuple[tuple[str, Severity, str], ...]] = (
    ("P001", "error", "not valid TOML"),
    ("P002", "error", "not UTF-8 text"),
    ("P003", "warning", "starts with a byte-order mark"),
    ("P004", "error", "empty file"),
    ("P005", "error", "cannot be read"),
    ("P101", "error", "a required field is missing"),
    ("P102", "error", "a value has the wrong type"),
    ("P103", "error", "a value is not one of the allowed choices"),
    ("P104", "error", "unknown key"),
    ("P105", "error", "a value is not valid (empty text, bad slug, out of range, duplicate id)"),
    ("P201", "error", "schema_version is missing"),
    ("P202", "error", "schema_version is newer than this pdsa understands"),
    ("P203", "error", "schema_version is older than current: run pdsa migrate"),
    ("P301", "error", "a TOML file where no record belongs"),
    ("P302", "error", "a record of the wrong kind for its folder"),
    ("P303", "error", "a file or folder name that is not a valid slug"),
    ("P304", "error", "names that differ only by case in one folder"),
    ("P305", "error", "a project folder without project.toml"),
    ("P306", "warning", "a stray file or folder that pdsa does not read"),
    ("P307", "warning", "a temporary file, folder or stale lock left by a stopped pdsa"),
    ("P401", "error", "follows names no cycle of the project"),
    ("P402", "error", "change_idea names none of the project's change ideas"),
    ("P403", "error", "measures names no measure of the project"),
    ("P404", "error", "a prediction's measure names no measure of the project"),
    ("P405", "warning", "act.next names no cycle (yet)"),
    ("P406", "error", "a project's theme is not one of the programme's themes"),
    ("P407", "error", "a ramp loops: following 'follows' comes back to the same cycle"),
    ("P408", "warning", "two or more cycles follow the same cycle"),
    ("P501", "error", "a [study] without a [do]"),
    ("P502", "error", "an [act] without a [study]"),
    ("P503", "error", "plan.end is before plan.start"),
    ("P504", "error", "a phase is dated before the phase it follows"),
    ("P505", "warning", "the test was carried out before its planned start"),
    ("P506", "warning", "a phase is dated in the future"),
    ("P601", "error", "two data points have the same date"),
    ("P602", "warning", "a data point is dated before the point above it"),
    ("P603", "warning", "the goal is on the wrong side of the baseline for the improvement"),
    ("P604", "warning", "a data point's value is not one its measure takes (%, count, min/max)"),
    ("P605", "error", "a data point is dated after today"),
    ("P701", "warning", "text looks like an NHS number (valid check digit)"),
    ("P702", "warning", "text looks like a date of birth"),
    ("P703", "warning", "text looks like an e-mail address"),
    ("P704", "warning", "text looks like a UK phone number"),
    ("P705", "warning", "text looks like a full UK postcode"),
    ("P706", "error", "a privacy allow-list entry cannot be used"),
    ("P801", "warning", "a prediction was changed after its Study was committed (hindsight)"),
    ("P901", "error", "internal error while checking a file (a bug in pdsa)"),
)

RULES: Final[dict[str, Rule]] = {
    code: Rule(code, severity, FAMILIES[code[:2]], summary) for code, severity, summary in _TABLE
}

#: The privacy rules, which ``--strict`` turns into errors.
PRIVACY_CODES: Final = frozenset(code for code in RULES if code.startswith("P7") and code != "P706")
#: Rules that ``--select`` and ``--ignore`` cannot hide: a crash must always be seen.
ALWAYS_ON: Final = frozenset({"P901"})


class UnknownCode(ValueError):
    """A ``--select``/``--ignore`` entry that is no rule code nor the start of one."""


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``["P1,p401", "P7"]`` -> ``("P1", "P401", "P7")``; each must start at least one code."""
    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(rule.startswith(code) for rule in RULES):
                raise UnknownCode(code)
            codes.append(code)
    return tuple(codes)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules are on: ``select`` prefixes (all when empty) minus ``ignore`` prefixes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, code: str) -> bool:
        """Whether findings of rule ``code`` are reported."""
        if code in ALWAYS_ON:
            return True
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def any_enabled(self, prefix: str) -> bool:
        """Whether any rule starting with ``prefix`` is on (so its work can be skipped)."""
        return any(self.enabled(code) for code in RULES if code.startswith(prefix))
