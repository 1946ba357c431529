"""The installed console script, ``python -m pdsa``, and what start-up imports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The script installed beside this Python (a virtual environment need not be on PATH).
_BESIDE = Path(sys.executable).with_name("pdsa.exe" if os.name == "nt" else "pdsa")
PDSA = str(_BESIDE) if _BESIDE.exists() else shutil.which("pdsa")
needs_script = pytest.mark.skipif(PDSA is None, reason="the pdsa console script is not installed")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PDSA_TODAY": "2026-11-26", "NO_COLOR": "1"}
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, check=False)


@needs_script
def test_console_script_version() -> None:
    from pdsa import __version__

    result = run(str(PDSA), "--version")
    assert result.returncode == 0
    assert result.stdout == f"pdsa {__version__}\n"


def test_python_dash_m() -> None:
    result = run(sys.executable, "-m", "pdsa", "--version")
    assert result.returncode == 0 and result.stdout.startswith("pdsa ")


@needs_script
def test_a_whole_cycle_through_the_console_script(tmp_path: Path) -> None:
    assert run(str(PDSA), "init", str(tmp_path / "log")).returncode == 0
    log = tmp_path / "log"
    steps = [
        ["project", "new", "Outreach", "--aim", "Test 500 people", "--lead", "Riverside"],
        ["plan", "Text reminders", "--objective", "Fewer missed appointments"],
        ["do", "text", "--as-planned", "--observations", "17 of 20 came"],
        ["study", "text", "--results", "85%", "--matched", "yes", "--learning", "Reply same day"],
        ["act", "text", "--decision", "adopt"],
    ]
    for step in steps:
        result = run(str(PDSA), *step, cwd=log)
        assert result.returncode == 0, result.stderr
    rows = json.loads(run(str(PDSA), "list", "--format", "json", cwd=log).stdout)
    assert [(r["slug"], r["phase"], r["decision"]) for r in rows] == [
        ("text-reminders", "act", "adopt")
    ]


@needs_script
def test_usage_error_exit_code(tmp_path: Path) -> None:
    result = run(str(PDSA), "list", cwd=tmp_path)
    assert result.returncode == 2
    assert "no pdsa log here" in result.stderr
    assert "Traceback" not in result.stderr


def imported_by(*args: str, cwd: Path | None = None) -> set[str]:
    code = (
        "import sys\nfrom pdsa.cli.entry import main\nsys.argv = ['pdsa', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = run(sys.executable, "-c", code, *args, cwd=cwd)
    return set(result.stderr.split())


def test_version_imports_nothing_it_does_not_need() -> None:
    modules = imported_by("--version")
    assert "pdsa.cli.entry" in modules
    heavy = {"typer", "pydantic", "rich", "tomli_w", "pdsa.model", "pdsa.store.log", "pdsa.render"}
    assert not heavy & modules


def test_check_on_a_valid_log_imports_no_report_or_chart_code(tmp_path: Path) -> None:
    assert run(sys.executable, "-m", "pdsa", "init", str(tmp_path / "log")).returncode == 0
    modules = imported_by("check", cwd=tmp_path / "log")
    assert "pdsa.check.engine" in modules
    assert not {
        m
        for m in modules
        if m.startswith(
            ("pdsa.render.report", "pdsa.render.chart", "pdsa.workflow.report", "pdsa.analysis")
        )
    }
