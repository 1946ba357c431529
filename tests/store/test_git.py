"""The git commands pdsa runs, on real repositories: what they report and how they fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from gitrepo import Repo

from pdsa.store import git
from pdsa.store.root import inside_git


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo.create(tmp_path / "repo")
    write(repo.root / "pdsa.toml", 'schema_version = 1\nname = "P"\n')
    write(repo.root / "projects" / "a" / "project.toml", 'title = "A"\n')
    repo.commit("One")
    return repo


def test_the_repository_its_head_and_the_log_prefix(repo: Repo) -> None:
    found = git.open_repository(repo.root)
    assert found.top == repo.root.resolve()
    assert (found.prefix, found.head, found.shallow) == ("", repo.head(), frozenset())
    write(repo.root / "sub folder" / "pdsa.toml", "")
    assert git.open_repository(repo.root / "sub folder").prefix == "sub folder/"


def test_a_repository_without_commits_has_no_head(tmp_path: Path) -> None:
    repo = Repo.create(tmp_path / "new")
    assert git.open_repository(repo.root).head is None
    assert git.graph(git.open_repository(repo.root)) == []


def test_changes_name_old_and_new_blobs_and_renames(repo: Repo) -> None:
    (repo.root / "projects" / "a" / "project.toml").rename(repo.root / "projects" / "a" / "x.toml")
    write(repo.root / "projects" / "a" / "cycles" / "é café.toml", "title = 'B'\n")
    renamed = repo.commit("Two")
    repository = git.open_repository(repo.root)
    (found,) = git.changes(repository, [renamed])
    assert (found.subject, found.author) == ("Two", "Amira Haddad")
    by_path = {entry.path: entry for entry in found.entries}
    assert by_path["projects/a/x.toml"].old_paths == ("projects/a/project.toml",)
    assert by_path["projects/a/x.toml"].status.startswith("R")
    added = by_path["projects/a/cycles/é café.toml"]
    assert (added.old_blobs, added.status) == ((None,), "A")
    blobs = git.read_blobs(repository, [added.blob or ""])
    assert blobs == {added.blob: b"title = 'B'\n"}


def test_files_outside_the_log_are_not_read(repo: Repo) -> None:
    write(repo.root / "README.md", "hello\n")
    quiet = repo.commit("Docs only")
    repository = git.open_repository(repo.root)
    assert list(git.changes(repository, [quiet])) == []
    assert git.graph(repository)[0][0] == quiet


def test_head_tree_lists_the_log_files_from_the_top(repo: Repo) -> None:
    tree = git.head_tree(git.open_repository(repo.root))
    assert set(tree) == {"pdsa.toml", "projects/a/project.toml"}
    assert tree["pdsa.toml"] == git.blob_id(b'schema_version = 1\nname = "P"\n')


def test_status_pairs_a_rename_not_yet_staged(repo: Repo) -> None:
    old = repo.root / "projects" / "a" / "project.toml"
    new = repo.root / "projects" / "b" / "project.toml"
    new.parent.mkdir()
    new.write_bytes(old.read_bytes())
    old.unlink()
    write(repo.root / "projects" / "c" / "project.toml", "title = 'C'\n")
    found = {item.path: item for item in git.status(git.open_repository(repo.root))}
    assert set(found) == {"projects/b/project.toml", "projects/c/project.toml"}
    assert found["projects/b/project.toml"].head_path == "projects/a/project.toml"
    assert found["projects/c/project.toml"].head_path is None


def test_status_changes_nothing_in_the_repository(repo: Repo) -> None:
    index = repo.root / ".git" / "index"
    write(repo.root / "pdsa.toml", 'schema_version = 1\nname = "Q"\n')
    before = index.read_bytes()
    git.status(git.open_repository(repo.root))
    assert index.read_bytes() == before


def test_outside_a_repository_git_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    assert not inside_git(folder)
    with pytest.raises(git.GitUnavailable, match="not in a git repository"):
        git.open_repository(folder)


def test_a_git_older_than_the_minimum_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "git"
    fake.write_text("#!/bin/sh\necho 'git version 2.17.1'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(git.shutil, "which", lambda name: str(fake))
    with pytest.raises(git.GitUnavailable, match=r"git version 2\.17\.1 is too old") as caught:
        git.open_repository(tmp_path)
    assert caught.value.hint == "pdsa needs git 2.22 or newer"


def test_a_broken_repository_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / ".git").write_text("gitdir: /nowhere/at/all\n", encoding="utf-8")
    assert inside_git(folder)
    with pytest.raises(git.GitUnavailable) as caught:
        git.open_repository(folder)
    assert "\n" not in caught.value.message


def test_inside_git_stops_at_a_ceiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Repo.create(tmp_path / "outer")
    inner = tmp_path / "outer" / "log"
    inner.mkdir()
    monkeypatch.delenv("GIT_CEILING_DIRECTORIES", raising=False)
    assert inside_git(inner)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path / "outer"))
    assert not inside_git(inner)
    monkeypatch.setenv("GIT_DIR", os.fspath(tmp_path / "outer" / ".git"))
    assert inside_git(inner)
