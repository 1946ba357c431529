"""docs/check.md documents every rule, with the severity the code gives it."""

from __future__ import annotations

import re
from pathlib import Path

from pdsa.check.rules import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "check.md"
ROW = re.compile(r"^\| (P\d{3}) \| (error|warning) \| (.+) \|$", re.MULTILINE)


def test_the_rule_table_in_the_docs_matches_the_code() -> None:
    rows = ROW.findall(DOC.read_text(encoding="utf-8"))
    assert [(code, severity) for code, severity, _ in rows] == [
        (rule.code, rule.severity) for rule in RULES.values()
    ]


def test_the_docs_name_every_family_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    families = re.findall(r"^\| \*\*(.+?)\*\* \| \| \|$", text, re.MULTILINE)
    assert families == list(dict.fromkeys(rule.family for rule in RULES.values()))
