"""A finding (one problem at one place) and the report of a whole check."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pdsa.check.rules import RULES, Severity

Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule, where (file relative to the log root, 1-based line and
    column), what was expected, and how to fix it where there is a fix to suggest."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str | None = None
    end_line: int | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File, line, column, code (and message, to break the last ties): a stable order."""
        return (self.file, self.line, self.column, self.code, self.message)


def finding(
    code: str,
    file: str,
    position: Position,
    message: str,
    *,
    hint: str | None = None,
    end_line: int | None = None,
) -> Finding:
    """A finding of rule ``code`` with the rule's default severity."""
    line, column = position
    return Finding(file, line, column, code, RULES[code].severity, message, hint, end_line)


def escalate(item: Finding) -> Finding:
    """The same finding as an error (``--strict`` does this to privacy warnings)."""
    return item if item.severity == "error" else replace(item, severity="error")


@dataclass(slots=True)
class Report:
    """Everything one check found, in the stable order, and how many files it read."""

    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    #: What could not be checked and why, for the person (stderr), not a finding.
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for item in self.findings if item.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for item in self.findings if item.severity == "warning")

    def failed(self, *, strict: bool) -> bool:
        """Errors fail a check; with ``strict``, warnings do too."""
        return bool(self.errors or (strict and self.warnings))
