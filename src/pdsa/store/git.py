"""Reading the log's git history with the user's own ``git`` command.

Everything ``pdsa history``, the "predictions made in advance" figure and the hindsight
rule know about commits comes through here, in a fixed handful of processes per run,
never one per file:

* ``git version`` and ``git rev-parse``: is there a repository, where is its top, which
  commit is ``HEAD``, is the clone shallow;
* ``git rev-list --parents``: every commit of ``HEAD``, newest first, with its parents;
* ``git diff-tree --stdin``: what each commit not yet cached changed in the log, with
  renames found and merges as combined diffs (only what differs from every parent);
* ``git cat-file --batch``: the text of every version those diffs name, in one stream;
* ``git ls-tree`` and ``git status``: the version of each file at ``HEAD``, and what is
  not committed yet.

git 2.22 or newer is needed (``--combined-all-paths``, June 2019). Paths are passed
literally (``GIT_LITERAL_PATHSPECS``), output is NUL-separated (``-z``), so no name is
ever misread. Nothing here changes the repository: ``status`` runs without optional
locks, so it never rewrites the index.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pdsa.errors import PdsaError
from pdsa.store.root import inside_git

__all__ = ["inside_git"]

MINIMUM_VERSION = (2, 22)
_NULL = re.compile(rb"^0+$")
_HEADER = re.compile(rb"\x01([0-9a-f]{40,64})\x00")
_VERSION = re.compile(r"git version (\d+)\.(\d+)")


NOT_IN_GIT_HINT = (
    "keep the log in git (git init; git add .; git commit) to prove when each part was written"
)


class GitUnavailable(PdsaError):
    """The log's history cannot be read: no git, too old a git, or no repository."""


@dataclass(frozen=True, slots=True)
class Repository:
    """A git repository holding a log."""

    git: str
    #: The repository's top folder.
    top: Path
    #: The log's folder inside it, with a trailing slash ("" when the log is the top).
    prefix: str
    #: The commit ``HEAD`` names; None before the first commit.
    head: str | None
    #: The commits where a shallow clone's history is cut off (empty for a full clone).
    shallow: frozenset[str]

    def pathspecs(self) -> list[str]:
        """The paths of the log's records: ``pdsa.toml`` and ``projects/``."""
        return [f"{self.prefix}pdsa.toml", f"{self.prefix}projects"]


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One file a commit changed, as ``git diff-tree`` reports it (paths from the top)."""

    #: The path in each parent (one for an ordinary commit, one per parent for a merge).
    old_paths: tuple[str, ...]
    #: The blob in each parent; None where the file did not exist there.
    old_blobs: tuple[str | None, ...]
    path: str
    #: The blob after the commit; None when the commit deleted the file.
    blob: str | None
    #: git's status letter(s): A, M, D, R (renamed), C (copied), T, one per parent.
    status: str


@dataclass(frozen=True, slots=True)
class RawCommit:
    """A commit's facts and the log files it changed."""

    id: str
    author: str
    author_date: str
    commit_date: str
    #: Seconds since the epoch when it was committed (orders commits on parallel branches).
    time: int
    subject: str
    entries: tuple[RawEntry, ...]


@dataclass(frozen=True, slots=True)
class RawStatus:
    """A file whose working copy differs from ``HEAD`` (paths from the top)."""

    path: str
    #: Its path and blob at ``HEAD``; None for a file that is new.
    head_path: str | None
    head_blob: str | None
    #: Whether the working copy is gone.
    deleted: bool


def find_git() -> str:
    """The ``git`` command on the PATH (no process is started); :class:`GitUnavailable`
    when there is none."""
    git = shutil.which("git")
    if git is None:
        raise GitUnavailable(
            "git is not installed, so the log's history cannot be read",
            hint="install git (2.22 or newer); every other command works without it",
        )
    return git


