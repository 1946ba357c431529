"""Run every rule over a log (or part of it) and return one sorted report.

The order of work keeps a large log fast: the folder is walked once, each file is
read, parsed and validated once, and positions are worked out only for findings.
Every step that looks at one file runs inside :class:`_Guard`, so an unexpected
exception becomes a P901 finding on that file instead of stopping the check.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from pdsa.check.findings import Finding, Report, escalate, finding
from pdsa.check.hindsight import check_hindsight, is_candidate
from pdsa.check.identifiers import (
    CODES,
    check_allow_list,
    check_names,
    check_privacy,
    redact,
)
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
from pdsa.gcpause import paused_gc
from pdsa.store import parallel
from pdsa.store.parallel import parse_all

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
    replacements: dict[str, bytes] | None = None,
) -> Report:
    """Check the log at ``root``; report on the files under ``only`` (paths relative to
    the root) or on every file. References are always resolved against the whole log.

    ``replacements`` maps a file (relative to the root) to bytes checked in its place,
    so that an edit is checked in its log before it is saved (:mod:`pdsa.workflow.editing`).
    """
    run = _Run(root, Scope(only), selection, today, _Guard(raise_errors))
    run.replacements = dict(replacements or {})
    with paused_gc():
        run.check()
    hindsight = run.guard.run_on_entry(
        run.candidates[0] if run.candidates else None,
        check_hindsight,
        root,
        run.candidates,
        strict=strict,
    )
    report = Report(files=sum(1 for entry in run.layout.entries if entry.rel in run.scope))
    report.files += sum(1 for rel in run.layout.strays if rel in run.scope)
    names = check_names(run.layout.names, run.allow, run.privacy) if run.privacy else []
    found = [*run.layout.findings, *run.guard.findings, *run.found, *names]
    if hindsight is not None:
        found += hindsight.findings
        report.notes += [hindsight.note] if hindsight.note else []
    report.findings = _final(found, run.scope, selection, allow=run.allow, strict=strict)
    return report


class _Run:
    """One check, project by project, so that only one project's parsed data is held at
    a time (memory stays flat, and the garbage collector has little to walk)."""

    def __init__(
        self,
        root: Path,
        scope: Scope,
        selection: Selection,
        today: datetime.date,
        guard: _Guard,
    ) -> None:
        self.scope = scope
        self.selection = selection
        self.today = today
        self.guard = guard
        self.layout = walk(root)
        self.privacy = frozenset(code for code in CODES.values() if selection.enabled(code))
        self.validate = selection.any_enabled("P1")
        self.allow: list[str] = []
        #: Cycles P801 (hindsight edits, from git) looks at.
        self.hindsight = selection.enabled("P801")
        self.candidates: list[Entry] = []
        self.themes: frozenset[str] | None = None
        self.found: list[Finding] = []
        self.replacements: dict[str, bytes] = {}
        self._outcomes: Iterator[tuple[Entry, dict[str, Any] | None]] = iter(())

    def check(self) -> None:
        by_project: dict[str | None, list[Entry]] = defaultdict(list)
        for entry in self.layout.entries:
            by_project[entry.project].append(entry)
        programme_entry, *loose = by_project.pop(None)
        loose = [entry for entry in loose if entry.rel in self.scope]
        projects = {
            project: entries
            for project, entries in by_project.items()
            if project is not None and any(entry.rel in self.scope for entry in entries)
        }
        plan = [programme_entry, *loose]
        for entries in projects.values():
            plan.extend(entry for entry in entries if entry.kind == "project")
            plan.extend(entry for entry in entries if self._read_with_project(entry))
        self._outcomes = zip(plan, _parsed(plan), strict=True)

        programme = self._read(programme_entry)
        if programme.data is not None:
            self.allow = self.guard.run_on(programme, check_allow_list, programme) or []
            if programme.is_record:
                self.themes = ids_of(programme.data.get("themes"))
        self._content(programme)
        for entry in loose:
            self._content(self._read(entry))
        for project, entries in projects.items():
            self._project(project, entries)
        for _ in self._outcomes:  # none are left; this lets the worker pool shut down
            pass

    def _read_with_project(self, entry: Entry) -> bool:
        """Whether a project's check reads ``entry`` (after its project file): those in
        the scope, and the cycles outside it, for the ramps of those inside."""
        return entry.kind != "project" and (entry.rel in self.scope or entry.kind == "cycle")

    def _project(self, project: str, entries: list[Entry]) -> None:
        ideas: frozenset[str] | None = None
        for entry in entries:
            if entry.kind == "project":
                checked = self._read(entry)
                if checked.is_record and checked.data is not None:
                    ideas = ids_of(checked.data.get("change_ideas"))
                self._content(checked)
        names = ProjectNames(
            frozenset(self.layout.cycles.get(project, ())),
            frozenset(self.layout.measures.get(project, ())),
            ideas,
        )
        cycles: dict[str, Checked] = {}
        follows: dict[str, str] = {}
        for entry in entries:
            if not self._read_with_project(entry):
                continue
            checked = self._read(entry)
            if entry.kind == "cycle" and checked.is_record and checked.data is not None:
                cycles[entry.slug] = checked
                target = checked.data.get("follows")
                if isinstance(target, str):
                    follows[entry.slug] = target
            self._content(checked, names)
        if cycles:
            first = cycles[min(cycles)]  # a bug in the ramps belongs to no one file
            self.guard.run_on(first, check_ramps, cycles, follows)
            for checked in cycles.values():
                self.found.extend(checked.findings)

    def _read(self, entry: Entry) -> Checked:
        planned, parsed = next(self._outcomes)
        assert planned is entry, "files are read in the order planned"
        if entry.rel in self.replacements:
            raw = self.replacements[entry.rel]
            return self.guard.run(entry, check_file, entry, raw, validate=self.validate)
        return self.guard.run(entry, _read, entry, self.validate, parsed)

    def _content(self, checked: Checked, names: ProjectNames | None = None) -> None:
        """The checks of one file's content; then its parsed data is let go."""
        entry = checked.entry
        run_on = self.guard.run_on
        if entry.rel in self.scope:
            if self.privacy:
                run_on(checked, check_privacy, checked, self.allow, self.privacy)
            if checked.is_record:
                if entry.kind == "cycle" and names is not None and entry.project is not None:
                    run_on(checked, check_phases, checked, today=self.today)
                    run_on(checked, check_cycle_references, checked, entry.project, names)
                    if self.hindsight and checked.data is not None and is_candidate(checked.data):
                        self.candidates.append(entry)
                elif entry.kind == "measure":
                    run_on(checked, check_measure, checked, today=self.today)
                elif entry.kind == "project":
                    run_on(checked, check_theme, checked, self.themes)
        checked.data = None
        if entry.kind != "cycle" or not checked.is_record:
            self.found.extend(checked.findings)  # a cycle's wait for its ramp findings


