"""Check one file on its own: bytes, text, TOML, its kind, schema version and schema.

Each file is read, decoded, parsed and validated exactly once; the parsed data is
kept for the checks across files. A step that fails stops the steps after it that
need its result (a file that is not TOML has no schema to check), so one mistake is
reported once and not as a cascade.
"""

from __future__ import annotations

import datetime
import difflib
import tomllib
from dataclasses import dataclass, field
from typing import Any, Final, TypeGuard

from pydantic import BaseModel, ValidationError

from pdsa import __version__
from pdsa.check.findings import Finding, finding
from pdsa.check.layout import TOP, Entry, Kind
from pdsa.check.positions import SourceText
from pdsa.model.base import SCHEMA_VERSION
from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure
from pdsa.model.problems import Problem, problems_from
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.store.files import toml_error_position

_BOM: Final = b"\xef\xbb\xbf"
MODELS: Final[dict[str, type[BaseModel]]] = {
    "programme": Programme,
    "project": Project,
    "cycle": Cycle,
    "measure": Measure,
}


@dataclass(slots=True)
class Checked:
    """A file after its own checks: its text and data when it could be parsed, and
    whether its content is a record of its kind at the current schema version (only
    then do the checks across files and of dates and measures look at it)."""

    entry: Entry
    source: SourceText | None = None
    data: dict[str, Any] | None = None
    is_record: bool = False
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: str, position: tuple[int, int], message: str, **extra: Any) -> None:
        self.findings.append(finding(code, self.entry.rel, position, message, **extra))


def check_file(
    entry: Entry, raw: bytes, *, validate: bool = True, parsed: dict[str, Any] | None = None
) -> Checked:
    """Every finding about ``entry`` that needs no other file, given its bytes (and its
    TOML data when that was parsed already); ``validate=False`` skips the schema."""
    checked = Checked(entry)
    if raw.startswith(_BOM):
        checked.add(
            "P003",
            TOP,
            "the file starts with a byte-order mark (an invisible character)",
            hint="save it as UTF-8 without a BOM; other TOML tools may refuse it",
        )
        raw = raw[len(_BOM) :]
    if not raw.strip():
        checked.add("P004", TOP, f"the file is empty; {_what_belongs(entry)}")
        return checked
    text = _decode(checked, raw)
    if text is None:
        return checked
    checked.source = SourceText(text)
    checked.data = parsed if parsed is not None else _parse(checked, text)
    if checked.data is None:
        return checked
    looks_like = shape(checked.data)
    if entry.kind == "loose":
        checked.add("P301", TOP, entry.note, hint=_move_hint(entry, looks_like))
        return checked
    if looks_like is not None and looks_like != entry.kind:
        checked.add(
            "P302",
            TOP,
            f"this looks like a {looks_like}, but this place holds a {entry.kind}",
            hint=_move_hint(entry, looks_like),
        )
        return checked
    version_ok, version_missing = _check_version(checked)
    if not version_ok:
        return checked
    checked.is_record = True
    if validate:
        _validate(checked, MODELS[entry.kind], skip_version=version_missing)
    return checked


def shape(data: dict[str, Any]) -> Kind | None:
    """Which kind of record ``data`` looks like, when its keys say so unambiguously."""
    kinds: set[Kind] = set()
    if any(key in data for key in ("plan", "do", "study", "act", "follows")):
        kinds.add("cycle")
    if any(key in data for key in ("points", "type", "improvement", "goal")):
        kinds.add("measure")
    if any(key in data for key in ("aim", "lead_organisation", "change_ideas", "partners")):
        kinds.add("project")
    if any(key in data for key in ("themes", "settings", "privacy")):
        kinds.add("programme")
    return kinds.pop() if len(kinds) == 1 else None


def _what_belongs(entry: Entry) -> str:
    if entry.kind == "loose":
        return "no record belongs here"
    return f"it should hold a {entry.kind}"


def _move_hint(entry: Entry, looks_like: Kind | None) -> str:
    project = entry.project or "<project>"
    places = {
        "cycle": f"projects/{project}/cycles/",
        "measure": f"projects/{project}/measures/",
        "project": f"projects/{entry.slug or '<project>'}/project.toml",
        "programme": "pdsa.toml at the log root",
        "loose": "",
    }
    if looks_like is None:
        return "move it where it belongs, or out of projects/ if it is no record"
    return f"it looks like a {looks_like}: move it to {places[looks_like]}"


