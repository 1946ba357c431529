"""The report of ``pdsa check`` as text, JSON or GitHub Actions workflow commands.

Each function writes to the stream it is given and nothing else. Text and GitHub
output show user text through :func:`pdsa.render.safe.one_line`, so a control
character in a file name or a key is shown as an escape, never obeyed; JSON is
written with ASCII escapes, which keeps it exact and safe in a terminal too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from pdsa.check.findings import Finding, Report
from pdsa.check.rules import Rule
from pdsa.render.safe import one_line


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    """``Checked 812 files: 2 errors, 5 warnings.`` or ``Checked 812 files: no problems.``"""
    checked = f"Checked {_plural(report.files, 'file')}"
    if not report.findings:
        return f"{checked}: no problems."
    return f"{checked}: {_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')}."


def write_text(report: Report, stream: TextIO) -> None:
    """``path:line:col: CODE severity: message`` with an indented hint, a blank line
    between files, and the summary last."""
    write_findings(report, stream)
    stream.write(summary_line(report) + "\n")


def write_findings(report: Report, stream: TextIO) -> None:
    """The findings of :func:`write_text`, without the summary (``pdsa fmt`` shows the
    problems that stop it in exactly the words and places ``pdsa check`` gives)."""
    previous: str | None = None
    for item in report.findings:
        if previous is not None and item.file != previous:
            stream.write("\n")
        previous = item.file
        stream.write(
            f"{one_line(item.file)}:{item.line}:{item.column}: "
            f"{item.code} {item.severity}: {one_line(item.message)}\n"
        )
        if item.hint:
            stream.write(f"    hint: {one_line(item.hint)}\n")
    if report.findings:
        stream.write("\n")


def as_json(item: Finding) -> dict[str, Any]:
    """One finding as the JSON object documented in docs/check.md."""
    data: dict[str, Any] = {
        "file": item.file,
        "line": item.line,
        "column": item.column,
    }
    if item.end_line is not None:
        data["end_line"] = item.end_line
    data.update(
        code=item.code,
        severity=item.severity,
        message=item.message,
        hint=item.hint,
    )
    return data


def write_json(report: Report, stream: TextIO) -> None:
    """``{"findings": [...], "summary": {"files", "errors", "warnings"}}``."""
    document = {
        "findings": [as_json(item) for item in report.findings],
        "summary": {
            "files": report.files,
            "errors": report.errors,
            "warnings": report.warnings,
        },
    }
    stream.write(json.dumps(document, indent=2) + "\n")


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, stream: TextIO, *, prefix: str = "") -> None:
    """One ``::error`` or ``::warning`` workflow command per finding.

    ``prefix`` is put before each file (the log's folder within the repository), since
    GitHub places annotations by the path from the repository's root.
    """
    for item in report.findings:
        properties = [
            f"file={escape_property(one_line(prefix + item.file))}",
            f"line={item.line}",
            f"col={item.column}",
        ]
        if item.end_line is not None:
            properties.append(f"endLine={item.end_line}")
        properties.append(f"title={escape_property(item.code)}")
        message = one_line(item.message)
        if item.hint:
            message += "\nhint: " + one_line(item.hint)
        stream.write(f"::{item.severity} {','.join(properties)}::{escape_data(message)}\n")


def write_rules(rules: Iterable[Rule], stream: TextIO, *, as_json_list: bool = False) -> None:
    """The rule table: code, severity, family and meaning."""
    listed = list(rules)
    if as_json_list:
        document = [
            {
                "code": rule.code,
                "severity": rule.severity,
                "family": rule.family,
                "summary": rule.summary,
            }
            for rule in listed
        ]
        stream.write(json.dumps(document, indent=2) + "\n")
        return
    family_width = max(len(rule.family) for rule in listed) if listed else 0
    for rule in listed:
        stream.write(
            f"{rule.code}  {rule.severity:<7}  {rule.family:<{family_width}}  {rule.summary}\n"
        )
