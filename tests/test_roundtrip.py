"""Any text a person can type survives plan/do/study/act and show --format json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pdsa.cli.main import app

# Anything but NUL (which no command line can carry) and surrogates (not text).
typed = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters=["\x00"]),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() != "")

SAMPLES = [
    "He said \"no\" and '''left'''",
    'Back\\slash \\n not a newline """',
    "[bold red]not markup[/]",
    "\x1b[31mred?\x1b[0m",
    "line one\nline two\r\nline three\ttab",
    "🙂 emoji and עברית and العربية",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(objective=typed, observations=typed, learning=typed, changes=typed, title=typed)
def test_typed_text_round_trips(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    objective: str,
    observations: str,
    learning: str,
    changes: str,
    title: str,
) -> None:
    root = tmp_path_factory.mktemp("rt")
    check_round_trip(root, monkeypatch, title, objective, observations, learning, changes)


@pytest.mark.parametrize("sample", SAMPLES)
def test_awkward_samples_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: str
) -> None:
    check_round_trip(tmp_path, monkeypatch, sample, sample, sample, sample, sample)


def check_round_trip(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    objective: str,
    observations: str,
    learning: str,
    changes: str,
) -> None:
    runner = CliRunner()
    monkeypatch.chdir(root)

    def ok(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, (args, result.stderr)
        return result.stdout

    ok("init", ".")
    ok("project", "new", "P", "--aim", "a", "--lead", "b")
    ok("plan", "--slug", "c", "--objective", objective, "--prediction", objective, "--", title)
    ok("do", "c", "--as-planned", "--observations", observations, "--problems", observations)
    ok("study", "c", "--results", learning, "--matched", "partly", "--learning", learning)
    ok("act", "c", "--decision", "adapt", "--changes", changes)
    shown = json.loads(ok("show", "c", "--format", "json"))
    assert shown["title"] == title
    assert shown["plan"]["objective"] == objective
    assert shown["plan"]["predictions"] == [objective]
    assert shown["do"]["observations"] == observations
    assert shown["do"]["problems"] == observations
    assert shown["study"]["learning"] == learning
    assert shown["act"]["changes"] == changes
    listed = json.loads(ok("list", "--format", "json"))
    assert listed[0]["title"] == title
    # The terminal view shows control characters as escapes, never raw.
    text = ok("show", "c")
    assert "\x1b" not in text
