"""Measures: create one, record points, import points from CSV."""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import math

from pdsa.errors import NoSlug, PdsaError, ValidationFailed
from pdsa.model.measure import Measure, Point
from pdsa.model.slug import slugify
from pdsa.model.values import VALUE_RULE, ValueLimits, number_hint, value_limits
from pdsa.store.log import MEASURES_DIR, Log
from pdsa.store.records import to_toml_data
from pdsa.store.writer import append_tables, create_record, record_text, require_slug
from pdsa.tools.kinds import Kind, schema_directive
from pdsa.workflow.privacy import guard_name, guard_title


def new_measure(log: Log, project: str, measure: Measure, *, slug: str | None = None) -> str:
    """Create ``projects/<project>/measures/<slug>.toml``; return the slug."""
    given = require_slug(slug)
    if given is None:
        guard_title(measure.title, allow=log.programme.privacy.allow)
    folder = log.project_dir(project) / MEASURES_DIR
    slug = given or slugify(measure.title, fallback="")
    if not slug:
        raise NoSlug(
            f"the title '{measure.title}' gives no file name (it has no letters or digits in "
            "any script); nothing was written",
            hint="give the file a name with --slug",
        )
    guard_name(slug, allow=log.programme.privacy.allow, option="--slug" if given else None)
    return create_record(
        folder,
        slug,
        record_text(measure, schema_comment=schema_directive(log.root, folder, Kind.MEASURE)),
        renumber=False,
    )


def limits_of(measure: Measure) -> ValueLimits | None:
    """The values ``measure`` takes (see :mod:`pdsa.model.values`)."""
    return value_limits(measure.unit, minimum=measure.min, maximum=measure.max)


def point_problems(
    points: list[Point], *, limits: ValueLimits | None, today: datetime.date
) -> list[str]:
    """``date: why`` for each point its measure refuses: a value outside its limits
    (rule P604) or a date after today (rule P605)."""
    problems = []
    for point in points:
        if point.date > today:
            problems.append(
                f"{point.date.isoformat()} is after today ({today.isoformat()}): a point is "
                "recorded once its period is over (rule P605)"
            )
        elif limits is not None and (problem := limits.problem(point.value)) is not None:
            problems.append(f"{point.date.isoformat()}: {problem} (rule {VALUE_RULE})")
    return problems


def add_points(
    log: Log, project: str, measure: str, points: list[Point], *, today: datetime.date
) -> Measure:
    """Append ``points`` as ``[[points]]`` tables, all or none.

    A value its measure does not take, or a date after ``today``, refuses them all, naming
    the rule. Points dated before the file's last are still appended (the file is never
    reordered behind a person's back); :func:`older_than_last` tells the caller to say so.
    """
    if not points:
        raise PdsaError("no points to add")
    path = log.measure_path(project, measure)
    name = f"{project}/{measure}"

    def one_point_per_date(combined: Measure) -> None:
        refused = point_problems(points, limits=limits_of(combined), today=today)
        if refused:
            raise ValidationFailed(
                f"{name} refuses {len(refused)} point{'s' if len(refused) != 1 else ''}; "
                "nothing was written",
                refused,
                hint=f"if a value is right, write it by hand with 'pdsa edit {name}' "
                f"(pdsa check then warns {VALUE_RULE}), or set the measure's min and max "
                "there; a date must be today or earlier",
            )
        # Checked on the file as it will be, under the record's lock: two people recording
        # the same date at once get one point and one refusal, never two points.
        seen: set[datetime.date] = set()
        for point in combined.points:
            if point.date in seen:
                raise PdsaError(
                    f"{project}/{measure} already has a point for {point.date.isoformat()}; "
                    "nothing was written",
                    hint=f"one point per date: correct a value with "
                    f"'pdsa edit {project}/{measure}'",
                )
            seen.add(point.date)

    append_tables(
        path,
        {"points": [to_toml_data(point) for point in points]},
        Measure,
        guard=one_point_per_date,
    )
    return log.measure(project, measure)


