"""The log's git history as data: which commit wrote which part of which record.

Pure: :class:`History` is built from what :mod:`pdsa.store.git` read (commits, each with
the parts it changed in each record file, see :mod:`pdsa.analysis.record_parts`) and
answers two questions:

* :meth:`History.record`: one record's history, oldest first. A record is followed back
  through its versions by content: each version names the version(s) it replaced (by
  path and blob), so a rename (``git mv``, or a delete and an add of the same content in
  one commit), a merge of two branches, and a history rebased into a new line are all
  followed, and a different file that once had the same name is not.
* :meth:`History.compare`: which of two moments came first. Commit order decides: a
  commit that is an ancestor of another came before it; commits on parallel branches are
  ordered by the time they were committed; what is not committed yet comes after every
  commit. Where a shallow clone cuts the history off, what the oldest commit holds may
  have been written earlier, so it is "at or before" that commit, and a comparison that
  depends on the missing part is ``unknown``, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from pdsa.analysis.commits import Commit, CommitChanges, CommitStore, FileChange, record_name
from pdsa.analysis.record_parts import Change

Order = Literal["before", "same", "after", "unknown"]


@dataclass(frozen=True, slots=True)
class Origin:
    """When something was written: in a commit, at or before it, or not committed yet."""

    #: None: it is only in the working copy.
    commit: Commit | None
    #: The history is cut off: it was there in ``commit`` and may be older.
    cut_off: bool = False

    def describe(self) -> str:
        """``3f2a1c9``, ``3f2a1c9 or before (history cut off)``, ``not committed yet``."""
        if self.commit is None:
            return "unknown" if self.cut_off else "not committed yet"
        if self.cut_off:
            return f"{self.commit.short} or before (the history is cut off there)"
        return self.commit.short

    def to_json(self) -> dict[str, object]:
        """``{"commit": {...} | null, "cut_off": bool}``."""
        return {
            "commit": None if self.commit is None else self.commit.to_json(),
            "cut_off": self.cut_off,
        }


NOT_COMMITTED = Origin(None)
#: Nothing can say when it was written.
UNKNOWN = Origin(None, cut_off=True)


@dataclass(frozen=True, slots=True)
class Step:
    """One version in a record's history and what it changed."""

    #: None: the change is in the working copy, not committed yet.
    commit: Commit | None
    file: FileChange
    changes: tuple[Change, ...]

    @property
    def origin(self) -> Origin:
        """When this step was written."""
        if self.commit is None:
            return NOT_COMMITTED
        return Origin(self.commit)

    def to_json(self) -> dict[str, object]:
        """The step as a JSON object (``commit`` null: not committed yet)."""
        change = self.file
        return {
            "commit": None if self.commit is None else self.commit.to_json(),
            "record": record_name(change),
            "kind": change.kind,
            "path": change.path,
            "renamed_from": change.renamed_from,
            "deleted": change.deleted,
            "unreadable": change.unreadable,
            "unread": change.unread,
            "changes": [
                {
                    "part": item.part,
                    "action": item.action,
                    "old": list(item.old),
                    "new": list(item.new),
                    "keys": list(item.keys),
                }
                for item in self.changes
            ],
        }


