"""Reading the log's git history once, and the verdicts on its predictions.

:func:`read_history` is the one pass over the history: the commits that touched the log
(``git rev-list``), what each commit not yet cached changed (one ``git diff-tree``), the
versions those changes name (one ``git cat-file``), each attributed part by part to its
commit (:mod:`pdsa.analysis.record_parts`) and cached by commit id; then the files at
``HEAD`` and what is not committed yet. :func:`advance_readings` turns it into a verdict
per cycle for the fidelity profile; ``pdsa report`` calls it, and a future ``pdsa story``
can call it the same way (or :func:`cycle_verdict` for one cycle).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pdsa.analysis.commits import (
    Commit,
    CommitChanges,
    CommitStore,
    FileChange,
    follow_measure_renames,
    to_data,
)
from pdsa.analysis.history import History
from pdsa.analysis.provenance import (
    AdvanceReadings,
    AdvanceVerdict,
    MeasureFile,
    advance_verdict,
    verdict_from_data,
    verdict_to_data,
)
from pdsa.analysis.record_parts import Kind, Part, compare, compare_parts, parts_of
from pdsa.gcpause import gc_paused
from pdsa.model.cycle import Cycle
from pdsa.model.loaded import Loaded
from pdsa.model.measure import Measure
from pdsa.store import git, history_cache
from pdsa.store.log import CYCLES_DIR, MEASURES_DIR, PROJECT_FILE, SUFFIX, Log
from pdsa.store.root import PROGRAMME_FILE, PROJECTS_DIR
from pdsa.store.versions import Data, parse_version

__all__ = [
    "GitUnavailable",
    "advance_readings",
    "cycle_path",
    "cycle_verdict",
    "kind_of",
    "measure_path",
    "read_history",
]

GitUnavailable = git.GitUnavailable


def kind_of(path: str) -> Kind | None:
    """The kind of record at ``path`` (in the log, with forward slashes); None for others."""
    if path == PROGRAMME_FILE:
        return "programme"
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != PROJECTS_DIR or not parts[-1].endswith(SUFFIX):
        return None
    if len(parts) == 3 and parts[2] == PROJECT_FILE:
        return "project"
    if len(parts) == 4 and parts[2] == CYCLES_DIR:
        return "cycle"
    if len(parts) == 4 and parts[2] == MEASURES_DIR:
        return "measure"
    return None


def cycle_path(project: str, slug: str) -> str:
    """A cycle's path in the log, as history names it."""
    return f"{PROJECTS_DIR}/{project}/{CYCLES_DIR}/{slug}{SUFFIX}"


def measure_path(project: str, slug: str) -> str:
    """A measure's path in the log, as history names it."""
    return f"{PROJECTS_DIR}/{project}/{MEASURES_DIR}/{slug}{SUFFIX}"


def read_history(log: Log) -> History:
    """The log's history; :class:`GitUnavailable` when there is none to read."""
    if not git.inside_git(log.root):
        # Said without starting git: every command that shows the history stays fast
        # outside a repository.
        raise GitUnavailable(
            "the log is not in a git repository, so it has no history to read",
            hint=git.NOT_IN_GIT_HINT,
        )
    return _read_history(log, git.open_repository(log.root))


@gc_paused
def _read_history(log: Log, repository: git.Repository) -> History:
    graph, head_files = _graph_and_head(log, repository)
    cached = history_cache.load(log.root, prefix=repository.prefix)
    shallow = repository.shallow
    missing = [
        commit
        for commit, _ in graph
        if commit in shallow or commit not in cached or not _usable(cached[commit])
    ]
    fresh = _read_commits(repository, missing)
    if any(commit not in shallow for commit in missing):
        # Commits that changed no record are kept too, as empty, so they are not read again.
        kept = {
            commit: cached[commit]
            for commit, _ in graph
            if commit in cached and commit not in shallow
        }
        for commit in missing:
            if commit not in shallow:
                kept[commit] = to_data(fresh[commit]) if commit in fresh else ()
        history_cache.save(log.root, prefix=repository.prefix, commits=kept)
    usable = {commit: data for commit, data in cached.items() if commit not in fresh}
    return History(
        graph=graph,
        changes=CommitStore(usable, fresh),
        head_files=head_files,
        pending=_pending(repository),
        head=repository.head,
        shallow=bool(shallow),
    )


