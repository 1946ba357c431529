"""Tests for ``pdsa fmt`` (pdsa.tools.fmt and its command)."""

from __future__ import annotations

import datetime
import random
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from tools_support import Cli, snapshot, write

from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure
from pdsa.model.slug import is_slug
from pdsa.tools import fmt as fmt_module
from pdsa.tools.fmt import Outcome, canonical_text, format_file
from pdsa.tools.kinds import Kind
from pdsa.tools.text import same_values
from pdsa.tools.walk import RecordFile

CYCLE = "projects/outreach/cycles/phone-calls.toml"
SHUFFLED = """\
title = "Phone calls"
schema_version = 1
[do]
observations = "Two people asked to rebook"
date = 2026-10-08
as_planned = false
[plan]
objective = "Find out whether a call the day before helps"
date = 2026-10-01
tasks = [{ who = "Nurse lead", what = "Write the script" }]
"""
CANONICAL = """\
#:schema ../../../.pdsa/schemas/cycle.json
schema_version = 1
title = "Phone calls"

[plan]
date = 2026-10-01
objective = "Find out whether a call the day before helps"

[[plan.tasks]]
what = "Write the script"
who = "Nurse lead"

[do]
date = 2026-10-08
as_planned = false
observations = "Two people asked to rebook"
"""


# -- the command ----------------------------------------------------------------------


def test_files_pdsa_wrote_are_already_formatted(made_log: Path, cli: Cli) -> None:
    before = snapshot(made_log)
    ran = cli("fmt", "--check")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stderr == "0 files would be reformatted, 4 unchanged.\n"
    assert cli("fmt").stderr == "0 files formatted, 4 unchanged.\n"
    assert snapshot(made_log) == before


def test_check_lists_the_files_that_would_change_and_writes_nothing(
    made_log: Path, cli: Cli
) -> None:
    write(made_log, CYCLE, SHUFFLED)
    before = snapshot(made_log)
    ran = cli("fmt", "--check")
    assert ran.exit_code == 1
    assert ran.stderr == (f"would reformat {CYCLE}\n1 file would be reformatted, 4 unchanged.\n")
    assert ran.stdout == ""
    assert snapshot(made_log) == before


def test_fmt_rewrites_into_the_canonical_layout_once(made_log: Path, cli: Cli) -> None:
    path = write(made_log, CYCLE, SHUFFLED)
    ran = cli("fmt")
    assert ran.exit_code == 0
    assert ran.stderr == f"formatted {CYCLE}\n1 file formatted, 4 unchanged.\n"
    assert path.read_text(encoding="utf-8") == CANONICAL
    assert tomllib.loads(CANONICAL) == tomllib.loads(SHUFFLED)
    assert cli("fmt", "--check").exit_code == 0


def test_paths_narrow_the_run(made_log: Path, cli: Cli) -> None:
    write(made_log, CYCLE, SHUFFLED)
    ran = cli("fmt", "--check", "projects/outreach/measures")
    assert (ran.exit_code, ran.stderr) == (0, "0 files would be reformatted, 1 unchanged.\n")
    ran = cli("fmt", "--check", CYCLE)
    assert (ran.exit_code, ran.stderr.splitlines()[-1]) == (
        1,
        "1 file would be reformatted, 0 unchanged.",
    )


def test_a_path_that_is_no_record_is_an_error(made_log: Path, cli: Cli) -> None:
    write(made_log, "notes.toml", "a = 1\n")
    ran = cli("fmt", "notes.toml", "missing.toml")
    assert ran.exit_code == 1
    assert "error: notes.toml: not a pdsa record file" in ran.stderr
    assert "error: missing.toml: no such file or folder" in ran.stderr
    assert ran.stderr.endswith("0 files formatted, 0 unchanged, 2 not formatted (errors above).\n")


def test_a_file_with_comments_is_left_exactly_as_it_is(made_log: Path, cli: Cli) -> None:
    commented = "# Tried after the texts.\n" + SHUFFLED
    path = write(made_log, CYCLE, commented)
    for args in (("fmt",), ("fmt", "--check")):
        ran = cli(*args)
        assert ran.exit_code == 0
        assert f"{CYCLE}: has comments; left as is\n" in ran.stderr
        assert "1 left as is (comments)" in ran.stderr
        assert path.read_bytes() == commented.encode("utf-8")


def test_a_comment_at_the_end_of_a_line_counts(made_log: Path, cli: Cli) -> None:
    commented = SHUFFLED.replace("as_planned = false", "as_planned = false  # nearly")
    path = write(made_log, CYCLE, commented)
    assert cli("fmt").exit_code == 0
    assert path.read_text(encoding="utf-8") == commented


