"""Pydantic models of the log's files: programme, project, measure, cycle."""

from pdsa.model.base import SCHEMA_VERSION
from pdsa.model.cycle import Act, Cycle, Do, Plan, Prediction, Scale, Study, Task
from pdsa.model.measure import ChartPhase, Measure, Point
from pdsa.model.programme import Programme, Settings, Theme
from pdsa.model.project import ChangeIdea, Project, TeamMember

__all__ = [
    "SCHEMA_VERSION",
    "Act",
    "ChangeIdea",
    "ChartPhase",
    "Cycle",
    "Do",
    "Measure",
    "Plan",
    "Point",
    "Prediction",
    "Programme",
    "Project",
    "Scale",
    "Settings",
    "Study",
    "Task",
    "TeamMember",
    "Theme",
]
