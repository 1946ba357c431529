"""Output stays inert: names placed by hand, control characters, numbers a float would
change, symbolic links and very long text never do anything the user did not ask for."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import Run, cycle_file, measure_file, read

ESC = "\x1b[2J"  # "clear the screen"
HOSTILE = f"x{ESC}y"
MARKDOWN = "a|b`c"


@pytest.fixture
def hand_placed(log: Path, run: Run) -> Path:
    """The ``log`` fixture with a cycle, a point, and two copies of its project placed by
    hand under names that are not slugs: one with an ANSI escape, one with Markdown."""
    assert run("plan", "Text the day before", "--objective", "Fewer missed").exit_code == 0
    assert run("measure", "record", "attendance-rate", "71", "--date", "2026-11-01").exit_code == 0
    projects = log / "projects"
    shutil.copytree(projects / "outreach", projects / HOSTILE)
    shutil.copytree(projects / "outreach", projects / MARKDOWN)
    return log


COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("project", "list"),
    ("project", "list", "--format", "json"),
    ("project", "show", "x"),
    ("measure", "list"),
    ("measure", "list", "--format", "json"),
    ("show", "x/text-the-day-before"),
    ("show", "x/text-the-day-before", "--format", "json"),
    ("chart", "x/attendance-rate"),
    ("chart", "x/attendance-rate", "--format", "json"),
    ("report",),
    ("report", "--format", "markdown"),
    ("report", "--format", "csv"),
    ("report", "--format", "json"),
    ("report", "--format", "html"),
    ("check",),
    ("check", "--format", "json"),
    ("check", "--format", "github"),
    ("fmt", "--check"),
    ("migrate", "--dry-run"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_folder_named_with_an_escape_is_shown_not_obeyed(
    hand_placed: Path, run: Run, args: tuple[str, ...]
) -> None:
    outcome = run(*args)
    assert "\x1b" not in outcome.stdout + outcome.stderr
    assert outcome.exit_code in (0, 1), outcome.stderr


def test_the_escaped_name_is_still_there_to_read(hand_placed: Path, run: Run) -> None:
    assert "x\\x1b[2Jy" in run("list").stdout
    assert "x\\x1b[2Jy" in run("project", "list").stdout


def test_backticks_and_pipes_in_a_name_do_not_break_a_markdown_table(
    hand_placed: Path, run: Run
) -> None:
    lines = run("report", "--format", "markdown").stdout.splitlines()
    checked = 0
    header = ""
    for index, line in enumerate(lines):
        if index + 1 < len(lines) and lines[index + 1].startswith("|---"):
            header = line
        elif "a\\|b" in line and line.startswith("|"):
            # As many cells as its header: the pipe in the name is escaped, not a border.
            assert line.replace("\\|", "").count("|") == header.count("|"), line
            assert "a\\|b\\`c" in line
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("character", ["\u009b", "\u202e", "\u2066", "\u0085", "\u2028"])
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--format", "json"),
        ("report", "--format", "json"),
        ("show", "outreach/1", "--format", "json"),
        ("project", "show", "outreach", "--format", "json"),
    ],
    ids=" ".join,
)
def test_json_escapes_characters_a_terminal_would_obey(
    log: Path, run: Run, character: str, args: tuple[str, ...]
) -> None:
    title = f"Texts {character}[31m reversed"
    assert run("plan", title, "--objective", "x").exit_code == 0
    project = log / "projects" / "outreach" / "project.toml"
    project.write_text(read(project).replace('title = "Outreach"', f'title = "{title}"'))
    outcome = run(*args)
    assert outcome.exit_code == 0, outcome.stderr
    assert character not in outcome.stdout
    assert f"\\u{ord(character):04x}" in outcome.stdout
    # What it parses to is exactly what was typed.
    assert title in json.dumps(json.loads(outcome.stdout), ensure_ascii=False)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1e-400", "it would be read back as 0.0"),
        ("123456789012345678901234567890", "it would be read back as 1.2345678901234568e+29"),
        ("0.30000000000000000001", "it would be read back as 0.3"),
        ("1e400", "is not a finite number (it is too large to store)"),
    ],
)
def test_a_number_a_float_would_change_is_refused_not_altered(
    log: Path, run: Run, value: str, reason: str
) -> None:
    path = measure_file(log, "attendance-rate")
    before = path.read_bytes()
    outcome = run("measure", "record", "attendance-rate", value)
    assert outcome.exit_code == 2
    assert reason in outcome.stderr
    csv = log.parent / "points.csv"
    csv.write_text(f"date,value\n2026-11-01,{value}\n", encoding="utf-8")
    imported = run("measure", "import", "attendance-rate", str(csv))
    assert imported.exit_code == 1
    assert reason in imported.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("measure", "new", "Wait", "--type", "process", "--goal", "1e-400"),
        (
            "plan",
            "Big",
            "--objective",
            "x",
            "--prediction",
            "p",
            "--expect",
            "attendance-rate >= 123456789012345678901234567890",
        ),
        ("plan", "Big", "--objective", "x", "--scale", "s", "--people", "1" + "0" * 30),
        ("measure", "new", "Base", "--type", "process", "--baseline", "9" * 30),
    ],
)
def test_option_numbers_that_toml_or_a_float_would_change_are_usage_errors(
    log: Path, run: Run, args: tuple[str, ...]
) -> None:
    before = sorted(path for path in log.rglob("*"))
    outcome = run(*args)
    assert outcome.exit_code == 2, outcome.stderr
    assert sorted(path for path in log.rglob("*")) == before


def test_an_ordinary_number_is_stored_as_written(log: Path, run: Run) -> None:
    assert run("measure", "record", "attendance-rate", "0.1", "--date", "2026-11-01").exit_code == 0
    assert "value = 0.1\n" in read(measure_file(log, "attendance-rate"))


def test_a_phase_appended_through_a_symbolic_link_keeps_the_link(log: Path, run: Run) -> None:
    assert run("plan", "Text the day before", "--objective", "x").exit_code == 0
    path = cycle_file(log, "text-the-day-before")
    real = log / "projects" / "outreach" / "kept" / "text.toml"
    real.parent.mkdir()
    shutil.move(path, real)
    path.symlink_to(real)
    outcome = run("do", "text-the-day-before", "--as-planned", "--observations", "went")
    assert outcome.exit_code == 0, outcome.stderr
    assert path.is_symlink()
    assert "[do]" in read(real)


def test_a_symbolic_link_out_of_the_log_is_refused(log: Path, run: Run, tmp_path: Path) -> None:
    assert run("plan", "Text the day before", "--objective", "x").exit_code == 0
    path = cycle_file(log, "text-the-day-before")
    outside = tmp_path / "elsewhere.toml"
    shutil.move(path, outside)
    path.symlink_to(outside)
    before = outside.read_bytes()
    outcome = run("do", "text-the-day-before", "--as-planned", "--observations", "went")
    assert outcome.exit_code == 1
    assert "a symbolic link to" in outcome.stderr and "outside the log" in outcome.stderr
    assert path.is_symlink() and outside.read_bytes() == before


def test_show_cuts_a_huge_field_and_says_how_long_it_is(log: Path, run: Run) -> None:
    assert run("plan", "Text the day before", "--objective", "x").exit_code == 0
    path = cycle_file(log, "text-the-day-before")
    long_text = "word " * 200_000  # a million characters
    path.write_text(
        read(path).replace('objective = "x"', f'objective = "{long_text}"'), encoding="utf-8"
    )
    outcome = run("show", "text-the-day-before")
    assert outcome.exit_code == 0
    assert "cut: the whole text is 1,000,000 characters" in outcome.stdout
    assert len(outcome.stdout) < 40_000
    whole = run("show", "text-the-day-before", "--format", "json")
    assert json.loads(whole.stdout)["plan"]["objective"] == long_text


def test_messages_on_stderr_show_a_name_s_escape_too(hand_placed: Path, run: Run) -> None:
    outcome = run("do", f"{HOSTILE}/text-the-day-before", "--as-planned", "--observations", "w")
    assert outcome.exit_code == 0, outcome.stderr
    assert "\x1b" not in outcome.stderr
    assert "Recorded Do for x\\x1b[2Jy/text-the-day-before" in outcome.stderr
    cycle = hand_placed / "projects" / HOSTILE / "cycles" / "text-the-day-before.toml"
    cycle.write_text(read(cycle).replace("\n\n", "\n\n\n"), encoding="utf-8")  # fmt would change it
    formatted = run("fmt", "--check")
    assert "would reformat" in formatted.stderr and "\x1b" not in formatted.stderr
