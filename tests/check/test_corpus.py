"""The corpus of broken logs: each case finds exactly the findings it expects, in place.

``fixtures/base/`` is a small valid log. Each ``fixtures/<case>/`` holds ``case.toml``
(what the case is about and the findings expected: code, severity, file, line and
column) and, in ``log/``, the files it adds to or replaces in the base log.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from check_logs import CASES, FIXTURES, TODAY, build, expected

from pdsa.check.engine import check_log
from pdsa.check.rules import RULES

# Rules that a log on disk in git cannot show portably: a file nobody may read, two
# names equal but for case (one file on Windows and macOS), and a bug in pdsa. They
# are tested in test_engine.py. A hindsight edit needs a git history: test_hindsight.py.
NOT_IN_CORPUS = {"P005", "P304", "P801", "P901"}


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
