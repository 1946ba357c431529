"""Helpers shared by the tests of the whole-log tools (import as ``tools_support``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Ran:
    """What a person would see: exit code, stdout and stderr."""

    exit_code: int
    stdout: str
    stderr: str


Cli = Callable[..., Ran]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its exact bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def write(root: Path, relative: str, text: str) -> Path:
    """Write ``text`` (exactly, no newline translation) at ``root/relative``."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path