def parse_points_csv(
    text: str,
    *,
    source: str,
    limits: ValueLimits | None = None,
    today: datetime.date | None = None,
) -> list[Point]:
    """Points from CSV text ``date,value[,note]``; a header row is allowed.

    Every bad row is reported with its line (with ``limits`` and ``today``, a value its
    measure refuses and a date after today too); one bad row means no points at all.
    """
    problems: list[str] = []
    points: list[Point] = []
    first_line: dict[datetime.date, int] = {}
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if line == 1 and row[0].strip().lower() == "date":
            continue
        try:
            point = _point_from_row(row)
        except ValueError as error:
            problems.append(f"{source}:{line}: {error}")
            continue
        if today is not None:
            refused = point_problems([point], limits=limits, today=today)
            if refused:
                problems.append(f"{source}:{line}: {refused[0]}")
                continue
        if point.date in first_line:
            problems.append(
                f"{source}:{line}: {point.date.isoformat()} repeats the date of line "
                f"{first_line[point.date]} (one point per date)"
            )
            continue
        first_line[point.date] = line
        points.append(point)
    if problems:
        raise ValidationFailed(
            f"{len(problems)} bad row{'s' if len(problems) != 1 else ''}; nothing was written",
            problems,
        )
    if not points:
        raise PdsaError(f"{source} holds no data rows", hint="expected lines of date,value[,note]")
    return points


def _point_from_row(row: list[str]) -> Point:
    if len(row) < 2 or len(row) > 3:
        raise ValueError(f"expected date,value[,note] (2 or 3 columns), found {len(row)}")
    date_text, value_text = row[0].strip(), row[1].strip()
    try:
        date = datetime.date.fromisoformat(date_text)
    except ValueError:
        hint = (
            " (in a spreadsheet, format the date column as yyyy-mm-dd before saving as CSV)"
            if "/" in date_text
            else ""
        )
        raise ValueError(f"'{date_text}' is not a date like 2024-03-04{hint}") from None
    value = parse_number(value_text)
    note = row[2] if len(row) == 3 and row[2].strip() else None
    if note is not None and note.strip().isdigit() and len(note.strip()) <= 3:
        # "2026-03-01,71,5": a decimal comma splits the value into a note.
        raise ValueError(
            f"'{value_text},{note.strip()}' looks like a decimal written with a comma: "
            f"write {value_text}.{note.strip()} (or put a note in quotes)"
        )
    return Point(date=date, value=value, note=note)


def parse_number(text: str) -> float:
    """A finite number from text, stored exactly as written; ValueError naming the text
    otherwise. A number a float would silently change is refused, not altered: ``1e-400``
    would be stored as 0, a 30-digit integer would lose its last digits."""
    try:
        value = float(text)
    except ValueError:
        hint = number_hint(text)
        raise ValueError(f"'{text}' is not a number" + (f"; {hint}" if hint else "")) from None
    if not math.isfinite(value):
        too_large = "" if math.isnan(value) else " (it is too large to store)"
        raise ValueError(f"'{text}' is not a finite number{too_large}")
    try:
        exact = decimal.Decimal(text.strip()) == decimal.Decimal(repr(value))
    except decimal.InvalidOperation:
        exact = True  # a form float reads but Decimal does not: nothing to compare
    if not exact:
        raise ValueError(
            f"'{text}' cannot be stored exactly (it would be read back as {value!r}); "
            "give at most 15 significant digits, and nothing smaller than 1e-300"
        )
    return value


def measure_rows(log: Log, projects: list[str]) -> tuple[list[dict[str, object]], list[PdsaError]]:
    """``pdsa measure list``: each measure with its latest point; and the files that failed."""
    scan = log.scan_measures(projects)
    rows: list[dict[str, object]] = []
    for item in scan.records:
        measure = item.record
        latest = max(measure.points, key=lambda point: point.date) if measure.points else None
        rows.append(
            {
                "project": item.project,
                "slug": item.slug,
                "title": measure.title,
                "type": measure.type,
                "unit": measure.unit,
                "improvement": measure.improvement,
                "goal": measure.goal,
                "key": measure.key,
                "points": len(measure.points),
                "latest_date": latest.date.isoformat() if latest else None,
                "latest_value": latest.value if latest else None,
            }
        )
    return rows, scan.errors


def older_than_last(measure: Measure, points: list[Point]) -> list[Point]:
    """Those of ``points`` (just appended) dated before a point above them in the file."""
    before = measure.points[: len(measure.points) - len(points)]
    latest = max((point.date for point in before), default=None)
    return [point for point in points if latest is not None and point.date < latest]
