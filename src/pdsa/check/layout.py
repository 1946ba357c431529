"""The log's layout as ``check`` reports it: the one scan every command shares
(:mod:`pdsa.store.scan`), with each anomaly turned into a finding with its rule code.

Which files make up the log is decided once, in the scan, so that ``check`` reads
exactly what ``list``, ``report``, ``fmt`` and ``migrate`` read; what they leave out
(a hidden project folder, a temporary file of a killed write, a folder that cannot be
listed) is reported here. File and folder names are scanned for patient identifiers
too (:func:`pdsa.check.identifiers.check_names`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pdsa.check.findings import Finding, finding
from pdsa.model.slug import slugify
from pdsa.store.scan import (
    PROJECT_FILE,
    SUFFIX,
    Anomaly,
    Found,
    Kind,
    LogFile,
    LogScan,
    ignored,
    scan_log,
)

__all__ = ["TOP", "Entry", "Kind", "Layout", "ignored", "walk"]

TOP: tuple[int, int] = (1, 1)
#: A TOML file of the log: where it is and what it should hold.
Entry = LogFile


@dataclass(slots=True)
class Layout:
    """Every TOML file found, the names of each project's records, and placement findings."""

    entries: list[Entry] = field(default_factory=list)
    #: Stray files (not folders): reported, counted as checked, never read.
    strays: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    cycles: dict[str, set[str]] = field(default_factory=dict)
    measures: dict[str, set[str]] = field(default_factory=dict)
    #: Every path the scan met (files, folders, anomalies), for the scan of names.
    names: list[str] = field(default_factory=list)


def walk(root: Path) -> Layout:
    """The layout of the log at ``root``."""
    scan = scan_log(root)
    layout = Layout(
        entries=scan.files,
        projects=scan.projects,
        cycles=scan.cycles,
        measures=scan.measures,
    )
    for found in scan.anomalies:
        item = _finding(found)
        if item is not None:
            layout.findings.append(item)
        if found.anomaly is Anomaly.STRAY_FILE:
            layout.strays.append(found.rel)
    layout.names = _names(scan)
    return layout


def _names(scan: LogScan) -> list[str]:
    """Every file and folder path the scan met, each once."""
    seen: dict[str, None] = {}
    for item in scan.files:
        seen[item.rel] = None
    for found in scan.anomalies:
        seen[found.rel] = None
    return list(seen)


_STRAY_HINT = "move it out of projects/ (pdsa ignores README files and names starting with '.')"


def _finding(found: Found) -> Finding | None:
    rel, detail = found.rel, found.detail
    name = rel.rpartition("/")[2]
    anomaly = found.anomaly
    if anomaly is Anomaly.MISNAMED:
        if found.kind == "project":
            return finding(
                "P303",
                rel,
                TOP,
                f"project folder name '{name}' is not a valid slug: {detail}",
                hint=f"rename the folder to '{slugify(name, fallback='project')}'",
            )
        stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
        fallback = found.kind or "record"
        return finding(
            "P303",
            rel,
            TOP,
            f"file name '{stem}' is not a valid slug: {detail}",
            hint=f"rename it to '{slugify(stem, fallback=fallback)}{SUFFIX}' "
            "and update anything that refers to it",
        )
    if anomaly is Anomaly.NO_PROJECT_FILE:
        return finding(
            "P305",
            rel,
            TOP,
            f"project folder '{name}' has no {PROJECT_FILE}",
            hint=f"create it with 'pdsa project new', or remove the folder {rel}/",
        )
    if anomaly is Anomaly.STRAY_FOLDER:
        return finding(
            "P306",
            rel,
            TOP,
            "a folder that is not part of the log layout; pdsa does not look inside it",
            hint=_STRAY_HINT,
        )
    if anomaly is Anomaly.STRAY_FILE:
        return finding(
            "P306",
            rel,
            TOP,
            "a file that is not part of the log layout; pdsa does not read it",
            hint=_STRAY_HINT,
        )
    if anomaly is Anomaly.HIDDEN_PROJECT:
        return finding(
            "P306",
            rel,
            TOP,
            f"a hidden folder holding {PROJECT_FILE}: no pdsa command reads it, "
            "since its name starts with '.'",
            hint=f"to make it a project, rename it to '{slugify(name, fallback='project')}'; "
            "otherwise move it out of projects/",
        )
    if anomaly is Anomaly.CASE_CLASH:
        return finding(
            "P304",
            rel,
            TOP,
            f"'{name}' and {detail} differ only by case; "
            "on Windows and macOS they are the same file",
            hint="rename or merge them so that every name is lower-case",
        )
    if anomaly is Anomaly.UNREADABLE:
        return finding("P005", rel, TOP, f"cannot read the folder: {detail}")
    if anomaly is Anomaly.BROKEN_LINK:
        return finding(
            "P005",
            rel,
            TOP,
            f"cannot read it: {detail} (a symbolic link that loops or points at nothing)",
            hint="remove the link, or point it at a real file",
        )
    if anomaly is Anomaly.LEFTOVER:
        return finding(
            "P307",
            rel,
            TOP,
            "left over from a pdsa command that was stopped while writing (a temporary "
            "file or folder, or a stale lock); no command reads it",
            hint=f"delete it when no pdsa is running: rm -r '{rel}'",
        )
    if anomaly is Anomaly.NO_PROJECTS_FOLDER:
        return finding(
            "P005",
            rel,
            TOP,
            "projects is not a folder, so no project can be read",
            hint="move it out of the way; every project lives in a folder under projects/",
        )
    return None  # pragma: no cover - every anomaly is mapped above
