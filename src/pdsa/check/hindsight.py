"""P801: a prediction changed after its cycle's Study was committed (a hindsight edit).

The rule needs the log's git history, which costs a few git processes and (the first
time) reading every commit; so it is asked for only when it can find something: the
rule is selected, the log lies inside a git repository (seen without starting git), and
a cycle being checked holds a Study (with predictions, or with predictions taken out).
A log outside git, or a check of files that hold no such cycle, never starts git and
loads none of this.

Where the history cannot be read (no git installed, a shallow clone cut off before the
Study) nothing is guessed: no finding, and a note on stderr says what was not checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pdsa.check.findings import Finding, escalate, finding
from pdsa.check.layout import Entry
from pdsa.check.positions import SourceText

CODE = "P801"


@dataclass(slots=True)
class HindsightCheck:
    """The findings of P801, and a note for the person when part could not be checked."""

    findings: list[Finding]
    note: str | None = None


def is_candidate(data: dict[str, Any]) -> bool:
    """Whether a cycle's data could hold a hindsight edit: a Study. Predictions are not
    needed now: taking every prediction out after the Study is a hindsight edit too."""
    return isinstance(data.get("plan"), dict) and isinstance(data.get("study"), dict)


def check_hindsight(root: Path, candidates: Sequence[Entry], *, strict: bool) -> HindsightCheck:
    """P801 findings on ``candidates`` (cycles with a Study)."""
    from pdsa.store.root import inside_git

    if not candidates or not inside_git(root):
        return HindsightCheck([])
    from pdsa.analysis.provenance import hindsight_edits
    from pdsa.store.log import Log
    from pdsa.workflow.provenance import GitUnavailable, read_history

    try:
        history = read_history(Log(root))
    except GitUnavailable as error:
        return HindsightCheck([], f"{CODE} (hindsight edits) not checked: {error.message}")
    found: list[Finding] = []
    cut_off = 0
    for entry in candidates:
        lineage = history.record(entry.rel)
        if lineage.cut_off_at is not None or lineage.incomplete:
            cut_off += 1
        edits = hindsight_edits(history, cycle=entry.rel, lineage=lineage, studied=True)
        for edit in edits:
            position = _position(entry)
            commit = edit.origin.commit
            where = (
                f"in {commit.short} by {commit.author}"
                if commit is not None
                else "in the working copy (not committed yet)"
            )
            changed = "removed" if edit.removed else "changed"
            item = finding(
                CODE,
                entry.rel,
                position,
                f"the predictions were {changed} {where}, after the Study was committed "
                f"({edit.study.describe()}): a hindsight edit",
                hint="a prediction is judged as written before the data; put it back as it "
                "was and say what you learned in [study] (pdsa history shows both texts)",
            )
            found.append(escalate(item) if strict else item)
    note = None
    if cut_off:
        note = (
            f"{CODE} (hindsight edits): the git history is cut off (a shallow clone), so "
            f"{cut_off} cycle{'s' if cut_off != 1 else ''} could only be checked for edits "
            "after its oldest commit; fetch the whole history (actions/checkout: "
            "fetch-depth: 0) to check them all"
        )
    return HindsightCheck(found, note)


def _position(entry: Entry) -> tuple[int, int]:
    """Where the file's predictions are written (read again: findings are rare, and
    holding every candidate's text would cost memory on a large log)."""
    try:
        text = entry.path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return (1, 1)
    return SourceText(text).key(("plan", "predictions"))
