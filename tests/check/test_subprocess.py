"""``python -m pdsa check`` as CI runs it: exit codes, and a start-up that stays light."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from check_logs import FIXTURES, build

SOURCE = str(Path(__file__).resolve().parents[2] / "src")


def _pdsa(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PDSA_TODAY="2026-11-26", NO_COLOR="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SOURCE, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def _imported(root: Path) -> set[str]:
    result = _pdsa("-X", "importtime", "-m", "pdsa", "check", cwd=root)
    assert result.returncode == 0, result.stderr
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines()}


def test_check_outside_git_imports_no_rich_no_analysis_and_starts_no_git(tmp_path: Path) -> None:
    root = tmp_path / "log"
    shutil.copytree(FIXTURES / "base", root)
    imported = _imported(root)
    heavy = {
        name
        for name in imported
        if name.split(".")[0] == "rich"
        or name.startswith(("pdsa.analysis", "pdsa.workflow", "pdsa.store.git"))
    }
    assert heavy == set()


def test_check_in_git_loads_the_history_code_but_no_report_or_chart_code(tmp_path: Path) -> None:
    root = tmp_path / "log"
    shutil.copytree(FIXTURES / "base", root)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "-c", "init.defaultBranch=main", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "log"], cwd=root, check=True)
    imported = _imported(root)
    assert {"pdsa.store.git", "pdsa.analysis.provenance"} <= imported
    heavy = {
        name
        for name in imported
        if name.split(".")[0] == "rich"
        or name.startswith(
            (
                "pdsa.analysis.chart",
                "pdsa.analysis.spc",
                "pdsa.analysis.fidelity",
                "pdsa.analysis.programme",
                "pdsa.render.report",
                "pdsa.render.chart",
                "pdsa.workflow.report",
            )
        )
    }
    assert heavy == set()


def test_a_broken_log_exits_1_with_findings_and_no_traceback(tmp_path: Path) -> None:
    root = build("toml-syntax", tmp_path)
    result = _pdsa("-m", "pdsa", "check", cwd=root)
    assert result.returncode == 1
    assert result.stdout.startswith("projects/clinic/cycles/texts.toml:7:6: P001 error:")
    assert "Traceback" not in result.stderr


def test_no_log_exits_2(tmp_path: Path) -> None:
    result = _pdsa("-m", "pdsa", "check", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
