"""Which files make up a log: one set of rules, shared by every command and by ``check``.

Only ``pdsa.toml`` and the ``projects/`` tree belong to the log; anything else at the
root is left alone (a log often shares its folder with a README or a CI set-up).
Inside ``projects/`` the layout is fixed::

    projects/<project>/project.toml
    projects/<project>/cycles/<cycle>.toml
    projects/<project>/measures/<measure>.toml

The rules every command follows, so that ``list``, ``report``, ``fmt``, ``migrate`` and
``check`` agree on which files exist:

* Names starting with a dot are never part of the log (``.gitkeep``, ``.DS_Store``,
  ``.git``). pdsa's own leftovers among them (the temporary file or folder of a write
  that was killed, a lock older than a lock can live) are read by nothing and reported
  as :attr:`Anomaly.LEFTOVER`; a hidden folder holding a ``project.toml`` is read by
  nothing and reported as :attr:`Anomaly.HIDDEN_PROJECT`.
* README files (``README``, ``README.md``, ``readme.txt``...) are ignored, but never a
  ``.toml`` file nor a folder: ``readme`` is a valid name for a record or a project.
* Every other folder in ``projects/`` that holds a ``project.toml`` is a project, for
  every command; one whose name is not a valid slug is still read, and reported.
* Every ``.toml`` file in a project's ``cycles/`` or ``measures/`` is a record file;
  one whose name is not a valid slug is reported (commands leave it out, naming it).
* Anything that cannot be looked at (a folder that cannot be listed, a symbolic link
  that loops or points nowhere, a name that is not UTF-8) is reported, never a crash.

:func:`scan_log` lists the whole log once (``check``, ``fmt``, ``migrate``);
:func:`project_names` and :func:`record_names` list one folder with the same rules,
for the commands that need only part of the log.
"""

from __future__ import annotations

import enum
import errno
import os
import re
import stat
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pdsa.model.slug import slug_problem

PROGRAMME_FILE = "pdsa.toml"
PROJECTS_DIR = "projects"
PROJECT_FILE = "project.toml"
CYCLES_DIR = "cycles"
MEASURES_DIR = "measures"
SUFFIX = ".toml"

Kind = Literal["programme", "project", "cycle", "measure", "loose"]

#: A lock older than this is left over from a pdsa that was killed (see
#: :func:`pdsa.store.files.locked`, which holds one for a fraction of a second).
STALE_LOCK_SECONDS = 60.0
# What pdsa's own writes name their temporary files and folders (store/files.py).
_TEMPORARY = re.compile(r"^\..+\.(?:[a-z0-9_]{8}\.tmp|new-[a-z0-9_]{8})$")
_LOCK = re.compile(r"^\..+\.lock$")


class Anomaly(enum.StrEnum):
    """Something in ``projects/`` that is not a well-formed part of the log."""

    #: A project folder or record file whose name is not a valid slug.
    MISNAMED = "misnamed"
    #: A project folder without ``project.toml``.
    NO_PROJECT_FILE = "no-project-file"
    #: A file that is no part of the layout; never read.
    STRAY_FILE = "stray-file"
    #: A folder that is no part of the layout; never looked inside.
    STRAY_FOLDER = "stray-folder"
    #: A hidden folder that holds a ``project.toml``: read by no command.
    HIDDEN_PROJECT = "hidden-project"
    #: Two names in one folder that differ only by case.
    CASE_CLASH = "case-clash"
    #: A folder that cannot be listed, or an entry that cannot be looked at.
    UNREADABLE = "unreadable"
    #: A symbolic link that loops or points at nothing.
    BROKEN_LINK = "broken-link"
    #: A temporary file or folder, or a stale lock, left by a pdsa that was killed.
    LEFTOVER = "leftover"
    #: ``projects`` at the root is something other than a folder.
    NO_PROJECTS_FOLDER = "no-projects-folder"


@dataclass(frozen=True, slots=True)
class LogFile:
    """A TOML file of the log: where it is and what it should hold."""

    path: Path
    rel: str  # relative to the log root, with forward slashes
    kind: Kind
    project: str | None = None
    #: For a loose file: why no record belongs where it is.
    note: str = ""

    @property
    def slug(self) -> str:
        """The file's stem: the record's identity."""
        name = self.rel.rpartition("/")[2]
        return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else ""


@dataclass(frozen=True, slots=True)
class Found:
    """One anomaly at ``rel``; ``detail`` says more (the reason, the other names...)."""

    anomaly: Anomaly
    rel: str
    detail: str = ""
    #: What a misnamed file or folder was meant to hold.
    kind: Kind | None = None


