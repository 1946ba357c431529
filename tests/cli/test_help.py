"""The help text people read, frozen in golden files so a change to it is a decision."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import Run, read

GOLDEN = Path(__file__).parent / "golden"
COMMANDS = [
    [],
    ["plan"],
    ["do"],
    ["study"],
    ["act"],
    ["list"],
    ["report"],
    ["chart"],
    ["check"],
    ["history"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: "-".join(command) or "pdsa")
def test_help_matches_its_golden_file(run: Run, command: list[str]) -> None:
    outcome = run(*command, "--help", env={"COLUMNS": "100"})
    assert outcome.exit_code == 0
    golden = GOLDEN / f"help-{'-'.join(command) or 'pdsa'}.txt"
    if os.environ.get("PDSA_UPDATE_GOLDEN"):
        golden.write_text(outcome.stdout, encoding="utf-8")
    assert outcome.stdout == read(golden), "rerun with PDSA_UPDATE_GOLDEN=1 to see the change"
