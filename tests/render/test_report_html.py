"""The HTML report: one well-formed, self-contained page; every project and chart; user text
escaped; ``explain`` names the cycles that lacked each fidelity feature."""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import Run

from pdsa.analysis.fidelity import explain_figure, whole_percent
from pdsa.analysis.programme import Period
from pdsa.analysis.report_view import Report
from pdsa.render.html_parts import inline_svg, number, quantity
from pdsa.render.report_html import EXAMPLE_NOTE, report_html
from pdsa.store.log import Log
from pdsa.workflow.report import build_report, choose_projects

#: The ``page_reader`` fixture: HTML text to a page of ids, sections, tags and problems.
Reader = Callable[[str], Any]
TODAY = datetime.date(2026, 11, 26)

PROGRAMME = '<b>Prog</b> & "co"'
TITLE = '<script>alert(1)</script> & "quotes"'
LEAD = "<img src=x onerror=alert(1)> \x1b[31mred"
MEASURE = "Rate <i>r</i>"
UNIT = "<b>%</b>"
CYCLE = "[bold]x[/bold]"
PREDICTION = "rises \x1b[31m to 70"


@pytest.fixture(scope="module")
def example_html(example_report: Report) -> str:
    return report_html(example_report)


def measures_with_points(report: Report, slug: str | None = None) -> int:
    return sum(
        1
        for project in report.projects
        if slug is None or project.slug == slug
        for status in project.measures
        if status.n_points
    )


def test_the_page_is_well_formed(example_html: str, page_reader: Reader) -> None:
    page = page_reader(example_html)
    assert example_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.problems == []
    for tag in ("html", "head", "body", "main", "style", "header", "footer"):
        assert page.tags[tag] == 1, tag
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in example_html


def test_ids_are_unique(example_html: str, page_reader: Reader) -> None:
    ids = page_reader(example_html).ids
    assert len(ids) == len(set(ids))


def test_every_project_has_its_section(
    example_report: Report, example_html: str, page_reader: Reader
) -> None:
    page = page_reader(example_html)
    assert len(example_report.projects) == 12
    for project in example_report.projects:
        assert project.slug in page.sections
        heading = f'<h2 id="{project.slug}_heading">{html.escape(project.title)}</h2>'
        assert heading in example_html
        assert f'href="#{project.slug}"' in example_html


def test_one_chart_per_measure_with_points(
    example_report: Report, example_html: str, page_reader: Reader
) -> None:
    page = page_reader(example_html)
    assert page.tags["svg"] == measures_with_points(example_report) == 38
    assert sum(len(views) for views in example_report.charts.values()) == 38
    for project in example_report.projects:
        inside = page.sections[project.slug]["svg"]
        assert inside == measures_with_points(example_report, project.slug), project.slug
    assert example_html.count("max-width: 100%; height: auto") == 1


def test_nothing_runs_and_nothing_is_fetched(example_html: str) -> None:
    lowered = example_html.lower()
    for forbidden in (
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "@import",
        " src=",
        "<?xml",
    ):
        assert forbidden not in lowered, forbidden
    references = re.findall(r"https?://[^\s\"')]+", example_html)
    assert set(references) == {"http://www.w3.org/2000/svg"}
    assert re.findall(r"url\((?!#)", example_html) == []
    assert re.findall(r"\bon[a-z]+=", lowered) == []


