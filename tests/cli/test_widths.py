"""Tables at 80 columns with real names: every row's identity whole, its key figures
shown, the less important columns wrapped or left out (and named), at 80 and 120."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import Run

PROJECT = "community-hiv-testing-in-faith-settings-and-mosques-nb"  # 55
OTHER = "peer-support-for-older-people-living-with-hiv"  # 45
CYCLES = (
    "same-day-text-reminders-for-missed-hiv-appointments",  # 51
    "ramp-two-clinics-and-a-same-day-reply-rota-for-texts",  # 52
    "imam-led-testing-events-after-friday-prayers",  # 44
)
MEASURES = (
    "people-tested-for-hiv-at-community-venues-weekly",  # 48
    "share-of-events-with-a-trained-peer-tester",  # 42
)


@pytest.fixture
def long_names(empty_log: Path, run: Run) -> Path:
    for slug, title in ((PROJECT, "Community HIV testing in faith settings & mosques"),
                        (OTHER, "Peer support for older people living with HIV")):  # fmt: skip
        outcome = run(
            "project", "new", title, "--slug", slug, "--aim", "Test 500 people by 2027",
            "--lead", "Northbridge Faith and Health Network (a long organisation name)",
        )  # fmt: skip
        assert outcome.exit_code == 0, outcome.stderr
    for slug, unit in zip(MEASURES, ("people", "%"), strict=True):
        outcome = run(
            "measure", "new", PROJECT, f"Measure {slug}", "--slug", slug, "--type", "process",
            "--unit", unit, "--improvement", "higher", "--goal", "40",
        )  # fmt: skip
        assert outcome.exit_code == 0, outcome.stderr
        outcome = run("measure", "record", f"{PROJECT}/{slug}", "37", "--date", "2026-10-05")
        assert outcome.exit_code == 0, outcome.stderr
    for day, slug in enumerate(CYCLES, start=1):
        outcome = run(
            "plan", PROJECT, f"A title for {slug}", "--slug", slug, "--objective", "See",
            "--date", f"2026-10-0{day}", "--measure", MEASURES[0],
        )  # fmt: skip
        assert outcome.exit_code == 0, outcome.stderr
    outcome = run("do", f"{PROJECT}/{CYCLES[0]}", "--as-planned", "--observations", "ok",
                  "--date", "2026-10-09")  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    return empty_log


def shown(run: Run, width: int, *args: str) -> str:
    outcome = run(*args, env={"COLUMNS": str(width)})
    assert outcome.exit_code == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width, "\n".join(lines)
    return outcome.stdout


def row_of(text: str, name: str) -> list[str]:
    line = next(line for line in text.splitlines() if name in line.split())
    return line.split()


@pytest.mark.parametrize("width", [80, 120])
def test_list_shows_each_slug_whole_with_its_phase_and_date(
    long_names: Path, run: Run, width: int
) -> None:
    text = shown(run, width, "list")
    assert row_of(text, CYCLES[0])[:2] == ["1", CYCLES[0]]
    assert row_of(text, CYCLES[0])[-2:] == ["do", "2026-10-09"] or "do" in row_of(text, CYCLES[0])
    for slug in CYCLES:
        row = row_of(text, slug)
        assert slug in row and any(cell.startswith("2026-10-") for cell in row)
        assert "plan" in row or "do" in row
    if width == 80:
        assert "not shown at 80 columns: title" in text
    else:
        assert "A title for" in text and "not shown" not in text


@pytest.mark.parametrize("width", [80, 120])
def test_measure_list_shows_each_slug_whole_with_its_latest_value_and_date(
    long_names: Path, run: Run, width: int
) -> None:
    text = shown(run, width, "measure", "list")
    assert PROJECT in text.splitlines()[0]
    for slug, value in zip(MEASURES, ("37 people", "37%"), strict=True):
        row = " ".join(row_of(text, slug))
        assert value in row and "2026-10-05" in row
    assert ("not shown at 80 columns" in text) == (width == 80)


@pytest.mark.parametrize("width", [80, 120])
def test_project_list_shows_each_slug_whole_with_status_and_cycles(
    long_names: Path, run: Run, width: int
) -> None:
    text = shown(run, width, "project", "list")
    assert row_of(text, PROJECT)[0] == PROJECT and row_of(text, PROJECT)[-1] in ("3", "2")
    assert "active" in row_of(text, PROJECT) and "active" in row_of(text, OTHER)
    if width == 120:
        assert "Community HIV" in text and "Northbridge" in text


@pytest.mark.parametrize("width", [80, 120])
def test_report_shows_each_slug_whole_with_its_key_figures(
    long_names: Path, run: Run, width: int
) -> None:
    text = shown(run, width, "report")
    assert PROJECT in text and OTHER in text
    activity = text[text.index("Activity") :]
    assert row_of(activity, PROJECT)[1:5] == ["P2", "D1", "S0", "A0"] or "P2" in activity
    measures = text[text.index("Key measures") :]
    for slug in MEASURES:
        row = " ".join(row_of(measures, slug))
        assert "37" in row and "2026-10-05" in row
    assert "2026-10-09" in activity  # last activity
