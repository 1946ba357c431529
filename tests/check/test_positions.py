"""pdsa.check.positions: where a span inside a string value sits in the file."""

from __future__ import annotations

import pytest

from pdsa.check.positions import SourceText


@pytest.mark.parametrize(
    ("text", "path", "value", "span", "expected"),
    [
        ('a = "xx HIT"\n', ("a",), "xx HIT", (3, 6), ((1, 9), None)),
        ("a = 'xx HIT'\n", ("a",), "xx HIT", (3, 6), ((1, 9), None)),
        ('a = """\nxx\nHIT"""\n', ("a",), "xx\nHIT", (3, 6), ((3, 1), None)),
        ("a = '''\r\nxx HIT'''\r\n", ("a",), "xx HIT", (3, 6), ((2, 4), None)),
        ('a = """xx\nH\nIT"""\n', ("a",), "xx\nH\nIT", (3, 7), ((2, 1), 3)),
        # An escape before the span: the start of the value instead.
        ('a = "\\txx HIT"\n', ("a",), "\txx HIT", (4, 7), ((1, 5), None)),
        # An escape after the span does not matter.
        ('a = "HIT \\t"\n', ("a",), "HIT \t", (0, 3), ((1, 6), None)),
        # CRLF inside a multi-line string reads as LF: the start of the value instead.
        ('a = """x\r\nHIT"""\r\n', ("a",), "x\nHIT", (2, 5), ((1, 5), None)),
        ('[t]\nlist = ["no", "yes HIT"]\n', ("t", "list", 1), "yes HIT", (4, 7), ((2, 20), None)),
    ],
)
def test_span_in_string(
    text: str,
    path: tuple[str | int, ...],
    value: str,
    span: tuple[int, int],
    expected: tuple[tuple[int, int], int | None],
) -> None:
    assert SourceText(text).span_in_string(path, value, *span) == expected


def test_a_path_the_index_does_not_know_falls_back_to_its_parent() -> None:
    source = SourceText("[plan]\nx = 1\n")
    assert source.span_in_string(("plan", "missing"), "HIT", 0, 3) == ((1, 1), None)
    assert source.key(("nowhere",)) == (1, 1)
