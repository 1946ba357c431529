"""Resolving what a person types (``PROJECT/CYCLE``, a prefix, a number) to a record.

The project part may be left out inside a project's folder or in a log with one
project; the cycle or measure part may be its slug, a unique prefix of it, or (for a
cycle) its display number. Ambiguity lists the candidates.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from pdsa.errors import PdsaError
from pdsa.model.ordering import display_numbers
from pdsa.store.log import Log


def close_matches(name: str, candidates: Sequence[str]) -> list[str]:
    """Up to three candidates that look like ``name`` (a typo, a word left out), best first."""
    return difflib.get_close_matches(name.lower(), list(candidates), n=3, cutoff=0.6)


def did_you_mean(name: str, candidates: Sequence[str]) -> str | None:
    """``did you mean 'a' or 'b'?``, or None when nothing looks like ``name``."""
    close = close_matches(name, candidates)
    if not close:
        return None
    return "did you mean " + " or ".join(f"'{match}'" for match in close) + "?"


def pick(kind: str, name: str, candidates: list[str], *, where: str = "") -> str:
    """The candidate equal to ``name``, else the only one it is a prefix of; otherwise an
    error that suggests the closest candidates."""
    if name in candidates:
        return name
    lowered = name.lower()
    if lowered in candidates:
        return lowered
    matches = [candidate for candidate in candidates if candidate.startswith(lowered)]
    if len(matches) == 1:
        return matches[0]
    place = f" in {where}" if where else ""
    if not matches:
        listing = ", ".join(candidates[:12]) + (", ..." if len(candidates) > 12 else "")
        suggestion = did_you_mean(name, candidates)
        raise PdsaError(
            f"no {kind} called '{name}'{place}" + (f"; {suggestion}" if suggestion else ""),
            hint=f"known {kind}s: {listing}" if candidates else f"there are no {kind}s yet",
        )
    raise PdsaError(
        f"'{name}' could be any of {len(matches)} {kind}s{place}: {', '.join(matches)}",
        hint="type more of the name",
    )


def project_of_folder(log: Log, cwd: Path) -> str | None:
    """The project whose folder holds ``cwd``, if any."""
    try:
        relative = cwd.resolve().relative_to(log.projects_dir.resolve())
    except ValueError:
        return None
    return relative.parts[0] if relative.parts else None


def resolve_project(log: Log, name: str | None, cwd: Path) -> str:
    """The project named, or the one implied by the folder or by a one-project log."""
    projects = log.project_slugs()
    if name:
        return pick("project", name, projects)
    here = project_of_folder(log, cwd)
    if here is not None and here in projects:
        return here
    if len(projects) == 1:
        return projects[0]
    if not projects:
        raise PdsaError("the log has no projects yet", hint="create one with 'pdsa project new'")
    raise PdsaError(
        "which project? the log has several",
        hint=f"name it ({', '.join(projects[:8])}{', ...' if len(projects) > 8 else ''}), "
        "or run the command inside the project's folder",
    )


def _split(name: str) -> tuple[str | None, str]:
    if "/" in name:
        project, _, rest = name.partition("/")
        return project or None, rest
    return None, name


def resolve_cycle(log: Log, name: str, cwd: Path) -> tuple[str, str]:
    """``(project, cycle)`` for a ``PROJECT/CYCLE`` name."""
    project_part, cycle_part = _split(name)
    if not cycle_part:
        raise PdsaError(f"'{name}' names no cycle", hint="write PROJECT/CYCLE, e.g. outreach/2")
    if project_part is None and not _implied_project(log, cwd):
        return _cycle_anywhere(log, cycle_part)
    project = resolve_project(log, project_part, cwd)
    return project, cycle_of_project(log, project, cycle_part)


def cycle_of_project(log: Log, project: str, name: str) -> str:
    """The slug of the cycle of ``project`` that ``name`` names: its slug, a unique
    prefix, its display number, or ``PROJECT/`` followed by one of these."""
    project_part, cycle_part = _split(name)
    if project_part is not None and pick("project", project_part, [project]) != project:
        raise PdsaError(f"'{name}' is not a cycle of project '{project}'")
    if cycle_part.isdigit():
        numbers = _numbers(log, project)
        for slug, number in numbers.items():
            if number == int(cycle_part):
                return slug
        raise PdsaError(
            f"project '{project}' has no cycle number {cycle_part}",
            hint=f"it has {len(numbers)} cycle{'s' if len(numbers) != 1 else ''}; "
            "see them with 'pdsa list'",
        )
    return pick("cycle", cycle_part, log.cycle_slugs(project), where=f"project '{project}'")


def resolved_note(name: str, project: str, slug: str, *, what: str = "") -> str | None:
    """``cycle 2 is outreach/text-reminders`` when ``name`` was a number or a prefix (so
    the person sees which record a write went to); None when it was the slug itself."""
    leaf = name.rsplit("/", 1)[-1]
    if leaf == slug:
        return None
    label = f"cycle {leaf}" if leaf.isdigit() else f"'{name}'"
    return f"{what}{label} is {project}/{slug}"


def implied_project(log: Log, cwd: Path) -> bool:
    """Whether a project goes without saying: inside its folder, or the log's only one."""
    return _implied_project(log, cwd)


