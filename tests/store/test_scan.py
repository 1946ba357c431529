"""The one scan of the log: which files make it up, for every command and for ``check``.

The promise under test: a folder or file is either read by every command and checked, or
read by none and reported by ``check``; never read by ``list``/``report`` and skipped by
``check``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from support import Run

from pdsa.store.scan import (
    Anomaly,
    ignored,
    leftover,
    project_names,
    record_names,
    scan_log,
)

NHS = "943 476 5919"


def test_dotfiles_and_readme_files_are_ignored_but_not_toml_files_or_folders() -> None:
    assert ignored(".gitkeep") and ignored(".DS_Store") and ignored(".hidden", folder=True)
    assert ignored("README") and ignored("README.md") and ignored("readme.txt")
    assert not ignored("readme.toml")
    assert not ignored("readme", folder=True) and not ignored("README", folder=True)
    assert not ignored("notes.txt")


def test_leftovers_are_pdsa_own_temporary_names_and_stale_locks(tmp_path: Path) -> None:
    assert leftover(str(tmp_path), ".texts.k2j3h4g5.tmp")
    assert leftover(str(tmp_path), ".outreach.new-ab12cd34")
    assert not leftover(str(tmp_path), ".gitkeep")
    assert not leftover(str(tmp_path), "texts.tmp")
    fresh = tmp_path / ".texts.toml.lock"
    fresh.write_text("")
    assert not leftover(str(tmp_path), fresh.name)  # someone may be writing right now
    old = time.time() - 3600
    os.utime(fresh, (old, old))
    assert leftover(str(tmp_path), fresh.name)


def test_record_names_include_what_a_command_must_name(tmp_path: Path) -> None:
    folder = tmp_path / "cycles"
    folder.mkdir()
    for name in ("b.toml", "a.toml", "Bad Name.toml", ".c.ab12cd34.tmp", "notes.txt"):
        (folder / name).write_text("")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "sub.toml").mkdir()
    assert record_names(folder) == ["Bad Name", "a", "b", "loop"]


def test_project_names_are_folders_holding_project_toml(tmp_path: Path) -> None:
    projects = tmp_path / "projects"
    for name in ("b", "a", ".hidden", "readme", "empty"):
        (projects / name).mkdir(parents=True)
        if name != "empty":
            (projects / name / "project.toml").write_text("")
    (projects / "file.toml").write_text("")
    assert project_names(tmp_path) == ["a", "b", "readme"]


def test_the_scan_reports_what_commands_leave_out(tmp_path: Path) -> None:
    projects = tmp_path / "projects"
    (projects / ".archived").mkdir(parents=True)
    (projects / ".archived" / "project.toml").write_text("")
    (projects / ".half.new-zz99yy88").mkdir()
    (projects / "p" / "cycles").mkdir(parents=True)
    (projects / "p" / "project.toml").write_text("")
    (projects / "p" / "cycles" / ".x.abcdefgh.tmp").write_text("")
    (projects / "p" / "cycles" / "loop.toml").symlink_to(projects / "p" / "cycles" / "loop.toml")
    found = {(item.anomaly, item.rel) for item in scan_log(tmp_path).anomalies}
    assert found == {
        (Anomaly.HIDDEN_PROJECT, "projects/.archived"),
        (Anomaly.LEFTOVER, "projects/.half.new-zz99yy88"),
        (Anomaly.LEFTOVER, "projects/p/cycles/.x.abcdefgh.tmp"),
        (Anomaly.BROKEN_LINK, "projects/p/cycles/loop.toml"),
    }


# --- every command sees what check sees ---------------------------------------------------

FOLDER_NAMES = [
    ".hidden",
    "readme",
    "README",
    "Read Me",
    "Outreach_Team",
    "notes.d",
    "con",
    "x\x1b[2Jy",
    "2026",
    "d\u00e9j\u00e0-vu",
    "a" * 70,
]


@pytest.mark.parametrize("name", FOLDER_NAMES, ids=lambda name: name.encode().hex()[:12])
def test_a_project_folder_is_read_by_every_command_and_checked_or_by_none_and_reported(
    log: Path, run: Run, name: str
) -> None:
    folder = log / "projects" / name
    shutil.copytree(log / "projects" / "outreach", folder)
    project = folder / "project.toml"
    project.write_text(
        project.read_text("utf-8").replace(
            'aim = "Test 500 people by March 2027"', f'aim = "Call about NHS no {NHS}"'
        ),
        encoding="utf-8",
    )
    listed = {row["slug"] for row in json.loads(run("project", "list", "--format", "json").stdout)}
    report = json.loads(run("report", "--format", "json").stdout)
    reported = {row["slug"] for row in report["projects"]}
    cycles = json.loads(run("list", "--format", "json").stdout)
    findings = json.loads(run("check", "--format", "json").stdout)["findings"]
    rel = f"projects/{name}"
    on_the_file = [item for item in findings if item["file"] == f"{rel}/project.toml"]
    on_the_folder = [item for item in findings if item["file"] == rel]

    read_by_commands = name in listed
    assert (name in reported) == read_by_commands
    assert all(row["project"] != name for row in cycles) or read_by_commands
    if read_by_commands:
        # Checked like any project: the identifier in its aim is found.
        assert [item["code"] for item in on_the_file] == ["P701"]
    else:
        # Read by no command, and check says so about the folder itself.
        assert on_the_file == []
        assert on_the_folder, findings
