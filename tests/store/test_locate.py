"""Tests for pdsa.store.locate: key paths to (line, column) in TOML text."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from pdsa.store.locate import KeyIndex, index_keys


def _index(*lines: str) -> KeyIndex:
    return index_keys("\n".join(lines) + "\n")


CYCLE = (
    "schema_version = 1",  # 1
    'title = "Text reminders"  # a comment',  # 2
    'measures = ["attendance-rate"]',  # 3
    "",  # 4
    "[plan]",  # 5
    "date = 2024-03-04",  # 6
    "predictions = [",  # 7
    '    "Attendance rises",',  # 8
    "    # a comment with ] and = in it",  # 9
    '    "Fewer calls",',  # 10
    "]",  # 11
    'scale = { description = "1 clinic", people = 3 }',  # 12
    "",  # 13
    "[[plan.tasks]]",  # 14
    'what = "Draft the text"',  # 15
    "",  # 16
    "[[plan.tasks]]",  # 17
    'what = "Send it"',  # 18
    'who = "Nurse lead"',  # 19
    "",  # 20
    "[do]  # appended by pdsa do",  # 21
    "start = 1979-05-27 07:32:00",  # 22
    "as_planned = true",  # 23
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("schema_version",), (1, 1)),
        (("title",), (2, 1)),
        (("measures", 0), (3, 13)),
        (("plan",), (5, 1)),
        (("plan", "date"), (6, 1)),
        (("plan", "predictions"), (7, 1)),
        (("plan", "predictions", 0), (8, 5)),
        (("plan", "predictions", 1), (10, 5)),
        (("plan", "scale"), (12, 1)),
        (("plan", "scale", "description"), (12, 11)),
        (("plan", "scale", "people"), (12, 37)),
        (("plan", "tasks"), (14, 1)),
        (("plan", "tasks", 0), (14, 1)),
        (("plan", "tasks", 0, "what"), (15, 1)),
        (("plan", "tasks", 1), (17, 1)),
        (("plan", "tasks", 1, "who"), (19, 1)),
        (("do",), (21, 1)),
        (("do", "as_planned"), (23, 1)),
    ],
)
def test_locates_each_kind_of_key(path: tuple[str | int, ...], expected: tuple[int, int]) -> None:
    assert _index(*CYCLE).locate(path) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # "who" is missing from task 0: the task's own header answers.
        (("plan", "tasks", 0, "who"), (14, 1)),
        (("plan", "tasks", 7, "who"), (14, 1)),  # no element 7: the array's first header
        (("plan", "objective"), (5, 1)),
        (("plan", "scale", "people", "int"), (12, 37)),  # extra Pydantic loc parts
        (("study", "date"), (1, 1)),
        ((), (1, 1)),
    ],
)
def test_missing_paths_fall_back_to_the_nearest_parent(
    path: tuple[str | int, ...], expected: tuple[int, int]
) -> None:
    assert _index(*CYCLE).locate(path) == expected


def test_locate_value_points_at_the_value() -> None:
    index = _index(*CYCLE)
    assert index.locate_value(("title",)) == (2, 9)
    assert index.locate_value(("plan", "scale", "people")) == (12, 46)
    assert index.locate_value(("plan", "predictions", 1)) == (10, 5)
    assert index.locate_value(("do", "start")) == (22, 9)
    assert index.locate_value(("plan", "tasks", 1)) == (17, 1)
    assert index.locate_value(("plan", "tasks", 0, "who")) == (14, 1)  # falls back to locate


def test_interleaved_arrays_of_tables_count_their_own_elements() -> None:
    index = _index(
        "[[points]]",  # 1
        "value = 1",  # 2
        "[[phases]]",  # 3
        'name = "baseline"',  # 4
        "[[points]]",  # 5
        "value = 2",  # 6
    )
    assert index.locate(("points", 0, "value")) == (2, 1)
    assert index.locate(("phases", 0, "name")) == (4, 1)
    assert index.locate(("points", 1)) == (5, 1)
    assert index.locate(("points", 1, "value")) == (6, 1)


def test_nested_arrays_of_tables_restart_in_each_parent_element() -> None:
    index = _index(
        "[[fruit]]",  # 1
        "[[fruit.variety]]",  # 2
        'name = "a"',  # 3
        "[[fruit.variety]]",  # 4
        'name = "b"',  # 5
        "[[fruit]]",  # 6
        "[fruit.physical]",  # 7
        'colour = "red"',  # 8
        "[[fruit.variety]]",  # 9
        'name = "c"',  # 10
    )
    assert index.locate(("fruit", 0, "variety", 1, "name")) == (5, 1)
    assert index.locate(("fruit", 1, "physical", "colour")) == (8, 1)
    assert index.locate(("fruit", 1, "variety", 0, "name")) == (10, 1)


def test_dotted_and_quoted_keys() -> None:
    index = _index(
        "a.b = 1",  # 1
        '"quoted key" = 2',  # 2
        "'literal.key' = 3",  # 3
        'site . "clinic name" .  beds = 4',  # 4
        '"caf\\u00e9" = 5',  # 5
        "[ table . 'with spaces' ]",  # 6
        "x = 6",  # 7
    )
    assert index.locate(("a", "b")) == (1, 3)
    assert index.locate(("a",)) == (1, 1)
    assert index.locate(("quoted key",)) == (2, 1)
    assert index.locate(("literal.key",)) == (3, 1)
    assert index.locate(("site", "clinic name", "beds")) == (4, 25)
    assert index.locate(("site", "clinic name")) == (4, 8)
    assert index.locate(("café",)) == (5, 1)
    assert index.locate(("table", "with spaces", "x")) == (7, 1)


def test_an_explicit_header_beats_an_implied_table() -> None:
    index = _index("[a.b]", "x = 1", "[a]", "y = 2")
    assert index.locate(("a",)) == (3, 1)
    assert index.locate(("a", "b", "x")) == (2, 1)


def test_arrays_of_inline_tables_and_nested_arrays() -> None:
    index = _index(
        "tasks = [",  # 1
        '  { what = "a", who = "b" },',  # 2
        '  { what = "c", who = "d" },',  # 3
        "]",  # 4
        "grid = [[1, 2], [3, [4, 5]]]",  # 5
    )
    assert index.locate(("tasks", 1)) == (3, 3)
    assert index.locate(("tasks", 1, "who")) == (3, 17)
    assert index.locate(("grid", 1, 1)) == (5, 21)
    assert index.locate(("grid", 1, 1, 0)) == (5, 22)


def test_multiline_strings_hide_their_content() -> None:
    index = _index(
        'notes = """',  # 1
        "[do]",  # 2
        'x = 1 \\""" still inside',  # 3
        '""""',  # 4: one quote of content, then the closing delimiter
        "after = '''",  # 5
        "[[points]]",  # 6
        "y = 2 ''' ",  # 7
        'z = "#not a comment" # [a comment]',  # 8
        "w = '[literal]'",  # 9
    )
    assert index.locate(("do",)) == (1, 1)
    assert index.locate(("x",)) == (1, 1)
    assert index.locate(("after",)) == (5, 1)
    assert index.locate(("points", 0)) == (1, 1)
    assert index.locate(("y",)) == (1, 1)
    assert index.locate(("z",)) == (8, 1)
    assert index.locate(("w",)) == (9, 1)


