"""Reading a log's git history: each part attributed to the commit that wrote it, and the
verdict on each prediction, in real repositories built here (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import Repo
from support import Run, cycle_file, measure_file

from pdsa.analysis.history import History
from pdsa.analysis.provenance import AdvanceReadings
from pdsa.store import git, history_cache
from pdsa.store.log import Log
from pdsa.workflow.provenance import GitUnavailable, advance_readings, read_history

CYCLE = "projects/outreach/cycles/text-the-day-before.toml"
MEASURE = "projects/outreach/measures/attendance-rate.toml"
NAME = "outreach/text-the-day-before"


def plan(run: Run, title: str = "Text the day before", *extra: str) -> None:
    outcome = run(
        "plan",
        title,
        "--objective",
        "Find out whether a text reduces missed appointments",
        "--prediction",
        "Attendance rises to at least 80%",
        "--expect",
        "attendance-rate >= 80",
        "--start",
        "2026-03-10",
        "--end",
        "2026-03-20",
        "--date",
        "2026-03-05",
        *extra,
    )
    assert outcome.exit_code == 0, outcome.stderr


def record(run: Run, value: str, day: str) -> None:
    outcome = run("measure", "record", "attendance-rate", value, "--date", day)
    assert outcome.exit_code == 0, outcome.stderr


def do(run: Run, cycle: str = "text-the-day-before") -> None:
    outcome = run(
        "do", cycle, "--as-planned", "--observations", "17 of 20 came", "--date", "2026-03-20"
    )
    assert outcome.exit_code == 0, outcome.stderr


def study(run: Run, cycle: str = "text-the-day-before") -> None:
    outcome = run(
        "study",
        cycle,
        "--results",
        "85%",
        "--matched",
        "yes",
        "--learning",
        "Replies",
        "--date",
        "2026-03-25",
    )
    assert outcome.exit_code == 0, outcome.stderr


def reword(root: Path, new: str = "Attendance rises to at least 85%") -> None:
    path = cycle_file(root, "text-the-day-before")
    text = path.read_text(encoding="utf-8")
    assert "Attendance rises to at least 80%" in text
    path.write_text(text.replace("Attendance rises to at least 80%", new), encoding="utf-8")


@pytest.fixture
def repo(log: Path) -> Repo:
    """The test log in a new repository, its set-up committed."""
    repo = Repo.create(log)
    repo.commit("Set up the log")
    return repo


def verdict_of(root: Path) -> tuple[History, AdvanceReadings]:
    log = Log(root)
    history = read_history(log)
    readings = advance_readings(
        log,
        log.scan_cycles(["outreach"]).records,
        log.scan_measures(["outreach"]).records,
        history=history,
    )
    return history, readings


def parts(history: History, path: str) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [
        (step.commit.id if step.commit else None, [(c.part, c.action) for c in step.changes])
        for step in history.record(path).steps
    ]


# -- attribution ----------------------------------------------------------------------


def test_each_phase_and_point_belongs_to_the_commit_that_added_it(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    planned = repo.commit("Plan the text reminders")
    record(run, "71", "2026-03-12")
    data = repo.commit("Attendance for the week of 9 March", author="Tomás Ferreira")
    do(run)
    done = repo.commit("Do")
    study(run)
    studied = repo.commit("Study")
    history, readings = verdict_of(log)
    assert parts(history, CYCLE) == [
        (planned, [("details", "added"), ("plan", "added"), ("predictions", "added")]),
        (done, [("do", "added")]),
        (studied, [("study", "added")]),
    ]
    assert parts(history, MEASURE)[-1] == (data, [("point 2026-03-12", "added")])
    data_step = history.record(MEASURE).steps[-1]
    assert data_step.commit is not None and data_step.commit.author == "Tomás Ferreira"
    assert data_step.commit.author_date == "2026-03-04T09:00:00+00:00"
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "made_in_advance"
    assert verdict.reason == (
        f"the prediction ({planned[:7]}) came before the Do ({done[:7]}), the Study "
        f"({studied[:7]}) and the point of 2026-03-12 on attendance-rate ({data[:7]})"
    )
    assert verdict.hindsight == ()


def test_a_prediction_committed_with_the_do_is_written_with_the_data(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    do(run)
    both = repo.commit("Plan and do at once")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "written_with_data"
    assert verdict.reason == f"the prediction arrived in {both[:7]} with the Do"


def test_data_committed_before_the_prediction_makes_it_written_after(
    repo: Repo, run: Run, log: Path
) -> None:
    record(run, "71", "2026-03-12")  # dated inside the window the plan sets later
    data = repo.commit("Data first")
    plan(run)
    planned = repo.commit("Then the plan")
    do(run)
    repo.commit("Do")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "written_after"
    assert verdict.reason == (
        f"the point of 2026-03-12 on attendance-rate ({data[:7]}) came before the "
        f"prediction ({planned[:7]})"
    )


def test_typed_dates_do_not_decide_commit_order_does(repo: Repo, run: Run, log: Path) -> None:
    # The plan says it was written on 5 March, but it was committed after the Do.
    record(run, "71", "2026-03-12")
    repo.commit("Data")
    path = cycle_file(log, "text-the-day-before")
    plan(run)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    repo.commit("Nothing yet")
    path.write_text(text, encoding="utf-8")
    do(run)
    plan_and_do = repo.commit("Plan and Do typed in later")
    _, readings = verdict_of(log)
    assert readings.verdicts[NAME].verdict == "written_after"
    assert plan_and_do[:7] in readings.verdicts[NAME].reason


def test_only_points_in_the_window_on_a_measure_the_prediction_names_are_evidence(
    repo: Repo, run: Run, log: Path
) -> None:
    outcome = run("measure", "new", "Wait time", "--type", "process")
    assert outcome.exit_code == 0, outcome.stderr
    record(run, "64", "2026-03-02")  # attendance, before the window (10 to 20 March)
    outcome = run("measure", "record", "wait-time", "30", "--date", "2026-03-12")
    assert outcome.exit_code == 0, outcome.stderr  # in the window, on a measure not predicted
    repo.commit("Data before the plan")
    plan(run, "Text the day before", "--measure", "wait-time")
    planned = repo.commit("Plan")
    do(run)
    done = repo.commit("Do")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "made_in_advance"
    assert [item.what for item in verdict.evidence] == ["the Do"]
    assert verdict.reason == f"the prediction ({planned[:7]}) came before the Do ({done[:7]})"


def test_a_prediction_committed_with_a_data_point_is_written_with_the_data(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    record(run, "71", "2026-03-12")
    both = repo.commit("Plan, and the first week's attendance")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "written_with_data"
    assert verdict.reason == (
        f"the prediction arrived in {both[:7]} with the point of 2026-03-12 on attendance-rate"
    )


def test_the_point_shown_is_the_first_committed_not_the_first_dated(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    planned = repo.commit("Plan")
    record(run, "74", "2026-03-15")
    first = repo.commit("Attendance, 15 March")
    path = measure_file(log, "attendance-rate")  # a point dated earlier, put first, later
    text = path.read_text(encoding="utf-8")
    at = text.index("[[points]]")
    point = "[[points]]\ndate = 2026-03-12\nvalue = 71\n\n"
    path.write_text(text[:at] + point + text[at:], encoding="utf-8")
    repo.commit("Attendance, 12 March, found later")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "made_in_advance"
    assert verdict.reason == (
        f"the prediction ({planned[:7]}) came before the point of 2026-03-15 on "
        f"attendance-rate ({first[:7]})"
    )


def test_kept_verdicts_are_judged_again_when_a_named_measure_has_uncommitted_data(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    repo.commit("Plan")

    def readings() -> AdvanceReadings:  # without a history given: verdicts kept per HEAD
        scanned = Log(log)
        return advance_readings(
            scanned,
            scanned.scan_cycles(["outreach"]).records,
            scanned.scan_measures(["outreach"]).records,
        )

    assert readings().verdicts[NAME].verdict == "not_tested_yet"
    record(run, "71", "2026-03-12")  # not committed: HEAD is the same
    verdict = readings().verdicts[NAME]
    assert verdict.verdict == "made_in_advance"
    assert verdict.evidence[-1].origin.commit is None


def test_a_cycle_with_no_do_yet_is_not_tested(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    repo.commit("Plan")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert (verdict.verdict, verdict.evidence) == ("not_tested_yet", ())


def test_only_cycles_with_predictions_get_a_verdict(repo: Repo, run: Run, log: Path) -> None:
    assert run("plan", "No prediction here", "--objective", "See").exit_code == 0
    repo.commit("Plan")
    _, readings = verdict_of(log)
    assert readings.verdicts == {}


# -- hindsight --------------------------------------------------------------------------


def test_a_prediction_changed_after_the_study_is_a_hindsight_edit(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    planned = repo.commit("Plan")
    do(run)
    repo.commit("Do")
    study(run)
    studied = repo.commit("Study")
    reword(log)
    edited = repo.commit("Tidy the wording", author="Sam Okafor")
    _, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "made_in_advance"  # the first version still came first
    assert verdict.prediction.commit is not None and verdict.prediction.commit.id == planned
    (edit,) = verdict.hindsight
    assert edit.origin.commit is not None and edit.origin.commit.id == edited
    assert edit.study.commit is not None and edit.study.commit.id == studied
    assert edit.old == ("Attendance rises to at least 80% (attendance-rate, increase, 80)",)
    assert edit.new == ("Attendance rises to at least 85% (attendance-rate, increase, 80)",)
    assert edit.describe() == (
        f"prediction changed in {edited[:7]} by Sam Okafor, after the Study ({studied[:7]})"
    )


def test_a_change_before_the_study_is_no_hindsight_edit(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    repo.commit("Plan")
    reword(log)
    repo.commit("Reword before the test")
    do(run)
    study(run)
    repo.commit("Do and Study")
    _, readings = verdict_of(log)
    assert readings.verdicts[NAME].hindsight == ()


def test_an_uncommitted_change_after_a_committed_study_is_a_hindsight_edit(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    repo.commit("Plan")
    do(run)
    study(run)
    repo.commit("Do and Study")
    reword(log)
    history, readings = verdict_of(log)
    (edit,) = readings.verdicts[NAME].hindsight
    assert edit.origin.commit is None
    assert edit.describe().startswith("prediction changed in the working copy, after the Study")
    assert history.record(CYCLE).steps[-1].commit is None


def test_reformatting_or_migrating_a_prediction_is_no_change(
    repo: Repo, run: Run, log: Path
) -> None:
    path = cycle_file(log, "text-the-day-before")
    plan(run, "Text the day before")
    text = path.read_text(encoding="utf-8")
    assert "[[plan.predictions]]" in text
    repo.commit("Plan")
    do(run)
    study(run)
    repo.commit("Do and Study")
    # The same prediction written as an inline table, and comments added.
    text = path.read_text(encoding="utf-8")
    block_start = text.index("[[plan.predictions]]")
    block_end = text.index("\n\n", block_start)
    inline = (
        'predictions = [{ text = "Attendance rises to at least 80%", '
        'measure = "attendance-rate", direction = "increase", target = 80 }]\n'
    )
    text = text[:block_start] + text[block_end + 2 :]
    text = text.replace("[plan]\n", "[plan]\n# written by the nurse lead\n" + inline, 1)
    path.write_text(text, encoding="utf-8")
    assert run("check").exit_code == 0
    repo.commit("Reformat")
    _, readings = verdict_of(log)
    assert readings.verdicts[NAME].hindsight == ()


# -- working copy -----------------------------------------------------------------------


def test_work_not_committed_yet_is_shown_as_such_and_never_dated(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    do(run)
    history, readings = verdict_of(log)
    steps = history.record(CYCLE).steps
    assert [step.commit for step in steps] == [None]
    assert [c.part for c in steps[0].changes] == ["details", "plan", "predictions", "do"]
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "unknown"
    assert "not committed yet" in verdict.reason


def test_a_prediction_not_committed_while_the_data_is_is_written_after(
    repo: Repo, run: Run, log: Path
) -> None:
    record(run, "71", "2026-03-12")
    repo.commit("Data")
    plan(run)
    do(run)
    _, readings = verdict_of(log)
    assert readings.verdicts[NAME].verdict == "written_after"


# -- renames, merges, rebases, detached heads -------------------------------------------


def test_a_cycle_renamed_with_git_mv_keeps_its_history(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    planned = repo.commit("Plan")
    do(run)
    repo.commit("Do")
    repo.git("mv", CYCLE, "projects/outreach/cycles/texts.toml")
    moved = repo.commit("Rename the cycle")
    history, _ = verdict_of(log)
    steps = history.record("projects/outreach/cycles/texts.toml").steps
    assert [step.commit.id for step in steps if step.commit] == [planned, steps[1].commit.id, moved]  # type: ignore[union-attr]
    assert steps[-1].file.renamed_from == CYCLE
    assert steps[-1].changes == ()
    assert (
        history.record("projects/outreach/cycles/texts.toml").origin("predictions").commit.id
        == planned
    )  # type: ignore[union-attr]


def test_a_delete_and_add_of_the_same_content_in_one_commit_is_a_rename(
    repo: Repo, run: Run, log: Path
) -> None:
    plan(run)
    planned = repo.commit("Plan")
    old = cycle_file(log, "text-the-day-before")
    new = cycle_file(log, "sms-day-before")
    new.write_bytes(old.read_bytes())
    old.unlink()
    repo.commit("Move by hand")
    history, _ = verdict_of(log)
    lineage = history.record("projects/outreach/cycles/sms-day-before.toml")
    assert lineage.origin("predictions").commit.id == planned  # type: ignore[union-attr]
    assert lineage.steps[-1].file.renamed_from == CYCLE


def test_a_new_file_with_an_old_name_has_its_own_history(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    repo.commit("Plan")
    path = cycle_file(log, "text-the-day-before")
    text = path.read_text(encoding="utf-8")
    path.unlink()
    repo.commit("Drop it")
    path.write_text(text.replace("Find out whether", "Test whether"), encoding="utf-8")
    again = repo.commit("Plan it again")
    history, _ = verdict_of(log)
    assert [step.commit.id for step in history.record(CYCLE).steps] == [again]  # type: ignore[union-attr]


def test_a_merge_of_two_branches_that_each_added_a_cycle(repo: Repo, run: Run, log: Path) -> None:
    repo.git("checkout", "-q", "-b", "riverside")
    plan(run, "Text the day before")
    on_branch = repo.commit("Plan texts", author="Tomás Ferreira")
    repo.git("checkout", "-q", "main")
    plan(run, "Call the day before")
    on_main = repo.commit("Plan calls")
    repo.day += 1
    repo.git("merge", "-q", "--no-ff", "-m", "Merge riverside", "riverside")
    history, readings = verdict_of(log)
    texts = history.record(CYCLE)
    calls = history.record("projects/outreach/cycles/call-the-day-before.toml")
    assert [step.commit.id for step in texts.steps] == [on_branch]  # type: ignore[union-attr]
    assert [step.commit.id for step in calls.steps] == [on_main]  # type: ignore[union-attr]
    assert texts.steps[0].commit.author == "Tomás Ferreira"  # type: ignore[union-attr]
    merge = repo.head()
    assert all(step.commit and step.commit.id != merge for step in history.timeline())
    assert set(readings.verdicts) == {NAME, "outreach/call-the-day-before"}


def test_a_conflict_resolved_in_a_merge_is_attributed_to_the_merge(
    repo: Repo, run: Run, log: Path
) -> None:
    repo.git("checkout", "-q", "-b", "branch")
    record(run, "71", "2026-03-12")
    repo.commit("Point on the branch")
    repo.git("checkout", "-q", "main")
    record(run, "74", "2026-03-19")
    repo.commit("Point on main")
    path = measure_file(log, "attendance-rate")
    result = repo.git_result("merge", "-q", "branch")
    assert result != 0  # both appended a point: a conflict
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("<<<<<<< HEAD\n")
    ours, rest = rest.split("=======\n")
    theirs, tail = rest.split(">>>>>>> branch\n")
    path.write_text(head + theirs + "\n" + ours + tail, encoding="utf-8")
    merged = repo.commit("Merge branch, both points kept")
    history, _ = verdict_of(log)
    steps = history.record(MEASURE).steps
    assert steps[-1].commit is not None and steps[-1].commit.id == merged
    assert steps[-1].changes == ()  # each point came from one side: no part is new
    points = {c.part: s.commit.subject for s in steps for c in s.changes if s.commit}  # type: ignore[union-attr]
    assert points["point 2026-03-12"] == "Point on the branch"
    assert points["point 2026-03-19"] == "Point on main"


def test_a_rebased_history_is_judged_by_its_new_commits(repo: Repo, run: Run, log: Path) -> None:
    repo.git("checkout", "-q", "-b", "work")
    plan(run)
    repo.commit("Plan")
    do(run)
    repo.commit("Do")
    verdict_of(log)  # caches the commits that the rebase will replace
    repo.git("checkout", "-q", "main")
    record(run, "71", "2026-03-12")
    repo.commit("Data on main")
    repo.git("checkout", "-q", "work")
    repo.day += 1
    repo.git("rebase", "-q", "main")
    rebased = repo.git("rev-list", "--reverse", "main..HEAD").split()
    history, readings = verdict_of(log)
    assert [step.commit.id for step in history.record(CYCLE).steps] == rebased  # type: ignore[union-attr]
    # After the rebase the data point comes before the plan: the verdict follows.
    assert readings.verdicts[NAME].verdict == "written_after"


def test_a_detached_head_reads_the_history_up_to_it(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    planned = repo.commit("Plan")
    do(run)
    repo.commit("Do")
    repo.git("checkout", "-q", "--detach", planned)
    history, readings = verdict_of(log)
    assert history.head == planned
    assert [step.commit.id for step in history.record(CYCLE).steps] == [planned]  # type: ignore[union-attr]
    assert readings.verdicts[NAME].verdict == "not_tested_yet"


# -- shallow clones -----------------------------------------------------------------------


def _history_of_four(repo: Repo, run: Run, log: Path) -> list[str]:
    plan(run)
    ids = [repo.commit("Plan")]
    do(run)
    ids.append(repo.commit("Do"))
    study(run)
    ids.append(repo.commit("Study"))
    reword(log)
    ids.append(repo.commit("Reword after the Study"))
    return ids


def test_a_depth_1_clone_says_unknown_never_a_false_verdict(
    repo: Repo, run: Run, log: Path, tmp_path: Path
) -> None:
    _history_of_four(repo, run, log)
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{log}", str(clone))
    history, readings = verdict_of(clone)
    assert history.shallow
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "unknown"
    assert "history is cut off" in verdict.reason
    assert verdict.hindsight == ()
    lineage = history.record(CYCLE)
    assert lineage.cut_off_at is not None and lineage.cut_off_at.id == repo.head()


def test_a_depth_2_clone_still_sees_an_edit_after_the_study(
    repo: Repo, run: Run, log: Path, tmp_path: Path
) -> None:
    ids = _history_of_four(repo, run, log)
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "2", f"file://{log}", str(clone))
    _, readings = verdict_of(clone)
    verdict = readings.verdicts[NAME]
    assert verdict.verdict == "unknown"  # the plan and the Do are beyond the cut
    (edit,) = verdict.hindsight  # but the Study is at or before the cut, the edit after it
    assert edit.origin.commit is not None and edit.origin.commit.id == ids[3]
    assert edit.study.cut_off


def test_unshallowing_replaces_what_was_cut_off(
    repo: Repo, run: Run, log: Path, tmp_path: Path
) -> None:
    _history_of_four(repo, run, log)
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{log}", str(clone))
    verdict_of(clone)
    repo.git("fetch", "-q", "--unshallow", cwd=clone)
    history, readings = verdict_of(clone)
    assert not history.shallow
    assert readings.verdicts[NAME].verdict == "made_in_advance"


# -- the cache --------------------------------------------------------------------------


def test_a_second_run_reads_no_diff_and_a_new_commit_only_itself(
    repo: Repo, run: Run, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(run)
    repo.commit("Plan")
    asked: list[list[str]] = []
    real = git.changes

    def counting(repository: git.Repository, commits: list[str]):  # type: ignore[no-untyped-def]
        asked.append(list(commits))
        return real(repository, commits)

    monkeypatch.setattr(git, "changes", counting)
    first, _ = verdict_of(log)
    second, _ = verdict_of(log)
    assert [len(commits) for commits in asked] == [2, 0]
    assert second.record(CYCLE).steps == first.record(CYCLE).steps
    do(run)
    done = repo.commit("Do")
    verdict_of(log)
    assert asked[-1] == [done]
    assert (log / ".pdsa" / "cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert repo.git("status", "--porcelain", "--ignored=no") == ""


def test_a_damaged_cache_is_rebuilt(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    repo.commit("Plan")
    first, _ = verdict_of(log)
    prefix = ""
    commits = history_cache.load(log, prefix=prefix)
    some = next(commit for commit, data in commits.items() if data)
    commits[some] = ("not", "a", "commit")
    history_cache.save(log, prefix=prefix, commits=commits)
    again, _ = verdict_of(log)
    assert again.record(CYCLE).steps == first.record(CYCLE).steps
    assert history_cache.load(log, prefix=prefix)[some] != ("not", "a", "commit")
    for name in (history_cache.COMMITS_FILE, history_cache.HEAD_FILE):
        (log / ".pdsa" / "cache" / name).write_bytes(b"\x00garbage")
    assert verdict_of(log)[0].record(CYCLE).steps == first.record(CYCLE).steps


def test_a_read_only_cache_folder_is_not_an_error(
    repo: Repo, run: Run, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(run)
    repo.commit("Plan")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(history_cache, "replace_atomic", refuse)
    _, readings = verdict_of(log)
    assert readings.verdicts[NAME].verdict == "not_tested_yet"


# -- odd histories ------------------------------------------------------------------------


def test_a_version_that_did_not_parse_is_skipped_over(repo: Repo, run: Run, log: Path) -> None:
    plan(run)
    repo.commit("Plan")
    path = cycle_file(log, "text-the-day-before")
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\n[do\n", encoding="utf-8")
    broken = repo.commit("Half-saved edit")
    path.write_text(good, encoding="utf-8")
    do(run)
    fixed = repo.commit("Fixed, with the Do")
    history, _ = verdict_of(log)
    steps = history.record(CYCLE).steps
    assert steps[1].commit is not None and steps[1].commit.id == broken
    assert steps[1].file.unreadable
    assert steps[2].commit is not None and steps[2].commit.id == fixed
    assert [(c.part, c.action) for c in steps[2].changes] == [("do", "added")]


def test_a_log_in_a_subfolder_of_the_repository(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo.create(tmp_path / "charity")
    (tmp_path / "charity" / "README.md").write_text("Our repository\n", encoding="utf-8")
    root = tmp_path / "charity" / "qi log"
    assert run("init", str(root)).exit_code == 0
    monkeypatch.chdir(root)
    assert run("project", "new", "Outreach", "--aim", "Aim", "--lead", "Lead").exit_code == 0
    assert run("measure", "new", "Attendance rate", "--type", "outcome").exit_code == 0
    repo.commit("Set up")
    plan(run)
    planned = repo.commit("Plan")
    history, _ = verdict_of(root)
    assert [step.commit.id for step in history.record(CYCLE).steps] == [planned]  # type: ignore[union-attr]
    assert set(history.head_files) >= {"pdsa.toml", CYCLE, MEASURE}


def test_outside_git_there_is_no_history_and_no_git_is_started(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(git, "open_repository", forbidden)
    with pytest.raises(GitUnavailable, match="not in a git repository"):
        read_history(Log(log))
    readings = advance_readings(Log(log), [], [])
    assert (
        readings.unavailable == "the log is not in a git repository, so it has no history to read"
    )


def test_without_git_installed_the_history_is_unavailable(
    repo: Repo, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(git.shutil, "which", lambda name: None)
    with pytest.raises(GitUnavailable, match="git is not installed"):
        read_history(Log(log))


def test_a_repository_with_no_commit_yet(log: Path, run: Run) -> None:
    Repo.create(log)
    plan(run)
    history, readings = verdict_of(log)
    assert history.head is None
    assert [step.commit for step in history.record(CYCLE).steps] == [None]
    assert readings.verdicts[NAME].verdict == "not_tested_yet"


# -- a measure renamed, as `pdsa rename` will rename one ----------------------------------

RENAMED = "projects/outreach/measures/attendance.toml"


def rename_the_measure(repo: Repo, log: Path, *, reword_too: bool = False) -> None:
    """Move the measure's file and write its new name into the cycle, in one change."""
    repo.git("mv", MEASURE, RENAMED)
    path = cycle_file(log, "text-the-day-before")
    text = path.read_text(encoding="utf-8").replace('"attendance-rate"', '"attendance"')
    if reword_too:
        text = text.replace("at least 80%", "at least 85%")
    path.write_text(text, encoding="utf-8")


