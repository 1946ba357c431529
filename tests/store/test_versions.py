"""Parsing versions of a record: the appended-tables shortcut agrees with a whole parse."""

from __future__ import annotations

import datetime
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from pdsa.store.versions import parse_version

MEASURE = b'schema_version = 1\ntitle = "Attendance"\ntype = "outcome"\n'


def point(day: datetime.date, value: float) -> bytes:
    return f"\n[[points]]\ndate = {day.isoformat()}\nvalue = {value!r}\n".encode()


def whole(raw: bytes) -> object:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError:
        return None


@given(
    st.lists(
        st.tuples(st.dates(), st.floats(allow_nan=False, allow_infinity=False)),
        min_size=1,
        max_size=8,
    )
)
def test_points_appended_one_by_one_parse_as_the_whole_file(
    points: list[tuple[datetime.date, float]],
) -> None:
    raw, data = MEASURE, parse_version(MEASURE)
    assert data is not None
    for day, value in points:
        new = raw + point(day, value)
        data = parse_version(new, before=(raw, data))
        assert data == tomllib.loads(new.decode("utf-8"))
        raw = new


CYCLE = b'schema_version = 1\ntitle = "T"\n\n[plan]\ndate = 2026-03-05\nobjective = "O"\n'


def test_an_appended_phase_parses_as_the_whole_file() -> None:
    new = CYCLE + b"\n[do]\ndate = 2026-03-20\nas_planned = true\nobservations = 'x'\n"
    assert parse_version(new, before=(CYCLE, tomllib.loads(CYCLE.decode()))) == whole(new)


def test_text_that_belongs_to_the_last_table_is_parsed_whole() -> None:
    # No header: the new key belongs to [plan], not to the top of the file.
    new = CYCLE + b"end = 2026-03-20\n"
    data = parse_version(new, before=(CYCLE, tomllib.loads(CYCLE.decode())))
    assert data == whole(new)
    assert data is not None and data["plan"]["end"] == datetime.date(2026, 3, 20)


def test_a_table_defined_twice_is_not_valid_even_when_appended() -> None:
    old = CYCLE + b"\n[do]\nas_planned = true\n"
    new = old + b"\n[do]\nproblems = 'x'\n"
    assert whole(new) is None
    assert parse_version(new, before=(old, tomllib.loads(old.decode()))) is None


def test_points_after_an_inline_array_are_not_valid_even_when_appended() -> None:
    old = MEASURE + b"points = [{ date = 2026-03-01, value = 1 }]\n"
    new = old + point(datetime.date(2026, 3, 8), 2.0)
    assert whole(new) is None
    assert parse_version(new, before=(old, tomllib.loads(old.decode()))) is None


def test_a_version_that_is_not_utf8_or_toml_is_none() -> None:
    assert parse_version(b"title = \xff\n") is None
    assert parse_version(b"[plan\n") is None


def test_a_byte_order_mark_is_read_past() -> None:
    assert parse_version(b"\xef\xbb\xbf" + MEASURE) == whole(MEASURE)
