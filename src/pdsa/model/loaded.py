"""A record together with where it came from: its project, its slug and its file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[ModelT]):
    """A record with where it came from."""

    project: str
    slug: str
    path: Path
    record: ModelT
