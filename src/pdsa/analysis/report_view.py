"""What ``pdsa report`` renders: the programme summary, its charts, the files left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from pdsa.analysis.chart_view import ChartView
from pdsa.analysis.programme import ProgrammeSummary, ProjectSummary
from pdsa.check.privacy import redact
from pdsa.errors import PdsaError
from pdsa.model.programme import Programme


@dataclass(frozen=True)
class Report:
    """A programme summary with the charts of its measures and the files that failed."""

    programme: Programme
    summary: ProgrammeSummary
    charts: dict[str, tuple[ChartView, ...]] = field(default_factory=dict)
    errors: tuple[PdsaError, ...] = ()
    #: Each file that could not be read, as ``file:line:col: message`` (masked), for the
    #: section every format holds so that nothing is left out silently.
    unreadable: tuple[str, ...] = ()
    #: The ``--sort`` order the projects are in.
    sort: str = "project"
    #: Where a likely patient identifier was masked: ``field: looks like ... (masked)``.
    masked: tuple[str, ...] = ()

    @property
    def unreadable_files(self) -> tuple[str, ...]:
        """:attr:`unreadable`, or each error as ``file:line:col: message`` (masked) when the
        caller did not set it."""
        if self.unreadable or not self.errors:
            return self.unreadable
        lines = []
        for error in self.errors:
            location = error.location()
            lines.append(redact(f"{location}: {error.message}" if location else error.message))
        return tuple(lines)

    @property
    def projects(self) -> tuple[ProjectSummary, ...]:
        return self.summary.projects
