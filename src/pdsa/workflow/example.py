"""The bundled example programme: a fictional city's HIV improvement community.

``pdsa init --example`` writes it, the README walks through it and the tests use it as a
fixture, so it is rich (twelve projects, their measures with data over time, and PDSA
cycles in every phase), valid, and the same on every call: the data points come from
random generators with a fixed seed per measure, and no date depends on today's.

The hand-written content lives in :mod:`pdsa.workflow.example_data`.
"""

from __future__ import annotations

import datetime
import random
import zlib
from typing import Any

from pdsa.model.base import SCHEMA_VERSION
from pdsa.model.cycle import Cycle
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.workflow.example_data import PROGRAMME, PROJECTS, MeasureSpec, ProjectSpec, Series
from pdsa.workflow.init import ProjectBundle


def example_programme() -> tuple[Programme, list[ProjectBundle]]:
    """The example programme and its twelve projects, as validated records."""
    programme = Programme.model_validate({"schema_version": SCHEMA_VERSION, **PROGRAMME})
    return programme, [_bundle(spec) for spec in PROJECTS]


def _bundle(spec: ProjectSpec) -> ProjectBundle:
    project = Project.model_validate({"schema_version": SCHEMA_VERSION, **spec.fields})
    measures = {measure.slug: _measure(spec.slug, measure) for measure in spec.measures}
    cycles = {
        slug: Cycle.model_validate({"schema_version": SCHEMA_VERSION, **fields})
        for slug, fields in spec.cycles.items()
    }
    return ProjectBundle(slug=spec.slug, project=project, measures=measures, cycles=cycles)


def _measure(project: str, spec: MeasureSpec) -> Measure:
    seed = zlib.crc32(f"{project}/{spec.slug}".encode())
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        **spec.fields,
        "points": points(spec.series, seed),
    }
    return Measure.model_validate(data)


def points(series: Series, seed: int) -> list[dict[str, Any]]:
    """The data points ``series`` describes, as point dicts; the same for the same seed."""
    rng = random.Random(seed)
    made: list[dict[str, Any]] = []
    for index in range(series.count):
        # Draw for every index, used or not, so that editing one point leaves the rest alone.
        noise = rng.gauss(0.0, series.noise) if series.noise else 0.0
        if index in series.skip:
            continue
        day = series.start + datetime.timedelta(days=series.every_days * index)
        value = float(series.values[index]) if series.values else _value(series, index, noise)
        point: dict[str, Any] = {"date": day, "value": value}
        if index in series.astronomical:
            value, note = series.astronomical[index]
            point.update(value=float(value), note=note, astronomical=True)
        elif index in series.notes:
            point["note"] = series.notes[index]
        made.append(point)
    return made


def _value(series: Series, index: int, noise: float) -> float:
    value = series.level + series.drift * index + noise + series.bumps.get(index, 0.0)
    value += sum(size for start, size in series.shifts if index >= start)
    value = max(series.low, value)
    if series.high is not None:
        value = min(series.high, value)
    rounded = round(value, series.decimals) if series.decimals else float(round(value))
    return rounded + 0.0  # never -0.0
