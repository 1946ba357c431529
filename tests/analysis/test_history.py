"""The history model on its own: commit order, following versions, the cache's form."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pdsa.analysis.commits import Commit, CommitChanges, FileChange, from_data, to_data
from pdsa.analysis.history import NOT_COMMITTED, UNKNOWN, History, Origin
from pdsa.analysis.record_parts import Change

PATH = "projects/p/cycles/c.toml"


def commit(name: str, time: int, *, cut_off: bool = False) -> Commit:
    return Commit(name * 40, "Amira", "2026-03-01T09:00:00+00:00", "x", time, name, cut_off)


def history(
    graph: list[tuple[str, tuple[str, ...]]],
    files: dict[str, tuple[FileChange, ...]] | None = None,
    *,
    times: dict[str, int] | None = None,
    cut_off: frozenset[str] = frozenset(),
    head_files: dict[str, str] | None = None,
) -> History:
    times = times or {}
    ids = [(name * 40, tuple(p * 40 for p in parents)) for name, parents in graph]
    changes = {
        name * 40: CommitChanges(
            commit(name, times.get(name, 0), cut_off=name in cut_off), (files or {}).get(name, ())
        )
        for name, _ in graph
    }
    return History(ids, changes, head_files or {})


# A main line a-b-d with a branch c off a, merged in d.
GRAPH = [("d", ("b", "c")), ("c", ("a",)), ("b", ("a",)), ("a", ())]


def at(found: History, name: str, *, cut_off: bool = False) -> Origin:
    return Origin(found.changes[name * 40].commit, cut_off)


def test_an_ancestor_comes_before() -> None:
    found = history(GRAPH)
    assert found.compare(at(found, "a"), at(found, "d")) == "before"
    assert found.compare(at(found, "d"), at(found, "b")) == "after"
    assert found.compare(at(found, "b"), at(found, "b")) == "same"
    assert found.is_ancestor("a" * 40, "d" * 40) and not found.is_ancestor("d" * 40, "a" * 40)


def test_parallel_branches_are_ordered_by_commit_time() -> None:
    found = history(GRAPH, times={"b": 10, "c": 20})
    assert found.compare(at(found, "b"), at(found, "c")) == "before"
    assert found.compare(at(found, "c"), at(found, "b")) == "after"
    same = history(GRAPH, times={"b": 10, "c": 10})
    assert same.compare(at(same, "b"), at(same, "c")) == "same"


def test_what_is_not_committed_comes_after_every_commit() -> None:
    found = history(GRAPH)
    assert found.compare(at(found, "d"), NOT_COMMITTED) == "before"
    assert found.compare(NOT_COMMITTED, at(found, "a")) == "after"
    assert found.compare(NOT_COMMITTED, NOT_COMMITTED) == "unknown"


def test_at_or_before_a_cut_off_commit_is_before_only_what_follows_it() -> None:
    found = history(GRAPH)
    cut = at(found, "b", cut_off=True)
    assert found.compare(cut, at(found, "d")) == "before"  # b is an ancestor of d
    assert found.compare(cut, at(found, "b")) == "unknown"  # maybe in b itself
    assert found.compare(cut, at(found, "c")) == "unknown"  # parallel: no proof
    assert found.compare(at(found, "d"), cut) == "after"
    assert found.compare(cut, at(found, "a", cut_off=True)) == "unknown"
    assert found.compare(UNKNOWN, at(found, "d")) == "unknown"


def change(path: str, blob: str, sources: tuple[tuple[str, str], ...], *parts: str) -> FileChange:
    return FileChange(
        path,
        "cycle",
        blob,
        sources,
        tuple(Change(part, "added", "d" + part) for part in parts),
    )


def test_a_record_is_followed_through_a_rename_and_a_merge() -> None:
    files = {
        "a": (change("old.toml", "1", (), "plan", "predictions"),),
        "b": (change("old.toml", "2", (("old.toml", "1"),), "do"),),
        "c": (change(PATH, "3", (("old.toml", "2"),)),),
    }
    found = history([("c", ("b",)), ("b", ("a",)), ("a", ())], files, head_files={PATH: "3"})
    lineage = found.record(PATH)
    assert [step.commit.subject for step in lineage.steps if step.commit] == ["a", "b", "c"]
    assert lineage.origin("predictions") == at(found, "a")
    assert lineage.origin("do") == at(found, "b")


def test_a_version_written_by_no_commit_read_cuts_the_history_off() -> None:
    files = {"b": (change(PATH, "2", ((PATH, "1"),), "do"),)}
    found = history([("b", ())], files, head_files={PATH: "2"})
    lineage = found.record(PATH)
    assert lineage.cut_off_at is not None and lineage.cut_off_at.subject == "b"
    assert lineage.origin("plan") == at(found, "b", cut_off=True)
    assert lineage.origin("do") == at(found, "b")


def test_a_file_at_head_that_no_commit_wrote_cannot_be_dated() -> None:
    found = history([("a", ())], head_files={PATH: "9"})
    assert found.record(PATH).incomplete
    assert found.record(PATH).origin("plan") == UNKNOWN


def test_a_version_after_an_unreadable_one_is_compared_with_the_last_readable() -> None:
    broken = FileChange(PATH, "cycle", "2", ((PATH, "1"),), (), unreadable=True)
    reread = FileChange(
        PATH,
        "cycle",
        "3",
        ((PATH, "2"),),
        (Change("plan", "added", "dplan"), Change("do", "added", "ddo")),
        reread=True,
    )
    files = {"a": (change(PATH, "1", (), "plan", "predictions"),), "b": (broken,), "c": (reread,)}
    found = history([("c", ("b",)), ("b", ("a",)), ("a", ())], files, head_files={PATH: "3"})
    last = found.record(PATH).steps[-1]
    assert [(item.part, item.action) for item in last.changes] == [
        ("do", "added"),
        ("predictions", "removed"),
    ]


_TEXT = st.text(max_size=12)
_CHANGE = st.builds(
    Change,
    _TEXT,
    st.sampled_from(["added", "changed", "removed"]),
    st.none() | _TEXT,
    st.lists(_TEXT, max_size=2).map(tuple),
    st.lists(_TEXT, max_size=2).map(tuple),
    st.lists(_TEXT, max_size=2).map(tuple),
)
_FILE = st.builds(
    FileChange,
    _TEXT,
    st.sampled_from(["cycle", "measure", "project", "programme"]),
    st.none() | _TEXT,
    st.lists(st.tuples(_TEXT, _TEXT), max_size=2).map(tuple),
    st.lists(_CHANGE, max_size=3).map(tuple),
    st.none() | _TEXT,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@given(
    st.builds(
        CommitChanges,
        st.builds(Commit, st.just("f" * 40), _TEXT, _TEXT, _TEXT, st.integers(0, 2**40), _TEXT),
        st.lists(_FILE, max_size=3).map(tuple),
    )
)
def test_the_cache_form_round_trips(found: CommitChanges) -> None:
    assert from_data(found.commit.id, to_data(found)) == found


def test_a_damaged_cached_entry_is_a_clear_error_naming_the_fix() -> None:
    import pytest

    from pdsa.analysis.commits import CommitStore
    from pdsa.errors import PdsaError

    store = CommitStore({"a" * 40: ("Amira", "d", "d", "not a time", "s", ((1, 2),))})
    with pytest.raises(PdsaError, match="damaged entry for commit aaaaaaa") as caught:
        store["a" * 40]
    assert caught.value.hint is not None and ".pdsa/cache" in caught.value.hint
