"""Walk the log folder: which file is which record, and what is out of place.

Only ``pdsa.toml`` and the ``projects/`` tree belong to the log; anything else at the
root is left alone (a log often shares its folder with a README or a CI set-up).
Inside ``projects/`` the layout is fixed::

    projects/<project>/project.toml
    projects/<project>/cycles/<cycle>.toml
    projects/<project>/measures/<measure>.toml

Names starting with a dot (``.gitkeep``, ``.DS_Store``, pdsa's own temporary files)
and README files (``README``, ``README.md``, ``readme.txt``...) are ignored anywhere,
except a ``.toml`` one: ``readme`` is a valid record name, so ``readme.toml`` is checked.
A ``.toml`` file anywhere else in ``projects/`` is still read (so that its syntax and
any patient identifiers in it are reported) but is not a record. Any other file or
folder is reported as stray and not looked inside.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pdsa.check.findings import Finding, finding
from pdsa.model.slug import slug_problem, slugify
from pdsa.store.log import CYCLES_DIR, MEASURES_DIR, PROJECT_FILE, SUFFIX
from pdsa.store.root import PROGRAMME_FILE, PROJECTS_DIR

Kind = Literal["programme", "project", "cycle", "measure", "loose"]
TOP: tuple[int, int] = (1, 1)


@dataclass(frozen=True, slots=True)
class Entry:
    """A TOML file of the log: where it is and what it should hold."""

    path: Path
    rel: str  # relative to the log root, with forward slashes
    kind: Kind
    project: str | None = None
    #: For a loose file: why no record belongs where it is.
    note: str = ""

    @property
    def slug(self) -> str:
        """The file's stem: the record's identity."""
        name = self.rel.rpartition("/")[2]
        return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else ""


@dataclass(slots=True)
class Layout:
    """Every TOML file found, the names of each project's records, and placement findings."""

    entries: list[Entry] = field(default_factory=list)
    #: Stray files (not folders): reported, counted as checked, never read.
    strays: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    cycles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    measures: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def ignored(name: str) -> bool:
    """Dotfiles and README files are never part of the log, nor stray; but a ``.toml``
    file is always looked at, even one called ``readme.toml`` (a valid record name)."""
    if name.startswith("."):
        return True
    return name.split(".", 1)[0].lower() == "readme" and not name.lower().endswith(".toml")


def walk(root: Path) -> Layout:
    """The layout of the log at ``root``."""
    layout = Layout()
    layout.entries.append(Entry(root / PROGRAMME_FILE, PROGRAMME_FILE, "programme"))
    projects_dir = root / PROJECTS_DIR
    if not projects_dir.is_dir():
        return layout
    for entry in _listing(projects_dir, PROJECTS_DIR, layout):
        rel = f"{PROJECTS_DIR}/{entry.name}"
        if entry.is_dir():
            _project(Path(entry.path), entry.name, rel, layout)
        elif entry.name.endswith(SUFFIX):
            note = "a .toml file directly in projects/ is no record: each project is a folder"
            layout.entries.append(Entry(Path(entry.path), rel, "loose", note=note))
        else:
            _stray(rel, layout, folder=False)
    return layout


def _project(folder: Path, name: str, rel: str, layout: Layout) -> None:
    problem = slug_problem(name)
    if problem is not None:
        layout.findings.append(
            finding(
                "P303",
                rel,
                TOP,
                f"project folder name '{name}' is not a valid slug: {problem}",
                hint=f"rename the folder to '{slugify(name, fallback='project')}'",
            )
        )
    has_project_file = False
    for entry in _listing(folder, rel, layout):
        child = f"{rel}/{entry.name}"
        if entry.name == PROJECT_FILE and entry.is_file():
            has_project_file = True
            layout.entries.append(Entry(Path(entry.path), child, "project", name))
        elif entry.name in (CYCLES_DIR, MEASURES_DIR) and entry.is_dir():
            kind: Kind = "cycle" if entry.name == CYCLES_DIR else "measure"
            _records(Path(entry.path), child, kind, name, layout)
        elif entry.name.endswith(SUFFIX) and entry.is_file():
            note = (
                "a project folder holds only project.toml; "
                "cycles go in cycles/ and measures in measures/"
            )
            layout.entries.append(Entry(Path(entry.path), child, "loose", name, note))
        else:
            _stray(child, layout, folder=entry.is_dir())
    if has_project_file:
        layout.projects.append(name)
    else:
        layout.findings.append(
            finding(
                "P305",
                rel,
                TOP,
                f"project folder '{name}' has no {PROJECT_FILE}",
                hint=f"create it with 'pdsa project new', or remove the folder {rel}/",
            )
        )


def _records(folder: Path, rel: str, kind: Kind, project: str, layout: Layout) -> None:
    names = layout.cycles[project] if kind == "cycle" else layout.measures[project]
    for entry in _listing(folder, rel, layout):
        child = f"{rel}/{entry.name}"
        if entry.name.endswith(SUFFIX) and entry.is_file():
            slug = entry.name[: -len(SUFFIX)]
            names.add(slug)
            layout.entries.append(Entry(Path(entry.path), child, kind, project))
            problem = slug_problem(slug)
            if problem is not None:
                layout.findings.append(
                    finding(
                        "P303",
                        child,
                        TOP,
                        f"file name '{slug}' is not a valid slug: {problem}",
                        hint=f"rename it to '{slugify(slug, fallback=kind)}{SUFFIX}' "
                        "and update anything that refers to it",
                    )
                )
        else:
            _stray(child, layout, folder=entry.is_dir())


def _stray(rel: str, layout: Layout, *, folder: bool) -> None:
    if folder:
        message = "a folder that is not part of the log layout; pdsa does not look inside it"
    else:
        message = "a file that is not part of the log layout; pdsa does not read it"
        layout.strays.append(rel)
    layout.findings.append(
        finding(
            "P306",
            rel,
            TOP,
            message,
            hint="move it out of projects/ (pdsa ignores README files and names starting with '.')",
        )
    )


def _listing(folder: Path, rel: str, layout: Layout) -> list[os.DirEntry[str]]:
    """The folder's entries (not ignored), sorted; names equal but for case are reported."""
    try:
        with os.scandir(folder) as scanner:
            entries = sorted(
                (entry for entry in scanner if not ignored(entry.name)),
                key=lambda entry: entry.name,
            )
    except OSError as error:
        layout.findings.append(
            finding("P005", rel, TOP, f"cannot read the folder: {error.strerror or error}")
        )
        return []
    by_lower: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        by_lower[entry.name.lower()].append(entry.name)
    for names in by_lower.values():
        if len(names) > 1:
            for name in names:
                others = ", ".join(f"'{other}'" for other in names if other != name)
                layout.findings.append(
                    finding(
                        "P304",
                        f"{rel}/{name}",
                        TOP,
                        f"'{name}' and {others} differ only by case; "
                        "on Windows and macOS they are the same file",
                        hint="rename or merge them so that every name is lower-case",
                    )
                )
    return entries
