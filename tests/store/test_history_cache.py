"""The history cache: kept beside the log, never committed, ignored when unusable."""

from __future__ import annotations

import json
from pathlib import Path

from pdsa.store import history_cache


def test_what_is_saved_is_loaded_for_the_same_place_in_the_repository(tmp_path: Path) -> None:
    commits = {"a" * 40: ["Amira", "d", "d", 1, "s", []], "b" * 40: []}
    assert history_cache.save(tmp_path, prefix="log/", commits=commits)
    assert history_cache.load(tmp_path, prefix="log/") == commits
    assert history_cache.load(tmp_path, prefix="") == {}  # the log moved in the repository


def test_the_cache_folder_ignores_itself(tmp_path: Path) -> None:
    history_cache.save(tmp_path, prefix="", commits={})
    ignore = tmp_path / ".pdsa" / "cache" / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_cache_from_another_format_or_damaged_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / ".pdsa" / "cache"
    folder.mkdir(parents=True)
    path = folder / history_cache.CACHE_FILE
    path.write_text(json.dumps({"format": 0, "prefix": "", "commits": {"x": []}}), encoding="utf-8")
    assert history_cache.load(tmp_path, prefix="") == {}
    path.write_bytes(b"\xff\xfe not json")
    assert history_cache.load(tmp_path, prefix="") == {}
    path.write_text("[" * 100_000, encoding="utf-8")
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
