"""The cache of the log's git history, in ``.pdsa/cache/``.

A commit never changes once made, so what it changed in the log is worked out once and
kept, keyed by its id (``commits``): a second run reads this file instead of asking git
for every diff and parsing every version again, and after a new commit only that commit
is read. The commit graph and the files at ``HEAD`` are kept too, keyed by ``HEAD``'s id
(``head``), so a run on an unchanged ``HEAD`` starts only ``git rev-parse`` and
``git status``; and so are the verdicts on the predictions (``verdicts``), each valid while
its cycle's file and the measures it names have no change that is not committed.

The files are written with :mod:`marshal` (plain tuples, strings and numbers, read back
in a few milliseconds, and unable to run code as pickle could). The folder ignores itself
(a ``.gitignore`` holding ``*``, as pytest's and mypy's caches do), so no log, old or
new, ever commits it; ``pdsa init`` also names it in the log's own ``.gitignore``. A
cache that cannot be read, or was written by another version of pdsa or Python, or for
the log at another place in the repository, is ignored and rebuilt; one that cannot be
written (a read-only checkout) is simply not kept.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pdsa.store.files import create_exclusive, replace_atomic

CACHE_DIR = (".pdsa", "cache")
COMMITS_FILE = "history-commits.marshal"
HEAD_FILE = "history-head.marshal"
VERDICTS_FILE = "history-verdicts.marshal"
#: Bumped whenever what is cached, or how it is worked out, changes.
FORMAT = 4
#: The line ``pdsa init`` writes to a new log's ``.gitignore``.
IGNORE_LINE = "/.pdsa/cache/"

Commits = dict[str, Any]
Graph = list[tuple[str, tuple[str, ...]]]


def cache_folder(root: Path) -> Path:
    """The log's cache folder."""
    return root.joinpath(*CACHE_DIR)


def _stamp(prefix: str) -> tuple[int, int, int, str]:
    return (FORMAT, marshal.version, sys.hexversion >> 16, prefix)


def _read(root: Path, name: str, prefix: str) -> Any:
    try:
        with open(cache_folder(root) / name, "rb") as stream:
            data = marshal.loads(stream.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _stamp(prefix):
        return None
    return data[1]


def _write(root: Path, name: str, prefix: str, value: Any) -> bool:
    folder = cache_folder(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            with contextlib.suppress(FileExistsError):
                create_exclusive(ignore, "# pdsa's cache of the log's git history\n*\n")
        replace_atomic(folder / name, marshal.dumps((_stamp(prefix), value)))
    except (OSError, ValueError):
        return False
    return True


def load(root: Path, *, prefix: str) -> Commits:
    """The cached commits (id to what it changed), or nothing when there is no usable cache."""
    commits = _read(root, COMMITS_FILE, prefix)
    return commits if isinstance(commits, dict) else {}


def save(root: Path, *, prefix: str, commits: Commits) -> bool:
    """Keep ``commits``; False when the cache could not be written (nothing else happens)."""
    return _write(root, COMMITS_FILE, prefix, commits)


def load_head(
    root: Path, *, prefix: str, head: str, shallow: Iterable[str]
) -> tuple[Graph, dict[str, str]] | None:
    """The commit graph and the files at ``head``, if they were kept for it."""
    data = _read(root, HEAD_FILE, prefix)
    if not isinstance(data, tuple) or len(data) != 4:
        return None
    kept_head, kept_shallow, graph, tree = data
    if kept_head != head or kept_shallow != tuple(sorted(shallow)):
        return None
    if not isinstance(graph, list) or not isinstance(tree, dict):
        return None
    return graph, tree


def save_head(
    root: Path,
    *,
    prefix: str,
    head: str,
    shallow: Iterable[str],
    graph: Graph,
    tree: dict[str, str],
) -> bool:
    """Keep the commit graph and the files at ``head``."""
    return _write(root, HEAD_FILE, prefix, (head, tuple(sorted(shallow)), graph, tree))


def load_verdicts(root: Path, *, prefix: str, head: str, shallow: Iterable[str]) -> dict[str, Any]:
    """The verdicts kept for ``head`` (cycle name to plain data), or none."""
    data = _read(root, VERDICTS_FILE, prefix)
    if not isinstance(data, tuple) or len(data) != 3:
        return {}
    kept_head, kept_shallow, verdicts = data
    if (
        kept_head != head
        or kept_shallow != tuple(sorted(shallow))
        or not isinstance(verdicts, dict)
    ):
        return {}
    return verdicts


def save_verdicts(
    root: Path, *, prefix: str, head: str, shallow: Iterable[str], verdicts: dict[str, Any]
) -> bool:
    """Keep the verdicts worked out for ``head``."""
    return _write(root, VERDICTS_FILE, prefix, (head, tuple(sorted(shallow)), verdicts))


def ignore_in(folder: Path) -> None:
    """Name the cache in ``folder``'s ``.gitignore`` (created when there is none; a line
    added to one that does not name it yet; an unreadable one is left alone)."""
    path = folder / ".gitignore"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raw = None
    except OSError:
        return
    try:
        existing = None if raw is None else raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    text = ignore_text(existing)
    if text is None:
        return
    if raw is None:
        with contextlib.suppress(FileExistsError):
            create_exclusive(path, text)
    else:
        replace_atomic(path, text.encode("utf-8"), expected=raw)


def ignore_text(existing: str | None) -> str | None:
    """A log's ``.gitignore`` with the cache named in it; None when it already is."""
    if existing is not None and any(
        line.strip() in (IGNORE_LINE, IGNORE_LINE.lstrip("/"), ".pdsa/cache")
        for line in existing.splitlines()
    ):
        return None
    lead = "" if not existing else existing if existing.endswith("\n") else existing + "\n"
    return f"{lead}# pdsa's cache of the log's git history\n{IGNORE_LINE}\n"
