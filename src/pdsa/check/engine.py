"""Run every rule over a log (or part of it) and return one sorted report.

The order of work keeps a large log fast: the folder is walked once, each file is
read, parsed and validated once, and positions are worked out only for findings.
Every step that looks at one file runs inside :func:`_guarded`, so an unexpected
exception becomes a P901 finding on that file instead of stopping the check.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

from pdsa.check.findings import Finding, Report, escalate, finding
from pdsa.check.identifiers import CODES, check_allow_list, check_privacy, redact
from pdsa.check.layout import TOP, Entry, walk
from pdsa.check.measures import check_measure
from pdsa.check.phases import check_phases
from pdsa.check.reading import Checked, check_file
from pdsa.check.references import (
    ProjectNames,
    check_cycle_references,
    check_ramps,
    check_theme,
    ids_of,
)
from pdsa.check.rules import PRIVACY_CODES, Selection

T = TypeVar("T")
P = ParamSpec("P")


class Scope:
    """Which files a check reports on: all of the log, or those under the paths named."""

    def __init__(self, prefixes: Sequence[str] | None) -> None:
        # None means the whole log; "" (the root itself) does too.
        self._prefixes = None if prefixes is None or "" in prefixes else tuple(prefixes)

    def __contains__(self, rel: str) -> bool:
        if self._prefixes is None:
            return True
        return any(rel == prefix or rel.startswith(prefix + "/") for prefix in self._prefixes)


def relative_paths(root: Path, paths: Sequence[Path]) -> list[str]:
    """Each path relative to ``root``, with forward slashes; ValueError if one is outside."""
    resolved_root = root.resolve()
    found = []
    for path in paths:
        relative = path.resolve().relative_to(resolved_root)
        found.append(relative.as_posix() if relative.parts else "")
    return found


def check_log(
    root: Path,
    *,
    today: datetime.date,
    only: Sequence[str] | None = None,
    selection: Selection = Selection(),
    strict: bool = False,
    raise_errors: bool = False,
) -> Report:
    """Check the log at ``root``; report on the files under ``only`` (paths relative to
    the root) or on every file. References are always resolved against the whole log."""
    scope = Scope(only)
    guard = _Guard(raise_errors)
    layout = walk(root)
    involved = {entry.project for entry in layout.entries if entry.rel in scope}
    results: list[Checked] = []
    for entry in layout.entries:
        # Outside the scope, only what references need: the programme, and the project
        # file and cycles of each project in scope (for its change ideas and ramps).
        needed = entry.kind == "programme" or (
            entry.project in involved and entry.kind in ("project", "cycle")
        )
        if entry.rel in scope or needed:
            results.append(guard.run(entry, _read, entry, selection))

    by_kind: dict[str, list[Checked]] = defaultdict(list)
    for checked in results:
        by_kind[checked.entry.kind].append(checked)
    programme = by_kind["programme"][0]
    allow: list[str] = []
    themes: frozenset[str] | None = None
    if programme.data is not None:
        allow = guard.run_on(programme, check_allow_list, programme) or []
        themes = ids_of(programme.data.get("themes")) if programme.is_record else None

    privacy = frozenset(code for code in CODES.values() if selection.enabled(code))
    if privacy:
        for checked in results:
            if checked.entry.rel in scope:
                guard.run_on(checked, check_privacy, checked, allow, privacy)

    names = _project_names(layout.projects, layout.cycles, layout.measures, by_kind["project"])
    cycles_of: dict[str, dict[str, Checked]] = defaultdict(dict)
    for checked in results:
        entry = checked.entry
        if not checked.is_record or (entry.rel not in scope and entry.kind != "cycle"):
            continue
        if entry.kind == "cycle" and entry.project is not None:
            cycles_of[entry.project][entry.slug] = checked
            if entry.rel in scope:
                guard.run_on(checked, check_phases, checked, today=today)
                guard.run_on(
                    checked, check_cycle_references, checked, entry.project, names[entry.project]
                )
        elif entry.kind == "measure":
            guard.run_on(checked, check_measure, checked, today=today)
        elif entry.kind == "project":
            guard.run_on(checked, check_theme, checked, themes)
    for project, cycles in cycles_of.items():
        _ramps(guard, project, cycles)

    found = [*layout.findings, *guard.findings]
    for checked in results:
        found.extend(checked.findings)
    report = Report(files=sum(1 for entry in layout.entries if entry.rel in scope))
    report.files += sum(1 for rel in layout.strays if rel in scope)
    report.findings = _final(found, scope, selection, allow=allow, strict=strict)
    return report


def _read(entry: Entry, selection: Selection) -> Checked:
    try:
        raw = entry.path.read_bytes()
    except OSError as error:
        checked = Checked(entry)
        checked.add("P005", TOP, f"cannot read the file: {error.strerror or error}")
        return checked
    return check_file(entry, raw, selection)


def _project_names(
    projects: list[str],
    cycles: dict[str, set[str]],
    measures: dict[str, set[str]],
    project_files: list[Checked],
) -> dict[str, ProjectNames]:
    ideas: dict[str, frozenset[str] | None] = {}
    for checked in project_files:
        if checked.entry.project is not None and checked.is_record and checked.data is not None:
            ideas[checked.entry.project] = ids_of(checked.data.get("change_ideas"))
    everywhere = set(projects) | set(cycles) | set(measures)
    return {
        project: ProjectNames(
            frozenset(cycles.get(project, ())),
            frozenset(measures.get(project, ())),
            ideas.get(project),
        )
        for project in everywhere
    }


def _ramps(guard: _Guard, project: str, cycles: dict[str, Checked]) -> None:
    # A bug here belongs to no one file; report it on the project's first cycle.
    first = cycles[min(cycles)]
    guard.run_on(first, check_ramps, cycles, project)


def _final(
    found: list[Finding],
    scope: Scope,
    selection: Selection,
    *,
    allow: Sequence[str],
    strict: bool,
) -> list[Finding]:
    kept: set[Finding] = set()
    for item in found:
        if item.file not in scope or not selection.enabled(item.code):
            continue
        if item.code in PRIVACY_CODES:
            kept.add(escalate(item) if strict else item)
        else:
            kept.add(redact(item, allow))
    return sorted(kept, key=lambda item: item.sort_key)


class _Guard:
    """Turns an unexpected exception in one file's checks into a P901 finding."""

    def __init__(self, raise_errors: bool) -> None:
        self.raise_errors = raise_errors
        self.findings: list[Finding] = []

    def run(
        self, entry: Entry, work: Callable[P, Checked], *args: P.args, **kwargs: P.kwargs
    ) -> Checked:
        try:
            return work(*args, **kwargs)
        except Exception as error:
            if self.raise_errors:
                raise
            self.findings.append(_internal(entry.rel, error))
            return Checked(entry)

    def run_on(
        self, checked: Checked, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        try:
            return work(*args, **kwargs)
        except Exception as error:
            if self.raise_errors:
                raise
            self.findings.append(_internal(checked.entry.rel, error))
            return None


def _internal(rel: str, error: Exception) -> Finding:
    return finding(
        "P901",
        rel,
        TOP,
        f"internal error while checking this file ({type(error).__name__}: {error})",
        hint="this is a bug in pdsa; please report it. 'pdsa --debug check' shows the details",
    )
