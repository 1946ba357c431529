"""Creating a log folder, empty or holding the bundled example programme."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pdsa.errors import PdsaError
from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.store.files import create_exclusive
from pdsa.store.history_cache import ignore_in
from pdsa.store.log import Log
from pdsa.store.root import PROGRAMME_FILE, PROJECTS_DIR
from pdsa.store.writer import record_text
from pdsa.tools.kinds import Kind, schema_directive
from pdsa.tools.schema import install_schemas


@dataclass(frozen=True)
class ProjectBundle:
    """A project with its measures and cycles, keyed by slug."""

    slug: str
    project: Project
    measures: dict[str, Measure] = field(default_factory=dict)
    cycles: dict[str, Cycle] = field(default_factory=dict)


def init_log(folder: Path, programme: Programme, projects: list[ProjectBundle] = []) -> Log:  # noqa: B006
    """Create ``pdsa.toml`` and ``projects/`` in ``folder`` (and the projects given).

    Refuses to touch a folder that already holds a log.
    """
    for above in folder.resolve().parents:
        if (above / PROGRAMME_FILE).is_file():
            raise PdsaError(
                f"{folder} is inside the log at {above}; a log cannot hold another",
                hint="nothing was changed; choose a folder outside it",
            )
    if (folder / PROGRAMME_FILE).exists():
        raise PdsaError(
            f"{folder / PROGRAMME_FILE} already exists; a log is already here",
            hint="nothing was changed; choose another folder",
        )
    if folder.exists() and not folder.is_dir():
        raise PdsaError(f"{folder} exists and is not a folder")
    taken = [
        folder / PROJECTS_DIR / bundle.slug
        for bundle in projects
        if (folder / PROJECTS_DIR / bundle.slug).exists()
    ]
    if taken:
        raise PdsaError(
            f"{taken[0]} already exists; nothing was written",
            hint="create the example in a new, empty folder",
        )
    folder.mkdir(parents=True, exist_ok=True)
    install_schemas(folder)  # first, so every new file's #:schema line finds its file
    log = Log(folder.resolve())
    (folder / PROJECTS_DIR).mkdir(exist_ok=True)
    ignore_in(folder)  # the history cache (.pdsa/cache/) is never committed
    try:
        for bundle in projects:
            write_bundle(log, bundle)
        # Last: a log exists once pdsa.toml does, so an interrupted init can be rerun.
        directive = schema_directive(folder, folder, Kind.PROGRAMME)
        create_exclusive(folder / PROGRAMME_FILE, record_text(programme, schema_comment=directive))
    except FileExistsError as error:
        raise PdsaError(
            f"{error.filename} appeared while the log was being created; stopped there",
            hint="create the log in a new, empty folder",
        ) from None
    return log


def write_bundle(log: Log, bundle: ProjectBundle) -> None:
    """Write one project and its records as new files."""
    project_path = log.project_path(bundle.slug)
    directive = schema_directive(log.root, project_path.parent, Kind.PROJECT)
    create_exclusive(project_path, record_text(bundle.project, schema_comment=directive))
    log.cycle_path(bundle.slug, "x").parent.mkdir(parents=True, exist_ok=True)
    for slug, measure in bundle.measures.items():
        path = log.measure_path(bundle.slug, slug)
        directive = schema_directive(log.root, path.parent, Kind.MEASURE)
        create_exclusive(path, record_text(measure, schema_comment=directive))
    for slug, cycle in bundle.cycles.items():
        path = log.cycle_path(bundle.slug, slug)
        directive = schema_directive(log.root, path.parent, Kind.CYCLE)
        create_exclusive(path, record_text(cycle, schema_comment=directive))