def test_crlf_line_endings() -> None:
    index = index_keys('a = 1\r\n[t]\r\nb = """x\r\ny = 1\r\n"""\r\nc = [\r\n  1,\r\n  2\r\n]\r\n')
    assert index.locate(("t", "b")) == (3, 1)
    assert index.locate(("t", "y")) == (2, 1)
    assert index.locate(("t", "c", 1)) == (8, 3)


def test_a_byte_order_mark_is_not_a_column() -> None:
    index = index_keys("\ufeffa = 1\nb = 2\n")
    assert index.locate(("a",)) == (1, 1)
    assert index.locate_value(("a",)) == (1, 5)
    assert index.locate(("b",)) == (2, 1)


def test_columns_count_characters_not_bytes() -> None:
    index = index_keys('title = "Ça va" ; x = 1\n"é" = { "ü" = 1 }\n')
    assert index.locate(("é", "ü")) == (2, 9)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[",
        "[[",
        "[a",
        "a =",
        "= 1",
        'a = "unterminated\nb = 2',
        'a = """never closed\n[t]\n',
        "a = [1, 2\nb = 3",
        "a = {x = 1\n[t]",
        "a = {]",
        "[" * 5000,
        "a = " + "[" * 5000,
        "a = " + "{x=" * 3000,
        '"\\u12',
        '"\\UFFFFFFFF" = 1',
        "\ufeff",
        "a.=1\n.b=2\n[.]\n[[]]",
        "}}}]]],,,===",
    ],
)
def test_malformed_text_never_raises(text: str) -> None:
    index = index_keys(text)
    line, column = index.locate(("a", 0, "b"))
    assert line >= 1
    assert column >= 1


