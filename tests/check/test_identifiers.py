"""The privacy guard inside a check: which strings are scanned, where hits are placed,
masking, the allow-list, and the quick prefilter that must never hide a hit."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_logs import TODAY, build, write
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pdsa.check.engine import check_log
from pdsa.check.findings import finding
from pdsa.check.identifiers import may_identify, redact, strings
from pdsa.check.privacy import scan

LEAFLETS = "projects/clinic/cycles/leaflets.toml"
CYCLE = """schema_version = 1
title = "Leaflets"

[plan]
date = 2026-03-02
objective = "See whether leaflets help"
"""

# --- the prefilter is a superset of the scanner ------------------------------------------

FRAGMENTS = [
    "943 476 5919",
    "943-476-5919",
    "9434765919",
    "born",
    "Born on",
    "DOB",
    "d.o.b.",
    "D O B",
    "b.",
    "b. ",
    "date of birth",
    "birth_date",
    "birthday",
    "12/03/1985",
    "1985-03-12",
    "12 March 1985",
    "March 12th, 1985",
    "SW1A 1AA",
    "m1 1ae",
    "EC1A1BB",
    "+44 (0)20 7946 0958",
    "0044 20 7946 0958",
    "07700 900123",
    "(0161) 496 0000",
    "020.7946.0958",
    "jo.bloggs@example.org",
    "@",
    ".org",
    # Written to slip past a filter.
    "943.476.5919",
    " at ",
    " AT ",
    " dot ",
    " Dot ",
    "(at)",
    "[ at ]",
    "{dot}",
    "<at>",
    "com",
    "net",
    "co",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u00ad",
    "\uff19\uff14\uff13",
    "\u0669\u0664",
    "\uff20",
    "\uff4a\uff4f",
    "\uff33\uff37\uff11",
]
PIECES = st.sampled_from(FRAGMENTS) | st.text(
    alphabet="0123456789 -./()+@abdorntyhAEBMSWOD\n\t_\u00a0\u200b\uff10\uff15[]{}<>ckm",
    max_size=6,
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
@example("Patient 943 476 5919 attended")
@example("born on the 12/03/1985")
@example("DOB: 1 Jan 2000")
@example("b.12.3.85")
@example("ring (0161) 496 0000")
@example("London SW1A 1AA")
def test_every_hit_passes_the_prefilter(text: str) -> None:
    if scan(text):
        assert may_identify(text), text


def test_the_prefilter_lets_most_prose_through_unscanned() -> None:
    for text in (
        "Attendance rose from 70% to 85% over 6 weeks",
        "17 of 20 attended on 2024-03-22",
        "Try two clinics next, with a same-day reply rota",
        "Leaflets in 4 languages",
    ):
        assert not may_identify(text), text


# --- strings -----------------------------------------------------------------------------


def test_strings_are_every_string_value_with_its_path() -> None:
    data = {
        "title": "T",
        "schema_version": 1,
        "plan": {"predictions": ["a", {"text": "b", "target": 3}], "tasks": [{"who": "c"}]},
    }
    assert sorted(strings(data)) == [
        (("plan", "predictions", 0), "a"),
        (("plan", "predictions", 1, "text"), "b"),
        (("plan", "tasks", 0, "who"), "c"),
        (("title",), "T"),
    ]


# --- at the check level --------------------------------------------------------------------


def _privacy(root: Path) -> list[tuple[str, int, int, str]]:
    return [
        (item.code, item.line, item.column, item.message)
        for item in check_log(root, today=TODAY).findings
        if item.code.startswith("P7")
    ]


def test_only_a_valid_check_digit_makes_an_nhs_number(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    write(root, LEAFLETS, CYCLE.replace('"Leaflets"', '"Batch 9434765919 and 9434765918"'))
    assert _privacy(root) == [
        ("P701", 2, 16, "title looks like an NHS number with a valid check digit (********19)")
    ]


def test_a_hit_is_placed_inside_its_string_even_after_escapes_elsewhere(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    text = CYCLE + 'questions = ["A \\"quoted\\" one", "Mail j.smith@example.org"]\n'
    write(root, LEAFLETS, text)
    assert _privacy(root) == [
        ("P703", 7, 40, "plan.questions[1] looks like an e-mail address (j***@e***.org)")
    ]


def test_an_escape_before_the_hit_places_it_at_the_start_of_the_value(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    write(root, LEAFLETS, CYCLE.replace('"Leaflets"', '"Tab\\there: 9434765919"'))
    assert [finding[:3] for finding in _privacy(root)] == [("P701", 2, 9)]


def test_literal_and_multiline_literal_strings(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    text = CYCLE + "data_collection = '''\nAsk at SW1A 1AA'''\n"
    text = text.replace('"Leaflets"', "'Call 07700 900123'")
    write(root, LEAFLETS, text)
    assert [finding[:3] for finding in _privacy(root)] == [("P704", 2, 15), ("P705", 8, 8)]


def test_comments_are_scanned(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    write(root, LEAFLETS, "# seen 943 476 5919\n" + CYCLE)
    found = _privacy(root)
    assert len(found) == 1 and found[0][0] == "P701" and found[0][1:3] == (1, 8)


def test_every_file_kind_is_scanned(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    for relative in ("pdsa.toml", "projects/clinic/project.toml"):
        path = root / relative
        path.write_text(path.read_text("utf-8") + '\ndescription = "jo@example.org"\n', "utf-8")
    write(root, "projects/clinic/notes.toml", 'x = "jo@example.org"\n')  # not a record
    files = [item.file for item in check_log(root, today=TODAY).findings if item.code == "P703"]
    assert files == ["pdsa.toml", "projects/clinic/notes.toml", "projects/clinic/project.toml"]


def test_the_allow_list_hides_what_it_matches_however_it_is_written(tmp_path: Path) -> None:
    root = build("valid", tmp_path)
    programme = root / "pdsa.toml"
    programme.write_text(
        programme.read_text("utf-8") + '\n[privacy]\nallow = ["01614960000"]\n', "utf-8"
    )
    write(root, LEAFLETS, CYCLE.replace('"Leaflets"', '"Call (0161) 496 0000 or 0161 496 0001"'))
    assert [finding[:3] for finding in _privacy(root)] == [("P704", 2, 34)]


def test_a_broken_allow_list_entry_is_reported_and_the_rest_still_applies(
    tmp_path: Path,
) -> None:
    root = build("valid", tmp_path)
    programme = root / "pdsa.toml"
    programme.write_text(
        programme.read_text("utf-8") + '\n[privacy]\nallow = ["[", "", "07700 *"]\n', "utf-8"
    )
    write(root, LEAFLETS, CYCLE.replace('"Leaflets"', '"Call 07700 900123"'))
    found = _privacy(root)
    assert [item[:3] for item in found] == [("P706", 9, 10), ("P706", 9, 15)]
    assert "allow-list entry 1 ('[') uses regular-expression syntax" in found[0][3]
    assert "allow-list entry 2 ('') matches empty text" in found[1][3]


@pytest.mark.parametrize("code", ["P701", "P7"])
def test_privacy_rules_can_be_ignored(tmp_path: Path, code: str) -> None:
    from pdsa.check.rules import Selection

    root = build("privacy-nhs-number", tmp_path)
    report = check_log(root, today=TODAY, selection=Selection((), (code,)))
    assert report.findings == []


def test_strict_makes_privacy_findings_errors(tmp_path: Path) -> None:
    report = check_log(build("privacy-phone", tmp_path), today=TODAY, strict=True)
    assert [(item.code, item.severity) for item in report.findings] == [("P704", "error")]


def test_redact_masks_identifiers_echoed_in_other_messages() -> None:
    item = finding(
        "P401", "x.toml", (1, 1), "follows '9434765919', no such cycle", hint="try 9434765919"
    )
    masked = redact(item, ())
    assert masked.message == "follows '********19', no such cycle"
    assert masked.hint == "try ********19"
    assert redact(masked, ()) == masked
