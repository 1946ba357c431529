"""P801: a prediction changed after its Study was committed, found from git history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import Repo
from support import Run, cycle_file

from pdsa.store import git

CYCLE = "projects/outreach/cycles/text-the-day-before.toml"


def plan_do_study(run: Run, repo: Repo) -> tuple[str, str]:
    outcome = run(
        "plan",
        "Text the day before",
        "--objective",
        "See",
        "--prediction",
        "Attendance rises to at least 80%",
        "--date",
        "2026-03-05",
    )
    assert outcome.exit_code == 0, outcome.stderr
    repo.commit("Plan")
    assert run("do", "text-the-day-before", "--as-planned", "--observations", "o").exit_code == 0
    repo.commit("Do")
    outcome = run(
        "study", "text-the-day-before", "--results", "r", "--matched", "no", "--learning", "l"
    )
    assert outcome.exit_code == 0
    studied = repo.commit("Study")
    path = cycle_file(repo.root, "text-the-day-before")
    path.write_text(
        path.read_text(encoding="utf-8").replace("at least 80%", "at least 60%"), encoding="utf-8"
    )
    return studied, path.read_text(encoding="utf-8")


@pytest.fixture
def repo(log: Path) -> Repo:
    repo = Repo.create(log)
    repo.commit("Set up")
    return repo


def line_of_predictions(text: str) -> int:
    lines = text.splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith("predictions"))


def test_a_committed_edit_after_the_study_is_a_warning(repo: Repo, run: Run) -> None:
    studied, text = plan_do_study(run, repo)
    edited = repo.commit("Lower the bar", author="Sam Okafor")
    outcome = run("check")
    assert outcome.exit_code == 0  # a warning
    line = line_of_predictions(text)
    assert outcome.stdout == (
        f"{CYCLE}:{line}:1: P801 warning: the predictions were changed in {edited[:7]} by "
        f"Sam Okafor, after the Study was committed ({studied[:7]}): a hindsight edit\n"
        "    hint: a prediction is judged as written before the data; put it back as it was "
        "and say what you learned in [study] (pdsa history shows both texts)\n"
        "\n"
        "Checked 4 files: 0 errors, 1 warning.\n"
    )


def test_strict_makes_it_an_error(repo: Repo, run: Run) -> None:
    plan_do_study(run, repo)
    repo.commit("Lower the bar")
    outcome = run("check", "--strict", "--format", "json")
    assert outcome.exit_code == 1
    (item,) = json.loads(outcome.stdout)["findings"]
    assert (item["code"], item["severity"]) == ("P801", "error")


def test_an_edit_in_the_working_copy_is_caught_before_it_is_committed(repo: Repo, run: Run) -> None:
    plan_do_study(run, repo)
    outcome = run("check", "--format", "github")
    assert outcome.stdout.startswith(f"::warning file={CYCLE},line=")
    assert "title=P801::the predictions were changed in the working copy (not committed yet)" in (
        outcome.stdout
    )


def test_ignore_and_select_apply(repo: Repo, run: Run) -> None:
    plan_do_study(run, repo)
    repo.commit("Lower the bar")
    assert "P801" not in run("check", "--ignore", "P8").stdout
    assert "P801" in run("check", "--select", "P801").stdout


def test_no_git_is_started_when_the_rule_cannot_find_anything(
    repo: Repo, run: Run, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_do_study(run, repo)
    repo.commit("Lower the bar")

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(git, "open_repository", forbidden)
    measure = log / "projects" / "outreach" / "measures" / "attendance-rate.toml"
    assert run("check", str(measure)).exit_code == 0
    assert run("check", "--ignore", "P801").exit_code == 0
    assert run("check", "--select", "P1").exit_code == 0


def test_outside_git_no_git_is_started(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(log)  # not a repository: only used to write the cycle
    monkeypatch.setattr(repo, "commit", lambda *args, **kwargs: "0" * 40)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(git, "open_repository", forbidden)
    plan_do_study(run, repo)
    outcome = run("check")
    assert (outcome.exit_code, outcome.stdout) == (0, "Checked 4 files: no problems.\n")


def test_without_git_installed_a_note_says_what_was_not_checked(
    repo: Repo, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_do_study(run, repo)
    repo.commit("Lower the bar")
    monkeypatch.setattr(git.shutil, "which", lambda name: None)
    outcome = run("check")
    assert outcome.exit_code == 0
    assert outcome.stdout == "Checked 4 files: no problems.\n"
    assert outcome.stderr.startswith(
        "note: P801 (hindsight edits) not checked: git is not installed"
    )


def test_a_shallow_clone_makes_no_false_finding_and_says_why(
    repo: Repo, run: Run, log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_do_study(run, repo)
    repo.commit("Lower the bar")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{log}", str(clone))
    monkeypatch.chdir(clone)
    outcome = run("check", "--strict")
    assert outcome.exit_code == 0
    assert outcome.stdout == "Checked 4 files: no problems.\n"
    assert "the git history is cut off (a shallow clone), so 1 cycle could only be checked" in (
        outcome.stderr
    )
    assert "fetch-depth: 0" in outcome.stderr


def test_a_change_in_the_same_commit_as_the_study_is_not_reported(repo: Repo, run: Run) -> None:
    outcome = run("plan", "Quick", "--objective", "See", "--prediction", "Up")
    assert outcome.exit_code == 0
    repo.commit("Plan")
    assert run("do", "quick", "--as-planned", "--observations", "o").exit_code == 0
    assert (
        run("study", "quick", "--results", "r", "--matched", "no", "--learning", "l").exit_code == 0
    )
    path = cycle_file(repo.root, "quick")
    path.write_text(path.read_text(encoding="utf-8").replace('"Up"', '"Down"'), encoding="utf-8")
    repo.commit("Do, Study and a new prediction at once")
    assert run("check").stdout == "Checked 4 files: no problems.\n"


def take_every_prediction_out(repo: Repo) -> str:
    path = cycle_file(repo.root, "text-the-day-before")
    text = path.read_text(encoding="utf-8")
    line = line_of_predictions(text)
    kept = [row for number, row in enumerate(text.splitlines(), 1) if number != line]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_taking_every_prediction_out_after_the_study_is_a_hindsight_edit(
    repo: Repo, run: Run
) -> None:
    studied, _ = plan_do_study(run, repo)
    repo.git("checkout", "--", CYCLE)  # the lowered bar is not kept: the prediction goes
    text = take_every_prediction_out(repo)
    assert "predictions" not in text
    removed = repo.commit("No prediction after all", author="Sam Okafor")
    outcome = run("check", "--strict")
    assert outcome.exit_code == 1
    plan_line = text.splitlines().index("[plan]") + 1
    assert outcome.stdout.startswith(
        f"{CYCLE}:{plan_line}:1: P801 error: the predictions were removed in {removed[:7]} by "
        f"Sam Okafor, after the Study was committed ({studied[:7]}): a hindsight edit\n"
    )


def test_a_cycle_that_never_had_a_prediction_is_not_reported(repo: Repo, run: Run) -> None:
    assert run("plan", "Quiet", "--objective", "See").exit_code == 0
    assert run("do", "quiet", "--as-planned", "--observations", "o").exit_code == 0
    outcome = run("study", "quiet", "--results", "r", "--matched", "no", "--learning", "l")
    assert outcome.exit_code == 0
    repo.commit("Plan, Do and Study")
    path = cycle_file(repo.root, "quiet")
    path.write_text(path.read_text(encoding="utf-8").replace('"See"', '"Look"'), encoding="utf-8")
    repo.commit("Reword the objective")
    assert run("check", "--strict").stdout == "Checked 4 files: no problems.\n"


def test_a_measure_renamed_after_the_study_is_not_reported(repo: Repo, run: Run) -> None:
    outcome = run(
        "plan",
        "Texts",
        "--objective",
        "See",
        "--prediction",
        "Up",
        "--expect",
        "attendance-rate up",
    )
    assert outcome.exit_code == 0, outcome.stderr
    repo.commit("Plan")
    assert run("do", "texts", "--as-planned", "--observations", "o").exit_code == 0
    assert (
        run("study", "texts", "--results", "r", "--matched", "no", "--learning", "l").exit_code == 0
    )
    repo.commit("Do and Study")
    measures = repo.root / "projects" / "outreach" / "measures"
    repo.git("mv", str(measures / "attendance-rate.toml"), str(measures / "attendance.toml"))
    path = cycle_file(repo.root, "texts")
    path.write_text(
        path.read_text(encoding="utf-8").replace('"attendance-rate"', '"attendance"'),
        encoding="utf-8",
    )
    moved = repo.commit("Rename attendance-rate to attendance", author="Sam Okafor")
    assert run("check", "--strict").stdout == "Checked 4 files: no problems.\n"
    shown = run("history", "texts", env={"COLUMNS": "200"}).stdout
    assert f"  ~ prediction follows its measure's rename in {moved[:7]} by Sam Okafor\n" in shown
    assert "hindsight" not in shown.lower()
