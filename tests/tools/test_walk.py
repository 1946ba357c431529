"""Tests for pdsa.tools.walk and pdsa.tools.kinds: which files are records, of what kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from tools_support import write

from pdsa.tools.kinds import Kind, kind_of
from pdsa.tools.walk import walk


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("pdsa.toml", Kind.PROGRAMME),
        ("projects/p/project.toml", Kind.PROJECT),
        ("projects/p/measures/m.toml", Kind.MEASURE),
        ("projects/p/cycles/c.toml", Kind.CYCLE),
        ("projects/p/cycles/.c.toml", None),
        ("projects/p/cycles/c.toml.tmp", None),
        ("projects/p/notes/n.toml", None),
        ("projects/p/cycles/deeper/c.toml", None),
        ("projects/project.toml", None),
        (".pdsa/schemas/cycle.json", None),
        ("other.toml", None),
    ],
)
def test_kind_of(relative: str, kind: Kind | None) -> None:
    root = Path("/log")
    assert kind_of(root, root / relative) is kind
    assert kind_of(root, Path("/elsewhere") / relative) is None


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for relative in (
        "pdsa.toml",
        "README.md",
        "projects/b/project.toml",
        "projects/b/cycles/z.toml",
        "projects/b/cycles/a.toml",
        "projects/b/cycles/.a.toml.tmp",
        "projects/a/project.toml",
        "projects/a/measures/m.toml",
        "projects/a/notes.txt",
        "projects/orphan/cycles/c.toml",
    ):
        write(tmp_path, relative, "")
    return tmp_path


def _names(root: Path, *paths: str) -> list[str]:
    return [file.shown.as_posix() for file in walk(root, [Path(p) for p in paths], cwd=root).files]


def test_the_whole_log_in_order(tree: Path) -> None:
    assert _names(tree) == [
        "pdsa.toml",
        "projects/a/project.toml",
        "projects/a/measures/m.toml",
        "projects/b/project.toml",
        "projects/b/cycles/a.toml",
        "projects/b/cycles/z.toml",
        "projects/orphan/cycles/c.toml",
    ]


def test_paths_narrow_it_each_file_once(tree: Path) -> None:
    assert _names(tree, "projects/b/cycles", "projects/b/cycles/z.toml") == [
        "projects/b/cycles/a.toml",
        "projects/b/cycles/z.toml",
    ]
    assert _names(tree, "projects/a") == ["projects/a/project.toml", "projects/a/measures/m.toml"]
    assert _names(tree, ".") == _names(tree)


def test_paths_are_shown_as_typed_from_a_subfolder(tree: Path) -> None:
    found = walk(tree, [Path("cycles")], cwd=tree / "projects" / "b")
    assert [file.shown.as_posix() for file in found.files] == ["cycles/a.toml", "cycles/z.toml"]
    assert [file.kind for file in found.files] == [Kind.CYCLE, Kind.CYCLE]


def test_each_bad_path_is_a_problem_of_its_own(
    tree: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    found = walk(tree, [Path("README.md"), Path("nope"), outside, Path("pdsa.toml")], cwd=tree)
    assert [file.shown.as_posix() for file in found.files] == ["pdsa.toml"]
    assert [problem.message for problem in found.problems] == [
        "not a pdsa record file",
        "no such file or folder",
        f"outside the log at {tree.resolve()}",
    ]
    assert found.problems[0].location() == "README.md"
