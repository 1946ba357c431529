"""``pdsa report``: "predictions made in advance" beside the other fidelity figures."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from gitrepo import Repo
from support import Run

from pdsa.render.report_markdown import md


def plan(run: Run, title: str) -> None:
    outcome = run(
        "plan",
        title,
        "--objective",
        "See",
        "--prediction",
        "Attendance rises",
        "--start",
        "2026-03-10",
        "--end",
        "2026-03-20",
        "--date",
        "2026-03-05",
    )
    assert outcome.exit_code == 0, outcome.stderr


def do(run: Run, slug: str) -> None:
    outcome = run("do", slug, "--as-planned", "--observations", "o", "--date", "2026-03-20")
    assert outcome.exit_code == 0, outcome.stderr


@pytest.fixture
def commits(log: Path, run: Run) -> dict[str, str]:
    """Three cycles: one planned before its Do, one planned with it, one not tested yet."""
    repo = Repo.create(log)
    repo.commit("Set up")
    plan(run, "Ahead of time")
    ahead = repo.commit("Plan ahead")
    do(run, "ahead-of-time")
    done = repo.commit("Do ahead")
    plan(run, "All at once")
    do(run, "all-at-once")
    both = repo.commit("Plan and Do together")
    plan(run, "Not yet")
    repo.commit("Plan not yet")
    return {"ahead": ahead[:7], "done": done[:7], "both": both[:7]}


def figure(data: dict[str, object], name: str = "predictions_in_advance") -> dict[str, object]:
    figures = data["totals"]["fidelity"]["figures"]  # type: ignore[index]
    return next(item for item in figures if item["name"] == name)


def test_the_figure_counts_cycles_whose_prediction_came_first(
    commits: dict[str, str], run: Run
) -> None:
    data = json.loads(run("report", "--format", "json").stdout)
    found = figure(data)
    assert (found["numerator"], found["denominator"], found["of"]) == (
        1,
        2,
        "tested cycles with predictions",
    )
    assert found["lacking"] == ["outreach/all-at-once"]
    assert found["unknown"] == ["outreach/not-yet"]
    assert found["unavailable"] is None
    verdicts = data["projects"][0]["fidelity"]["advance_verdicts"]
    assert [(item["cycle"], item["verdict"]) for item in verdicts] == [
        ("outreach/ahead-of-time", "made_in_advance"),
        ("outreach/all-at-once", "written_with_data"),
        ("outreach/not-yet", "not_tested_yet"),
    ]


def test_explain_lists_each_cycle_s_verdict_and_its_commits_in_every_format(
    commits: dict[str, str], run: Run
) -> None:
    ahead = (
        f"outreach/ahead-of-time: made in advance: the prediction ({commits['ahead']}) came "
        f"before the Do ({commits['done']})"
    )
    both = (
        f"outreach/all-at-once: written with the data: the prediction arrived in "
        f"{commits['both']} with the Do"
    )
    table = run("report", "--explain", env={"COLUMNS": "200"}).stdout
    assert "  predictions in advance: 50%: predictions made in advance (of cycles with " in table
    assert f"  {ahead}\n" in table and f"  {both}\n" in table
    markdown = run("report", "--explain", "--format", "markdown").stdout
    assert "### Predictions made in advance, cycle by cycle (from git)" in markdown
    assert f"- {md(ahead)}\n" in markdown and f"- {md(both)}\n" in markdown
    html = run("report", "--explain", "--format", "html").stdout
    assert f"<li>{ahead}</li>" in html
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    assert rows[0]["fidelity_predictions_in_advance_pct"] == "50.0"


def test_outside_git_the_figure_is_unknown_and_no_other_figure_changes(
    commits: dict[str, str], log: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_git = json.loads(run("report", "--format", "json").stdout)
    copy = tmp_path / "copy"
    shutil.copytree(log, copy, ignore=shutil.ignore_patterns(".git"))
    monkeypatch.chdir(copy)
    outside = json.loads(run("report", "--format", "json").stdout)
    found = figure(outside)
    assert (
        found["unavailable"] == "the log is not in a git repository, so it has no history to read"
    )
    assert (found["percent"], found["numerator"], found["denominator"]) == (None, 0, 0)
    others = [
        item
        for item in in_git["totals"]["fidelity"]["figures"]
        if item["name"] != "predictions_in_advance"
    ]
    assert others == [
        item
        for item in outside["totals"]["fidelity"]["figures"]
        if item["name"] != "predictions_in_advance"
    ]
    table = run("report", env={"COLUMNS": "80"}).stdout
    assert "  predictions in advance: unknown: predictions made in advance" in table
    row = next(
        line for line in table.splitlines() if line.startswith("outreach ") and "unknown" in line
    )
    assert row.split()[2] == "unknown"  # project, pred., adv.
    html = run("report", "--format", "html").stdout
    assert 'unknown<span class="small">the log is not in a git repository' in html


def test_verdicts_are_kept_per_head_and_worked_out_again_for_uncommitted_changes(
    commits: dict[str, str], log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pdsa.store import history_cache
    from pdsa.workflow import provenance

    reads: list[int] = []
    real = provenance._read_history

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(provenance, "_read_history", counted)
    first = json.loads(run("report", "--format", "json").stdout)
    again = json.loads(run("report", "--format", "json").stdout)
    assert len(reads) == 1  # the second report read no history
    assert again["projects"] == first["projects"]
    # A change not committed yet to one cycle: that cycle (only) is judged again, from git.
    path = log / "projects" / "outreach" / "cycles" / "ahead-of-time.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Attendance rises", "Attendance soars"),
        encoding="utf-8",
    )
    outcome = run("study", "ahead-of-time", "--results", "r", "--matched", "no", "--learning", "l")
    assert outcome.exit_code == 0
    changed = json.loads(run("report", "--format", "json").stdout)
    assert len(reads) == 2
    verdicts = {
        item["cycle"]: item for item in changed["projects"][0]["fidelity"]["advance_verdicts"]
    }
    assert verdicts["outreach/ahead-of-time"]["evidence"][-1]["commit"] is None  # the Study
    # A new commit moves HEAD: everything is judged again, once.
    Repo(log, day=20).commit("Study ahead")
    run("report", "--format", "json")
    run("report", "--format", "json")
    assert len(reads) == 3
    # A damaged file of kept verdicts is ignored.
    (log / ".pdsa" / "cache" / history_cache.VERDICTS_FILE).write_bytes(b"\x00damaged")
    assert json.loads(run("report", "--format", "json").stdout)["projects"][0]["fidelity"][
        "advance_verdicts"
    ]
    assert len(reads) == 4