def test_the_programme_comes_first(example_report: Report, example_html: str) -> None:
    summary = example_report.summary
    name = html.escape(summary.programme)
    order = [
        f"<h1>{name}</h1>",
        f'class="meta">as of {summary.reading_date.isoformat()}',
        html.escape(EXAMPLE_NOTE),
        'id="_programme"',
        'id="_fidelity"',
        'id="_predictions"',
        'id="_attention"',
        'id="_shared"',
        f'<section id="{summary.projects[0].slug}"',
    ]
    positions = [example_html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_totals_and_themes(example_report: Report, example_html: str) -> None:
    totals = example_report.summary.totals
    for count, label in ((totals.projects, "projects"), (totals.stale, "stale")):
        assert f"<li><strong>{count}</strong>{label}</li>" in example_html
    for theme in example_report.summary.themes:
        assert html.escape(theme.title or "no theme") in example_html


def test_fidelity_beside_the_published_audit(example_report: Report, example_html: str) -> None:
    predictions = example_report.summary.totals.fidelity.predictions
    here = whole_percent(predictions.numerator, predictions.denominator)
    assert f">{here}%<" in example_html
    assert f"{predictions.numerator} of {predictions.denominator} cycles" in example_html
    assert ">12%<" in example_html  # McNicholas et al. 2019: 12.2% of cycles had a prediction
    assert "McNicholas et al. 2019" in example_html


def test_predictions_and_attention(example_report: Report, example_html: str) -> None:
    summary = example_report.summary
    assert summary.totals.predictions.summary() in example_html
    assert len(summary.attention) > 0
    for item in summary.attention:
        assert html.escape(item.message) in example_html
    for project in summary.projects:
        assert project.predictions.summary() in example_html


def test_shared_measures_show_each_project_and_the_programmes_figure(
    example_report: Report, example_html: str
) -> None:
    shared = example_report.summary.shared_measures
    assert shared
    for measure in shared:
        assert f"{html.escape(measure.title)} (key {measure.key})" in example_html
        assert html.escape(measure.summary()) in example_html
        for entry in measure.entries:
            value = html.escape(quantity(entry.latest_value, entry.unit))
            after = ' <span class="badge badge-stale">old data</span>' if entry.old_data else "<"
            assert f">{value}{after}" in example_html
    # Rates are never averaged, and no count is added across dates.
    assert ">mean<" not in example_html


def test_a_stale_project_says_so_in_words(example_report: Report, example_html: str) -> None:
    stale = [project for project in example_report.projects if project.stale]
    assert stale
    section = example_html.split(f'<section id="{stale[0].slug}"')[1].split("</section>")[0]
    assert ">stale</span>" in section
    assert html.escape(stale[0].stale_reason or "") in section


def test_explain_lists_the_cycles_that_lacked_each_feature(example_report: Report) -> None:
    plain = report_html(example_report)
    explained = report_html(example_report, explain=True)
    fidelity = example_report.summary.totals.fidelity
    lacking = [figure for figure in fidelity.figures if figure.lacking]
    assert lacking
    for figure in lacking:
        line = html.escape(explain_figure(figure).replace("_", " "))
        assert line in explained
        assert line not in plain
        for cycle in figure.lacking:
            assert cycle in explained
    assert "; lacking: " not in plain
    assert "Each checkable prediction" in explained
    assert "Each checkable prediction" not in plain


def test_a_period_is_named(example_root: Path) -> None:
    log = Log(example_root)
    projects = choose_projects(log, log.programme, names=["self-test-kits"], theme=None)
    report = build_report(
        log, today=TODAY, projects=projects, since=datetime.date(2026, 1, 1), with_charts=True
    )
    assert report.summary.period == Period(datetime.date(2026, 1, 1), None)
    assert "cycles active from 2026-01-01 to today" in report_html(report)


@pytest.fixture
def hostile_log(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log whose every piece of user text is markup, Rich markup or a terminal escape."""
    root = tmp_path / "log"
    monkeypatch.setenv("PDSA_ROOT", str(root))
    steps: list[tuple[str, ...]] = [
        ("init", str(root), "--name", PROGRAMME),
        ("project", "new", TITLE, "--slug", "hostile", "--aim", "an <i>aim</i>", "--lead", LEAD),
        (
            "measure",
            "new",
            "hostile",
            MEASURE,
            "--type",
            "outcome",
            "--unit",
            UNIT,
            "--improvement",
            "higher",
            "--goal",
            "70",
            "--slug",
            "rate",
        ),
    ]
    for month in range(1, 11):
        steps.append(
            (
                "measure",
                "record",
                "hostile/rate",
                str(55 + month),
                "--date",
                f"2026-{month:02d}-01",
                "--note",
                "<script>n</script>",
            )
        )
    steps.append(
        (
            "plan",
            "hostile",
            CYCLE,
            "--slug",
            "bold-x",
            "--objective",
            "an <u>objective</u>",
            "--measure",
            "rate",
            "--prediction",
            PREDICTION,
            "--expect",
            "rate >= 70",
            "--date",
            "2026-03-01",
            "--start",
            "2026-03-01",
            "--end",
            "2026-04-01",
        )
    )
    for step in steps:
        outcome = run(*step)
        assert outcome.exit_code == 0, (step, outcome.stderr)
    return root


def hostile_report(root: Path) -> Report:
    log = Log(root)
    projects = choose_projects(log, log.programme, names=[], theme=None)
    return build_report(log, today=TODAY, projects=projects, with_charts=True)


def test_user_text_is_data_never_markup(hostile_log: Path, page_reader: Reader) -> None:
    report = hostile_report(hostile_log)
    page = report_html(report, explain=True)
    assert page_reader(page).problems == []
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert "&lt;b&gt;Prog&lt;/b&gt; &amp; &quot;co&quot;" in page
    assert "&lt;img src=x onerror=alert(1)&gt; \\x1b[31mred" in page
    assert "Rate &lt;i&gt;r&lt;/i&gt; (&lt;b&gt;%&lt;/b&gt;)" in page
    assert "[bold]x[/bold]" in page  # Rich markup is shown as written
    assert "rises \\x1b[31m to 70" in page  # the prediction, in the explain table
    assert f"{number(65)} &lt;b&gt;%&lt;/b&gt;" in page  # the latest value, with its unit
    assert page.count("<svg") == 1


def test_a_log_that_is_not_the_example_has_no_example_note(hostile_log: Path) -> None:
    assert html.escape(EXAMPLE_NOTE) not in report_html(hostile_report(hostile_log))


def test_files_that_could_not_be_read_are_listed(hostile_log: Path) -> None:
    broken = hostile_log / "projects" / "hostile" / "cycles" / "broken-<b>.toml"
    broken.write_text('schema_version = 1\ntitle = "<b>\n', encoding="utf-8")
    report = hostile_report(hostile_log)
    assert report.errors
    page = report_html(report)
    assert 'id="_errors"' in page
    assert "broken-&lt;b&gt;.toml" in page
    assert "<b>" not in page


def test_inline_svg_drops_the_declaration_and_scopes_ids() -> None:
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
        '<defs><clipPath id="plot"><rect/></clipPath></defs>'
        '<g clip-path="url(#plot)"><use href="#plot"/></g></svg>\n'
    )
    inlined = inline_svg(svg, "p_chart_m")
    assert inlined.startswith("<svg ")
    assert 'id="p_chart_m-plot"' in inlined
    assert "url(#p_chart_m-plot)" in inlined
    assert 'href="#p_chart_m-plot"' in inlined
    assert 'id="plot"' not in inlined


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (12.0, "%", "12%"),
        (42.0, "people", "42 people"),
        (1010.0, "people", "1,010 people"),
        (78.425, None, "78.42"),
        (None, "%", "\u2013"),
    ],
)
def test_quantities_read_naturally(value: float | None, unit: str | None, shown: str) -> None:
    assert quantity(value, unit) == shown
