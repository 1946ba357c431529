"""Names that never move under you: stable numbers, the same names in every option, slugs
from any script, no silent second cycle, and edits refused as the commands refuse."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest
from support import Run, cycle_file, read


def plan(run: Run, title: str, *options: str) -> None:
    outcome = run("plan", title, "--objective", "See", *options)
    assert outcome.exit_code == 0, outcome.stderr


def numbers(run: Run) -> dict[str, int]:
    outcome = run("list", "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    return {row["slug"]: row["number"] for row in json.loads(outcome.stdout)}


def test_a_cycle_planned_later_never_renumbers_an_earlier_one(log: Path, run: Run) -> None:
    plan(run, "Text reminders", "--date", "2026-03-01", "--start", "2026-05-01")
    assert numbers(run) == {"text-reminders": 1}
    # Planned later but starting earlier: ordered by planned start, it would take number 1.
    plan(run, "Phone calls", "--date", "2026-04-01", "--start", "2026-04-02")
    assert numbers(run) == {"text-reminders": 1, "phone-calls": 2}


def test_the_same_plan_date_is_ordered_by_slug(log: Path, run: Run) -> None:
    plan(run, "Zebra", "--date", "2026-03-01")
    plan(run, "Alpha", "--date", "2026-03-01")
    assert numbers(run) == {"alpha": 1, "zebra": 2}


def test_a_write_given_a_number_prints_the_slug_it_took(log: Path, run: Run) -> None:
    plan(run, "Text reminders", "--date", "2026-03-01")
    outcome = run("do", "1", "--as-planned", "--observations", "Fine", "--date", "2026-03-05")
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stderr.startswith("cycle 1 is outreach/text-reminders\n")
    prefix = run(
        "study", "text-r", "--results", "Up", "--matched", "yes", "--learning", "Ok",
        "--date", "2026-03-06",
    )  # fmt: skip
    assert prefix.exit_code == 0, prefix.stderr
    assert "'text-r' is outreach/text-reminders" in prefix.stderr
    exact = run("act", "text-reminders", "--decision", "adopt", "--date", "2026-03-07")
    assert " is outreach/" not in exact.stderr


def test_follows_takes_a_number_or_a_prefix_and_writes_the_slug(log: Path, run: Run) -> None:
    plan(run, "Text reminders", "--date", "2026-03-01")
    outcome = run("plan", "Bigger texts", "--objective", "See", "--follows", "1")
    assert outcome.exit_code == 0, outcome.stderr
    assert "--follows: cycle 1 is outreach/text-reminders" in outcome.stderr
    assert tomllib.loads(read(cycle_file(log, "bigger-texts")))["follows"] == "text-reminders"
    plan(run, "Biggest texts", "--follows", "text-rem")
    assert tomllib.loads(read(cycle_file(log, "biggest-texts")))["follows"] == "text-reminders"


def test_an_unknown_follows_suggests_the_closest(log: Path, run: Run) -> None:
    plan(run, "Text reminders")
    outcome = run("plan", "Again", "--objective", "See", "--follows", "text-remindres")
    assert outcome.exit_code == 1
    assert (
        "--follows 'text-remindres': no cycle called 'text-remindres' in project 'outreach'; "
        "did you mean 'text-reminders'?" in outcome.stderr
    )


def test_change_idea_and_expect_take_prefixes_and_suggest(log: Path, run: Run) -> None:
    outcome = run(
        "plan", "Texts", "--objective", "See", "--change-idea", "tex",
        "--prediction", "Up", "--expect", "attendance >= 80",
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    assert "--expect 'attendance' is outreach/attendance-rate" in outcome.stderr
    data = tomllib.loads(read(cycle_file(log, "texts")))
    assert data["change_idea"] == "texts"
    assert data["plan"]["predictions"][0]["measure"] == "attendance-rate"
    assert data["measures"] == ["attendance-rate"]
    typo = run("plan", "Other", "--objective", "See", "--change-idea", "txets")
    assert typo.exit_code == 1
    assert "did you mean 'texts'?" in typo.stderr
    wrong = run(
        "plan", "Other", "--objective", "See", "--prediction", "Up",
        "--expect", "attendence-rate up",
    )  # fmt: skip
    assert wrong.exit_code == 1
    assert "did you mean 'attendance-rate'?" in wrong.stderr


def test_next_takes_a_number_and_allows_a_cycle_not_yet_planned(log: Path, run: Run) -> None:
    for title, day in (("First", "2026-03-01"), ("Second", "2026-03-02")):
        plan(run, title, "--date", day)
    run("do", "first", "--as-planned", "--observations", "x", "--date", "2026-03-03")
    run("study", "first", "--results", "x", "--matched", "yes", "--learning", "x",
        "--date", "2026-03-04")  # fmt: skip
    outcome = run("act", "first", "--decision", "adapt", "--next", "2", "--date", "2026-03-05")
    assert outcome.exit_code == 0, outcome.stderr
    assert "--next: cycle 2 is outreach/second" in outcome.stderr
    assert tomllib.loads(read(cycle_file(log, "first")))["act"]["next"] == "second"
    run("do", "second", "--as-planned", "--observations", "x", "--date", "2026-03-03")
    run("study", "second", "--results", "x", "--matched", "yes", "--learning", "x",
        "--date", "2026-03-04")  # fmt: skip
    later = run("act", "second", "--decision", "adapt", "--next", "third-round")
    assert later.exit_code == 0, later.stderr
    assert "no cycle called 'third-round' in outreach yet" in later.stderr
    assert tomllib.loads(read(cycle_file(log, "second")))["act"]["next"] == "third-round"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("تحسين الحضور في العيادة", "thsyn-lhdwr-fy-lydh"),
        ("提高诊所就诊率", "ti-gao-zhen-suo-jiu-zhen-lu"),
        ('Café & "quotes"', "cafe-quotes"),
    ],
)
def test_a_title_in_any_script_gets_a_meaningful_slug(
    log: Path, run: Run, title: str, slug: str
) -> None:
    plan(run, title)
    assert cycle_file(log, slug).exists()
    assert tomllib.loads(read(cycle_file(log, slug)))["title"] == title


def test_a_title_with_no_letters_is_refused_in_a_script_and_asked_at_a_terminal(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome = run("plan", "!!! ???", "--objective", "See")
    assert outcome.exit_code == 1
    assert "gives no file name" in outcome.stderr and "--slug" in outcome.stderr
    assert not list((log / "projects" / "outreach" / "cycles").iterdir())
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    asked = run("plan", "!!! ???", "--objective", "See", "--prediction", "x",
                input="Not A Slug\nquestion-marks\n")  # fmt: skip
    assert asked.exit_code == 0, asked.stderr
    assert "'Not A Slug': a slug uses only lower-case letters" in asked.stderr
    assert cycle_file(log, "question-marks").exists()
    names = [p.name for p in (log / "projects" / "outreach" / "cycles").iterdir()]
    assert not any(name.startswith("cycle") for name in names)


def editor(tmp_path: Path, body: str) -> dict[str, str]:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n" + body,
        encoding="utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}"}


def test_edit_refuses_an_unknown_theme(log: Path, run: Run, tmp_path: Path) -> None:
    project = log / "projects" / "outreach" / "project.toml"
    before = read(project)
    body = "path.write_text(text.replace('title = ', 'theme = \"nosuch\"\\ntitle = ', 1))\n"
    outcome = run("edit", "outreach", env=editor(tmp_path, body))
    assert outcome.exit_code == 1
    assert "pdsa check would refuse this edit" in outcome.stderr
    assert "P406" in outcome.stderr and "nosuch" in outcome.stderr
    assert "your text is kept in" in outcome.stderr
    assert read(project) == before


def test_edit_refuses_phases_out_of_order_and_a_dangling_follows(
    log: Path, run: Run, tmp_path: Path
) -> None:
    plan(run, "Quick test", "--date", "2026-03-10")
    run("do", "quick-test", "--as-planned", "--observations", "x", "--date", "2026-03-12")
    path = cycle_file(log, "quick-test")
    before = read(path)
    early = "path.write_text(text.replace('date = 2026-03-12', 'date = 2026-03-01'))\n"
    outcome = run("edit", "quick-test", env=editor(tmp_path, early))
    assert outcome.exit_code == 1
    assert "P504" in outcome.stderr
    assert read(path) == before
    dangling = "path.write_text('follows = \"no-such-cycle\"\\n' + text)\n"
    outcome = run("edit", "quick-test", env=editor(tmp_path, dangling))
    assert outcome.exit_code == 1
    assert "P401" in outcome.stderr
    assert read(path) == before


def test_an_edit_refused_at_a_terminal_offers_to_reopen(
    log: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(run, "Quick test")
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    # The first save names a cycle that does not exist; the second puts it right.
    body = (
        "marker = path.with_suffix('.seen')\n"
        "if not marker.exists():\n"
        "    marker.write_text('1')\n"
        "    path.write_text('follows = \"nowhere\"\\n' + text)\n"
        "else:\n"
        "    path.write_text(text.replace('follows = \"nowhere\"\\n', '').replace('See', 'Look'))\n"
    )
    outcome = run("edit", "quick-test", env=editor(tmp_path, body), input="y\n")
    assert outcome.exit_code == 0, outcome.stderr
    assert "Open the editor again?" in outcome.stderr
    assert 'objective = "Look"' in read(cycle_file(log, "quick-test"))


def test_an_edit_over_a_file_changed_meanwhile_says_so(log: Path, run: Run, tmp_path: Path) -> None:
    plan(run, "Quick test")
    path = cycle_file(log, "quick-test")
    # The "editor" saves its edit, and meanwhile someone else saves the record.
    body = (
        f"pathlib.Path({str(path)!r}).write_text(text.replace('See', 'Theirs'))\n"
        "path.write_text(text.replace('See', 'Mine'))\n"
    )
    outcome = run("edit", "quick-test", env=editor(tmp_path, body))
    assert outcome.exit_code == 1
    assert "was changed by someone else while you edited it" in outcome.stderr
    assert "not valid" not in outcome.stderr
    assert "Theirs" in read(path)
    kept = Path(outcome.stderr.split("your text is kept in ")[1].split(";")[0])
    assert "Mine" in read(kept)


def test_edit_by_number_prints_the_slug(log: Path, run: Run, tmp_path: Path) -> None:
    plan(run, "Quick test")
    outcome = run("edit", "outreach/1", env=editor(tmp_path, "pass\n"))
    assert "cycle 1 is outreach/quick-test" in outcome.stderr


def test_a_measure_or_project_title_with_no_letters_needs_a_slug(
    log: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    measure = run("measure", "new", "%%%", "--type", "process")
    assert measure.exit_code == 1 and "gives no file name" in measure.stderr
    project = run("project", "new", "???", "--aim", "a", "--lead", "b")
    assert project.exit_code == 1 and "--slug" in project.stderr
    assert not (log / "projects" / "project").exists()
    assert not (log / "projects" / "outreach" / "measures" / "measure.toml").exists()
    monkeypatch.setattr("pdsa.cli.ask.interactive", lambda: True)
    asked = run("measure", "new", "%%%", "--type", "process", input="share-done\n")
    assert asked.exit_code == 0, asked.stderr
    assert (log / "projects" / "outreach" / "measures" / "share-done.toml").exists()