def studied_with_a_point(repo: Repo, run: Run) -> str:
    plan(run)
    repo.commit("Plan")
    record(run, "71", "2026-03-12")
    repo.commit("Data")
    do(run)
    study(run)
    return repo.commit("Do and Study")


def test_a_measure_renamed_after_the_study_is_no_hindsight_edit(
    repo: Repo, run: Run, log: Path
) -> None:
    studied_with_a_point(repo, run)
    rename_the_measure(repo, log)
    moved = repo.commit("Rename attendance-rate to attendance", author="Sam Okafor")
    history, readings = verdict_of(log)
    verdict = readings.verdicts[NAME]
    assert verdict.hindsight == ()
    assert verdict.verdict == "made_in_advance"
    assert verdict.evidence[-1].what == "the point of 2026-03-12 on attendance"
    last = history.record(CYCLE).steps[-1]
    assert last.commit is not None and last.commit.id == moved
    assert [(c.part, c.action) for c in last.changes] == [
        ("details", "changed"),
        ("predictions", "renamed"),
    ]
    assert history.record(RENAMED).steps[-1].file.renamed_from == MEASURE


def test_a_prediction_reworded_as_its_measure_is_renamed_is_still_a_hindsight_edit(
    repo: Repo, run: Run, log: Path
) -> None:
    studied_with_a_point(repo, run)
    rename_the_measure(repo, log, reword_too=True)
    moved = repo.commit("Rename, and raise the bar")
    _, readings = verdict_of(log)
    (edit,) = readings.verdicts[NAME].hindsight
    assert edit.origin.commit is not None and edit.origin.commit.id == moved


def test_a_measure_renamed_in_the_working_copy_is_no_hindsight_edit(
    repo: Repo, run: Run, log: Path
) -> None:
    studied_with_a_point(repo, run)
    (log / MEASURE).rename(log / RENAMED)  # not even staged: the rename is found by content
    path = cycle_file(log, "text-the-day-before")
    path.write_text(
        path.read_text(encoding="utf-8").replace('"attendance-rate"', '"attendance"'),
        encoding="utf-8",
    )
    history, readings = verdict_of(log)
    assert readings.verdicts[NAME].hindsight == ()
    last = history.record(CYCLE).steps[-1]
    assert last.commit is None
    assert ("predictions", "renamed") in [(c.part, c.action) for c in last.changes]
