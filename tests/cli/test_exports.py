"""Exports that never mislead: what could not be read is named inside every format, no
identifier leaves in full, Markdown reads as text, words for ids, filters that match
nothing fail, the HTML report's at-a-glance table, and charts that name their lines."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from support import Run, read

FORMATS = ("table", "markdown", "json", "html")
PHONE = "07700 900123"
NHS = "943 476 5919"


@pytest.fixture
def two_projects(log: Path, run: Run) -> Path:
    """``outreach`` (with a cycle and points) and ``second-project``."""
    outcome = run("project", "new", "Second project", "--aim", "Aim", "--lead", "Lead")
    assert outcome.exit_code == 0, outcome.stderr
    for day, value in (("2026-03-01", "60"), ("2026-03-08", "65"), ("2026-03-15", "70")):
        assert (
            run("measure", "record", "outreach/attendance-rate", value, "--date", day).exit_code
            == 0
        )
    outcome = run(
        "plan", "outreach", "Text reminders", "--objective", "See", "--date", "2026-03-01",
        "--measure", "attendance-rate",
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    return log


def broken(root: Path) -> list[str]:
    """Break a project file and a cycle file; return the paths an output must name."""
    (root / "projects/second-project/project.toml").write_text("title = [\n", "utf-8")
    (root / "projects/outreach/cycles/bad-cycle.toml").write_text("x = \n", "utf-8")
    return ["projects/second-project/project.toml", "projects/outreach/cycles/bad-cycle.toml"]


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_names_the_files_it_could_not_read(
    two_projects: Path, run: Run, output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    paths = broken(two_projects)
    outcome = run("report", "--format", output_format)
    assert outcome.exit_code == 1
    for path in paths:
        assert path in outcome.stdout, f"{output_format} leaves out {path}"
    if output_format == "json":
        assert "2 files could not be read" in outcome.stderr
    else:
        assert "2 files could not be read" in outcome.stdout
    # The project whose file is broken is not silently dropped: it is named.
    assert "second-project" in outcome.stdout
    if output_format == "json":
        assert len(json.loads(outcome.stdout)["unreadable"]) == 2


def test_csv_refuses_to_leave_files_out_unless_partial(
    two_projects: Path, run: Run, tmp_path: Path
) -> None:
    paths = broken(two_projects)
    target = tmp_path / "projects.csv"
    refused = run("report", "--format", "csv", "-o", str(target))
    assert refused.exit_code == 1
    assert refused.stdout == "" and not target.exists()
    assert "2 files could not be read, and a CSV has no place to say so" in refused.stderr
    assert "--partial" in refused.stderr
    partial = run("report", "--format", "csv", "--partial")
    assert partial.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(partial.stdout)))
    assert [row["slug"] for row in rows] == ["outreach"]
    for path in paths:
        assert path in partial.stderr
    assert "named on stderr" in partial.stderr


@pytest.fixture
def private_log(two_projects: Path, run: Run) -> Path:
    """Identifiers in a cycle's objective, a measure's note and a project's aim."""
    cycle = two_projects / "projects/outreach/cycles/text-reminders.toml"
    cycle.write_text(read(cycle).replace('objective = "See"', f'objective = "Call {PHONE}"'))
    project = two_projects / "projects/outreach/project.toml"
    project.write_text(read(project).replace("Test 500 people", f"Test NHS {NHS} people"))
    measure = two_projects / "projects/outreach/measures/attendance-rate.toml"
    measure.write_text(read(measure).replace("value = 70", 'value = 70\nnote = "DOB 12/03/1985"'))
    measure.write_text(
        read(measure).replace('title = "Attendance rate"', f'title = "Rate {PHONE}"')
    )
    return two_projects


def in_full(text: str) -> list[str]:
    compact = re.sub(r"\s", "", text)
    return [
        found
        for found in (PHONE, NHS, "12/03/1985")
        if found in text or re.sub(r"\s", "", found) in compact
    ]