def _usable(data: object) -> bool:
    """Whether a cached commit has the shape :func:`~pdsa.analysis.history.to_data` gives
    (a damaged entry is read from git again rather than trusted)."""
    if data == ():
        return True
    return (
        isinstance(data, tuple)
        and len(data) == 6
        and isinstance(data[5], tuple)
        and all(isinstance(item, tuple) and len(item) == 7 for item in data[5])
    )


def _graph_and_head(
    log: Log, repository: git.Repository
) -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, str]]:
    """The commits of ``HEAD`` with their parents, and the record files at ``HEAD``: kept
    for each ``HEAD``, so an unchanged one costs no git process."""
    if repository.head is None:
        return [], {}
    kept = history_cache.load_head(
        log.root, prefix=repository.prefix, head=repository.head, shallow=repository.shallow
    )
    if kept is not None:
        return kept
    graph = git.graph(repository)
    head_files = {
        path: blob
        for top_path, blob in git.head_tree(repository).items()
        if (path := _in_log(repository, top_path)) is not None and kind_of(path) is not None
    }
    history_cache.save_head(
        log.root,
        prefix=repository.prefix,
        head=repository.head,
        shallow=repository.shallow,
        graph=graph,
        tree=head_files,
    )
    return graph, head_files


def advance_readings(
    log: Log,
    cycles: Iterable[Loaded[Cycle]],
    measures: Iterable[Loaded[Measure]],
    *,
    history: History | None = None,
) -> AdvanceReadings:
    """The verdict on each cycle's prediction (cycles with predictions only), or why
    there are none; reads the history unless it is given.

    Verdicts are kept per ``HEAD``: a cycle whose file, and the measures it names, have no
    change that is not committed gets the verdict worked out before for that commit, and
    the history is read only when some cycle needs it.
    """
    from pdsa.analysis.predictions import has_prediction

    chosen = [item for item in cycles if has_prediction(item.record)]
    files: dict[str, dict[str, MeasureFile]] = {}
    for measure in measures:
        files.setdefault(measure.project, {})[measure.slug] = MeasureFile(
            measure_path(measure.project, measure.slug), measure.record
        )
    if history is not None:
        return AdvanceReadings(
            {
                _name(item): cycle_verdict(history, item, files.get(item.project, {}))
                for item in chosen
            }
        )
    try:
        if not git.inside_git(log.root):
            raise GitUnavailable("the log is not in a git repository, so it has no history to read")
        git.find_git()
        if not chosen:
            return AdvanceReadings()  # nothing to judge: no git process needed
        repository = git.open_repository(log.root)
        changed = {
            path
            for status in git.status(repository)
            for top_path in (status.path, status.head_path)
            if top_path is not None and (path := _in_log(repository, top_path)) is not None
        }
    except GitUnavailable as error:
        return AdvanceReadings(unavailable=error.message)
    head = repository.head or ""
    kept = history_cache.load_verdicts(
        log.root, prefix=repository.prefix, head=head, shallow=repository.shallow
    )
    verdicts: dict[str, AdvanceVerdict] = {}
    todo: list[Loaded[Cycle]] = []
    for item in chosen:
        name = _name(item)
        data = None if _depends_on(item, changed) else kept.get(name)
        try:
            if data is not None:
                verdicts[name] = verdict_from_data(name, data)
                continue
        except ValueError:
            pass
        todo.append(item)
    if todo:
        try:
            history = _read_history(log, repository)
        except GitUnavailable as error:
            return AdvanceReadings(unavailable=error.message)
        for item in todo:
            name = _name(item)
            verdicts[name] = cycle_verdict(history, item, files.get(item.project, {}))
            if not _depends_on(item, changed):
                kept[name] = verdict_to_data(verdicts[name])
        history_cache.save_verdicts(
            log.root, prefix=repository.prefix, head=head, shallow=repository.shallow, verdicts=kept
        )
    return AdvanceReadings({_name(item): verdicts[_name(item)] for item in chosen})


