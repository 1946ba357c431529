"""Commits that changed the log, what each changed, and the cache's form of them.

A :class:`CommitChanges` is one commit (:class:`Commit`) with the record files it changed
(:class:`FileChange`), each with the parts it added, changed or removed
(:class:`~pdsa.analysis.record_parts.Change`). :func:`to_data` and :func:`from_data` turn
one into plain tuples and back, for the cache, and :class:`CommitStore` decodes them only
when a record's history needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pdsa.analysis.record_parts import PREDICTIONS, Change, Kind, follows_renames
from pdsa.errors import PdsaError


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that changed the log."""

    id: str
    author: str
    #: ISO 8601, as git gives them.
    author_date: str
    commit_date: str
    #: Seconds since the epoch when it was committed.
    time: int
    subject: str
    #: A shallow clone's history is cut off here: what it shows as new may be older.
    cut_off: bool = False

    @property
    def short(self) -> str:
        """The first 7 characters of its id, as ``git log --oneline`` shows it."""
        return self.id[:7]

    def to_json(self) -> dict[str, object]:
        """The commit as a JSON object."""
        return {
            "id": self.id,
            "short": self.short,
            "author": self.author,
            "author_date": self.author_date,
            "commit_date": self.commit_date,
            "subject": self.subject,
            "cut_off": self.cut_off,
        }


@dataclass(frozen=True, slots=True)
class FileChange:
    """One record file as one commit (or the working copy) left it."""

    #: The file's path in the log after the change (before it, for a deletion).
    path: str
    kind: Kind
    #: Its blob after the change; None when deleted or not committed yet.
    blob: str | None
    #: The version(s) it replaced, one per parent that had the file: (path, blob).
    sources: tuple[tuple[str, str], ...]
    changes: tuple[Change, ...]
    renamed_from: str | None = None
    deleted: bool = False
    #: This version is not valid TOML: its parts are unknown.
    unreadable: bool = False
    #: The version before could not be read: every part is listed as added.
    reread: bool = False
    #: This version was not read (the commit where a shallow history is cut off).
    unread: bool = False


def record_name(change: FileChange) -> str:
    """How people name the record: ``project/slug``, ``project``, or ``pdsa.toml``."""
    parts = change.path.split("/")
    if change.kind in ("cycle", "measure") and len(parts) == 4:
        return f"{parts[1]}/{parts[3].removesuffix('.toml')}"
    if change.kind == "project" and len(parts) == 3:
        return parts[1]
    return change.path


def follow_measure_renames(
    files: Sequence[FileChange], predictions: Callable[[FileChange], tuple[Any, Any] | None]
) -> tuple[FileChange, ...]:
    """The files one commit (or the working copy) changed, with each change to a cycle's
    predictions that only writes in the new name of a measure renamed in the same change
    (as renaming a measure rewrites every reference to it) marked ``renamed``: what was
    predicted did not change, so it is no hindsight edit.

    ``predictions`` gives a cycle file's predictions before and after (None when either
    version cannot be read).
    """
    renames: dict[str, dict[str, str]] = {}
    for change in files:
        old, new = (change.renamed_from or "").split("/"), change.path.split("/")
        if change.kind == "measure" and not change.deleted and len(old) == len(new) == 4:
            slugs = renames.setdefault(new[1], {})
            slugs[old[3].removesuffix(".toml")] = new[3].removesuffix(".toml")
    if not renames:
        return tuple(files)
    marked = []
    for change in files:
        named = renames.get(change.path.split("/")[1]) if change.kind == "cycle" else None
        if named and any(_predictions_changed(item) for item in change.changes):
            values = predictions(change)
            if values is not None and follows_renames(*values, named):
                change = replace(
                    change,
                    changes=tuple(
                        replace(item, action="renamed") if _predictions_changed(item) else item
                        for item in change.changes
                    ),
                )
        marked.append(change)
    return tuple(marked)


