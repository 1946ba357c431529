"""The corpus of broken logs: each case finds exactly the findings it expects, in place.

``fixtures/base/`` is a small valid log. Each ``fixtures/<case>/`` holds ``case.toml``
(what the case is about and the findings expected: code, severity, file, line and
column) and, in ``log/``, the files it adds to or replaces in the base log.
"""

from __future__ import annotations

import datetime
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pdsa.check.engine import check_log
from pdsa.check.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = datetime.date(2026, 11, 26)
CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "case.toml").is_file())
# Rules that a log on disk in git cannot show portably: a file nobody may read, two
# names equal but for case (one file on Windows and macOS), and a bug in pdsa. They
# are tested in test_engine.py.
NOT_IN_CORPUS = {"P005", "P304", "P901"}


def build(case: str, tmp_path: Path) -> Path:
    """The base log with the case's files laid over it, in ``tmp_path``."""
    root = tmp_path / "log"
    shutil.copytree(FIXTURES / "base", root)
    overlay = FIXTURES / case / "log"
    if overlay.is_dir():
        shutil.copytree(overlay, root, dirs_exist_ok=True)
    return root


def expected(case: str) -> list[tuple[str, str, str, int, int]]:
    spec: dict[str, Any] = tomllib.loads((FIXTURES / case / "case.toml").read_text("utf-8"))
    return sorted(
        (item["code"], item["severity"], item["file"], item["line"], item["column"])
        for item in spec.get("expect", [])
    )


@pytest.mark.parametrize("case", CASES)
def test_each_case_finds_exactly_what_it_expects(case: str, tmp_path: Path) -> None:
    report = check_log(build(case, tmp_path), today=TODAY)
    found = sorted(
        (item.code, item.severity, item.file, item.line, item.column) for item in report.findings
    )
    assert found == expected(case)


@pytest.mark.parametrize("case", CASES)
def test_every_finding_says_what_was_expected(case: str, tmp_path: Path) -> None:
    for item in check_log(build(case, tmp_path), today=TODAY).findings:
        assert item.message and "\n" not in item.message
        assert item.severity == RULES[item.code].severity


def test_the_base_log_is_clean(tmp_path: Path) -> None:
    assert check_log(build("valid", tmp_path), today=TODAY).findings == []


def test_the_corpus_covers_every_rule() -> None:
    covered = {code for case in CASES for code, *_ in expected(case)}
    assert set(RULES) - covered == NOT_IN_CORPUS


def test_each_case_says_what_it_is_about() -> None:
    for case in CASES:
        spec = tomllib.loads((FIXTURES / case / "case.toml").read_text("utf-8"))
        assert spec["about"].strip(), case