@pytest.mark.parametrize("output_format", [*FORMATS, "csv"])
def test_identifiers_are_masked_in_every_report_format(
    private_log: Path, run: Run, output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    outcome = run("report", "--format", output_format, "--explain")
    assert outcome.exit_code == 0, outcome.stderr
    assert in_full(outcome.stdout) == []
    if output_format in ("json", "html"):  # the formats that show a project's aim
        assert "*** *** **19" in outcome.stdout  # the NHS number, masked as check masks it
    assert "warning: masked in the report: outreach/project.toml aim: looks like an NHS" in (
        outcome.stderr
    )
    assert "outreach/measures/attendance-rate points[2].note: looks like a date of birth" in (
        outcome.stderr
    )


@pytest.mark.parametrize("output_format", ["text", "json", "svg"])
def test_identifiers_are_masked_in_every_chart_format(
    private_log: Path, run: Run, output_format: str
) -> None:
    outcome = run("chart", "outreach/attendance-rate", "--format", output_format)
    assert outcome.exit_code == 0, outcome.stderr
    assert in_full(outcome.stdout) == []
    assert "warning: masked in the chart: outreach/attendance-rate title" in outcome.stderr


def test_plurals_are_right(log: Path, run: Run, tmp_path: Path) -> None:
    table = run("report")
    assert "1 project (1 active" in table.stdout
    outcome = run("report", "-o", str(tmp_path / "r.md"))
    assert "Wrote the markdown report of 1 project to" in outcome.stderr


def test_ids_are_words_in_board_outputs(example_root: Path, run: Run) -> None:
    for output_format in ("table", "markdown", "html"):
        outcome = run("--root", str(example_root), "report", "--format", output_format)
        assert "scale growth" in outcome.stdout
        text = re.sub(r'(id|class|href)="[^"]*"', "", outcome.stdout)
        for name in ("scale_growth", "data_over_time", "hit_and_miss"):
            assert name not in text, f"{name} in {output_format}"


def test_sort_says_what_it_sorts_by(example_root: Path, run: Run) -> None:
    sentence = "in order of fidelity: the share of their cycles with an explicit prediction"
    for output_format in ("table", "markdown", "html"):
        outcome = run(
            "--root", str(example_root), "report", "--sort", "fidelity", "--format", output_format
        )
        assert sentence in " ".join(outcome.stdout.split())
    assert "fidelity (the share of cycles with an explicit prediction" in " ".join(
        run("report", "--help").stdout.split()
    )


def test_filters_that_match_nothing_say_so_and_fail(log: Path, run: Run) -> None:
    assert run("plan", "Quick", "--objective", "See", "--date", "2026-03-01").exit_code == 0
    listing = run("list", "--phase", "study")
    assert listing.exit_code == 1 and "No cycles match (in study)." in listing.stderr
    stale = run("list", "--stale", "9999")
    assert stale.exit_code == 1 and "No cycles match" in stale.stderr
    period = run("report", "--since", "2025-01-01", "--until", "2025-02-01")
    assert period.exit_code == 1
    assert "no cycle of the chosen projects has a phase dated from 2025-01-01" in period.stderr
    assert period.stdout == ""
    (log / "pdsa.toml").write_text(
        read(log / "pdsa.toml") + '\n[[themes]]\nid = "empty"\ntitle = "Empty"\n', "utf-8"
    )
    theme = run("report", "--theme", "empty")
    assert theme.exit_code == 1 and "no project has the theme 'empty'" in theme.stderr
    assert run("project", "new", "Bare", "--aim", "a", "--lead", "b").exit_code == 0
    measures = run("measure", "list", "bare")
    assert measures.exit_code == 1 and "Project bare has no measures." in measures.stderr


def test_html_has_measures_at_a_glance_before_the_projects(example_root: Path, run: Run) -> None:
    page = run("--root", str(example_root), "report", "--format", "html").stdout
    glance = page.index('id="_glance"')
    assert page.index('id="_programme"') < glance < page.index('class="project"')
    section = page[glance : page.index("</section>", glance)]
    for heading in ("project", "measure", "latest", "date", "goal", "signal", "assurance"):
        assert '<th scope="col"' in section and f">{heading}</th>" in section
    report = json.loads(run("--root", str(example_root), "report", "--format", "json").stdout)
    measures = sum(len(project["measures"]) for project in report["projects"])
    assert section.count("<tr>") == 1 + measures  # a header and one row per measure
    assert "no signal" in section


def test_the_attention_list_names_a_cycle_once_with_all_its_reasons(log: Path, run: Run) -> None:
    outcome = run(
        "plan", "Quick", "--objective", "See", "--prediction", "Up", "--date", "2026-01-05",
    )  # fmt: skip
    assert outcome.exit_code == 0
    run("do", "quick", "--as-planned", "--observations", "x", "--date", "2026-01-10")
    page = run("report", "--format", "html").stdout
    attention = page[page.index('id="_attention"') :]
    attention = attention[: attention.index("</section>")]
    assert attention.count("<code>outreach/quick</code>") == 1
    assert "in Do for" in attention and "prediction never studied" in attention
    markdown = run("report", "--format", "markdown").stdout
    assert markdown.count("- `outreach/quick`:") == 1


def test_charts_name_their_lines_with_values_in_mdc_colours(two_projects: Path, run: Run) -> None:
    for day, value in (("2026-03-22", "62"), ("2026-03-29", "66"), ("2026-04-05", "71")):
        run("measure", "record", "attendance-rate", value, "--date", day)
    svg = run("chart", "attendance-rate", "--rules", "spc", "--format", "svg").stdout
    data = json.loads(run("chart", "attendance-rate", "--rules", "spc", "--format", "json").stdout)
    phase = data["phases"][-1]
    number = lambda value: f"{value:.4g}"  # noqa: E731
    assert f">mean {number(phase['centre_line'])}</text>" in svg
    assert f">upper limit {number(phase['upper_limit'])}</text>" in svg
    assert f">lower limit {number(phase['lower_limit'])}</text>" in svg
    assert ">goal 80</text>" in svg
    assert 'stroke="#c62828" stroke-dasharray' in svg  # the goal: a red line
    assert svg.count('stroke="#8a949c" stroke-dasharray') == 2  # grey limits
    centre = re.search(r'<line [^>]*stroke="#3d4650" stroke-width="1.5"/>', svg)
    assert centre is not None and "dasharray" not in centre.group()  # a solid centre
    text = run("chart", "attendance-rate", "--rules", "spc").stdout
    assert f"mean {number(phase['centre_line'])}" in text and "goal 80" in text
    assert f"upper {number(phase['upper_limit'])}" in text
