"""Line and column of keys, values and text inside string values, built only when asked.

Most files in a log have no finding, so the key index (:mod:`pdsa.store.locate`) is
built the first time a position is wanted, never for a clean file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from pdsa.store.locate import KeyIndex, index_keys

KeyPath = Sequence[str | int]
Position = tuple[int, int]


class SourceText:
    """One file's text (without a byte-order mark) and positions within it."""

    __slots__ = ("_index", "_line_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: KeyIndex | None = None
        self._line_starts: list[int] | None = None

    @property
    def index(self) -> KeyIndex:
        if self._index is None:
            self._index = index_keys(self.text)
        return self._index

    def key(self, path: KeyPath) -> Position:
        """Where the key at ``path`` is written (or its nearest written parent)."""
        return self.index.locate(path)

    def value(self, path: KeyPath) -> Position:
        """Where the value at ``path`` starts (else its key, else its nearest parent)."""
        return self.index.locate_value(path)

    def span_in_string(
        self, path: KeyPath, value: str, start: int, end: int
    ) -> tuple[Position, int | None]:
        """Where ``value[start:end]`` sits, for the string ``value`` at ``path``.

        Exact when the string is written as it reads up to the end of the span (no escape
        sequences or CRLF line ends before it); otherwise the start of the value. The
        second item is the line of the span's last character when that is another line.
        """
        line, column = self.value(path)
        offset = self._offset(line, column)
        content = self._content_start(offset)
        if content is None or self.text[content : content + end] != value[:end]:
            return (line, column), None
        first = self._position(content + start)
        last_line = self._position(content + max(end - 1, start))[0]
        return first, last_line if last_line != first[0] else None

    def _content_start(self, offset: int) -> int | None:
        """Offset of the first character inside the string literal at ``offset``."""
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, offset):
                inside = offset + 3
                # A newline straight after the opening quotes is not part of the string.
                if text.startswith("\n", inside):
                    return inside + 1
                if text.startswith("\r\n", inside):
                    return inside + 2
                return inside
        if text.startswith(('"', "'"), offset):
            return offset + 1
        return None

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            at = find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = find("\n", at + 1)
            self._line_starts = starts
        return self._line_starts

    def _offset(self, line: int, column: int) -> int:
        starts = self._starts()
        return starts[min(line, len(starts)) - 1] + column - 1

    def _position(self, offset: int) -> Position:
        starts = self._starts()
        line = max(bisect_right(starts, offset), 1)
        return line, offset - starts[line - 1] + 1