def _predictions_changed(item: Change) -> bool:
    return item.part == PREDICTIONS and item.action == "changed"


@dataclass(frozen=True, slots=True)
class CommitChanges:
    """A commit and the record files it changed."""

    commit: Commit
    files: tuple[FileChange, ...]


class CommitStore(Mapping[str, CommitChanges]):
    """Commits' changes by id, decoded from the cache's plain form (see :func:`to_data`)
    only when asked for: showing one record's history decodes only its commits."""

    def __init__(
        self, raw: Mapping[str, Any] | None = None, fresh: Mapping[str, CommitChanges] | None = None
    ) -> None:
        self._raw = raw or {}
        self._decoded: dict[str, CommitChanges] = dict(fresh or {})

    def __getitem__(self, commit: str) -> CommitChanges:
        found = self._decoded.get(commit)
        if found is None:
            data = self._raw.get(commit)
            if not data:
                raise KeyError(commit)
            try:
                found = self._decoded[commit] = from_data(commit, data)
            except ValueError:
                raise PdsaError(
                    f"the history cache holds a damaged entry for commit {commit[:7]}",
                    hint="delete the folder .pdsa/cache in the log; it is rebuilt on the next run",
                ) from None
        return found

    def __contains__(self, commit: object) -> bool:
        return commit in self._decoded or bool(self._raw.get(commit))  # type: ignore[call-overload]

    def __iter__(self) -> Iterator[str]:
        yield from self._decoded
        yield from (
            commit for commit, data in self._raw.items() if data and commit not in self._decoded
        )

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def versions(self, commit: str) -> Iterator[tuple[int, str, str | None]]:
        """Each file the commit changed: its position, path and new blob, without decoding."""
        found = self._decoded.get(commit)
        if found is not None:
            for position, change in enumerate(found.files):
                yield position, change.path, change.blob
            return
        data = self._raw.get(commit)
        if data:
            files = data[5]
            if len(files) == 1:  # most commits change one file
                yield 0, files[0][0], files[0][2]
                return
            for position, change in enumerate(files):
                yield position, change[0], change[2]


# -- the cache's form: plain tuples, for marshal -----------------------------------------

_FLAGS = ("deleted", "unreadable", "reread", "unread")


def to_data(found: CommitChanges) -> tuple[Any, ...]:
    """A commit's changes as plain tuples (see :func:`from_data`), for the cache."""
    commit = found.commit
    return (
        commit.author,
        commit.author_date,
        commit.commit_date,
        commit.time,
        commit.subject,
        tuple(
            (
                change.path,
                change.kind,
                change.blob,
                change.sources,
                change.renamed_from,
                tuple(flag for flag in _FLAGS if getattr(change, flag)),
                tuple(
                    (item.part, item.action, item.digest, item.old, item.new, item.keys)
                    for item in change.changes
                ),
            )
            for change in found.files
        ),
    )


def from_data(commit_id: str, data: Any) -> CommitChanges:
    """The commit's changes from :func:`to_data`'s form; ValueError when it is not that."""
    try:
        author, author_date, commit_date, time, subject, files = data
        commit = Commit(commit_id, author, author_date, commit_date, int(time), subject)
        changes = []
        for path, kind, blob, sources, renamed_from, flags, items in files:
            listed = tuple(
                Change(part, action, digest, tuple(old), tuple(new), tuple(keys))
                for part, action, digest, old, new, keys in items
            )
            changes.append(
                FileChange(
                    path,
                    kind,
                    blob,
                    tuple((source[0], source[1]) for source in sources),
                    listed,
                    renamed_from,
                    "deleted" in flags,
                    "unreadable" in flags,
                    "reread" in flags,
                    "unread" in flags,
                )
            )
    except (TypeError, ValueError, IndexError, KeyError) as error:
        raise ValueError(f"not a cached commit: {error}") from None
    return CommitChanges(commit, tuple(changes))
