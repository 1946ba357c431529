"""The four kinds of record file, where each lives in a log, and its schema directive.

Kept free of Pydantic so that the code writing new files can ask for the
``#:schema`` line cheaply; :func:`model_of` imports the models when asked.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

PROGRAMME_FILE = "pdsa.toml"
PROJECTS_DIR = "projects"
PROJECT_FILE = "project.toml"
MEASURES_DIR = "measures"
CYCLES_DIR = "cycles"
SUFFIX = ".toml"

#: Where ``pdsa init`` puts the JSON Schemas, relative to the log root. Editors find
#: them through the ``#:schema`` line at the top of each file; no network is needed.
SCHEMA_DIR = (".pdsa", "schemas")
DIRECTIVE_PREFIX = "#:schema "


class Kind(enum.StrEnum):
    """A kind of record file, named as ``pdsa schema KIND`` names it."""

    PROGRAMME = "programme"
    PROJECT = "project"
    MEASURE = "measure"
    CYCLE = "cycle"

    @property
    def where(self) -> str:
        """Where files of this kind live in a log, for messages and listings."""
        return {
            Kind.PROGRAMME: PROGRAMME_FILE,
            Kind.PROJECT: f"{PROJECTS_DIR}/<project>/{PROJECT_FILE}",
            Kind.MEASURE: f"{PROJECTS_DIR}/<project>/{MEASURES_DIR}/<measure>{SUFFIX}",
            Kind.CYCLE: f"{PROJECTS_DIR}/<project>/{CYCLES_DIR}/<cycle>{SUFFIX}",
        }[self]


def model_of(kind: Kind) -> type[BaseModel]:
    """The Pydantic model of a file of this kind."""
    from pdsa.model.cycle import Cycle
    from pdsa.model.measure import Measure
    from pdsa.model.programme import Programme
    from pdsa.model.project import Project

    models: dict[Kind, type[BaseModel]] = {
        Kind.PROGRAMME: Programme,
        Kind.PROJECT: Project,
        Kind.MEASURE: Measure,
        Kind.CYCLE: Cycle,
    }
    return models[kind]


def kind_of(root: Path, path: Path) -> Kind | None:
    """The kind of the record file at ``path`` in the log at ``root``, or None.

    Decided by position alone (``projects/<p>/cycles/<c>.toml`` is a cycle), as the
    rest of pdsa decides it; both paths must be absolute or both relative alike.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    if any(part.startswith(".") for part in parts) or not parts[-1].endswith(SUFFIX):
        return None
    if parts == (PROGRAMME_FILE,):
        return Kind.PROGRAMME
    if len(parts) == 3 and parts[0] == PROJECTS_DIR and parts[2] == PROJECT_FILE:
        return Kind.PROJECT
    if len(parts) == 4 and parts[0] == PROJECTS_DIR:
        return {MEASURES_DIR: Kind.MEASURE, CYCLES_DIR: Kind.CYCLE}.get(parts[2])
    return None


def schema_dir(root: Path) -> Path:
    """The log's folder of JSON Schemas (it may not exist)."""
    return root.joinpath(*SCHEMA_DIR)


def schema_reference(root: Path, folder: Path, kind: Kind) -> str:
    """The schema file of ``kind`` as a relative URL from a file in ``folder``.

    Forward slashes on every system: the directive is a URL, resolved against the
    file's own location: ``../../../.pdsa/schemas/cycle.json`` from a cycle,
    ``./.pdsa/schemas/programme.json`` from ``pdsa.toml``.
    """
    target = schema_dir(root) / f"{kind.value}.json"
    relative = Path(os.path.relpath(target, folder)).as_posix()
    return relative if relative.startswith("../") else f"./{relative}"


def schema_directive(root: Path, folder: Path, kind: Kind) -> str | None:
    """The ``#:schema`` line for a new file of ``kind`` in ``folder``, or None.

    None when the log has no schema file for the kind (a log made before pdsa wrote
    them): a directive pointing at nothing would only make editors complain.
    """
    if not (schema_dir(root) / f"{kind.value}.json").is_file():
        return None
    return DIRECTIVE_PREFIX + schema_reference(root, folder, kind)
