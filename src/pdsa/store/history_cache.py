"""The cache of what each commit changed in the log, in ``.pdsa/cache/``.

A commit never changes once made, so what it changed in the log is worked out once and
kept, keyed by its id: a second run reads this file instead of asking git for every
diff and parsing every version again, and after a new commit only that commit is read.

The folder ignores itself (a ``.gitignore`` holding ``*``, as pytest's and mypy's
caches do), so no log, old or new, ever commits it; ``pdsa init`` also names it in the
log's own ``.gitignore``. A cache that cannot be read, or was written by another version
of pdsa or for the log at another place in the repository, is ignored and rebuilt; one
that cannot be written (a read-only checkout) is simply not kept.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from pdsa.store.files import create_exclusive, replace_atomic

CACHE_DIR = (".pdsa", "cache")
CACHE_FILE = "history.json"
#: Bumped whenever what is cached, or how it is worked out, changes.
FORMAT = 1
#: The line ``pdsa init`` writes to a new log's ``.gitignore``.
IGNORE_LINE = "/.pdsa/cache/"

Commits = dict[str, Any]


def cache_folder(root: Path) -> Path:
    """The log's cache folder."""
    return root.joinpath(*CACHE_DIR)


def load(root: Path, *, prefix: str) -> Commits:
    """The cached commits (id to what it changed), or nothing when there is no usable cache."""
    try:
        with open(cache_folder(root) / CACHE_FILE, "rb") as stream:
            data = json.load(stream)
    except (OSError, ValueError, RecursionError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("prefix") != prefix
        or not isinstance(data.get("commits"), dict)
    ):
        return {}
    commits: Commits = data["commits"]
    return commits


def save(root: Path, *, prefix: str, commits: Commits) -> bool:
    """Keep ``commits``; False when the cache could not be written (nothing else happens)."""
    folder = cache_folder(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            with (
                contextlib.suppress(FileExistsError),
                open(ignore, "x", encoding="utf-8") as stream,
            ):
                stream.write("# pdsa's cache of the log's git history: never committed\n*\n")
        text = json.dumps(
            {"format": FORMAT, "prefix": prefix, "commits": commits},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        replace_atomic(folder / CACHE_FILE, text.encode("utf-8"))
    except (OSError, ValueError):
        return False
    return True


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
