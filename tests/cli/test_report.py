"""pdsa report: golden files of every format on the example, filters, and literal user text."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from support import Run, read

GOLDEN = Path(__file__).parent / "golden"
# The example's activity runs to October 2026; this "today" keeps its day counts fixed.
EXAMPLE_TODAY = "2026-10-31"
FORMATS = {"table": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html"}


@pytest.fixture
def in_example(example_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(example_root)
    monkeypatch.setenv("PDSA_TODAY", EXAMPLE_TODAY)
    monkeypatch.setenv("COLUMNS", "80")
    return example_root


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_each_format_matches_its_golden_file(
    in_example: Path, run: Run, output_format: str
) -> None:
    outcome = run("report", "--format", output_format)
    assert outcome.exit_code == 0, outcome.stderr
    golden = GOLDEN / f"report.{FORMATS[output_format]}"
    if os.environ.get("PDSA_UPDATE_GOLDEN"):
        golden.write_text(outcome.stdout, encoding="utf-8", newline="")
    assert outcome.stdout == read(golden), "rerun with PDSA_UPDATE_GOLDEN=1 to see the change"


def test_the_table_fits_80_columns(in_example: Path, run: Run) -> None:
    outcome = run("report", "--explain")
    assert outcome.exit_code == 0
    assert max(len(line) for line in outcome.stdout.splitlines()) <= 80
    assert "predictions: 93% (published audit: 12%)" in outcome.stdout
    assert "lacking: ed-opt-out-testing/opt-out-posters" in " ".join(outcome.stdout.split())


def test_json_has_a_project_per_slug_and_the_totals(in_example: Path, run: Run) -> None:
    data = json.loads(run("report", "--format", "json").stdout)
    assert len(data["projects"]) == 12
    assert all(project["slug"] for project in data["projects"])
    assert data["totals"]["projects"] == 12
    assert data["generated"] == EXAMPLE_TODAY


def test_filters(in_example: Path, run: Run) -> None:
    def slugs(*args: str) -> list[str]:
        outcome = run("report", "--format", "json", *args)
        assert outcome.exit_code == 0, outcome.stderr
        return [project["slug"] for project in json.loads(outcome.stdout)["projects"]]

    assert slugs("--project", "self", "--project", "peer-navigators") == [
        "peer-navigators",
        "self-test-kits",
    ]
    assert slugs("--theme", "testing") == [
        "community-testing-outreach",
        "ed-opt-out-testing",
        "faith-setting-testing",
        "self-test-kits",
    ]
    stale_first = slugs("--sort", "stale")
    assert stale_first[0] == "older-peer-support"
    period = json.loads(
        run("report", "--format", "json", "--since", "2026-09-01", "--until", "2026-09-30").stdout
    )
    assert period["period"] == {"since": "2026-09-01", "until": "2026-09-30"}
    assert period["totals"]["cycles"]["total"] < 57
    outcome = run("report", "--theme", "nothing")
    assert outcome.exit_code == 1 and "--theme 'nothing': the programme has no such theme" in (
        outcome.stderr
    )
    outcome = run("report", "--since", "2026-10-01", "--until", "2026-09-01")
    assert outcome.exit_code == 2


def test_output_file_and_confirmation(in_example: Path, run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    outcome = run("report", "--format", "html", "-o", str(target))
    assert outcome.exit_code == 0
    assert outcome.stdout == ""
    assert outcome.stderr.strip() == f"Wrote the html report of 12 projects to {target}."
    assert read(target).startswith("<!DOCTYPE html>")


NASTY = '<script>alert(1)</script> & "q" [bold]b[/bold] | *x* =1+1 \x1b[31mred'


@pytest.fixture
def nasty_log(empty_log: Path, run: Run) -> Path:
    assert (
        run("project", "new", NASTY, "--slug", "nasty", "--aim", NASTY, "--lead", NASTY).exit_code
        == 0
    )
    assert (
        run(
            "measure",
            "new",
            "nasty",
            NASTY,
            "--slug",
            "m",
            "--type",
            "outcome",
            "--unit",
            "<b>%</b>",
        ).exit_code
        == 0
    )
    assert (
        run("measure", "record", "nasty/m", "5", "--date", "2026-01-01", "--note", NASTY).exit_code
        == 0
    )
    assert (
        run(
            "plan",
            "nasty",
            NASTY,
            "--slug",
            "c",
            "--objective",
            NASTY,
            "--measure",
            "m",
            "--date",
            "2026-01-01",
        ).exit_code
        == 0
    )
    return empty_log


def test_user_text_comes_out_literal_in_every_format(nasty_log: Path, run: Run) -> None:
    table = run("report").stdout
    assert "\x1b" not in table and "[bold]b[/bold]" in " ".join(table.split()).replace("\\x1b", "")
    markdown = run("report", "--format", "markdown").stdout
    # Only what would break a table or start markup is escaped; the rest reads as typed.
    assert '\\<script>alert(1)\\</script> & "q" \\[bold]b\\[/bold] \\| \\*x\\* =1+1' in markdown
    assert "&amp;" not in markdown and "&lt;" not in markdown and "\\(" not in markdown
    rendered = render_markdown(markdown)
    assert "<script>" not in rendered
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; [bold]b[/bold] | *x* =1+1"
        in (rendered)
    )
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    # CSV quotes what it must; control characters show as escapes, never raw.
    assert rows[0]["title"] == NASTY.replace("\x1b", "\\x1b")
    data = json.loads(run("report", "--format", "json").stdout)
    assert data["projects"][0]["title"] == NASTY
    assert data["projects"][0]["aim"] == NASTY
    html = run("report", "--format", "html").stdout
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" in html
    assert "\x1b" not in html


def render_markdown(text: str) -> str:
    """``text`` rendered as GitHub would (CommonMark with tables)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def test_a_csv_cell_that_starts_like_a_formula_stays_text(empty_log: Path, run: Run) -> None:
    assert (
        run("project", "new", "=HYPERLINK(1)", "--slug", "f", "--aim", "a", "--lead", "b").exit_code
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_a_broken_file_is_named_and_the_rest_reported(log: Path, run: Run) -> None:
    (log / "projects/outreach/cycles/bad.toml").write_text("x = [\n")
    outcome = run("report", "--format", "json")
    assert outcome.exit_code == 1
    assert json.loads(outcome.stdout)["projects"][0]["slug"] == "outreach"
    assert "projects/outreach/cycles/bad.toml" in outcome.stderr
    assert "1 file could not be read (named in the report); its figures are missing" in (
        outcome.stderr
    )


def test_a_progress_bar_only_on_a_terminal(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io as _io

    from pdsa.cli.report import _progress
    from pdsa.store.log import Log

    store = Log(log)
    monkeypatch.setattr(Log, "count_files", lambda self, projects: 5000)
    monkeypatch.setattr("sys.stderr", _io.StringIO())
    with _progress(store, ["outreach"]) as advance:
        assert advance is None  # piped: nothing
    terminal = _io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stderr", terminal)
    with _progress(store, ["outreach"]) as advance:
        assert advance is not None
        advance(2500)
    monkeypatch.setattr(Log, "count_files", lambda self, projects: 10)
    with _progress(store, ["outreach"]) as advance:
        assert advance is None  # a small log needs no bar
