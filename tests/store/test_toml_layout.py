"""The layout pdsa writes: values read back exactly, and appends stay appends."""

from __future__ import annotations

import datetime
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from pdsa.store.toml_layout import dumps

keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
scalars = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1, 1, 1)),
)
inline = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=6,
)
tables = st.dictionaries(keys, inline, max_size=4)
documents = st.dictionaries(
    keys,
    st.one_of(inline, tables, st.lists(tables, min_size=1, max_size=3)),
    max_size=5,
)


@given(documents)
def test_every_document_reads_back_equal(document: dict[str, object]) -> None:
    assert tomllib.loads(dumps(document)) == document


def test_points_and_tasks_are_arrays_of_tables() -> None:
    text = dumps(
        {
            "plan": {"date": datetime.date(2026, 1, 1), "tasks": [{"what": "a"}]},
            "points": [{"date": datetime.date(2026, 1, 1), "value": 1}],
        }
    )
    assert text == (
        '[plan]\ndate = 2026-01-01\n\n[[plan.tasks]]\nwhat = "a"\n\n'
        "[[points]]\ndate = 2026-01-01\nvalue = 1\n"
    )


def test_text_with_a_carriage_return_keeps_it() -> None:
    text = dumps({"note": "a\r\nb"})
    assert tomllib.loads(text) == {"note": "a\r\nb"}
