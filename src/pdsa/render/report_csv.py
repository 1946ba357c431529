"""The report as CSV: one row per project, stable column names, for spreadsheets."""

from __future__ import annotations

import csv
import io

from pdsa.analysis.report_view import Report
from pdsa.render.report_cells import CSV_COLUMNS, csv_row
from pdsa.render.safe import visible

# Spreadsheets run a cell starting with these as a formula; a leading quote keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _literal(value: str) -> str:
    """A cell a spreadsheet (and a terminal, should the file be printed) shows literally:
    control characters as escapes, a formula-like start made text with a quote."""
    value = visible(value)
    return "'" + value if value.startswith(_FORMULA_START) and not _is_number(value) else value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def report_csv(report: Report) -> str:
    """The CSV document (RFC 4180, CRLF line ends, a header row)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for project in report.projects:
        writer.writerow({key: _literal(value) for key, value in csv_row(project).items()})
    return buffer.getvalue()
