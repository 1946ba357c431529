"""Tests for pdsa.tools.text: comments, the directive, line endings, strict equality."""

from __future__ import annotations

import datetime
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from pdsa.tools.text import (
    comments_besides_directive,
    find_comments,
    leading_directive,
    newline_of,
    same_values,
    split_lines,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a = "x" # one\n', [(1, "# one")]),
        ('a = "# not one"\n', []),
        ("a = '# not one' # one\n", [(1, "# one")]),
        ('a = "say \\"#\\"" # one\n', [(1, "# one")]),
        ('a = """\n# not one\n"""\n# two\n', [(4, "# two")]),
        ("a = '''\n# not one\n'''\n", []),
        ('a = """x""""  # one\n', [(1, "# one")]),
        ("a = '''x'''''  # one\n", [(1, "# one")]),
        ('a = """\\\n  # not one \\" """ # one\n', [(2, "# one")]),
        ("# head\r\na = 1\r\n", [(1, "# head")]),
        ('"#key" = 1\n', []),
        ("a = [\n  1, # inside an array\n]\n", [(2, "# inside an array")]),
        ("a = { b = '#' } # after\n", [(1, "# after")]),
    ],
)
def test_find_comments(text: str, expected: list[tuple[int, str]]) -> None:
    tomllib.loads(text)  # every case is valid TOML
    assert find_comments(text) == expected


_KEYS = st.text(min_size=1, max_size=8)
_SCALARS = st.one_of(
    st.text(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
)
_DOCUMENTS = st.dictionaries(
    _KEYS,
    st.one_of(
        _SCALARS,
        st.lists(_SCALARS, max_size=3),
        st.dictionaries(_KEYS, _SCALARS, max_size=3),
    ),
    max_size=5,
)


@given(_DOCUMENTS, st.booleans())
def test_no_comment_is_found_in_any_written_value(data: dict[str, Any], multiline: bool) -> None:
    text = tomli_w.dumps(data, multiline_strings=multiline)
    assert find_comments(text) == []


@given(_DOCUMENTS, st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_an_added_comment_is_found(data: dict[str, Any], words: str) -> None:
    text = "# " + words + "\n" + tomli_w.dumps(data)
    tomllib.loads(text)
    assert find_comments(text) == [(1, "# " + words)]


def test_the_leading_directive_is_not_counted_as_a_comment() -> None:
    text = "#:schema ../../.pdsa/schemas/project.json\ntitle = 'x'\n"
    assert leading_directive(text) == "#:schema ../../.pdsa/schemas/project.json"
    assert comments_besides_directive(text) == []
    assert comments_besides_directive(text + "# more\n") == [(3, "# more")]
    assert tomllib.loads(text) == {"title": "x"}


@pytest.mark.parametrize(
    "text",
    ["title = 'x'\n#:schema a.json\n", "#:schema\n", "# :schema a.json\n", " #:schema a.json\n"],
)
def test_only_a_first_line_directive_counts(text: str) -> None:
    assert leading_directive(text) is None


def test_newlines() -> None:
    assert newline_of("a = 1\r\nb = 2\r\n") == "\r\n"
    assert newline_of("a = 1\r\nb = 2\n") == "\n"
    assert newline_of("a = 1") == "\n"
    assert split_lines("a\u2028b\nc") == ["a\u2028b\n", "c"]


def test_same_values_tells_types_apart() -> None:
    assert same_values({"a": [1, 2.5]}, {"a": [1, 2.5]})
    assert not same_values({"a": 1}, {"a": 1.0})
    assert not same_values({"a": 1}, {"a": True})
    assert not same_values({"a": datetime.date(2024, 1, 1)}, {"a": "2024-01-01"})
    assert not same_values({"a": [1]}, {"a": [1, 1]})
    assert not same_values({"a": 1}, {"b": 1})
    assert same_values(float("nan"), float("nan"))