def test_a_hash_inside_a_string_is_no_comment(made_log: Path, cli: Cli) -> None:
    path = write(made_log, CYCLE, SHUFFLED.replace("Phone calls", "Phone calls #2"))
    assert cli("fmt").exit_code == 0
    assert path.read_text(encoding="utf-8") == CANONICAL.replace("Phone calls", "Phone calls #2")


def test_the_directive_is_kept_as_written(made_log: Path, cli: Cli) -> None:
    own = "#:schema https://example.org/my-cycle.json\n"
    path = write(made_log, CYCLE, own + SHUFFLED)
    assert cli("fmt").exit_code == 0
    _, rest = CANONICAL.split("\n", 1)
    assert path.read_text(encoding="utf-8") == own + rest


def test_no_directive_is_added_where_the_log_has_no_schemas(made_log: Path, cli: Cli) -> None:
    for schema in (made_log / ".pdsa" / "schemas").iterdir():
        schema.unlink()
    path = write(made_log, CYCLE, SHUFFLED)
    assert cli("fmt").exit_code == 0
    assert path.read_text(encoding="utf-8") == CANONICAL.split("\n", 1)[1]


def test_crlf_line_endings_are_kept(made_log: Path, cli: Cli) -> None:
    path = write(made_log, CYCLE, SHUFFLED.replace("\n", "\r\n"))
    assert cli("fmt").exit_code == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r\n").encode("utf-8")
    assert cli("fmt", "--check").exit_code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('title = "Phone calls\n', "not valid TOML"),
        ("schema_version = 1\ntitle = 'x'\ntitle = 'y'\n", "not valid TOML"),
        (SHUFFLED.replace("as_planned = false", 'as_planned = "no"'), "a valid boolean"),
        (SHUFFLED.replace("schema_version = 1", "schema_version = 7"), "newer than this pdsa"),
        (SHUFFLED.replace("schema_version = 1\n", ""), "missing 'schema_version'"),
        ("schema_version = 1\ntitle = 'caf\xe9'\n", "not UTF-8"),
    ],
)
def test_a_file_that_does_not_parse_or_validate_is_never_touched(
    made_log: Path, cli: Cli, text: str, message: str
) -> None:
    path = made_log / CYCLE
    raw = text.encode("latin-1" if message == "not UTF-8" else "utf-8")
    path.write_bytes(raw)
    # The same problem in the same words and place as pdsa check gives.
    checked = cli("check").stdout.splitlines()
    findings = [line for line in checked if line.startswith(f"{CYCLE}:")]
    assert findings and any(message in line for line in findings)
    for args in (("fmt",), ("fmt", "--check")):
        ran = cli(*args)
        assert ran.exit_code == 1
        for line in findings:
            assert line in ran.stderr.splitlines()
        assert "1 not formatted (errors above)" in ran.stderr
        assert path.read_bytes() == raw


def test_a_layout_that_would_change_a_value_is_refused(
    made_log: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stand in a writer with a bug: the check before writing must catch it.
    monkeypatch.setattr(fmt_module, "dumps", lambda data: tomli_w.dumps({**data, "title": "?"}))
    path = write(made_log, CYCLE, SHUFFLED)
    ran = cli("fmt")
    assert ran.exit_code == 1
    assert "cannot be formatted without changing a value; left as is" in ran.stderr
    assert path.read_text(encoding="utf-8") == SHUFFLED


def test_a_file_changed_meanwhile_is_not_overwritten(
    made_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(made_log, CYCLE, SHUFFLED)
    real_dumps = fmt_module.dumps

    def edit_meanwhile(data: dict[str, Any]) -> str:
        path.write_text(SHUFFLED + "# edited\n", encoding="utf-8")
        return real_dumps(data)

    monkeypatch.setattr(fmt_module, "dumps", edit_meanwhile)
    result = format_file(RecordFile(path, path, Kind.CYCLE), made_log, check=False)
    assert result.outcome is Outcome.FAILED
    assert result.error is not None and "changed while pdsa was working" in result.error.message
    assert path.read_text(encoding="utf-8") == SHUFFLED + "# edited\n"


# -- properties over generated records ----------------------------------------------------

_TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
_OPTIONAL_TEXT = st.text(max_size=40)
_SLUG = st.from_regex(r"\A[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}\Z").filter(is_slug)
_DAY = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31))
_NUMBER = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
)