@dataclass(slots=True)
class LogScan:
    """Every TOML file of the log, each project's record names, and every anomaly."""

    files: list[LogFile] = field(default_factory=list)
    anomalies: list[Found] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    cycles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    measures: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


# -- the rules for one name ------------------------------------------------------------


def ignored(name: str, *, folder: bool = False) -> bool:
    """Dotfiles and README files are never part of the log, nor stray; but a ``.toml``
    file is always looked at, even one called ``readme.toml`` (a valid record name), and
    so is a folder called ``readme`` (a valid project name)."""
    if name.startswith("."):
        return True
    if folder:
        return False
    return name.split(".", 1)[0].lower() == "readme" and not name.lower().endswith(SUFFIX)


def leftover(folder: str, name: str) -> bool:
    """Whether ``name`` in ``folder`` is left over from a pdsa write that was killed."""
    if _TEMPORARY.match(name):
        return True
    if _LOCK.match(name):
        try:
            age = time.time() - os.lstat(os.path.join(folder, name)).st_mtime
        except OSError:
            return False
        return age > STALE_LOCK_SECONDS
    return False


def readable_name(name: str) -> str | None:
    """Why ``name`` cannot be shown or used as text (bytes that are not UTF-8), or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the name is not UTF-8 text"
    return None


def shown_name(text: str) -> str:
    """``text`` with the bytes of a name that is not UTF-8 written as ``\\xe9`` escapes."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class _Entry:
    """A folder entry and what it is, asked once and never raising."""

    __slots__ = ("is_dir", "is_file", "name", "path", "problem")

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self.name = entry.name
        self.path = entry.path
        self.problem = ""
        self.is_dir = self.is_file = False
        try:
            # Both follow symbolic links; neither costs a system call for a plain entry.
            self.is_dir = entry.is_dir()
            self.is_file = not self.is_dir and entry.is_file()
        except OSError as error:  # a link that loops, a name the system cannot look up
            self.problem = error.strerror or str(error)
            return
        if not (self.is_dir or self.is_file) and entry.is_symlink():
            self.problem = "the link points at nothing"

    @property
    def broken(self) -> bool:
        return bool(self.problem)


def _listing(folder: str) -> list[_Entry]:
    """Every entry of ``folder``, sorted by name; OSError if it cannot be listed."""
    with os.scandir(folder) as scanner:
        entries = [_Entry(entry) for entry in scanner]
    entries.sort(key=lambda entry: entry.name)
    return entries


# -- one folder, for commands that need only part of the log ----------------------------


class FolderError(OSError):
    """A folder of the log that cannot be listed (its path and the system's reason)."""


def project_names(root: Path) -> list[str]:
    """The projects of the log at ``root``: the folders :func:`scan_log` reads as projects.

    Raises :class:`FolderError` when ``projects/`` exists but cannot be listed, or is
    not a folder.
    """
    folder = os.path.join(root, PROJECTS_DIR)
    if not os.path.isdir(folder):
        if os.path.lexists(folder):
            raise FolderError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), folder)
        return []
    try:
        entries = _listing(folder)
    except OSError as error:
        raise FolderError(error.errno, error.strerror, folder) from None
    return [
        entry.name
        for entry in entries
        if entry.is_dir
        and not ignored(entry.name, folder=True)
        and readable_name(entry.name) is None
        and _holds_project_file(entry.path)
    ]


def record_names(folder: Path) -> list[str]:
    """The stems of the record files in a ``cycles/`` or ``measures/`` folder, as
    :func:`scan_log` finds them: valid slugs or not (see :func:`slug_problem`), names
    that are not UTF-8, and links that cannot be followed too, so that a command reading
    them names each one it cannot read rather than leaving it out silently.

    Raises :class:`FolderError` when the folder exists but cannot be listed.
    """
    if not os.path.isdir(folder):
        return []
    try:
        entries = _listing(str(folder))
    except OSError as error:
        raise FolderError(error.errno, error.strerror, str(folder)) from None
    return sorted(
        entry.name[: -len(SUFFIX)]
        for entry in entries
        if (entry.is_file or entry.broken)
        and entry.name.endswith(SUFFIX)
        and not ignored(entry.name)
        and not leftover(str(folder), entry.name)
    )


def _holds_project_file(folder: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(os.path.join(folder, PROJECT_FILE)).st_mode)
    except OSError:
        return False


# -- the whole log ------------------------------------------------------------------------


