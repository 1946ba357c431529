"""Tests for pdsa.check.privacy: the guard against patient identifiers in free text."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pdsa.check.privacy import PrivacyHit, nhs_check_digit_valid, scan, validate_allow


def _found(text: str, **options: list[str]) -> list[tuple[str, str]]:
    """(kind, matched text) of every hit, in order."""
    return [(hit.kind, text[hit.start : hit.end]) for hit in scan(text, **options)]


# --- NHS numbers ---------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9434765919", "4010232137", "9999999999", "1000000001"])
def test_the_check_digit_of_real_format_numbers(number: str) -> None:
    assert nhs_check_digit_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # check digit off by one
        "9434765910",
        "1000000000",  # weighted sum 10 -> the check digit must be 1
        "1000000010",  # weighted sum 12 -> check 10: no valid number has these nine digits
        "943476591",
        "94347659190",
        "943476591x",
    ],
)
def test_a_wrong_check_digit_is_not_an_nhs_number(number: str) -> None:
    assert not nhs_check_digit_valid(number)
    assert not [hit for hit in scan(number) if hit.kind == "nhs_number"]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("9434765919", "9434765919"),
        ("Patient 943 476 5919 attended.", "943 476 5919"),
        ("NHS no: 943-476-5919;", "943-476-5919"),
        ("(9434765919)", "9434765919"),
        ("NHS:9434765919, seen twice", "9434765919"),
    ],
)
def test_valid_nhs_numbers_are_found(text: str, matched: str) -> None:
    assert _found(text) == [("nhs_number", matched)]


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",  # invalid check digit, with spaces
        "19434765919",  # inside a longer run of digits
        "94347659190",
        "ref 943476591900",
        "0.9434765919",  # a decimal fraction
    ],
)
def test_nhs_shaped_numbers_that_are_not_nhs_numbers(text: str) -> None:
    assert not [hit for hit in scan(text) if hit.kind == "nhs_number"]


def test_nhs_number_mask_keeps_the_shape() -> None:
    assert [hit.masked for hit in scan("943 476 5919 or 9434765919")] == [
        "*** *** **19",
        "********19",
    ]
    assert scan("9434765919")[0].description == "an NHS number with a valid check digit"


_DIGITS = st.lists(st.integers(0, 9), min_size=9, max_size=9)


@settings(max_examples=300)
@given(
    _DIGITS,
    st.sampled_from(["", " ", "-"]),
    st.text(st.sampled_from("abc .,:\n"), max_size=12),
    st.text(st.sampled_from("abc .,:\n"), max_size=12),
)
def test_any_valid_nhs_number_is_found_and_masked(
    first_nine: list[int], separator: str, before: str, after: str
) -> None:
    check = 11 - sum(d * w for d, w in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    assume(check != 10)
    digits = "".join(map(str, first_nine)) + str(check % 11)
    written = separator.join([digits[:3], digits[3:6], digits[6:]])
    text = before + written + after
    hits = scan(text)
    assert [(hit.kind, hit.start, hit.end) for hit in hits] == [
        ("nhs_number", len(before), len(before) + len(written))
    ]
    masked = hits[0].masked
    assert digits not in re.sub(r"[ -]", "", masked)
    assert written not in masked


# --- e-mail --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matched", "masked"),
    [
        ("write to j.smith@example.org.", "j.smith@example.org", "j***@e***.org"),
        ("<first+tag@nhs.net>", "first+tag@nhs.net", "f***@n***.net"),
        ("a@mail.example.co.uk", "a@mail.example.co.uk", "a***@m***.uk"),
    ],
)
def test_emails_are_found(text: str, matched: str, masked: str) -> None:
    assert _found(text) == [("email", matched)]
    assert scan(text)[0].masked == masked


@pytest.mark.parametrize("text", ["@clinic on Twitter", "user@localhost", "a @ b.org", "x@y"])
def test_things_that_are_not_emails(text: str) -> None:
    assert scan(text) == []


# --- phone numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "+44 7700 900123",
        "+447700900123",
        "020 7946 0958",
        "02079460958",
        "0161 496 0000",
        "(0161) 496 0000",
        "(020) 7946 0958",
        "+44 (0)20 7946 0958",
        "+44 20 7946 0958",
        "0044 161 496 0000",
        "0300 123 4567",
        "01632 960123",
        "0161-496-0000",
    ],
)
def test_uk_phone_numbers_are_found(number: str) -> None:
    assert _found(f"Call {number} today") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 we saw 1200 patients",
        "1234567890 leaflets",  # ten digits, no leading 0, invalid as NHS
        "meeting on 12/03/2024 at 07:30",
        "0161 496",  # too short
        "ref 016149600001234",  # part of a longer run
        "0800 123 4567",  # freephone: not a person's number
        "07700 90012",  # a mobile needs ten digits after the 0
        "version 0.1.2",
    ],
)
def test_things_that_are_not_phone_numbers(text: str) -> None:
    assert scan(text) == []


def test_phone_mask() -> None:
    assert [hit.masked for hit in scan("0161 496 0000, +44 7700 900123")] == [
        "01** *** **00",
        "+44 **** ****23",
    ]


# --- postcodes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("postcode", "masked"),
    [
        ("SW1A 1AA", "S*** ***"),
        ("M1 1AE", "M* ***"),
        ("B33 8TH", "B** ***"),
        ("CR2 6XH", "C** ***"),
        ("DN55 1PT", "D*** ***"),
        ("sw1a 1aa", "s*** ***"),
        ("SW1A1AA", "S******"),
        ("EC1A 1BB", "E*** ***"),
    ],
)
def test_full_postcodes_are_found(postcode: str, masked: str) -> None:
    hits = scan(f"lives near {postcode}, by the park")
    assert [(hit.kind, hit.masked) for hit in hits] == [("postcode", masked)]


@pytest.mark.parametrize(
    "text",
    [
        "the clinic in M1",  # outward code only
        "SW1A is the area",
        "Q1 1AA",  # Q is not a postcode area
        "ABC123",
        "M1 1CA",  # C is never an inward-code letter
        "SW1A 1AA7",  # glued to more characters
    ],
)
def test_things_that_are_not_full_postcodes(text: str) -> None:
    assert scan(text) == []


# --- dates of birth ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB 12/03/1985", "12/03/1985"),
        ("D.O.B.: 12-03-1985", "12-03-1985"),
        ("dob:12.03.85", "12.03.85"),
        ("Date of birth 1985-03-12", "1985-03-12"),
        ("born on 12 March 1985", "12 March 1985"),
        ("Born: March 12, 1985.", "March 12, 1985"),
        ("birth date was 3rd of Sept 1985", "3rd of Sept 1985"),
        ("b. 12/03/1985", "12/03/1985"),
    ],
)
def test_dates_of_birth_are_found(text: str, date: str) -> None:
    assert _found(text) == [("date_of_birth", date)]


@pytest.mark.parametrize(
    "text",
    [
        "meeting on 12/03/2024",
        "started 1985-03-12",
        "born in London",
        "12/03/1985 was the dob",  # the word comes after the date
        "DOB not recorded; reviewed on 12/03/2024 with the lead",  # four words between
        "doberman seen 12/03/2024",
    ],
)
def test_dates_that_are_not_dates_of_birth(text: str) -> None:
    assert scan(text) == []


def test_date_of_birth_mask() -> None:
    assert [hit.masked for hit in scan("DOB 12/03/1985 and born 12 March 1985")] == [
        "**/**/**85",
        "** ***** **85",
    ]


# --- allow-list ----------------------------------------------------------------------


def test_allow_list_suppresses_a_number_however_it_is_written() -> None:
    text = "Clinic: 0161 496 0000, (0161) 496-0000, +44 161 496 0000; patient 0161 496 0001"
    assert _found(text, allow=["01614960000"]) == [("phone", "0161 496 0001")]
    assert len(_found(text, allow=["0161 496 0000"])) == 3  # spaces matter as written


def test_allow_list_entries_are_regular_expressions() -> None:
    text = "clinic@example.org, j.smith@nhs.net, TEAM@EXAMPLE.ORG"
    assert _found(text, allow=[r"@example\.org$"]) == [("email", "j.smith@nhs.net")]


def test_an_invalid_allow_entry_is_ignored_by_scan_and_reported_by_validate() -> None:
    assert _found("call 0161 496 0000", allow=["[", "+44"]) == [("phone", "0161 496 0000")]
    problems = validate_allow(["[", r"@example\.org$", "+44 161 496 0000", ""])
    assert len(problems) == 3
    assert problems[0].startswith("allow-list entry 1 ('[') is not a valid regular expression")
    assert "'\\\\+44\\\\ 161\\\\ 496\\\\ 0000'" in problems[1]
    assert problems[2].endswith("matches empty text, so it would hide every finding")
    assert validate_allow([r"@example\.org$", "01614960000"]) == []


def test_an_allowed_hit_does_not_come_back_as_another_kind() -> None:
    # 0123456789 is both NHS-valid and phone-shaped; allowing it hides both.
    assert scan("0123456789", allow=["^0123456789$"]) == []


# --- overlaps and order --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0123456789", [("nhs_number", "0123456789")]),  # NHS-valid beats phone-shaped
        ("012 345 6789", [("nhs_number", "012 345 6789")]),
        ("0123456788", [("phone", "0123456788")]),  # invalid check digit: only a phone
        ("9434765919@nhs.net", [("nhs_number", "9434765919")]),
        ("sw1a1aa@example.org", [("email", "sw1a1aa@example.org")]),
        ("DOB 01-02-1985", [("date_of_birth", "01-02-1985")]),
    ],
)
def test_overlapping_kinds_are_resolved_by_priority(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected


def test_hits_of_every_kind_come_sorted_by_start() -> None:
    text = "M1 1AE; a@b.org; 07700 900123; DOB 12/03/1985; 9434765919; 9434765919 again; x@y.com"
    hits = scan(text)
    assert [hit.kind for hit in hits] == [
        "postcode",
        "email",
        "phone",
        "date_of_birth",
        "nhs_number",
        "nhs_number",
        "email",
    ]
    assert [hit.start for hit in hits] == sorted(hit.start for hit in hits)


def test_hits_are_frozen() -> None:
    hit = scan("9434765919")[0]
    assert isinstance(hit, PrivacyHit)
    with pytest.raises(AttributeError):
        hit.start = 3  # type: ignore[misc]


def test_text_without_digits_or_at_signs_is_clean() -> None:
    assert scan("Replies need a person to answer them the same day") == []
    assert scan("") == []


_NOISY = st.text(st.sampled_from("0123456789 -+()/.@abcDOBorn:MSW\n"), max_size=60)


@settings(max_examples=500)
@given(st.one_of(st.text(), _NOISY))
def test_scan_never_raises_and_never_repeats_what_it_found(text: str) -> None:
    hits = scan(text)
    spans = [(hit.start, hit.end) for hit in hits]
    assert spans == sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start  # no overlaps
    for hit in hits:
        assert text[hit.start : hit.end] not in hit.masked