@dataclass(frozen=True)
class RecordHistory:
    """One record's versions, oldest first."""

    path: str
    steps: tuple[Step, ...]
    #: Its oldest version was not written by any commit read (the history is cut off):
    #: what that version holds was written in this commit or before it.
    cut_off_at: Commit | None = None
    #: The file is at ``HEAD`` but no commit read wrote it: nothing can be dated.
    incomplete: bool = False

    def origin(self, part: str) -> Origin:
        """When ``part`` (which the current version holds) was first written."""
        first = self._first_changes.get(part)
        if first is None:
            return self._root_origin()
        step, change = first
        return step.origin if change.action == "added" else self._root_origin()

    @cached_property
    def _first_changes(self) -> dict[str, tuple[Step, Change]]:
        # Worked out once per record: a measure's every point asks for its origin.
        first: dict[str, tuple[Step, Change]] = {}
        for step in self.steps:
            for change in step.changes:
                first.setdefault(change.part, (step, change))
        return first

    def edits(self, part: str) -> list[tuple[Step, Change]]:
        """Every change of ``part`` after it was first written, oldest first."""
        found: list[tuple[Step, Change]] = []
        first = True
        for step in self.steps:
            for change in step.changes:
                if change.part != part:
                    continue
                if not first or change.action != "added":
                    found.append((step, change))
                first = False
        return found

    def to_json(self) -> dict[str, object]:
        """The record's history as a JSON object."""
        return {
            "path": self.path,
            "cut_off_at": None if self.cut_off_at is None else self.cut_off_at.to_json(),
            "incomplete": self.incomplete,
            "steps": [step.to_json() for step in self.steps],
        }

    def _root_origin(self) -> Origin:
        if self.incomplete:
            return UNKNOWN
        if self.cut_off_at is not None:
            return Origin(self.cut_off_at, cut_off=True)
        return self.steps[0].origin if self.steps else UNKNOWN