def _decode(checked: Checked, raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        checked.add(
            "P002",
            (line, column),
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})",
            hint="save it as UTF-8 in your editor",
        )
        return None


def _parse(checked: Checked, text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error.args[0]) if error.args else str(error)
        checked.add(
            "P001",
            toml_error_position(error, text),
            f"not valid TOML: {message.split(' (at ')[0]}",
            hint="fix the file by hand; pdsa never rewrites a file it cannot parse",
        )
    except RecursionError:
        checked.add("P001", TOP, "not valid TOML: arrays or tables nested too deeply to read")
    return None


def _check_version(checked: Checked) -> tuple[bool, bool]:
    """``(content can be checked, schema_version is missing)``."""
    assert checked.data is not None and checked.source is not None
    if "schema_version" not in checked.data:
        checked.add(
            "P201",
            TOP,
            "missing 'schema_version' (the file format version)",
            hint=f"run 'pdsa migrate' (it adds schema_version = {SCHEMA_VERSION} and upgrades "
            "the old layout), or add that line by hand",
        )
        return True, True
    version = checked.data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return True, False  # the schema reports the wrong type or value
    if version > SCHEMA_VERSION:
        checked.add(
            "P202",
            checked.source.value(("schema_version",)),
            f"schema_version {version} is newer than this pdsa understands: it needs a newer "
            f"pdsa than {__version__} (which reads schema_version {SCHEMA_VERSION})",
            hint="upgrade pdsa (the pdsa-logbook package) to a release that reads it",
        )
        return False, False
    if version < SCHEMA_VERSION:
        checked.add(
            "P203",
            checked.source.value(("schema_version",)),
            f"schema_version {version} is older than the current {SCHEMA_VERSION}",
            hint="run 'pdsa migrate' to upgrade the log",
        )
        return False, False
    return True, False


# Pydantic error types by rule; any other type is P105 (a value that is not valid).
_MISSING: Final = frozenset({"missing"})
_UNKNOWN: Final = frozenset({"extra_forbidden"})
_CHOICE: Final = frozenset({"literal_error", "enum"})


def _code_of(problem: Problem) -> str:
    kind = problem.code
    if kind in _MISSING:
        return "P101"
    if kind in _UNKNOWN:
        return "P104"
    if kind in _CHOICE:
        return "P103"
    if kind.endswith(("_type", "_parsing")) or kind in ("union_tag_invalid", "is_instance_of"):
        return "P102"
    return "P105"


def _type_hint(problem: Problem) -> str | None:
    kind = problem.code
    if kind.startswith("bool"):
        return "write true or false, without quotes"
    if kind.startswith(("int", "float")):
        return "write the number without quotes"
    if kind.startswith("string"):
        return 'write text in quotes, like "text"'
    return None


def _validate(checked: Checked, model: type[BaseModel], *, skip_version: bool) -> None:
    assert checked.data is not None and checked.source is not None
    try:
        model.model_validate(checked.data)
    except ValidationError as error:
        problems = problems_from(error, model)
    else:
        return
    source = checked.source
    misspelt = _misspelt(problems)
    for problem in problems:
        if skip_version and problem.path == ("schema_version",):
            continue  # already reported as P201
        if problem.code == "missing" and problem.path in misspelt:
            continue  # the unknown key's "did you mean" says it already
        code = _code_of(problem)
        if code in ("P101", "P104"):
            position = source.key(problem.path)
        else:
            position = source.value(problem.path)
        hint = _type_hint(problem) if code == "P102" else None
        checked.add(code, position, problem.message, hint=hint)


def _misspelt(problems: list[Problem]) -> set[tuple[str | int, ...]]:
    """Paths of missing fields that an unknown key beside them is a misspelling of."""
    unknown: dict[tuple[str | int, ...], list[str]] = {}
    for problem in problems:
        if problem.code == "extra_forbidden" and problem.path:
            unknown.setdefault(problem.path[:-1], []).append(str(problem.path[-1]))
    found = set()
    for problem in problems:
        if problem.code == "missing" and problem.path and problem.path[:-1] in unknown:
            keys = unknown[problem.path[:-1]]
            if difflib.get_close_matches(str(problem.path[-1]), keys, n=1, cutoff=0.6):
                found.add(problem.path)
    return found


def is_day(value: Any) -> TypeGuard[datetime.date]:
    """A TOML date (not a date-time)."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
