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
    assert [hook["id"] for hook in hooks] == ["pdsa-check", "pdsa-privacy", "pdsa-fmt"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        # Every commit, also one that only deletes files (no staged file to match).
        assert hook["always_run"] is True and "files" not in hook
    assert [hook["entry"] for hook in hooks] == [
        "pdsa check",
        "pdsa check --select P7 --strict",
        "pdsa fmt --check",
    ]


def test_the_privacy_hook_fails_on_an_identifier_that_check_only_warns_about(
    made_log: Path, cli: Cli
) -> None:
    yaml = pytest.importorskip("yaml")
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    root = made_log
    aim_file = root / "projects/outreach/project.toml"
    text = aim_file.read_text()
    aim_file.write_text(text.replace("Test 500 people", "Call 07700 900123"))
    plain = cli("--root", str(root), *shlex.split(hooks["pdsa-check"]["entry"])[1:])
    assert plain.exit_code == 0 and "P704" in plain.stdout
    privacy = cli("--root", str(root), *shlex.split(hooks["pdsa-privacy"]["entry"])[1:])
    assert privacy.exit_code == 1 and "P704 error" in privacy.stdout


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
    local = yaml.safe_load(blocks[1])["repos"][0]
    assert local["repo"] == "local"
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    # The local hooks run exactly what the shipped hooks run.
    assert [(hook["id"], hook["entry"]) for hook in local["hooks"]] == [
        (hook["id"], hook["entry"]) for hook in hooks
    ]
    assert all(hook["always_run"] and not hook["pass_filenames"] for hook in local["hooks"])
    remote = yaml.safe_load(blocks[2])["repos"][0]
    assert [hook["id"] for hook in remote["hooks"]] == ["pdsa-check", "pdsa-privacy", "pdsa-fmt"]
    for block in blocks[3:]:
        assert yaml.safe_load(block)


def test_the_ci_guide_names_no_revision_that_does_not_exist() -> None:
    """pdsa has no release tags: a ``rev:`` or ``@ref`` in the guide is the placeholder
    the text explains, never a tag such as ``v0.1.0`` that a copy would fail on."""
    text = CI_DOC.read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev: (\S+)", text, re.M)
    assert revs == ["COMMIT"]
    assert "in place of `COMMIT`" in text and "git ls-remote" in text
    assert not re.search(r"pdsa@v\d", text)
    assert "${{ vars.PDSA_COMMIT }}" in text