def _name(item: Loaded[Cycle]) -> str:
    return f"{item.project}/{item.slug}"


def _depends_on(item: Loaded[Cycle], changed: set[str]) -> bool:
    """Whether the cycle's verdict rests on a file with a change not committed: its own,
    or a measure its predictions (or its ``measures``) name."""
    if not changed:
        return False
    if cycle_path(item.project, item.slug) in changed:
        return True
    named = [
        entry.measure
        for entry in item.record.plan.predictions
        if not isinstance(entry, str) and entry.measure is not None
    ] or item.record.measures
    return any(measure_path(item.project, slug) in changed for slug in named)


def cycle_verdict(
    history: History, cycle: Loaded[Cycle], measures: Mapping[str, MeasureFile]
) -> AdvanceVerdict:
    """The verdict on one cycle's prediction."""
    return advance_verdict(
        history,
        cycle=f"{cycle.project}/{cycle.slug}",
        path=cycle_path(cycle.project, cycle.slug),
        record=cycle.record,
        measures=measures,
    )


# -- reading commits ----------------------------------------------------------------------


def _in_log(repository: git.Repository, top_path: str) -> str | None:
    """A path from the repository's top as a path in the log; None outside the log."""
    if not top_path.startswith(repository.prefix):
        return None
    return top_path[len(repository.prefix) :]


class _Versions:
    """Each blob's parsed data and parts, each worked out once. A version that extends the
    one before it is parsed from its appended tables only (see :mod:`pdsa.store.versions`),
    and shares those tables' parts with it."""

    def __init__(self, raw: Mapping[str, bytes]) -> None:
        self.raw = raw
        self.parsed: dict[str, Data | None] = {}
        self._parts: dict[tuple[str, str], dict[str, Part] | None] = {}
        # Parts by the identity of their value: valid while ``parsed`` keeps them alive.
        self._memo: dict[int, Part] = {}

    def data(self, blob: str | None, *, after: str | None = None) -> Data | None:
        if blob is None or blob not in self.raw:
            return None
        if blob not in self.parsed:
            before = None
            if after is not None and after in self.raw:
                earlier = self.data(after)
                if earlier is not None:
                    before = (self.raw[after], earlier)
            self.parsed[blob] = parse_version(self.raw[blob], before=before)
        return self.parsed[blob]

    def parts(
        self, kind: Kind, blob: str | None, *, after: str | None = None
    ) -> dict[str, Part] | None:
        if blob is None:
            return None
        key = (kind, blob)
        if key not in self._parts:
            data = self.data(blob, after=after)
            self._parts[key] = None if data is None else parts_of(kind, data, memo=self._memo)
        return self._parts[key]


def _read_commits(repository: git.Repository, commits: Sequence[str]) -> dict[str, CommitChanges]:
    raw = list(git.changes(repository, commits))
    raw.reverse()  # oldest first, so a version is usually parsed from the one before it
    wanted: set[str] = set()
    for commit in raw:
        if commit.id in repository.shallow:
            continue  # the history is cut off here: its versions are read only as sources
        for entry in commit.entries:
            wanted.update(blob for blob in (entry.blob, *entry.old_blobs) if blob is not None)
    versions = _Versions(git.read_blobs(repository, wanted))
    found: dict[str, CommitChanges] = {}
    for commit in raw:
        cut_off = commit.id in repository.shallow
        files = tuple(
            change
            for entry in commit.entries
            if (change := _file_change(repository, entry, versions, unread=cut_off)) is not None
        )
        if not cut_off:
            files = follow_measure_renames(files, lambda change: _committed(versions, change))
        if files:
            found[commit.id] = CommitChanges(
                Commit(
                    commit.id,
                    commit.author,
                    commit.author_date,
                    commit.commit_date,
                    commit.time,
                    commit.subject,
                    cut_off=cut_off,
                ),
                files,
            )
    return found


