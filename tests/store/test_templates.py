"""The shipped templates: valid TOML, and every field preceded by its worksheet question."""

from __future__ import annotations

import datetime
import tomllib

import pytest
from pydantic import BaseModel

from pdsa.model.cycle import Act, Cycle, Do, Plan, Study, Task
from pdsa.model.measure import Measure
from pdsa.model.programme import Privacy, Programme, Settings, Theme
from pdsa.model.project import ChangeIdea, Project, TeamMember
from pdsa.store.templates import KINDS, fill, template_text

# Which models each template covers, and the fields it leaves to commands or to hand edits.
COVERS: dict[str, list[type[BaseModel]]] = {
    "programme": [Programme, Theme, Settings, Privacy],
    "project": [Project, TeamMember, ChangeIdea],
    "measure": [Measure],
    "cycle": [Cycle, Plan, Task],
    "do": [Do],
    "study": [Study],
    "act": [Act],
}
LEFT_OUT = {
    "schema_version",
    "example",
    "points",
    "phases",  # written by pdsa commands
    "plan",
    "do",
    "study",
    "act",
    "themes",
    "settings",
    "privacy",
    "team",
    "change_ideas",
    "tasks",
}


@pytest.mark.parametrize("kind", KINDS)
def test_templates_are_valid_toml(kind: str) -> None:
    tomllib.loads(template_text(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_preceded_by_its_question(kind: str) -> None:
    lines = template_text(kind).splitlines()
    for model in COVERS[kind]:
        for name, field in model.model_fields.items():
            if name in LEFT_OUT:
                continue
            assert field.description, f"{model.__name__}.{name} has no description"
            keys = [i for i, line in enumerate(lines) if line.lstrip("# ").startswith(f"{name} =")]
            assert keys, f"{kind}.toml has no line for {model.__name__}.{name}"
            assert any(lines[i - 1] == f"# {field.description}" for i in keys), (
                f"{kind}.toml: '{name}' is not preceded by '# {field.description}'"
            )


def test_fill_puts_values_in_their_tables() -> None:
    text = fill(
        template_text("cycle"),
        {
            "title": 'A "quoted"\ntitle',
            "plan.start": datetime.date(2026, 3, 11),
            "plan.scale": {"description": "1 clinic", "people": 20},
        },
    )
    data = tomllib.loads(text)
    assert data["title"] == 'A "quoted"\ntitle'
    assert data["plan"]["start"] == datetime.date(2026, 3, 11)
    assert data["plan"]["scale"] == {"description": "1 clinic", "people": 20}
    assert "# end = 2024-01-01" in text  # not given: left commented out