def open_repository(root: Path) -> Repository:
    """The repository holding the log at ``root``; :class:`GitUnavailable` says why not."""
    git = find_git()
    version = _run(git, root, ["version"]).decode("utf-8", "replace")
    found = _VERSION.search(version)
    if found is None or (int(found.group(1)), int(found.group(2))) < MINIMUM_VERSION:
        raise GitUnavailable(
            f"{version.strip() or 'git'} is too old to read the log's history",
            hint="pdsa needs git 2.22 or newer",
        )
    completed = _completed(
        git,
        root,
        [
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            "--is-shallow-repository",
            "--git-path",
            "shallow",
            "HEAD",
        ],
    )
    lines = completed.stdout.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 4 or not lines[0]:
        message = completed.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in message:
            raise GitUnavailable(
                "the log is not in a git repository, so it has no history to read",
                hint=NOT_IN_GIT_HINT,
            )
        raise GitUnavailable(f"git cannot read the repository: {_first_line(message)}")
    top, prefix, shallow_flag, shallow_file = lines[:4]
    head = lines[4] if len(lines) > 4 and re.fullmatch(r"[0-9a-f]{40,64}", lines[4]) else None
    shallow: frozenset[str] = frozenset()
    if shallow_flag == "true":
        shallow_path = Path(shallow_file)
        if not shallow_path.is_absolute():
            shallow_path = root / shallow_path
        try:
            shallow = frozenset(shallow_path.read_text(encoding="ascii").split())
        except OSError:
            shallow = frozenset()
    return Repository(git, Path(top), prefix, head, shallow)


def graph(repository: Repository) -> list[tuple[str, tuple[str, ...]]]:
    """Every commit of ``HEAD``, newest first (no commit before its children), each with
    its parents. Not limited to the log's paths: that would cost a diff per commit on
    every run, where the cache needs one per commit once."""
    if repository.head is None:
        return []
    output = _run(
        repository.git,
        repository.top,
        ["rev-list", "--parents", "--date-order", repository.head],
    )
    found = []
    for line in output.decode("ascii").splitlines():
        ids = line.split()
        if ids:
            found.append((ids[0], tuple(ids[1:])))
    return found


_FORMAT = "%x01%H%x00%an%x00%aI%x00%cI%x00%ct%x00%s%x00"


def changes(repository: Repository, commits: Sequence[str]) -> Iterator[RawCommit]:
    """What each of ``commits`` changed among the log's files; commits that changed none
    are left out. Renames are followed; a merge lists only the files it changed from every
    parent (a file taken whole from one side belongs to the commit that changed it there)."""
    if not commits:
        return iter(())
    output = _run(
        repository.git,
        repository.top,
        [
            "-c",
            "i18n.logOutputEncoding=UTF-8",
            "diff-tree",
            "--stdin",
            "-r",
            "-c",
            "--combined-all-paths",
            "-M",
            "--root",
            "--raw",
            "--no-abbrev",
            "-z",
            f"--format={_FORMAT}",
            "--",
            *repository.pathspecs(),
        ],
        stdin="".join(commit + "\n" for commit in commits).encode("ascii"),
    )
    return _parse_changes(output)


def _parse_changes(output: bytes) -> Iterator[RawCommit]:
    starts = list(_HEADER.finditer(output))
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(output)
        fields = output[match.end() : end].split(b"\x00")
        author, author_date, commit_date, time, subject = (
            field.decode("utf-8", "replace") for field in fields[:5]
        )
        yield RawCommit(
            id=match.group(1).decode("ascii"),
            author=author,
            author_date=author_date,
            commit_date=commit_date,
            time=int(time) if time.isdigit() else 0,
            subject=subject,
            entries=tuple(_entries(fields[5:])),
        )


def _entries(tokens: list[bytes]) -> Iterator[RawEntry]:
    position = 0
    while position < len(tokens):
        token = tokens[position].lstrip(b"\n")
        position += 1
        if not token.startswith(b":"):
            continue
        parents = len(token) - len(token.lstrip(b":"))
        words = token[parents:].split()
        modes, blobs, status = words[: parents + 1], words[parents + 1 : 2 * parents + 2], words[-1]
        # A rename names the old path and the new one; a merge, each parent's and the result.
        renamed = parents == 1 and status[:1] in (b"R", b"C")
        count = 2 if renamed else parents + (0 if parents == 1 else 1)
        names = [
            name.decode("utf-8", "surrogateescape") for name in tokens[position : position + count]
        ]
        position += count
        if not names or any(not _regular(mode) for mode in modes if not _NULL.match(mode)):
            continue  # symbolic links and submodules hold no record
        old_paths = tuple(names[:-1]) if len(names) > 1 else (names[0],)
        yield RawEntry(
            old_paths=old_paths,
            old_blobs=tuple(_blob(blob) for blob in blobs[:-1]),
            path=names[-1],
            blob=_blob(blobs[-1]),
            status=status.decode("ascii", "replace"),
        )


def _regular(mode: bytes) -> bool:
    return mode.startswith(b"100")


def _blob(word: bytes) -> str | None:
    return None if _NULL.match(word) else word.decode("ascii")


