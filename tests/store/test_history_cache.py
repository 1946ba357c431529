"""The history cache: kept beside the log, never committed, ignored when unusable."""

from __future__ import annotations

import marshal
from pathlib import Path

from pdsa.store import history_cache


def test_what_is_saved_is_loaded_for_the_same_place_in_the_repository(tmp_path: Path) -> None:
    commits = {"a" * 40: ("Amira", "d", "d", 1, "s", ()), "b" * 40: ()}
    assert history_cache.save(tmp_path, prefix="log/", commits=commits)
    assert history_cache.load(tmp_path, prefix="log/") == commits
    assert history_cache.load(tmp_path, prefix="") == {}  # the log moved in the repository


def test_the_graph_is_kept_for_one_head_and_one_shallow_state(tmp_path: Path) -> None:
    graph = [("b" * 40, ("a" * 40,)), ("a" * 40, ())]
    tree = {"pdsa.toml": "c" * 40}
    assert history_cache.save_head(
        tmp_path, prefix="", head="b" * 40, shallow=(), graph=graph, tree=tree
    )
    assert history_cache.load_head(tmp_path, prefix="", head="b" * 40, shallow=()) == (graph, tree)
    assert history_cache.load_head(tmp_path, prefix="", head="a" * 40, shallow=()) is None
    assert history_cache.load_head(tmp_path, prefix="", head="b" * 40, shallow=["a" * 40]) is None


def test_the_cache_folder_ignores_itself(tmp_path: Path) -> None:
    history_cache.save(tmp_path, prefix="", commits={})
    ignore = tmp_path / ".pdsa" / "cache" / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_cache_from_another_format_or_damaged_is_ignored(tmp_path: Path) -> None:
    history_cache.save(tmp_path, prefix="", commits={"x": ()})
    path = tmp_path / ".pdsa" / "cache" / history_cache.COMMITS_FILE
    path.write_bytes(marshal.dumps(((0, marshal.version, 0, ""), {"x": ()})))
    assert history_cache.load(tmp_path, prefix="") == {}
    path.write_bytes(b"\xff\xfe not marshal")
    assert history_cache.load(tmp_path, prefix="") == {}
    path.write_bytes(marshal.dumps({"x": ()})[:-3])
    assert history_cache.load(tmp_path, prefix="") == {}


def test_a_cache_that_cannot_be_written_is_simply_not_kept(tmp_path: Path) -> None:
    (tmp_path / ".pdsa").write_text("a file where the folder should be", encoding="utf-8")
    assert not history_cache.save(tmp_path, prefix="", commits={})


def test_an_ignore_file_naming_the_cache_already_is_left_alone(tmp_path: Path) -> None:
    assert history_cache.ignore_text(".pdsa/cache/\n") is None
    assert history_cache.ignore_text("/.pdsa/cache/") is None
    assert (
        history_cache.ignore_text(None)
        == "# pdsa's cache of the log's git history\n/.pdsa/cache/\n"
    )
    path = tmp_path / ".gitignore"
    path.write_bytes(b"\xff not utf-8")
    history_cache.ignore_in(tmp_path)
    assert path.read_bytes() == b"\xff not utf-8"
