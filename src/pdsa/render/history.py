"""``pdsa history`` in the terminal: each commit, then what it wrote, oldest first.

A commit is shown as ``3f2a1c9  subject`` with its author, author date and commit date
on the next line; below it, one line per part it added (``+``), changed (``~``) or
removed (``-``). A change to a part that was already written says so, with the commit
and its author (``prediction changed in 3f2a1c9 by Amira Haddad``), and a changed
prediction shows its old and new text. Everything a person typed is shown literally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.text import Text

from pdsa.analysis.commits import Commit, record_name
from pdsa.analysis.history import RecordHistory, Step
from pdsa.analysis.provenance import WORDS, AdvanceVerdict, HindsightEdit
from pdsa.analysis.record_parts import PREDICTIONS, Change
from pdsa.render.safe import one_line

_SIGN = {"added": "+", "changed": "~", "removed": "-", "renamed": "~"}
_STYLE = {"added": "green", "changed": "yellow", "removed": "red", "renamed": "dim"}
_VERDICT_STYLE = {
    "made_in_advance": "green",
    "written_with_data": "yellow",
    "written_after": "red",
}
NOT_COMMITTED = "not committed yet"
SHALLOW_NOTE = (
    "note: this clone's history is cut off (a shallow clone), so the oldest parts can only "
    "be dated 'at or before' its oldest commit; 'git fetch --unshallow' reads the rest"
)


def print_record(
    console: Console,
    history: RecordHistory,
    *,
    name: str,
    kind: str,
    verdict: AdvanceVerdict | None,
    shallow: bool,
    hindsight: Sequence[HindsightEdit] = (),
) -> None:
    """One record's history, then its prediction's verdict (for a cycle) and its hindsight
    edits (``hindsight``: the verdict's, or those of a cycle whose predictions were all
    removed)."""
    # Names and paths are never broken: a reader copies them into commands.
    console.print(Text(f"History of {kind} {one_line(name)}", style="bold"), soft_wrap=True)
    console.print(Text(one_line(history.path)), soft_wrap=True)
    if shallow:
        _line(console, SHALLOW_NOTE)
    console.print()
    if not history.steps:
        console.print(Text("No commit holds this record, and it has no change to commit."))
    hindsight = tuple(hindsight) or (verdict.hindsight if verdict is not None else ())
    for commit, steps in _by_commit(history.steps):
        _print_commit(console, commit)
        for step in steps:
            _print_step(console, step, hindsight=hindsight, indent="  ")
    if history.incomplete:
        _line(console, "No commit read wrote this version: its parts cannot be dated.")
    elif history.cut_off_at is not None:
        _line(
            console,
            f"The history is cut off at {history.cut_off_at.short}: what that version held "
            "may have been written earlier.",
        )
    if verdict is not None:
        console.print()
        _print_verdict(console, verdict)
    elif hindsight:
        console.print()
        _print_hindsight(console, hindsight)


def print_timeline(console: Console, steps: Sequence[Step], *, shallow: bool) -> None:
    """Every change to every record, commit by commit, oldest first."""
    if shallow:
        _line(console, SHALLOW_NOTE)
        console.print()
    if not steps:
        console.print(Text("No commit has changed the log yet, and nothing is waiting."))
        return
    for commit, group in _by_commit(steps):
        _print_commit(console, commit)
        for step in group:
            name = Text(f"  {one_line(record_name(step.file))} ({step.file.kind})")
            console.print(name, soft_wrap=True)
            _print_step(console, step, hindsight=(), indent="    ")


def verdict_sentence(verdict: AdvanceVerdict) -> str:
    """``made in advance: the prediction (3f2a1c9) came before the Do (8e1d2c3)...``."""
    return f"{WORDS[verdict.verdict]}: {verdict.reason}"


def _by_commit(steps: Iterable[Step]) -> list[tuple[Commit | None, list[Step]]]:
    groups: list[tuple[Commit | None, list[Step]]] = []
    for step in steps:
        if groups and groups[-1][0] == step.commit:
            groups[-1][1].append(step)
        else:
            groups.append((step.commit, [step]))
    return groups


def _print_commit(console: Console, commit: Commit | None) -> None:
    if commit is None:
        console.print(Text(NOT_COMMITTED, style="bold yellow"))
        return
    heading = Text(commit.short, style="bold")
    heading.append(f"  {one_line(commit.subject)}")
    _line(console, heading)
    if commit.commit_date == commit.author_date:
        dates = f"authored and committed {_when(commit.author_date)}"
    else:
        dates = f"authored {_when(commit.author_date)}, committed {_when(commit.commit_date)}"
    _line(console, f"by {one_line(commit.author)}, {dates}", indent="  ", style="dim")
    if commit.cut_off:
        _line(console, "the history is cut off here: it may hold older work", indent="  ")


def _print_step(
    console: Console, step: Step, *, hindsight: Sequence[HindsightEdit], indent: str
) -> None:
    change = step.file
    if change.renamed_from is not None:
        shown = Text(f"{indent}renamed from {one_line(change.renamed_from)}")
        console.print(shown, soft_wrap=True)
    if change.deleted:
        _line(console, "- file deleted", indent=indent, style="red")
        return
    if change.unreadable:
        _line(console, "this version is not valid TOML: its parts cannot be read", indent=indent)
        return
    if change.unread:
        _line(console, "present (not read: the history is cut off here)", indent=indent)
        return
    if _created(step):
        names = ", ".join(one_line(item.part) for item in step.changes)
        _line(console, f"+ created: {names}", indent=indent, style=_STYLE["added"])
        return
    for item in step.changes:
        _print_change(console, step, item, hindsight=hindsight, indent=indent)


def _print_change(
    console: Console,
    step: Step,
    item: Change,
    *,
    hindsight: Sequence[HindsightEdit],
    indent: str,
) -> None:
    style = _STYLE[item.action]
    label = _label(item)
    if item.action == "added":
        shown = [f"{label}: {text}" for text in item.new] if item.new else [label]
        for line in shown:
            _line(console, f"+ {one_line(line)}", indent=indent, style=style)
        return
    edit = next((edit for edit in hindsight if edit.origin == step.origin), None)
    if edit is None or item.part != PREDICTIONS:
        edit = None
    if item.action == "removed":
        if edit is None:
            _line(console, f"- {one_line(label)} removed", indent=indent, style=style)
            return
        line = f"- {label} removed {_where(step)}, after the Study ({edit.study.describe()})"
        _line(console, f"{line}: a hindsight edit", indent=indent, style="bold red")
        for text in item.old:
            _line(console, f"was: {one_line(text)}", indent=indent + "    ")
        return
    if item.action == "renamed":
        line = f"~ {label} follows its measure's rename {_where(step)}"
    else:
        line = f"~ {label} changed {_where(step)}"
    if item.keys:
        line += f" ({', '.join(one_line(key) for key in item.keys)})"
    if edit is not None:
        line += f", after the Study ({edit.study.describe()}): a hindsight edit"
    _line(console, line, indent=indent, style="bold red" if edit is not None else style)
    if item.old or item.new:
        for word, texts in (("was", item.old), ("now", item.new)):
            for text in texts or ("(nothing)",):
                _line(console, f"{word}: {one_line(text)}", indent=indent + "    ")


def _where(step: Step) -> str:
    commit = step.commit
    return f"in {commit.short} by {one_line(commit.author)}" if commit else "(not committed yet)"


def _print_verdict(console: Console, verdict: AdvanceVerdict) -> None:
    line = Text("Prediction ", style="bold")
    line.append(WORDS[verdict.verdict], style=f"bold {_VERDICT_STYLE.get(verdict.verdict, '')}")
    line.append(f": {one_line(verdict.reason)}")
    _line(console, line)
    _print_hindsight(console, verdict.hindsight)


def _print_hindsight(console: Console, hindsight: Sequence[HindsightEdit]) -> None:
    for edit in hindsight:
        _line(console, f"Hindsight edit: {one_line(edit.describe())}", style="bold red")


def _line(console: Console, text: str | Text, *, indent: str = "", style: str = "") -> None:
    """One line of output; when it wraps, it wraps under its own indent (and no line
    ends in padding, so piped output diffs cleanly)."""
    width = max(20, (console.width or 80) - len(indent))
    body = text if isinstance(text, Text) else Text(text, style=style)
    for part in body.wrap(console, width):
        part.rstrip()
        line = Text(indent)
        line.append_text(part)
        console.print(line, soft_wrap=True)


def _created(step: Step) -> bool:
    """A project or the programme written for the first time: its keys on one line."""
    return (
        step.file.kind in ("project", "programme")
        and not step.file.sources
        and bool(step.changes)
        and all(item.action == "added" for item in step.changes)
    )


def _label(item: Change) -> str:
    if item.part == PREDICTIONS:
        count = max(len(item.new), len(item.old))
        return "prediction" if count <= 1 else "predictions"
    return item.part


def _when(iso: str) -> str:
    """``2026-03-04T10:12:00+00:00`` as ``2026-03-04 10:12 +00:00``."""
    if len(iso) >= 16 and iso[10] == "T":
        zone = iso[19:] if len(iso) > 19 else ""
        return f"{iso[:10]} {iso[11:16]}{' ' + zone if zone else ''}"
    return iso