def _read(entry: Entry, validate: bool, parsed: dict[str, Any] | None) -> Checked:
    try:
        with open(entry.path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        checked = Checked(entry)
        checked.add("P005", TOP, f"cannot read the file: {error.strerror or error}")
        return checked
    return check_file(entry, raw, validate=validate, parsed=parsed)


def _parallel_wanted(files: int) -> bool:
    """Whether :func:`pdsa.store.parallel.parse_all` would use worker processes."""
    return parallel.runs_in_parallel(files)


def _parsed(plan: list[Entry]) -> Iterator[dict[str, Any] | None]:
    """Each planned file's TOML data, parsed on every core for a large log (see
    :mod:`pdsa.store.parallel`); None where this process must parse it itself, to
    report why it does not parse."""
    paths = [str(entry.path) for entry in plan]
    if not _parallel_wanted(len(paths)):
        # In one process each file is read and parsed once, by check_file.
        yield from (None for _ in paths)
        return
    done = 0
    try:
        for data, _ in parse_all(paths):
            yield data
            done += 1
    except Exception:
        # A worker that fails unexpectedly (a file nested too deeply for the parser's
        # recursion) ends the pool; the rest of the files are parsed here instead.
        for _ in range(done, len(paths)):
            yield None


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
            item = escalate(item) if strict else item
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

    def run_on_entry(
        self, entry: Entry | None, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        """``work``, with an unexpected exception a P901 finding on ``entry``."""
        try:
            return work(*args, **kwargs)
        except Exception as error:
            if self.raise_errors or entry is None:
                raise
            self.findings.append(_internal(entry.rel, error))
            return None

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
