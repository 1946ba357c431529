"""``pdsa history NAME``: one record's history, and for a cycle its prediction's verdict."""

from __future__ import annotations

from dataclasses import dataclass

from pdsa.analysis.history import History, RecordHistory
from pdsa.analysis.predictions import has_prediction
from pdsa.analysis.provenance import AdvanceVerdict, HindsightEdit, MeasureFile, hindsight_edits
from pdsa.errors import PdsaError
from pdsa.model.loaded import Loaded
from pdsa.store.log import Log
from pdsa.workflow.provenance import cycle_path, cycle_verdict, measure_path


@dataclass(frozen=True, slots=True)
class RecordView:
    """What ``pdsa history NAME`` shows."""

    name: str
    history: RecordHistory
    #: For a cycle with a prediction: whether it was made in advance.
    verdict: AdvanceVerdict | None = None
    #: Why the verdict is missing, when the cycle cannot be read now.
    problem: str | None = None
    #: For a cycle: its predictions' changes after the Study was committed (the verdict's
    #: own, or, for a cycle whose predictions were all taken out, their removal).
    hindsight: tuple[HindsightEdit, ...] = ()


def record_history(log: Log, history: History, *, kind: str, project: str, slug: str) -> RecordView:
    """The history of the record of ``kind`` named ``project``/``slug``."""
    if kind == "project":
        path = log.relative(log.project_path(project)).as_posix()
        return RecordView(project, history.record(path))
    name = f"{project}/{slug}"
    if kind == "measure":
        return RecordView(name, history.record(measure_path(project, slug)))
    path = cycle_path(project, slug)
    try:
        record = log.cycle(project, slug)
    except PdsaError as error:
        problem = f"{error.location() or path}: {error.message}; its prediction is not judged"
        return RecordView(name, history.record(path), problem=problem)
    if not has_prediction(record):
        lineage = history.record(path)
        edits = hindsight_edits(
            history, cycle=name, lineage=lineage, studied=record.study is not None
        )
        return RecordView(name, lineage, hindsight=edits)
    measures = log.scan_measures([project])
    files = {
        item.slug: MeasureFile(measure_path(project, item.slug), item.record)
        for item in measures.records
    }
    verdict = cycle_verdict(
        history, Loaded(project, slug, log.cycle_path(project, slug), record), files
    )
    return RecordView(name, history.record(path), verdict, hindsight=verdict.hindsight)
