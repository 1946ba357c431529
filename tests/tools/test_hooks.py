"""Tests for ``.pre-commit-hooks.yaml`` and the examples in ``docs/ci.md``."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from tools_support import Cli

REPO = Path(__file__).resolve().parents[2]
HOOKS = REPO / ".pre-commit-hooks.yaml"
CI_DOC = REPO / "docs" / "ci.md"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S)


def _commands() -> list[str]:
    """Every pdsa command the hooks and the CI example run."""
    hooks = re.findall(r"^\s*entry: (.+)$", HOOKS.read_text(encoding="utf-8"), re.M)
    doc = re.findall(r"(?:entry|run): (pdsa .+)$", CI_DOC.read_text(encoding="utf-8"), re.M)
    return hooks + doc


def test_the_hooks_and_the_example_run_real_commands(cli: Cli) -> None:
    commands = _commands()
    assert "pdsa check" in commands
    assert "pdsa fmt --check" in commands
    assert "pdsa check --format github" in commands
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "pdsa"
        ran = cli(*words[1:], "--help")
        assert ran.exit_code == 0, (command, ran.stderr)


def test_the_hooks_file_is_what_pre_commit_expects() -> None:
    yaml = pytest.importorskip("yaml")
    hooks: list[dict[str, Any]] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["pdsa-check", "pdsa-fmt"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert re.search(hook["files"], "projects/outreach/cycles/texts.toml")
        assert not re.search(hook["files"], "projects/outreach/cycles/texts.toml.bak")
    assert [hook["entry"] for hook in hooks] == ["pdsa check", "pdsa fmt --check"]


def test_the_yaml_in_the_ci_guide_parses() -> None:
    yaml = pytest.importorskip("yaml")
    blocks = _yaml_blocks()
    assert len(blocks) == 4
    workflow = yaml.safe_load(blocks[0])
    steps = workflow["jobs"]["check"]["steps"]
    assert [step.get("run") for step in steps][-2:] == [
        "pdsa check --format github",
        "pdsa fmt --check",
    ]
    config = yaml.safe_load(blocks[1])
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == ["pdsa-check", "pdsa-fmt"]
    for block in blocks[2:]:
        assert yaml.safe_load(block)
