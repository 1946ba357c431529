"""File and folder names are scanned for identifiers like any text: refused when a command
would make one, reported by ``check`` (errors with ``--strict``), and never shown in full."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from check_logs import build
from support import Run

NHS = "9434765919"
CYCLE = "projects/clinic/cycles/texts.toml"


@pytest.fixture
def named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base log with a cycle file and a project folder named with identifiers."""
    root = build("valid", tmp_path)
    cycles = root / "projects" / "clinic" / "cycles"
    shutil.copy(root / CYCLE, cycles / f"visit-{NHS}.toml")
    shutil.copytree(root / "projects" / "clinic", root / "projects" / "jo-bloggs-m1-1ae")
    monkeypatch.chdir(root)
    return root


def test_check_reports_each_name_that_holds_an_identifier_once(named: Path, run: Run) -> None:
    outcome = run("check", "--format", "json", "--select", "P7")
    findings = json.loads(outcome.stdout)["findings"]
    names = [(item["code"], item["file"], item["severity"]) for item in findings]
    assert names == [
        ("P701", "projects/clinic/cycles/visit-********19.toml", "warning"),
        ("P705", "projects/jo-bloggs-m*-***", "warning"),
        ("P701", "projects/jo-bloggs-m*-***/cycles/visit-********19.toml", "warning"),
    ]
    assert all("names stay in git history" in item["message"] for item in findings)
    assert outcome.exit_code == 0


def test_with_strict_a_name_that_holds_an_identifier_is_an_error(named: Path, run: Run) -> None:
    outcome = run("check", "--strict", "--select", "P7")
    assert outcome.exit_code == 1
    assert "P701 error: the name 'visit-********19.toml' looks like it holds" in outcome.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_no_format_prints_the_identifier_in_a_path_or_a_hint(
    named: Path, run: Run, output_format: str
) -> None:
    # A misnamed copy too, so that a "rename it to ..." hint would echo the name.
    cycles = named / "projects" / "clinic" / "cycles"
    shutil.copy(named / CYCLE, cycles / f"Visit_{NHS}.toml")
    shutil.copy(named / CYCLE, cycles / "Visit M1 1AE.toml")
    outcome = run("check", "--format", output_format)
    printed = outcome.stdout + outcome.stderr
    assert printed.count("P303") >= 2  # the misnamed files are reported...
    for secret in (NHS, "m1-1ae", "M1 1AE", "M1%201AE"):  # ...without the identifier
        assert secret not in printed
    assert "********19" in printed


def test_an_internal_error_on_a_file_never_shows_its_name_in_full(
    named: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pdsa.check import engine

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"could not handle {named}/projects/clinic/cycles/visit-{NHS}.toml")

    monkeypatch.setattr(engine, "check_phases", broken)
    outcome = run("check", "--format", "json")
    findings = json.loads(outcome.stdout)["findings"]
    internal = [item for item in findings if item["code"] == "P901"]
    assert internal and NHS not in outcome.stdout


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("plan", "Visit", "--objective", "x", "--slug", f"visit-{NHS}"), "********19"),
        (("plan", "Ward 943/476/5919", "--objective", "x"), "***-***-**19"),
        (("measure", "new", "Calls", "--type", "process", "--slug", "calls-07700-900123"), ""),
        (("project", "new", "Second", "--aim", "a", "--lead", "b", "--slug", "visit-m1-1ae"), ""),
        (("project", "new", "Visit SW1A/1AA", "--aim", "a", "--lead", "b"), ""),
    ],
)
def test_a_name_that_holds_an_identifier_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run, args: tuple[str, ...], shown: str
) -> None:
    root = build("valid", tmp_path)
    monkeypatch.chdir(root)
    before = sorted(path.relative_to(root) for path in root.rglob("*"))
    outcome = run(*args)
    assert outcome.exit_code == 1, outcome.stderr
    assert "looks like it holds" in outcome.stderr
    assert "names become files and folders, which stay in git history" in outcome.stderr
    assert shown in outcome.stderr
    for secret in (NHS, "943/476/5919", "07700-900123", "m1-1ae", "SW1A/1AA", "sw1a-1aa"):
        assert secret not in outcome.stderr
    assert sorted(path.relative_to(root) for path in root.rglob("*")) == before