def read_blobs(repository: Repository, blobs: Iterable[str]) -> dict[str, bytes]:
    """The content of each blob, read in one ``git cat-file --batch`` stream."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    output = _run(
        repository.git,
        repository.top,
        ["cat-file", "--batch"],
        stdin="".join(blob + "\n" for blob in wanted).encode("ascii"),
    )
    found: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        newline = output.index(b"\n", position)
        header = output[position:newline].split()
        position = newline + 1
        if len(header) != 3:  # "<id> missing": not in a shallow or partial clone
            continue
        size = int(header[2])
        found[header[0].decode("ascii")] = output[position : position + size]
        position += size + 1
    return found


def head_tree(repository: Repository) -> dict[str, str]:
    """Each of the log's files at ``HEAD`` (path from the top) and its blob."""
    if repository.head is None:
        return {}
    output = _run(
        repository.git,
        repository.top,
        ["ls-tree", "-r", "-z", "--full-tree", repository.head, "--", *repository.pathspecs()],
    )
    tree: dict[str, str] = {}
    for record in output.split(b"\x00"):
        if not record:
            continue
        info, _, path = record.partition(b"\t")
        mode, kind, blob = info.split()
        if kind == b"blob" and _regular(mode):
            tree[path.decode("utf-8", "surrogateescape")] = blob.decode("ascii")
    return tree


def status(repository: Repository) -> list[RawStatus]:
    """The log's files whose working copy differs from ``HEAD``, untracked ones included.

    A file deleted and another added with the same bytes (a rename not yet staged) are
    paired, as ``git mv`` would have been.
    """
    output = _run(
        repository.git,
        repository.top,
        [
            "--no-optional-locks",
            "status",
            "--porcelain=v2",
            "-z",
            "--untracked-files=all",
            "--",
            *repository.pathspecs(),
        ],
    )
    tokens = output.split(b"\x00")
    found: list[RawStatus] = []
    position = 0
    while position < len(tokens):
        token = tokens[position].decode("utf-8", "surrogateescape")
        position += 1
        if token.startswith("1 "):
            fields = token.split(" ", 8)
            blob = _blob(fields[6].encode("ascii"))
            path = fields[8]
            found.append(RawStatus(path, path if blob else None, blob, fields[5] == "000000"))
        elif token.startswith("2 "):
            fields = token.split(" ", 9)
            original = tokens[position].decode("utf-8", "surrogateescape")
            position += 1
            blob = _blob(fields[6].encode("ascii"))
            found.append(RawStatus(fields[9], original, blob, fields[5] == "000000"))
        elif token.startswith("u "):
            fields = token.split(" ", 10)
            found.append(RawStatus(fields[10], None, None, False))
        elif token.startswith("? "):
            found.append(RawStatus(token[2:], None, None, False))
    return _pair_renames(repository.top, found)


def _pair_renames(top: Path, found: list[RawStatus]) -> list[RawStatus]:
    deleted = {entry.head_blob: entry for entry in found if entry.deleted and entry.head_blob}
    if not deleted:
        return found
    paired: list[RawStatus] = []
    used: set[str] = set()
    for entry in found:
        if entry.head_path is None and not entry.deleted:
            try:
                blob = blob_id((top / entry.path).read_bytes())
            except OSError:
                blob = ""
            if blob in deleted and blob not in used:
                used.add(blob)
                source = deleted[blob]
                paired.append(RawStatus(entry.path, source.head_path, source.head_blob, False))
                continue
        paired.append(entry)
    return [entry for entry in paired if not (entry.deleted and entry.head_blob in used)]


def blob_id(data: bytes) -> str:
    """The id git gives a file holding ``data`` (SHA-1 repositories)."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_LITERAL_PATHSPECS": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_PAGER": "cat",
    }


def _completed(
    git: str, cwd: Path, arguments: list[str], *, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            [git, *arguments],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=_environment(),
            check=False,
        )
    except OSError as error:
        raise GitUnavailable(f"git could not be started: {error.strerror or error}") from None


def _run(git: str, cwd: Path, arguments: list[str], *, stdin: bytes | None = None) -> bytes:
    completed = _completed(git, cwd, arguments, stdin=stdin)
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise GitUnavailable(
            f"git {arguments[0] if arguments[0] != '-c' else arguments[2]} failed: "
            f"{_first_line(message) or f'exit code {completed.returncode}'}",
            hint="run 'git status' in the log's folder to see what git says",
        )
    return completed.stdout


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().removeprefix("fatal: ")
    return ""
