"""The log folder: where each record lives, loading them, and resolving names.

Layout::

    pdsa.toml
    projects/<project>/project.toml
    projects/<project>/measures/<measure>.toml
    projects/<project>/cycles/<cycle>.toml
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from pdsa.errors import PdsaError, os_failure
from pdsa.model.cycle import Cycle
from pdsa.model.loaded import Loaded
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.model.slug import is_slug, slug_problem
from pdsa.store.records import load, validate_data
from pdsa.store.root import PROGRAMME_FILE, PROJECTS_DIR
from pdsa.store.scan import (
    CYCLES_DIR,
    MEASURES_DIR,
    PROJECT_FILE,
    SUFFIX,
    FolderError,
    project_names,
    record_names,
)

__all__ = ["CYCLES_DIR", "MEASURES_DIR", "PROJECT_FILE", "SUFFIX", "Log", "Progress", "Scan"]

ModelT = TypeVar("ModelT", bound=BaseModel)
#: Called with the number of files just read, for a progress bar.
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Scan(Generic[ModelT]):
    """Every record of one kind that loaded, and the errors of those that did not."""

    records: list[Loaded[ModelT]]
    errors: list[PdsaError]


class Log:
    """A log folder on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- where things are -------------------------------------------------------

    @property
    def programme_path(self) -> Path:
        return self.root / PROGRAMME_FILE

    @property
    def projects_dir(self) -> Path:
        return self.root / PROJECTS_DIR

    def project_dir(self, project: str) -> Path:
        return self.projects_dir / project

    def project_path(self, project: str) -> Path:
        return self.project_dir(project) / PROJECT_FILE

    def cycle_path(self, project: str, cycle: str) -> Path:
        return self.project_dir(project) / CYCLES_DIR / f"{cycle}{SUFFIX}"

    def measure_path(self, project: str, measure: str) -> Path:
        return self.project_dir(project) / MEASURES_DIR / f"{measure}{SUFFIX}"

    def holds(self, path: Path) -> bool:
        """Whether ``path`` is one of the log's own files (``pdsa.toml``, anything under
        ``projects/`` or ``.pdsa/``): an export must never be written over one."""
        target = path.resolve()
        if target == self.programme_path.resolve():
            return True
        for folder in (self.projects_dir, self.root / ".pdsa"):
            try:
                target.relative_to(folder.resolve())
            except ValueError:
                continue
            return True
        return False

    def relative(self, path: Path) -> Path:
        """``path`` relative to the log root where it lies inside it (for messages)."""
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path

    # -- listing ------------------------------------------------------------------

    def project_slugs(self) -> list[str]:
        """Every project of the log, sorted: the folders under ``projects/`` that hold a
        ``project.toml``, by the rules every command and ``pdsa check`` share
        (:mod:`pdsa.store.scan`)."""
        try:
            return project_names(self.root)
        except FolderError as error:
            raise os_failure(error, doing="list the folder", path=self.projects_dir) from None

    def _stems(self, folder: Path) -> list[str]:
        try:
            return record_names(folder)
        except FolderError as error:
            raise os_failure(error, doing="list the folder", path=folder) from None

    def _slugs(self, folder: Path) -> list[str]:
        """The records in ``folder``: ``.toml`` files whose names are valid slugs."""
        return [stem for stem in self._stems(folder) if is_slug(stem)]

    def _misnamed(self, folder: Path, stem: str) -> PdsaError | None:
        """The refusal for a ``.toml`` file whose name is not a valid slug: it is left out
        of every listing and report until it is renamed."""
        problem = slug_problem(stem)
        if problem is None:
            return None
        return PdsaError(
            f"left out: '{stem}' is not a valid file name for a record ({problem})",
            hint="rename the file (pdsa check lists every such file)",
            path=folder / f"{stem}{SUFFIX}",
        )

    def cycle_slugs(self, project: str) -> list[str]:
        return self._slugs(self.project_dir(project) / CYCLES_DIR)

    def measure_slugs(self, project: str) -> list[str]:
        return self._slugs(self.project_dir(project) / MEASURES_DIR)

    # -- loading ------------------------------------------------------------------

    @cached_property
    def programme(self) -> Programme:
        return load(self.programme_path, Programme)

    def project(self, project: str) -> Project:
        return load(self.project_path(project), Project)

    def cycle(self, project: str, cycle: str) -> Cycle:
        return load(self.cycle_path(project, cycle), Cycle)

    def measure(self, project: str, measure: str) -> Measure:
        return load(self.measure_path(project, measure), Measure)

    def scan_cycles(self, projects: list[str], *, progress: Progress | None = None) -> Scan[Cycle]:
        """Every cycle of ``projects``; a broken file is an error, not a stop."""
        return self._scan(projects, CYCLES_DIR, Cycle, progress)

    def scan_measures(
        self, projects: list[str], *, progress: Progress | None = None
    ) -> Scan[Measure]:
        """Every measure of ``projects``; a broken file is an error, not a stop."""
        return self._scan(projects, MEASURES_DIR, Measure, progress)

    def count_files(self, projects: list[str]) -> int:
        """How many cycle and measure files ``projects`` hold (for a progress bar)."""
        return sum(
            len(self.cycle_slugs(project)) + len(self.measure_slugs(project))
            for project in projects
        )

    def _scan(
        self, projects: list[str], kind: str, model: type[ModelT], progress: Progress | None
    ) -> Scan[ModelT]:
        # The hot path of list, report and check over 10,000 files: files are parsed
        # in parallel and validated here; a file that fails is loaded again on its
        # own so its error carries its line and column.
        from pdsa.gcpause import paused_gc

        with paused_gc():
            return self._scan_files(projects, kind, model, progress)

    def _scan_files(
        self, projects: list[str], kind: str, model: type[ModelT], progress: Progress | None
    ) -> Scan[ModelT]:
        from pdsa.store.parallel import parse_all

        base = str(self.projects_dir)
        found: list[tuple[str, str, str]] = []
        errors: list[PdsaError] = []
        for project in projects:
            folder = os.path.join(base, project, kind)
            try:
                stems = self._stems(Path(folder))  # each folder listed once
            except PdsaError as error:
                errors.append(error)
                continue
            for stem in stems:
                misnamed = self._misnamed(Path(folder), stem)
                if misnamed is not None:
                    errors.append(misnamed)
                else:
                    found.append((project, stem, os.path.join(folder, stem + SUFFIX)))
        records: list[Loaded[ModelT]] = []
        outcomes = parse_all([path for _, _, path in found])
        for (project, slug, path_text), (data, _) in zip(found, outcomes, strict=True):
            path = Path(path_text)
            try:
                record = validate_data(path, data, model) if data is not None else None
                if record is None:
                    record = load(path, model)
                records.append(Loaded(project, slug, path, record))
            except PdsaError as error:
                errors.append(error)
            if progress is not None:
                progress(1)
        return Scan(records, errors)

    def iter_projects(self) -> Iterator[Loaded[Project]]:
        for slug in self.project_slugs():
            path = self.project_path(slug)
            yield Loaded(slug, slug, path, load(path, Project))
