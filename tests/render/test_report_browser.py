"""The HTML report in a real browser: headless Chromium draws it at phone and desktop widths,
its DOM holds every project and chart, and its console stays silent.

Skipped when ``chromium`` is not installed, except in CI (``CI=true``), which installs it and
where its absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pdsa.analysis.report_view import Report
from pdsa.render.report_html import report_html

TIMEOUT = 120
#: The report has no scripts and loads nothing, so the console should have nothing to say:
#: any console line (Chromium logs them as ``INFO:CONSOLE``, errors included) is a failure.
CONSOLE_TROUBLE = ("CONSOLE", "Uncaught", "Failed to load resource", "net::ERR_")
#: A white page of 412 x 2000 pixels compresses to a few kilobytes; the report is far more.
MIN_SCREENSHOT_BYTES = 30_000

Reader = Callable[[str], Any]


@dataclass(frozen=True)
class Browser:
    """Headless Chromium, run once per call in a fresh profile under ``workdir``."""

    executable: str
    workdir: Path

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        profile = tempfile.mkdtemp(prefix="profile-", dir=self.workdir)
        command = [
            self.executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *arguments,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but chromium is not on PATH: CI must install it")
        pytest.skip("headless Chromium is not installed (shutil.which('chromium') is None)")
    return Browser(executable, tmp_path_factory.mktemp("chromium"))


@pytest.fixture(scope="module")
def report_file(example_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(report_html(example_report, explain=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dumped(browser: Browser, report_file: Path) -> subprocess.CompletedProcess[str]:
    """The report's DOM as Chromium built it, with Chromium's log on stderr."""
    return browser.run("--dump-dom", report_file.as_uri())


def console_trouble(log: str) -> list[str]:
    """The lines of Chromium's log that report a console message or a failed load."""
    return [line for line in log.splitlines() if any(word in line for word in CONSOLE_TROUBLE)]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize(("width", "height"), [(390, 2000), (1280, 2000)], ids=["phone", "desktop"])
def test_screenshots_are_drawn(
    browser: Browser, report_file: Path, tmp_path: Path, width: int, height: int
) -> None:
    shot = tmp_path / f"report-{width}.png"
    done = browser.run(
        f"--screenshot={shot}", f"--window-size={width},{height}", report_file.as_uri()
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file()
    assert png_size(shot) == (width, height)
    assert shot.stat().st_size > MIN_SCREENSHOT_BYTES
    assert console_trouble(done.stderr) == []


def test_the_dom_holds_every_project_and_chart(
    dumped: subprocess.CompletedProcess[str], example_report: Report, page_reader: Reader
) -> None:
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    page = page_reader(dumped.stdout)
    assert page.problems == []
    with_points = [
        (project.slug, status.slug)
        for project in example_report.projects
        for status in project.measures
        if status.n_points
    ]
    assert page.tags["svg"] == len(with_points) == 38
    for project in example_report.projects:
        expected = sum(1 for slug, _ in with_points if slug == project.slug)
        assert page.sections[project.slug]["svg"] == expected, project.slug
    assert page.tags["script"] == 0


def test_the_console_stays_silent(dumped: subprocess.CompletedProcess[str]) -> None:
    assert console_trouble(dumped.stderr) == []


def test_the_console_check_would_see_an_error(browser: Browser, tmp_path: Path) -> None:
    """The silence above means something: a page with a console error is caught."""
    page = tmp_path / "noisy.html"
    page.write_text(
        "<!DOCTYPE html><title>noisy</title><script>console.error('boom'); missing();</script>",
        encoding="utf-8",
    )
    done = browser.run("--dump-dom", page.as_uri())
    trouble = console_trouble(done.stderr)
    assert any("boom" in line for line in trouble)
    assert any("Uncaught" in line for line in trouble)


#: A page that lays the report out in a frame exactly ``width`` pixels wide (a window
#: cannot be narrower than 500 pixels in headless Chromium), measures it, and writes what it
#: found into the DOM for --dump-dom. Only the test's page has a script: the report has none.
MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="frame" style="border:0" width="WIDTH" height="2000" srcdoc="REPORT"></iframe>
<script>
document.getElementById("frame").addEventListener("load", (event) => {
  const doc = event.target.contentDocument;
  const page = doc.documentElement;
  const glance = doc.getElementById("_glance");
  const first = doc.querySelector("section.project");
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({
    overflow: page.scrollWidth - page.clientWidth,
    glanceTop: glance.getBoundingClientRect().top,
    firstProjectTop: first.getBoundingClientRect().top,
    glanceRows: glance.querySelector("table").tBodies[0].rows.length,
    glanceBoxWidth: glance.querySelector(".scroll").getBoundingClientRect().width,
    viewport: event.target.contentWindow.innerWidth,
  });
  document.body.appendChild(out);
});
</script></body></html>"""


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_page_fits_and_measures_at_a_glance_come_first(
    browser: Browser, report_file: Path, tmp_path: Path, width: int, example_report: Report
) -> None:
    import html
    import json
    import re

    report = html.escape(report_file.read_text(encoding="utf-8"), quote=True)
    page = tmp_path / "measured.html"
    page.write_text(
        MEASURE.replace("WIDTH", str(width)).replace("REPORT", report), encoding="utf-8"
    )
    done = browser.run(
        "--window-size=1400,2100", "--virtual-time-budget=10000", "--dump-dom", page.as_uri()
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.S)
    assert found is not None, "the measuring script did not run"
    measured = json.loads(html.unescape(found.group(1)))
    assert measured["viewport"] == width
    # No sideways scrolling of the page: wide tables scroll inside their own box.
    assert measured["overflow"] == 0
    assert measured["glanceBoxWidth"] <= width
    assert measured["glanceTop"] < measured["firstProjectTop"]
    measures = sum(len(project.measures) for project in example_report.projects)
    assert measured["glanceRows"] == measures
