"""Small helpers shared by the tests (import as ``support``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Outcome:
    """What a person would see: exit code, stdout and stderr."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


Run = Callable[..., Outcome]


def read(path: Path) -> str:
    """A file's text, exactly as on disk."""
    return path.read_bytes().decode("utf-8")


def cycle_file(root: Path, slug: str, project: str = "outreach") -> Path:
    return root / "projects" / project / "cycles" / f"{slug}.toml"


def measure_file(root: Path, slug: str, project: str = "outreach") -> Path:
    return root / "projects" / project / "measures" / f"{slug}.toml"
