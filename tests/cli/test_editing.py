"""pdsa edit: the file is replaced only by a valid edit; nothing typed is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support import Run, cycle_file, read


def editor(tmp_path: Path, body: str) -> dict[str, str]:
    """An $EDITOR that runs ``body`` with ``path`` and ``text`` bound."""
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n" + body,
        encoding="utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}"}


@pytest.fixture
def planned(log: Path, run: Run) -> Path:
    assert run("plan", "Quick test", "--objective", "See").exit_code == 0
    return cycle_file(log, "quick-test")


def test_a_valid_edit_replaces_the_file_keeping_comments(
    planned: Path, run: Run, tmp_path: Path
) -> None:
    env = editor(
        tmp_path, "path.write_text('# why: agreed 4 March\\n' + text.replace('See', 'Look'))\n"
    )
    outcome = run("edit", "quick-test", env=env)
    assert outcome.exit_code == 0, outcome.stderr
    assert read(planned).startswith("# why: agreed 4 March\n")
    assert 'objective = "Look"' in read(planned)
    assert "Saved projects/outreach/cycles/quick-test.toml." in outcome.stderr


def test_an_invalid_edit_leaves_the_original_and_keeps_the_text(
    planned: Path, run: Run, tmp_path: Path
) -> None:
    before = read(planned)
    env = editor(tmp_path, "path.write_text(text.replace('objective', 'objectiv'))\n")
    outcome = run("edit", "quick-test", env=env)
    assert outcome.exit_code == 1
    assert "unknown key 'objectiv'; did you mean 'objective'?" in outcome.stderr
    assert "your text is kept in" in outcome.stderr
    kept = Path(outcome.stderr.split("your text is kept in ")[1].strip())
    assert "objectiv =" in read(kept)
    assert read(planned) == before


def test_an_unchanged_edit_writes_nothing(planned: Path, run: Run, tmp_path: Path) -> None:
    before = read(planned)
    outcome = run("edit", "quick-test", env=editor(tmp_path, "pass\n"))
    assert outcome.exit_code == 0
    assert "No changes" in outcome.stderr
    assert read(planned) == before


def test_edit_without_an_editor_says_how_to_set_one(planned: Path, run: Run) -> None:
    outcome = run("edit", "quick-test")
    assert outcome.exit_code == 1
    assert "no editor set" in outcome.stderr and "EDITOR" in outcome.stderr


def test_edit_a_measure_and_a_project(log: Path, run: Run, tmp_path: Path) -> None:
    env = editor(tmp_path, "path.write_text(text.replace('goal = 80', 'goal = 85'))\n")
    assert run("edit", "outreach/attendance-rate", env=env).exit_code == 0
    assert "goal = 85" in read(log / "projects/outreach/measures/attendance-rate.toml")
    env = editor(tmp_path, "path.write_text(text + 'status = \"paused\"\\n')\n")
    outcome = run("project", "edit", "outreach", env=env)
    assert outcome.exit_code == 1  # a key after [[change_ideas]] belongs to the table
    assert "unknown key 'status'" in outcome.stderr


def test_an_unchanged_crlf_file_is_left_byte_for_byte(
    planned: Path, run: Run, tmp_path: Path
) -> None:
    planned.write_bytes(planned.read_bytes().replace(b"\n", b"\r\n"))
    before = planned.read_bytes()
    outcome = run("edit", "quick-test", env=editor(tmp_path, "pass\n"))
    assert outcome.exit_code == 0 and "No changes" in outcome.stderr
    assert planned.read_bytes() == before


def test_an_exact_name_beats_a_prefix_and_a_tie_is_refused(
    log: Path, run: Run, tmp_path: Path
) -> None:
    assert run("measure", "new", "Reach", "--type", "process").exit_code == 0
    assert run("plan", "Reach out", "--objective", "o").exit_code == 0
    env = editor(tmp_path, "pass\n")
    outcome = run("edit", "reach", env=env)
    assert "No changes; projects/outreach/measures/reach.toml is as it was." in outcome.stderr
    outcome = run("edit", "rea", env=env)
    assert outcome.exit_code == 1
    assert "'rea' could be either: cycle outreach/reach-out, measure outreach/reach" in (
        outcome.stderr
    )


def test_an_edit_that_adds_private_text_is_saved_with_a_warning(
    planned: Path, run: Run, tmp_path: Path
) -> None:
    env = editor(tmp_path, "path.write_text(text.replace('See', 'Call 943 476 5919'))\n")
    outcome = run("edit", "quick-test", env=env)
    assert outcome.exit_code == 0
    assert "warning: plan.objective: looks like an NHS number" in outcome.stderr
    assert "943 476 5919" not in outcome.stderr
