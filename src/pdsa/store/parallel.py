"""Parsing many files on every core.

tomllib is pure Python, so parsing dominates every command that reads the whole log
(list, report, check). Above a threshold, files are read and parsed in worker
processes and only the parsed data comes back; validation stays in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tomllib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

#: Below this many files, worker start-up costs more than it saves.
THRESHOLD = 800
CHUNK = 200

#: ``(data, None)`` when the file parsed, ``(None, reason)`` when it did not; the
#: caller re-reads a failed file itself to report it with its position.
Outcome = tuple[dict[str, Any] | None, str | None]


def _parse(path: str) -> Outcome:
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
        return tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff")), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        # RecursionError: tomllib on absurdly nested arrays; the caller reports the file.
        return None, type(error).__name__


def _workers() -> int:
    # sched_getaffinity honours CPU limits of containers and CI runners.
    getaffinity = getattr(os, "sched_getaffinity", None)
    count = len(getaffinity(0)) if getaffinity is not None else (os.cpu_count() or 1)
    return max(1, min(count, 8))


def runs_in_parallel(count: int) -> bool:
    """Whether :func:`parse_all` would parse ``count`` files in worker processes."""
    return count >= THRESHOLD and _workers() > 1 and not os.environ.get("PDSA_NO_PARALLEL")


def parse_all(paths: list[str]) -> Iterator[Outcome]:
    """The outcome of parsing each path, in order."""
    if not runs_in_parallel(len(paths)):
        yield from map(_parse, paths)
        return
    workers = _workers()
    method = "fork" if sys.platform == "linux" else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_parse, paths, chunksize=CHUNK)
