"""Fixtures for the HTML report tests: the example programme's report, and a small HTML reader
(standard library only) that both the unit and the browser tests use on their pages."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pdsa.analysis.report_view import Report
from pdsa.store.log import Log
from pdsa.workflow.report import build_report, choose_projects

#: The "today" of the example report (conftest.TODAY).
EXAMPLE_TODAY = datetime.date(2026, 11, 26)
#: Elements that never have an end tag in HTML.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass
class Page:
    """What the reader found in a page."""

    #: Every ``id`` attribute, in document order.
    ids: list[str] = field(default_factory=list)
    #: For each ``<section id=...>``, the elements inside it, counted by name.
    sections: dict[str, Counter[str]] = field(default_factory=dict)
    #: Every element, counted by name.
    tags: Counter[str] = field(default_factory=Counter)
    #: End tags that did not close the innermost open element, and elements left open.
    problems: list[str] = field(default_factory=list)
    #: The text content, as the parser decoded it (entities resolved).
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, str | None]] = []
        self.chunks: list[str] = []

    def _count(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        self.page.tags[tag] += 1
        for _, section in self.stack:
            if section is not None:
                self.page.sections[section][tag] += 1
        ident = dict(attrs).get("id")
        if ident is not None:
            self.page.ids.append(ident)
        return ident

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = self._count(tag, attrs)
        if tag in VOID:
            return
        section = ident if tag == "section" else None
        if section is not None:
            self.page.sections[section] = Counter()
        self.stack.append((tag, section))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1][0] if self.stack else None
            self.page.problems.append(f"</{tag}> closes <{open_tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def read_page(markup: str) -> Page:
    """Read ``markup`` into a :class:`Page`; unbalanced tags are listed in ``problems``."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader.page.problems += [f"<{tag}> never closed" for tag, _ in reader.stack]
    reader.page.text = "".join(reader.chunks)
    return reader.page


@pytest.fixture(scope="session")
def page_reader() -> Callable[[str], Page]:
    """:func:`read_page`, for tests (helper modules here are not on the import path)."""
    return read_page


@pytest.fixture(scope="session")
def example_report(example_root: Path) -> Report:
    """The example programme's report with its charts, as of :data:`EXAMPLE_TODAY`."""
    log = Log(example_root)
    projects = choose_projects(log, log.programme, names=[], theme=None)
    return build_report(log, today=EXAMPLE_TODAY, projects=projects, with_charts=True)