def _implied_project(log: Log, cwd: Path) -> bool:
    return project_of_folder(log, cwd) is not None or len(log.project_slugs()) == 1


def _cycle_anywhere(log: Log, cycle_part: str) -> tuple[str, str]:
    """Without a project, a slug (or prefix) that is unique across the log still resolves."""
    if cycle_part.isdigit():
        raise PdsaError(
            f"cycle number {cycle_part} of which project?",
            hint="write PROJECT/NUMBER, e.g. outreach/2",
        )
    return _anywhere(log, "cycle", cycle_part, log.cycle_slugs, "pdsa list")


def _anywhere(
    log: Log, kind: str, part: str, slugs_of: Callable[[str], list[str]], lister: str
) -> tuple[str, str]:
    """``(project, slug)`` of the one record of ``kind`` across the log that ``part`` names:
    an exact slug first, else a unique prefix; otherwise the candidates, or none."""
    everywhere = [(project, slug) for project in log.project_slugs() for slug in slugs_of(project)]
    wanted = part.lower()
    exact = [pair for pair in everywhere if pair[1] == wanted]
    matches = exact or [pair for pair in everywhere if pair[1].startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        suggestion = did_you_mean(part, [slug for _, slug in everywhere])
        raise PdsaError(
            f"no {kind} called '{part}' in any project" + (f"; {suggestion}" if suggestion else ""),
            hint=f"list {kind}s with '{lister}'",
        )
    listing = ", ".join(f"{project}/{slug}" for project, slug in matches[:10])
    raise PdsaError(
        f"'{part}' could be any of {len(matches)} {kind}s: {listing}",
        hint=f"write PROJECT/{kind.upper()}",
    )


def _numbers(log: Log, project: str) -> dict[str, int]:
    scan = log.scan_cycles([project])
    if scan.errors:
        # A file that cannot be read has no planned start, so every number after it would
        # shift: a number could then name another cycle than the one the person means.
        first = scan.errors[0]
        raise PdsaError(
            f"cannot number the cycles of '{project}' while a cycle file cannot be read "
            f"({first.location() or first.message})",
            hint="name the cycle by its slug, or fix the file first (pdsa check shows it)",
        )
    return display_numbers((item.slug, item.record.plan.date) for item in scan.records)


def resolve_measure(log: Log, name: str, cwd: Path) -> tuple[str, str]:
    """``(project, measure)`` for a ``PROJECT/MEASURE`` name."""
    project_part, measure_part = _split(name)
    if not measure_part:
        raise PdsaError(f"'{name}' names no measure", hint="write PROJECT/MEASURE")
    if project_part is None and not _implied_project(log, cwd):
        return _anywhere(log, "measure", measure_part, log.measure_slugs, "pdsa measure list")
    project = resolve_project(log, project_part, cwd)
    return project, pick(
        "measure", measure_part, log.measure_slugs(project), where=f"project '{project}'"
    )


def select_projects(log: Log, name: str | None) -> list[str]:
    """Every project, or the one ``name`` picks (a slug or a unique prefix)."""
    projects = log.project_slugs()
    return [pick("project", name, projects)] if name is not None else projects


RecordKind = str  # "project", "cycle" or "measure"


def resolve_record(log: Log, name: str, cwd: Path) -> tuple[RecordKind, str, str]:
    """``(kind, project, slug)`` for what ``pdsa edit NAME`` names.

    An exact name wins over a prefix, whatever its kind; a name that fits a cycle and a
    measure equally well is refused with both, rather than guessed.
    """
    if "/" not in name and name in log.project_slugs():
        return "project", name, name
    found: dict[RecordKind, tuple[str, str]] = {}
    errors: list[PdsaError] = []
    for kind, resolve in (("cycle", resolve_cycle), ("measure", resolve_measure)):
        try:
            found[kind] = resolve(log, name, cwd)
        except PdsaError as error:
            errors.append(error)
    if not found:
        raise errors[0]
    leaf = name.rsplit("/", 1)[-1].lower()
    exact = {kind: pair for kind, pair in found.items() if pair[1] == leaf}
    chosen = exact or found
    if len(chosen) > 1:
        listing = ", ".join(f"{kind} {project}/{slug}" for kind, (project, slug) in chosen.items())
        raise PdsaError(
            f"'{name}' could be either: {listing}",
            hint="type the whole slug of the one you mean",
        )
    kind, (project, slug) = next(iter(chosen.items()))
    return kind, project, slug