_PREDICTION = st.fixed_dictionaries(
    {"text": _TEXT},
    optional={
        "measure": _SLUG,
        "direction": st.sampled_from(["increase", "decrease"]),
        "target": _NUMBER,
    },
)
_TASK = st.fixed_dictionaries(
    {"what": _TEXT}, optional={"who": _OPTIONAL_TEXT, "when": _DAY, "where": _OPTIONAL_TEXT}
)
_SCALE = st.one_of(
    _TEXT,
    st.fixed_dictionaries(
        {"description": _TEXT},
        optional={"people": st.integers(0, 10**6), "days": st.integers(0, 999)},
    ),
)
_PLAN = st.fixed_dictionaries(
    {"date": _DAY, "objective": _TEXT},
    optional={
        "questions": st.lists(_TEXT, max_size=3),
        "predictions": st.lists(st.one_of(_TEXT, _PREDICTION), max_size=3),
        "tasks": st.lists(_TASK, max_size=3),
        "data_collection": _OPTIONAL_TEXT,
        "scale": _SCALE,
        "start": _DAY,
        "end": _DAY,
    },
)
_CYCLES = st.fixed_dictionaries(
    {"schema_version": st.just(1), "title": _TEXT, "plan": _PLAN},
    optional={
        "change_idea": _SLUG,
        "follows": _SLUG,
        "measures": st.lists(_SLUG, max_size=3),
        "do": st.fixed_dictionaries(
            {"date": _DAY, "as_planned": st.booleans(), "observations": _TEXT},
            optional={"unplanned": _OPTIONAL_TEXT, "problems": _OPTIONAL_TEXT},
        ),
        "study": st.fixed_dictionaries(
            {
                "date": _DAY,
                "results": _TEXT,
                "prediction_matched": st.sampled_from(["yes", "no", "partly"]),
                "learning": _TEXT,
            }
        ),
        "act": st.fixed_dictionaries(
            {"date": _DAY, "decision": st.sampled_from(["adopt", "adapt", "abandon"])},
            optional={"changes": _OPTIONAL_TEXT, "next": _SLUG},
        ),
    },
)
_MEASURES = st.fixed_dictionaries(
    {
        "schema_version": st.just(1),
        "title": _TEXT,
        "type": st.sampled_from(["outcome", "process", "balancing"]),
    },
    optional={
        "unit": _OPTIONAL_TEXT,
        "improvement": st.sampled_from(["higher", "lower"]),
        "goal": _NUMBER,
        "baseline": st.integers(1, 50),
        "phases": st.lists(st.fixed_dictionaries({"start": _DAY, "reason": _TEXT}), max_size=2),
        "points": st.lists(
            st.fixed_dictionaries(
                {"date": _DAY, "value": _NUMBER},
                optional={"note": _OPTIONAL_TEXT, "astronomical": st.booleans()},
            ),
            max_size=5,
        ),
    },
)
_RECORDS = st.one_of(st.tuples(st.just(Cycle), _CYCLES), st.tuples(st.just(Measure), _MEASURES))


def _shuffled(value: Any, shuffle: random.Random) -> Any:
    """The same values with every table's keys in a random order."""
    if isinstance(value, dict):
        keys = list(value)
        shuffle.shuffle(keys)
        return {key: _shuffled(value[key], shuffle) for key in keys}
    if isinstance(value, list):
        return [_shuffled(item, shuffle) for item in value]
    return value


def _valid(model: type[BaseModel], data: dict[str, Any]) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(_RECORDS, st.randoms(use_true_random=False), st.booleans())
def test_fmt_twice_is_fmt_once_and_keeps_every_value(
    record: tuple[type[BaseModel], dict[str, Any]], shuffle: random.Random, multiline: bool
) -> None:
    model, data = record
    assume(_valid(model, data))
    text = tomli_w.dumps(_shuffled(data, shuffle), multiline_strings=multiline)
    values = tomllib.loads(text)
    once = canonical_text(text, values, model, directive=None)
    assert same_values(tomllib.loads(once), values)
    assert canonical_text(once, tomllib.loads(once), model, directive=None) == once
    # And it is the layout pdsa writes new files in.
    from pdsa.store.writer import record_text

    if model is Cycle or model is Measure:
        rewritten = record_text(model.model_validate(values))
        if same_values(tomllib.loads(rewritten), values):
            assert rewritten == once


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    _CYCLES,
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
    st.data(),
)
def test_fmt_never_loses_a_comment_or_a_value(
    data: dict[str, Any], words: str, draw: st.DataObject
) -> None:
    assume(_valid(Cycle, data))
    # Split on "\n" only: str.splitlines also breaks at U+0085 and friends, which TOML keeps
    # inside strings, and a comment put there would land inside a string.
    lines = tomli_w.dumps(data).split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    at = draw.draw(st.integers(0, len(lines)))
    text = "".join(lines[:at]) + f"# {words}\n" + "".join(lines[at:])
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "projects" / "p" / "cycles" / "c.toml"
        path.parent.mkdir(parents=True)
        path.write_bytes(text.encode("utf-8"))
        for check in (True, False):
            result = format_file(RecordFile(path, path, Kind.CYCLE), root, check=check)
            assert result.outcome is Outcome.COMMENTED
            assert path.read_bytes() == text.encode("utf-8")
