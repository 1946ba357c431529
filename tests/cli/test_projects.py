"""project new|list|show|edit."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from support import Run, read


def test_project_new_writes_project_toml(empty_log: Path, run: Run) -> None:
    outcome = run(
        "project",
        "new",
        "Postal self-test kits",
        "--aim",
        "Send 300 kits by June 2027",
        "--lead",
        "Northside Health Collective",
        "--partner",
        "Clinic A",
        "--partner",
        "Clinic B",
    )
    assert outcome.exit_code == 0, outcome.stderr
    path = empty_log / "projects" / "postal-self-test-kits" / "project.toml"
    assert read(path) == (
        "#:schema ../../.pdsa/schemas/project.json\n"
        'schema_version = 1\ntitle = "Postal self-test kits"\naim = "Send 300 kits by June 2027"\n'
        'lead_organisation = "Northside Health Collective"\npartners = ["Clinic A", "Clinic B"]\nstarted = 2026-11-26\n'
    )
    assert (path.parent / "cycles").is_dir() and (path.parent / "measures").is_dir()


def test_project_new_refuses_a_duplicate(log: Path, run: Run) -> None:
    outcome = run("project", "new", "Outreach", "--aim", "a", "--lead", "b")
    assert outcome.exit_code == 1
    assert "a project called 'outreach' already exists" in outcome.stderr


def test_project_new_missing_lead_without_a_terminal(empty_log: Path, run: Run) -> None:
    outcome = run("project", "new", "X", "--aim", "a")
    assert outcome.exit_code == 2
    assert "missing --lead (Which organisation leads the project?)" in outcome.stderr


def test_project_new_refuses_an_unknown_theme(empty_log: Path, run: Run) -> None:
    path = empty_log / "pdsa.toml"
    path.write_text(read(path) + '\n[[themes]]\nid = "testing"\ntitle = "Testing"\n')
    outcome = run("project", "new", "X", "--aim", "a", "--lead", "b", "--theme", "tsting")
    assert outcome.exit_code == 1
    assert "--theme 'tsting': the programme has no such theme" in outcome.stderr
    assert (
        run("project", "new", "X", "--aim", "a", "--lead", "b", "--theme", "testing").exit_code == 0
    )


def test_project_list_and_show(log: Path, run: Run) -> None:
    rows = json.loads(run("project", "list", "--format", "json").stdout)
    assert rows == [
        {
            "slug": "outreach",
            "title": "Outreach",
            "theme": None,
            "lead_organisation": "Riverside Positive Voices",
            "status": "active",
            "progress_score": None,
            "cycles": 0,
            "measures": 1,
        }
    ]
    shown = json.loads(run("project", "show", "outreach", "--format", "json").stdout)
    assert shown["change_ideas"] == [{"id": "texts", "title": "Text reminders"}]
    text = run("project", "show").stdout
    assert "outreach: Outreach" in text and "texts: Text reminders" in text


def test_a_bad_progress_score_is_located(log: Path, run: Run) -> None:
    path = log / "projects" / "outreach" / "project.toml"
    path.write_text(
        read(path).replace("lead_organisation", "progress_score = 3.2\nlead_organisation")
    )
    outcome = run("project", "show", "outreach")
    assert outcome.exit_code == 1
    assert "project.toml:5:1: 'progress_score': must be one of 0.5, 1.0" in outcome.stderr
    assert tomllib.loads(read(path))["progress_score"] == 3.2
