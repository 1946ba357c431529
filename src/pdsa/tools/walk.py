"""The record files of a log, in a stable order, optionally narrowed by paths.

A path given on the command line may be a record file or a folder inside the log;
anything else is reported as a problem for that path rather than stopping the walk,
so one typo does not hide the results for every other file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pdsa.errors import PdsaError
from pdsa.store.scan import Anomaly, scan_log
from pdsa.tools.kinds import PROGRAMME_FILE, Kind, kind_of


@dataclass(frozen=True)
class RecordFile:
    """A record file: where it is (absolute), how to name it to a person, its kind."""

    path: Path
    shown: Path
    kind: Kind


@dataclass(frozen=True)
class Walk:
    """The files found, and a problem for each given path that names no record."""

    files: list[RecordFile]
    problems: list[PdsaError]


def shown_path(path: Path, cwd: Path) -> Path:
    """``path`` relative to ``cwd`` when it lies below it (as a person typed it), else as is."""
    try:
        return path.relative_to(cwd)
    except ValueError:
        return path


def log_files(root: Path) -> Iterator[Path]:
    """Every record file of the log at ``root``: the programme, then project by project
    (its ``project.toml``, measures, cycles), as the scan every command shares finds them
    (:func:`pdsa.store.scan.scan_log`)."""
    yield from _scanned(root)[0]


# What kept the scan from reading part of the log: a command over the whole log names it.
_UNREAD = {
    Anomaly.UNREADABLE: "cannot read the folder: {detail}",
    Anomaly.BROKEN_LINK: "cannot read it: {detail} (a symbolic link that loops or points "
    "at nothing)",
    Anomaly.NO_PROJECTS_FOLDER: "not a folder, so no project can be read",
}


def _scanned(root: Path) -> tuple[list[Path], list[PdsaError]]:
    order = {"programme": 0, "project": 1, "measure": 2, "cycle": 3}
    scan = scan_log(root)
    files = [item for item in scan.files if item.kind in order]
    if not (root / PROGRAMME_FILE).is_file():
        files = [item for item in files if item.kind != "programme"]
    files.sort(key=lambda item: (item.project or "", order[item.kind], item.rel))
    unread = [
        PdsaError(_UNREAD[found.anomaly].format(detail=found.detail), path=root / found.rel)
        for found in scan.anomalies
        if found.anomaly in _UNREAD
    ]
    return [item.path for item in files], unread


def walk(root: Path, paths: Iterable[Path] = (), *, cwd: Path | None = None) -> Walk:
    """The record files under ``paths`` (default: the whole log), each once, in log order."""
    cwd = (cwd or Path.cwd()).resolve()
    root = root.resolve()
    every, unread = _scanned(root)
    given = [(path, (cwd / path).resolve()) for path in paths]
    if not given:
        chosen = every
        problems: list[PdsaError] = list(unread)
    else:
        chosen, problems = _narrow(root, every, given)
    files = []
    for path in chosen:
        kind = kind_of(root, path)
        if kind is not None:
            files.append(RecordFile(path, shown_path(path, cwd), kind))
    return Walk(files, problems)


def _narrow(
    root: Path, every: list[Path], given: list[tuple[Path, Path]]
) -> tuple[list[Path], list[PdsaError]]:
    wanted: set[Path] = set()
    problems: list[PdsaError] = []
    for typed, path in given:
        if not path.exists():
            problems.append(PdsaError("no such file or folder", path=typed))
        elif path != root and root not in path.parents:
            problems.append(
                PdsaError(
                    f"outside the log at {root}",
                    path=typed,
                    hint="give files or folders inside the log, or choose the log with --root",
                )
            )
        elif path.is_dir():
            wanted.update(file for file in every if path == file.parent or path in file.parents)
        elif kind_of(root, path) is None:
            problems.append(
                PdsaError(
                    "not a pdsa record file",
                    path=typed,
                    hint="record files are " + ", ".join(kind.where for kind in Kind),
                )
            )
        else:
            wanted.add(path)
    return [file for file in every if file in wanted], problems