def scan_log(root: Path) -> LogScan:
    """Every file of the log at ``root`` and every anomaly, in a stable order."""
    scan = LogScan()
    scan.files.append(LogFile(root / PROGRAMME_FILE, PROGRAMME_FILE, "programme"))
    projects_dir = root / PROJECTS_DIR
    if not projects_dir.is_dir():
        if os.path.lexists(projects_dir):
            scan.anomalies.append(Found(Anomaly.NO_PROJECTS_FOLDER, PROJECTS_DIR))
        return scan
    for entry in _entries(str(projects_dir), PROJECTS_DIR, scan):
        rel = f"{PROJECTS_DIR}/{entry.name}"
        if entry.is_dir:
            _project(entry, rel, scan)
        elif entry.is_file and entry.name.endswith(SUFFIX):
            note = "a .toml file directly in projects/ is no record: each project is a folder"
            scan.files.append(LogFile(Path(entry.path), rel, "loose", note=note))
        else:
            _stray(entry, rel, scan)
    return scan


def _project(folder: _Entry, rel: str, scan: LogScan) -> None:
    name = folder.name
    problem = slug_problem(name)
    if problem is not None:
        scan.anomalies.append(Found(Anomaly.MISNAMED, rel, problem, "project"))
    has_project_file = False
    for entry in _entries(folder.path, rel, scan):
        child = f"{rel}/{entry.name}"
        if entry.name == PROJECT_FILE and entry.is_file:
            has_project_file = True
            scan.files.append(LogFile(Path(entry.path), child, "project", name))
        elif entry.name in (CYCLES_DIR, MEASURES_DIR) and entry.is_dir:
            kind: Kind = "cycle" if entry.name == CYCLES_DIR else "measure"
            _records(entry, child, kind, name, scan)
        elif entry.name.endswith(SUFFIX) and entry.is_file:
            note = (
                "a project folder holds only project.toml; "
                "cycles go in cycles/ and measures in measures/"
            )
            scan.files.append(LogFile(Path(entry.path), child, "loose", name, note))
        else:
            _stray(entry, child, scan)
    if has_project_file:
        scan.projects.append(name)
    else:
        scan.anomalies.append(Found(Anomaly.NO_PROJECT_FILE, rel, PROJECT_FILE))


def _records(folder: _Entry, rel: str, kind: Kind, project: str, scan: LogScan) -> None:
    names = scan.cycles[project] if kind == "cycle" else scan.measures[project]
    for entry in _entries(folder.path, rel, scan):
        child = f"{rel}/{entry.name}"
        if entry.name.endswith(SUFFIX) and entry.is_file:
            slug = entry.name[: -len(SUFFIX)]
            names.add(slug)
            scan.files.append(LogFile(Path(entry.path), child, kind, project))
            problem = slug_problem(slug)
            if problem is not None:
                scan.anomalies.append(Found(Anomaly.MISNAMED, child, problem, kind))
        else:
            _stray(entry, child, scan)


def _stray(entry: _Entry, rel: str, scan: LogScan) -> None:
    if entry.broken:
        scan.anomalies.append(Found(Anomaly.BROKEN_LINK, rel, entry.problem))
    elif entry.is_dir:
        scan.anomalies.append(Found(Anomaly.STRAY_FOLDER, rel))
    else:
        scan.anomalies.append(Found(Anomaly.STRAY_FILE, rel))


def _entries(folder: str, rel: str, scan: LogScan) -> list[_Entry]:
    """The folder's entries that belong to the log, sorted; what cannot be listed, the
    leftovers, hidden projects, names that are not UTF-8 and names equal but for case
    are noted in ``scan``."""
    try:
        entries = _listing(folder)
    except OSError as error:
        scan.anomalies.append(Found(Anomaly.UNREADABLE, rel, error.strerror or str(error)))
        return []
    kept: list[_Entry] = []
    for entry in entries:
        child = f"{rel}/{entry.name}"
        if leftover(folder, entry.name):
            scan.anomalies.append(Found(Anomaly.LEFTOVER, child))
        elif ignored(entry.name, folder=entry.is_dir):
            if entry.is_dir and rel == PROJECTS_DIR and _holds_project_file(entry.path):
                scan.anomalies.append(Found(Anomaly.HIDDEN_PROJECT, child))
        elif (problem := readable_name(entry.name)) is not None:
            kind: Kind | None = "project" if rel == PROJECTS_DIR else None
            scan.anomalies.append(Found(Anomaly.MISNAMED, shown_name(child), problem, kind))
        else:
            kept.append(entry)
    by_lower: dict[str, list[str]] = defaultdict(list)
    for entry in kept:
        by_lower[entry.name.lower()].append(entry.name)
    for names in by_lower.values():
        if len(names) > 1:
            for name in names:
                others = ", ".join(f"'{other}'" for other in names if other != name)
                scan.anomalies.append(Found(Anomaly.CASE_CLASH, f"{rel}/{name}", others))
    return kept