@dataclass
class History:
    """Every commit that changed the log, and what is not committed yet."""

    #: Commits newest first, each with its parents among them (``git rev-list --parents``).
    graph: Sequence[tuple[str, tuple[str, ...]]]
    #: The record files each commit changed (commits that changed none may be missing).
    changes: Mapping[str, CommitChanges]
    #: Each record file at ``HEAD`` (path in the log) and its blob.
    head_files: Mapping[str, str]
    #: Working-copy changes, by path in the log.
    pending: Mapping[str, FileChange] = field(default_factory=dict)
    #: ``HEAD``'s commit id; None before the first commit.
    head: str | None = None
    #: The clone is shallow: its history is cut off.
    shallow: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.changes, CommitStore):
            self.changes = CommitStore(fresh=self.changes)
        store = self.changes
        self.order = [commit for commit, _ in reversed(self.graph)]
        self.index = {commit: number for number, commit in enumerate(self.order)}
        self._parents = dict(self.graph)
        # (path, blob) -> the commits that wrote that version: (number, id, position).
        producers: dict[tuple[str, str], list[tuple[int, str, int]]] = {}
        for number, commit in enumerate(self.order):
            for position, path, blob in store.versions(commit):
                if blob is not None:
                    key = (path, blob)
                    found = producers.get(key)
                    if found is None:
                        producers[key] = [(number, commit, position)]
                    else:
                        found.append((number, commit, position))
        self._producers = producers
        self._masks: dict[str, int] | None = None
        self._bits: dict[str, int] = {}
        self._records: dict[str, RecordHistory] = {}

    # -- one record -------------------------------------------------------------------

    def record(self, path: str) -> RecordHistory:
        """The history of the record at ``path`` (in the log), oldest first."""
        found = self._records.get(path)
        if found is None:
            found = self._records[path] = self._record(path)
        return found

    def _record(self, path: str) -> RecordHistory:
        pending = self.pending.get(path)
        if pending is not None:
            starts = list(pending.sources)
        elif path in self.head_files:
            starts = [(path, self.head_files[path])]
        else:
            starts = []
        versions: dict[tuple[int, str], FileChange] = {}
        unexplained: list[int] = []
        stack = [(source, len(self.order)) for source in starts]
        while stack:
            source, below = stack.pop()
            producers = [item for item in self._producers.get(source, ()) if item[0] < below]
            if not producers:
                unexplained.append(below)
            for number, commit, position in producers:
                if (number, source[0]) in versions:
                    continue
                change = self.changes[commit].files[position]
                versions[(number, source[0])] = change
                stack.extend((older, number) for older in change.sources)
        steps: list[tuple[Commit | None, FileChange]] = [
            (self.changes[self.order[number]].commit, change)
            for (number, _), change in sorted(versions.items(), key=lambda item: item[0][0])
        ]
        if pending is not None:
            steps.append((None, pending))
        cut_off = self._cut_off(steps, unexplained)
        incomplete = bool(starts) and len(self.order) in unexplained
        return RecordHistory(path, tuple(_replay(steps)), cut_off, incomplete)

    def _cut_off(
        self, steps: list[tuple[Commit | None, FileChange]], unexplained: list[int]
    ) -> Commit | None:
        """The commit where the record's history is cut off, if it is.

        A version whose producer was not found among the commits read (a shallow clone's
        boundary, or a commit git's history simplification left out) cuts it off there.
        """
        for commit, change in steps:
            if commit is not None and (commit.cut_off or change.unread):
                return commit
        for below in sorted(unexplained):
            if below < len(self.order):
                return self.changes[self.order[below]].commit
        return None

    # -- order ------------------------------------------------------------------------

    def compare(self, first: Origin, second: Origin) -> Order:
        """Whether ``first`` was written before, with (same commit), or after ``second``."""
        a, b = first.commit, second.commit
        if UNKNOWN in (first, second) or (a is None and b is None):
            return "unknown"
        if a is None:
            return "after"
        if b is None:
            return "before"
        if first.cut_off and second.cut_off:
            return "unknown"
        if first.cut_off:
            # first is at or before a; it surely came first only if a came before b.
            return "before" if self.is_ancestor(a.id, b.id) else "unknown"
        if second.cut_off:
            return "after" if self.is_ancestor(b.id, a.id) else "unknown"
        if a.id == b.id:
            return "same"
        if self.is_ancestor(a.id, b.id):
            return "before"
        if self.is_ancestor(b.id, a.id):
            return "after"
        if a.time != b.time:
            return "before" if a.time < b.time else "after"
        return "same"

    def is_ancestor(self, older: str, newer: str) -> bool:
        """Whether commit ``older`` (one that changed the log) is a strict ancestor of
        ``newer``."""
        if older == newer or older not in self.index or newer not in self.index:
            return False
        masks = self._ancestry()
        return bool(masks[newer] & self._bits.get(older, 0))

    def _ancestry(self) -> dict[str, int]:
        # One bit per commit that changed the log: a commit's mask holds the bits of all
        # such ancestors (a commit that changed nothing passes its parents' on).
        if self._masks is None:
            masks: dict[str, int] = {}
            bits: dict[str, int] = {}
            for commit in self.order:
                if commit in self.changes:
                    bits[commit] = 1 << len(bits)
                mask = 0
                for parent in self._parents.get(commit, ()):
                    parent_mask = masks.get(parent)
                    if parent_mask is not None:
                        mask |= parent_mask | bits.get(parent, 0)
                masks[commit] = mask
            self._masks, self._bits = masks, bits
        return self._masks

    # -- the whole log ----------------------------------------------------------------

    def timeline(self) -> list[Step]:
        """Every change to every record, commit by commit, oldest first."""
        steps = [
            Step(found.commit, change, change.changes)
            for commit in self.order
            if commit in self.changes
            for found in (self.changes[commit],)
            for change in found.files
        ]
        steps += [Step(None, change, change.changes) for change in self.pending.values()]
        return steps


def _replay(steps: Iterable[tuple[Commit | None, FileChange]]) -> list[Step]:
    """The steps with the changes of a version read after an unreadable one worked out
    against the last version that could be read."""
    state: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    result: list[Step] = []
    for commit, change in steps:
        changes = change.changes
        if change.reread and state:
            changes = _against(state, changes)
        if not change.unreadable:
            for item in changes:
                if item.action == "removed":
                    state.pop(item.part, None)
                else:
                    state[item.part] = (item.digest, item.new)
        result.append(Step(commit, change, changes))
    return result


def _against(
    state: Mapping[str, tuple[str | None, tuple[str, ...]]], listed: Sequence[Change]
) -> tuple[Change, ...]:
    now = {item.part for item in listed}
    changes: list[Change] = []
    for item in listed:
        before = state.get(item.part)
        if before is None:
            changes.append(item)
        elif before[0] != item.digest:
            changes.append(replace(item, action="changed", old=before[1]))
    changes += [
        Change(part, "removed", None, old=shown)
        for part, (_, shown) in state.items()
        if part not in now
    ]
    return tuple(changes)
