"""pdsa.render.findings: text, JSON and GitHub output of a report, and the rule list."""

from __future__ import annotations

import io
import json

import pytest

from pdsa.check.findings import Finding, Report
from pdsa.check.rules import RULES, Selection, UnknownCode, parse_codes
from pdsa.render.findings import (
    escape_data,
    escape_property,
    summary_line,
    write_github,
    write_json,
    write_rules,
    write_text,
)


def _report(*findings: Finding, files: int = 3) -> Report:
    return Report(files=files, findings=list(findings))


ERROR = Finding("a.toml", 2, 5, "P401", "error", "follows 'x'", "did you mean 'y'?")
WARNING = Finding("b.toml", 1, 1, "P306", "warning", "stray", None)


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (_report(), "Checked 3 files: no problems."),
        (_report(files=1), "Checked 1 file: no problems."),
        (_report(ERROR), "Checked 3 files: 1 error, 0 warnings."),
        (_report(ERROR, ERROR, WARNING), "Checked 3 files: 2 errors, 1 warning."),
    ],
)
def test_summary_line(report: Report, line: str) -> None:
    assert summary_line(report) == line


def test_text_escapes_control_characters_and_keeps_one_line_per_finding() -> None:
    odd = Finding("c\x1b.toml", 1, 1, "P104", "error", "unknown key 'a\nb\u202e'", "fix\rit")
    stream = io.StringIO()
    write_text(_report(odd), stream)
    assert stream.getvalue() == (
        "c\\x1b.toml:1:1: P104 error: unknown key 'a b\\u202e'\n"
        "    hint: fix\\x0dit\n"
        "\n"
        "Checked 3 files: 1 error, 0 warnings.\n"
    )


def test_json_leaves_out_end_line_unless_known_and_is_ascii() -> None:
    spanning = Finding("é.toml", 3, 4, "P702", "warning", "x", None, end_line=4)
    stream = io.StringIO()
    write_json(_report(ERROR, spanning), stream)
    assert stream.getvalue().isascii()
    document = json.loads(stream.getvalue())
    assert list(document["findings"][0]) == [
        "file",
        "line",
        "column",
        "code",
        "severity",
        "message",
        "hint",
    ]
    assert document["findings"][1]["end_line"] == 4
    assert document["findings"][1]["file"] == "é.toml"
    assert document["findings"][1]["hint"] is None


def test_workflow_command_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_commands_carry_position_title_and_hint() -> None:
    stream = io.StringIO()
    spanning = Finding("d:e.toml", 3, 4, "P702", "warning", "x: 50%", None, end_line=4)
    write_github(_report(ERROR, spanning), stream, prefix="qi/")
    assert stream.getvalue().splitlines() == [
        "::error file=qi/a.toml,line=2,col=5,title=P401::follows 'x'%0Ahint: did you mean 'y'?",
        "::warning file=qi/d%3Ae.toml,line=3,col=4,endLine=4,title=P702::x: 50%25",
    ]


def test_rules_list_as_text_and_json() -> None:
    stream = io.StringIO()
    write_rules(RULES.values(), stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].startswith("P001  error    syntax and encoding")
    stream = io.StringIO()
    write_rules([RULES["P405"]], stream, as_json_list=True)
    assert json.loads(stream.getvalue()) == [
        {
            "code": "P405",
            "severity": "warning",
            "family": "references",
            "summary": "act.next names no cycle (yet)",
        }
    ]


# --- the rule table ------------------------------------------------------------------------


def test_codes_are_unique_sorted_and_grouped_by_family() -> None:
    codes = list(RULES)
    assert codes == sorted(codes)
    for code, rule in RULES.items():
        assert len(code) == 4 and code[0] == "P" and code[1:].isdigit()
        assert rule.severity in ("error", "warning")


def test_parse_codes_accepts_prefixes_any_case_and_commas() -> None:
    assert parse_codes(["p1, P401", "P7"]) == ("P1", "P401", "P7")
    assert parse_codes([" , "]) == ()
    with pytest.raises(UnknownCode):
        parse_codes(["P89"])
    with pytest.raises(UnknownCode):
        parse_codes(["E501"])


def test_selection() -> None:
    everything = Selection()
    assert all(everything.enabled(code) for code in RULES)
    only_refs = Selection(("P4",), ("P405",))
    assert only_refs.enabled("P401") and not only_refs.enabled("P405")
    assert not only_refs.enabled("P101")
    assert only_refs.enabled("P901")  # internal errors always show
    assert not Selection((), ("P1",)).any_enabled("P1")
