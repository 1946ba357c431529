"""Finding the log: walk up from the working folder to ``pdsa.toml``."""

from __future__ import annotations

import os
from pathlib import Path

from pdsa.errors import NoLogError

PROGRAMME_FILE = "pdsa.toml"
PROJECTS_DIR = "projects"
ROOT_ENV = "PDSA_ROOT"


def find_root(start: Path, *, explicit: Path | None = None) -> Path:
    """The log folder: ``explicit`` (``--root``), else ``$PDSA_ROOT``, else the nearest
    folder at or above ``start`` that holds ``pdsa.toml``."""
    given = explicit if explicit is not None else _from_env()
    if given is not None:
        if not (given / PROGRAMME_FILE).is_file():
            source = "--root" if explicit is not None else f"${ROOT_ENV}"
            raise NoLogError(
                f"{source} points to {given}, which holds no {PROGRAMME_FILE}",
                hint=f"create a log there with: pdsa init {given}",
            )
        return given.resolve()
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / PROGRAMME_FILE).is_file():
            return folder
    raise NoLogError(
        f"no pdsa log here: no {PROGRAMME_FILE} in {start} or any folder above it",
        hint="create one with 'pdsa init', try the example with 'pdsa init DIR --example', "
        "or point to a log with --root DIR",
    )


def _from_env() -> Path | None:
    value = os.environ.get(ROOT_ENV)
    return Path(value) if value else None


def inside_git(root: Path) -> bool:
    """Whether ``root`` looks like part of a git repository, without starting git: a
    ``.git`` folder or file in it or above it (not above a folder named in
    ``GIT_CEILING_DIRECTORIES``, as git itself stops there), or ``GIT_DIR`` set."""
    if os.environ.get("GIT_DIR"):
        return True
    ceilings = {
        os.path.normcase(os.path.abspath(entry))
        for entry in os.environ.get("GIT_CEILING_DIRECTORIES", "").split(os.pathsep)
        if entry
    }
    folder = root.resolve()
    for candidate in (folder, *folder.parents):
        if candidate != folder and os.path.normcase(str(candidate)) in ceilings:
            return False
        if os.path.exists(os.path.join(candidate, ".git")):
            return True
    return False
