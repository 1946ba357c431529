"""Tests for ``pdsa migrate`` (pdsa.tools.migrate, pdsa.tools.migrations and the command)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tools_support import FIXTURES, Cli, snapshot, write

from pdsa.model.base import SCHEMA_VERSION
from pdsa.store.records import load
from pdsa.tools import migrations
from pdsa.tools.kinds import Kind, model_of
from pdsa.tools.migrate import migrated_text
from pdsa.tools.migrations import STEPS, Step, insert_first_key
from pdsa.tools.schema import schema_text
from pdsa.tools.text import find_comments, same_values
from pdsa.tools.walk import walk

OLD_FILES = [
    "pdsa.toml",
    "projects/outreach/project.toml",
    "projects/outreach/measures/attendance-rate.toml",
    "projects/outreach/cycles/text-reminders.toml",
    "projects/outreach/cycles/two-clinics.toml",
]
TWO_CLINICS = "projects/outreach/cycles/two-clinics.toml"


def test_the_old_layout_becomes_exactly_the_new(old_log: Path, cli: Cli) -> None:
    ran = cli("migrate")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout == ""
    assert ran.stderr == (
        "".join(f"migrated {name} (schema_version 0 to 1)\n" for name in OLD_FILES)
        + "5 files migrated, 0 already at schema_version 1.\n"
    )
    assert snapshot(old_log) == snapshot(FIXTURES / "v1")


def test_migrated_files_load_as_records(old_log: Path, cli: Cli) -> None:
    assert cli("migrate").exit_code == 0
    for file in walk(old_log).files:
        load(file.path, model_of(file.kind))
    assert cli("list").exit_code == 0


def test_a_second_run_changes_nothing(old_log: Path, cli: Cli) -> None:
    cli("migrate")
    before = snapshot(old_log)
    ran = cli("migrate")
    assert (ran.exit_code, ran.stderr) == (0, "0 files migrated, 5 already at schema_version 1.\n")
    assert snapshot(old_log) == before


def test_dry_run_shows_a_diff_per_file_and_writes_nothing(old_log: Path, cli: Cli) -> None:
    before = snapshot(old_log)
    ran = cli("migrate", "--dry-run")
    assert ran.exit_code == 0
    assert snapshot(old_log) == before
    assert ran.stderr.splitlines()[0] == "would migrate pdsa.toml (schema_version 0 to 1)"
    assert ran.stderr.endswith("5 files would be migrated, 0 already at schema_version 1.\n")
    assert ran.stdout.startswith(
        "--- a/pdsa.toml\n"
        "+++ b/pdsa.toml\n"
        "@@ -1,3 +1,4 @@\n"
        "+schema_version = 1\n"
        ' name = "Northbridge HIV Improvement Community"\n'
        " \n"
        " [settings]\n"
        "--- a/projects/outreach/project.toml\n"
        "+++ b/projects/outreach/project.toml\n"
        "@@ -1,10 +1,11 @@\n"
        " # Community testing outreach: the project file, written by hand.\n"
        " # Partners are the clinics we work with.\n"
        "+schema_version = 1\n"
        " \n"
        ' title = "Community testing outreach"\n'
        ' aim = "Test 500 people in community venues by March 2027"\n'
        " # Which organisation leads the project?\n"
        '-lead = "Riverside Positive Voices"\n'
        '+lead_organisation = "Riverside Positive Voices"\n'
    )
    assert ran.stdout.count("--- a/") == 5


def test_a_file_newer_than_this_pdsa_is_refused_with_the_version_needed(
    old_log: Path, cli: Cli
) -> None:
    newer = 'schema_version = 3\ntitle = "From the future"\n'
    path = write(old_log, TWO_CLINICS, newer)
    ran = cli("migrate")
    assert ran.exit_code == 1
    assert (
        f"error: {TWO_CLINICS}: schema_version 3 is newer than this pdsa understands "
        f"(it reads up to {SCHEMA_VERSION}); not migrated\n"
        "hint: upgrade pdsa (the pdsa-logbook package) to a release that reads "
        "schema_version 3\n"
    ) in ran.stderr
    assert ran.stderr.endswith(
        "4 files migrated, 0 already at schema_version 1, 1 not migrated (errors above).\n"
    )
    assert path.read_text(encoding="utf-8") == newer


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('title = "unterminated\n', "not valid TOML"),
        ('schema_version = "1"\ntitle = "x"\n', "schema_version is '1', not a version number"),
        ("schema_version = -1\ntitle = 'x'\n", "not a version number"),
        ("schema_version = true\ntitle = 'x'\n", "not a version number"),
    ],
)
def test_a_file_that_cannot_be_read_safely_is_never_written(
    old_log: Path, cli: Cli, text: str, message: str
) -> None:
    path = write(old_log, TWO_CLINICS, text)
    for args in (("migrate", "--dry-run"), ("migrate",)):
        ran = cli(*args)
        assert ran.exit_code == 1
        assert f"error: {TWO_CLINICS}" in ran.stderr
        assert message in ran.stderr
        assert path.read_bytes() == text.encode("utf-8")


def test_a_project_with_both_names_for_its_lead_is_refused(old_log: Path, cli: Cli) -> None:
    path = old_log / "projects/outreach/project.toml"
    text = path.read_text(encoding="utf-8").replace(
        "lead =", 'lead_organisation = "Someone else"\nlead ='
    )
    path.write_text(text, encoding="utf-8")
    ran = cli("migrate")
    assert ran.exit_code == 1
    assert "has both 'lead' (its name before schema_version 1) and 'lead_organisation'" in (
        ran.stderr
    )
    assert "hint: keep one of them, then run 'pdsa migrate' again" in ran.stderr
    assert path.read_text(encoding="utf-8") == text


def test_lead_is_only_renamed_in_project_files(tmp_path: Path) -> None:
    text = 'name = "x"\nlead = "kept"\n'
    new, _ = migrated_text(text, Kind.PROGRAMME, path=tmp_path / "pdsa.toml")
    assert new == 'schema_version = 1\nname = "x"\nlead = "kept"\n'


def test_a_quoted_lead_key_is_renamed(tmp_path: Path) -> None:
    text = "title = 'x'\n\"lead\" = 'Org'  # the lead\n"
    new, source = migrated_text(text, Kind.PROJECT, path=tmp_path / "project.toml")
    assert source == 0
    assert new == "schema_version = 1\ntitle = 'x'\nlead_organisation = 'Org'  # the lead\n"


def test_byte_order_mark_and_crlf_are_kept(old_log: Path, cli: Cli) -> None:
    path = old_log / TWO_CLINICS
    old = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + old.replace("\n", "\r\n").encode("utf-8"))
    assert cli("migrate").exit_code == 0
    expected = (FIXTURES / "v1" / TWO_CLINICS).read_text(encoding="utf-8")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


def test_a_step_that_would_change_other_values_is_caught(
    old_log: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    careless = Step(
        source=0,
        summary="a step with a bug",
        text=lambda text, kind, values: "schema_version = 1\n" + text.replace("Text", "Test"),
        values=STEPS[0].values,
    )
    monkeypatch.setitem(migrations.STEPS, 0, careless)
    before = snapshot(old_log)
    ran = cli("migrate")
    assert ran.exit_code == 1
    assert (
        f"error: {TWO_CLINICS}: upgrading from schema_version 0 would change more than it should"
    ) in ran.stderr
    assert (
        "error: projects/outreach/cycles/text-reminders.toml: upgrading from schema_version 0 "
        "would leave the file unreadable"
    ) in ran.stderr
    assert "please report this as a bug in pdsa" in ran.stderr
    changed = {name for name, raw in snapshot(old_log).items() if raw != before[name]}
    # Only the files the careless step happened not to damage were written.
    assert "projects/outreach/cycles/text-reminders.toml" not in changed
    assert TWO_CLINICS not in changed


def test_every_version_below_the_current_has_a_step() -> None:
    assert sorted(STEPS) == list(range(SCHEMA_VERSION))
    for version, step in STEPS.items():
        assert step.source == version


def test_the_log_schemas_are_brought_up_to_date(made_log: Path, cli: Cli) -> None:
    schema = made_log / ".pdsa" / "schemas" / "cycle.json"
    schema.write_text("{}\n", encoding="utf-8")
    ran = cli("migrate", "--dry-run")
    assert ran.exit_code == 0
    assert "would update .pdsa/schemas/cycle.json\n" in ran.stderr
    assert schema.read_text(encoding="utf-8") == "{}\n"
    ran = cli("migrate")
    assert "updated .pdsa/schemas/cycle.json\n" in ran.stderr
    assert ran.stderr.endswith("0 files migrated, 4 already at schema_version 1.\n")
    assert schema.read_text(encoding="utf-8") == schema_text(Kind.CYCLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "K\n"),
        ("a = 1\n", "K\na = 1\n"),
        ("a = 1", "K\na = 1"),
        ("# head\n\na = 1\n", "# head\nK\n\na = 1\n"),
        ("# about a\na = 1\n", "K\n# about a\na = 1\n"),
        ("# only a comment", "# only a comment\nK\n"),
        ("\n\n# head\n\na = 1\n", "\n\n# head\nK\n\na = 1\n"),
        ("#:schema s.json\na = 1\n", "#:schema s.json\nK\na = 1\n"),
        ("#:schema s.json\n# head\n\n[t]\n", "#:schema s.json\n# head\nK\n\n[t]\n"),
        ("[plan]\nx = 1\n", "K\n\n[plan]\nx = 1\n"),
        ("# about the plan\n[plan]\n", "K\n# about the plan\n[plan]\n"),
    ],
)
def test_where_the_first_key_goes(text: str, expected: str) -> None:
    assert insert_first_key(text, "K") == expected


_TEXT = st.text(min_size=1, max_size=30).filter(str.strip)
_COMMENT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries(
        {"title": _TEXT, "plan": st.fixed_dictionaries({"date": st.dates(), "objective": _TEXT})},
        optional={"measures": st.lists(_TEXT, max_size=2), "lead": _TEXT},
    ),
    st.sampled_from(list(Kind)),
    st.lists(st.tuples(st.integers(0, 50), _COMMENT), max_size=4),
)
def test_migration_keeps_every_comment_and_value(
    values: dict[str, Any], kind: Kind, comments: list[tuple[int, str]]
) -> None:
    # Split at "\n" only: str.splitlines would also split inside a value holding U+0085.
    lines = tomli_w.dumps(values).split("\n")
    for position, words in sorted(comments, reverse=True):
        lines.insert(min(position, len(lines)), f"# {words}")
    text = "\n".join(lines)
    assume(tomllib.loads(text) == values)
    new, source = migrated_text(text, kind, path=Path("x.toml"))
    assert source == 0
    expected = {**values, "schema_version": 1}
    if kind is Kind.PROJECT and "lead" in expected:
        expected["lead_organisation"] = expected.pop("lead")
    assert same_values(tomllib.loads(new), expected)
    assert [comment for _, comment in find_comments(new)] == [
        comment for _, comment in find_comments(text)
    ]
    again, version = migrated_text(new, kind, path=Path("x.toml"))
    assert (again, version) == (new, SCHEMA_VERSION)


def test_a_file_changed_meanwhile_is_not_overwritten(
    old_log: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = old_log / TWO_CLINICS
    original = STEPS[0]

    def edit_meanwhile(text: str, kind: Kind, values: dict[str, Any]) -> str:
        if kind is Kind.CYCLE and "two clinics" in text:
            path.write_text(text + "# edited meanwhile\n", encoding="utf-8")
        return original.text(text, kind, values)

    monkeypatch.setitem(
        migrations.STEPS,
        0,
        Step(source=0, summary=original.summary, text=edit_meanwhile, values=original.values),
    )
    ran = cli("migrate")
    assert ran.exit_code == 1
    assert f"error: {TWO_CLINICS}: the file changed while pdsa was working on it" in ran.stderr
    assert path.read_text(encoding="utf-8").endswith("# edited meanwhile\n")
    assert "4 files migrated" in ran.stderr


def test_the_diff_marks_a_missing_final_newline(old_log: Path, cli: Cli) -> None:
    write(old_log, TWO_CLINICS, 'title = "x"')
    ran = cli("migrate", "--dry-run")
    assert (
        f"--- a/{TWO_CLINICS}\n"
        f"+++ b/{TWO_CLINICS}\n"
        "@@ -1 +1,2 @@\n"
        "+schema_version = 1\n"
        ' title = "x"\n'
        "\\ No newline at end of file\n"
    ) in ran.stdout
