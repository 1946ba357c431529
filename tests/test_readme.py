"""The README's commands are the ones CI runs, and its command table is complete."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.*python3 -m venv .+)\n```", text)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    main_job, tests = readme_commands()[:2]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == tests
    assert "pytest" in tests and "mypy src" in tests and "ruff check" in tests
    assert "init example-log --example" in main_job and "report" in main_job