def test_best_effort_after_an_error_on_an_earlier_line() -> None:
    index = _index("a = = 1", "b = 2")
    assert index.locate(("b",)) == (2, 1)


# --- properties ---------------------------------------------------------------------

# Keys are letters only and never prefixes of one another ("k" + letters + "z" with
# no "z" inside), so "the key is written at this position" is a precise check.
_KEYS = st.text("abcdefgh", min_size=0, max_size=4).map(lambda s: f"k{s}z")
_AWKWARD_TEXT = st.lists(
    st.one_of(
        st.sampled_from([*"\n\r\t\"'[]{}=#.,\\ ", '"""', "'''", "[[x]]", "a = 1"]),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=30,
).map("".join)
_SCALARS = st.one_of(st.integers(), st.booleans(), _AWKWARD_TEXT)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=25,
)
_DOCUMENTS = st.dictionaries(_KEYS, _VALUES, max_size=6)


def _leaves(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, inner in value.items() for leaf in _leaves(inner, (*path, key))]
    if isinstance(value, list):
        return [leaf for i, inner in enumerate(value) for leaf in _leaves(inner, (*path, i))]
    return [(path, value)]


def _first_chars(value: Any) -> str:
    """What the serialised scalar can start with."""
    if isinstance(value, bool):
        return "tf"
    if isinstance(value, int):
        return "-0123456789"
    return "\"'"


@settings(max_examples=300, deadline=None)
@given(_DOCUMENTS)
def test_every_leaf_of_a_serialised_document_is_found(document: dict[str, Any]) -> None:
    text = tomli_w.dumps(document, multiline_strings=True)
    tomllib.loads(text)  # valid TOML (values may differ: tomli-w keeps a raw CR in """)
    lines = text.split("\n")
    index = index_keys(text)
    for path, value in _leaves(document, ()):
        line, column = index.locate(path)
        at = lines[line - 1][column - 1 :]
        last = path[-1]
        if isinstance(last, str):
            assert re.match(rf"{last}\s*=", at), (path, line, column, text)
        else:
            assert at[:1] and at[0] in _first_chars(value), (path, line, column, text)
            assert index.locate_value(path) == (line, column)


_TOMLISH = st.lists(st.sampled_from([*"[]{}\"'=.,#\n\r \\abu1", '"""', "'''"])).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TOMLISH), st.lists(st.one_of(st.text(max_size=3), st.integers())))
def test_locate_never_raises_on_any_text(text: str, path: list[str | int]) -> None:
    index = index_keys(text)
    for found in (index.locate(path), index.locate_value(path)):
        line, column = found
        assert 1 <= line <= text.count("\n") + 1
        assert column >= 1