def _committed(versions: _Versions, change: FileChange) -> tuple[object, object] | None:
    """A cycle's predictions in the version a commit replaced and in the one it wrote."""
    if len(change.sources) != 1:
        return None
    return _predictions_in(versions.data(change.sources[0][1]), versions.data(change.blob))


def _predictions_in(before: Data | None, after: Data | None) -> tuple[object, object] | None:
    if before is None or after is None:
        return None
    old, new = before.get("plan"), after.get("plan")
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return None
    return old.get("predictions"), new.get("predictions")


def _file_change(
    repository: git.Repository, entry: git.RawEntry, versions: _Versions, *, unread: bool
) -> FileChange | None:
    path = _in_log(repository, entry.path)
    kind = kind_of(path) if path is not None else None
    olds = [
        (old_path, blob)
        for top_path, blob in zip(entry.old_paths, entry.old_blobs, strict=False)
        if blob is not None
        and (old_path := _in_log(repository, top_path)) is not None
        and kind_of(old_path) is not None
    ]
    deleted = entry.blob is None or kind is None
    if deleted:
        if not olds:
            return None
        path, kind = olds[0][0], kind_of(olds[0][0])
    assert path is not None and kind is not None
    renamed = olds[0][0] if olds and olds[0][0] != path and not deleted else None
    if unread:
        return FileChange(path, kind, entry.blob, tuple(olds), (), renamed, unread=True)
    if deleted:
        return FileChange(path, kind, None, tuple(olds), (), None, deleted=True)
    after = versions.parts(kind, entry.blob, after=olds[0][1] if len(olds) == 1 else None)
    before = [versions.parts(kind, blob) for _, blob in olds]
    if after is None:
        return FileChange(path, kind, entry.blob, tuple(olds), (), renamed, unreadable=True)
    changes, reread = compare_parts(before, after)
    return FileChange(path, kind, entry.blob, tuple(olds), changes, renamed, reread=reread)


def _pending(repository: git.Repository) -> dict[str, FileChange]:
    """What the working copy changed in the log's records, by path in the log."""
    entries = []
    for status in git.status(repository):
        path = _in_log(repository, status.path)
        if path is None or kind_of(path) is None:
            continue
        head_path = _in_log(repository, status.head_path) if status.head_path else None
        source = (
            (head_path, status.head_blob)
            if head_path is not None and status.head_blob and kind_of(head_path) is not None
            else None
        )
        entries.append((path, source, status.deleted))
    if not entries:
        return {}
    versions = _Versions(
        git.read_blobs(repository, [source[1] for _, source, _ in entries if source is not None])
    )
    pending: dict[str, FileChange] = {}
    parsed: dict[str, tuple[Data | None, Data]] = {}
    for path, source, deleted in entries:
        kind = kind_of(path)
        assert kind is not None
        sources = (source,) if source is not None else ()
        if deleted:
            pending[path] = FileChange(path, kind, None, sources, (), None, deleted=True)
            continue
        try:
            raw = (repository.top / repository.prefix / path).read_bytes()
        except OSError:
            continue
        before = versions.data(source[1]) if source is not None else None
        after = parse_version(raw)
        if after is not None:
            parsed[path] = (before, after)
        renamed = source[0] if source is not None and source[0] != path else None
        if after is None:
            pending[path] = FileChange(path, kind, None, sources, (), renamed, unreadable=True)
            continue
        changes, reread = compare(kind, [before] if source is not None else [], after)
        if changes or renamed:
            pending[path] = FileChange(path, kind, None, sources, changes, renamed, reread=reread)
    marked = follow_measure_renames(
        list(pending.values()),
        lambda change: _predictions_in(*parsed[change.path]) if change.path in parsed else None,
    )
    return {change.path: change for change in marked}
