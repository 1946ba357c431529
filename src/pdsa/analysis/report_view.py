"""What ``pdsa report`` renders: the programme summary, its charts, the files left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from pdsa.analysis.chart_view import ChartView
from pdsa.analysis.programme import ProgrammeSummary, ProjectSummary
from pdsa.errors import PdsaError
from pdsa.model.programme import Programme


@dataclass(frozen=True)
class Report:
    """A programme summary with the charts of its measures and the files that failed."""

    programme: Programme
    summary: ProgrammeSummary
    charts: dict[str, tuple[ChartView, ...]] = field(default_factory=dict)
    errors: tuple[PdsaError, ...] = ()

    @property
    def projects(self) -> tuple[ProjectSummary, ...]:
        return self.summary.projects
