"""Find where a key path sits in TOML source text, as a line and column.

tomllib returns values but no positions, yet a validation error (Pydantic's ``loc``,
such as ``("plan", "tasks", 0, "who")``) has to be reported at the line a person can
open in an editor. :func:`index_keys` scans the source once and records where every
key, table header and array element starts; :meth:`KeyIndex.locate` then answers with
the most specific part of a path that exists.

The scanner is a forgiving tokeniser, not a parser: it knows just enough TOML (the
four kinds of string, comments, headers, dotted and quoted keys, arrays and inline
tables) to keep its place. It runs in one linear pass and never raises; on text that
is not valid TOML its answers are best guesses, and callers report tomllib's own error
position instead.

Positions are 1-based ``(line, column)``. Lines are counted by ``\\n``, so a CRLF file
numbers its lines as an LF file does; columns count characters (code points), as
tomllib's error messages do. A byte-order mark at the start is not counted: column 1
is the first character after it, which is what an editor shows (and :mod:`files`
drops the mark before parsing anyway).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

_BOM: Final = "\ufeff"
# Deeper nesting than this is skipped unrecorded: it keeps recursion bounded on hostile
# input, and no pdsa record nests anywhere near this far.
_MAX_DEPTH: Final = 48

# Every pattern below can match the empty string or always matches at its call site,
# and uses possessive repeats, so a scan never backtracks and never fails to advance.
_GAP: Final = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*+")  # blanks, newlines, comments
_BLANK: Final = re.compile(r"[ \t\r]*+")
_BARE_KEY: Final = re.compile(r"[\w-]++")
_BASIC: Final = re.compile(r'"((?:[^"\\\n]|\\[^\n]?)*+)"?')
_LITERAL: Final = re.compile(r"'([^'\n]*+)'?")
_ML_BASIC: Final = re.compile(r'"""(?:[^"\\]|\\[\s\S]?|"{1,2}(?!"))*+(?:"{3,5}|\Z)')
_ML_LITERAL: Final = re.compile(r"'''(?:[^']|'{1,2}(?!'))*+(?:'{3,5}|\Z)")
# Numbers, booleans and dates; a date-time may have one space before its time.
_SCALAR: Final = re.compile(r"""[^\s,\[\]{}#="']++(?: (?=\d)[^\s,\[\]{}#="']++)?""")
_NESTED_TEXT: Final = re.compile(r"""[^\[\]{}"'#]++""")
_ESCAPE: Final = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)", re.S)
_NEWLINE: Final = re.compile("\n")
_SIMPLE_ESCAPES: Final = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}


class KeyIndex:
    """Where each key path of one TOML text starts; build one with :func:`index_keys`."""

    __slots__ = ("_keys", "_line_starts", "_text", "_values")

    def __init__(self, text: str, keys: dict[KeyPath, int], values: dict[KeyPath, int]) -> None:
        self._text = text
        self._keys = keys
        self._values = values
        self._line_starts: list[int] | None = None

    def locate(self, path: Sequence[str | int]) -> Position:
        """The (line, column) of the key at ``path``, or of its nearest existing parent.

        A key points at its own name (the last part of a dotted key, or a key inside an
        inline table); a table points at its ``[header]``, an array-of-tables element at
        its ``[[header]]``, and any other array element at the element itself. When the
        full path is absent (a missing field) the longest prefix that exists answers, so
        a missing ``("plan", "tasks", 0, "who")`` lands on the first ``[[plan.tasks]]``.
        Nothing in common at all gives ``(1, 1)``.
        """
        key = tuple(path)
        for length in range(len(key), 0, -1):
            offset = self._keys.get(key[:length])
            if offset is not None:
                return self._position(offset)
        return (1, 1)

    def locate_value(self, path: Sequence[str | int]) -> Position:
        """The (line, column) where the value at ``path`` starts, else :meth:`locate`.

        Use this for "invalid value" findings where the key itself is fine; a table's
        value is its header, an array element's value is the element.
        """
        offset = self._values.get(tuple(path))
        return self.locate(path) if offset is None else self._position(offset)

    def _position(self, offset: int) -> Position:
        if self._line_starts is None:
            # Built on first use: most files are valid and never asked for a position.
            first = 1 if self._text.startswith(_BOM) else 0
            self._line_starts = [first] + [m.end() for m in _NEWLINE.finditer(self._text)]
        line = max(bisect_right(self._line_starts, offset), 1)
        return line, offset - self._line_starts[line - 1] + 1


def index_keys(text: str) -> KeyIndex:
    """Scan TOML ``text`` once and index where its keys, tables and elements start."""
    scanner = _Scanner(text)
    scanner.scan()
    return KeyIndex(text, scanner.keys, scanner.values)


def _unescape(raw: str) -> str:
    """A basic-string key's real name, so ``"caf\\u00e9"`` matches the loc ``café``."""
    if "\\" not in raw:
        return raw
    return _ESCAPE.sub(_replace_escape, raw)


def _replace_escape(match: re.Match[str]) -> str:
    body = match.group()[1:]
    if body[0] in "uUx":
        try:
            return chr(int(body[1:], 16))
        except (ValueError, OverflowError):  # short or out-of-range code: keep as written
            return match.group()
    return _SIMPLE_ESCAPES.get(body, match.group())


class _Scanner:
    """The single pass behind :func:`index_keys`; offsets are indexes into the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = len(text)
        self.pos = 1 if text.startswith(_BOM) else 0
        self.keys: dict[KeyPath, int] = {}
        self.values: dict[KeyPath, int] = {}
        # Tables only implied by a dotted key or a longer header; a later explicit
        # [header] for one of them is the better place to point at.
        self.implied: set[KeyPath] = set()
        # Elements seen so far of each array of tables, by its resolved path.
        self.array_sizes: dict[KeyPath, int] = {}

    def scan(self) -> None:
        table: KeyPath = ()
        while True:
            self._skip(_GAP)
            if self.pos >= self.end:
                return
            if self.text[self.pos] == "[":
                table = self._header(table)
            else:
                self._key_value(table, 0)
            self._end_line()

    def _skip(self, pattern: re.Pattern[str]) -> None:
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()

    def _end_line(self) -> None:
        """Step to the end of the line: past a trailing comment, or past junk to resync."""
        self._skip(_BLANK)
        if self.pos < self.end and self.text[self.pos] != "\n":
            newline = self.text.find("\n", self.pos)
            self.pos = self.end if newline < 0 else newline

    def _define(self, path: KeyPath, offset: int) -> None:
        if path not in self.keys or path in self.implied:
            self.keys[path] = offset
            self.implied.discard(path)

    def _imply(self, path: KeyPath, offset: int) -> None:
        if path not in self.keys:
            self.keys[path] = offset
            self.implied.add(path)

    def _header(self, current: KeyPath) -> KeyPath:
        """Read ``[a.b]`` or ``[[a.b]]``; return the table that keys now belong to."""
        start = self.pos
        is_array = self.text.startswith("[[", start)
        self.pos += 2 if is_array else 1
        segments = self._key()
        if not segments:
            return current
        self._skip(_BLANK)
        closing = "]]" if is_array else "]"
        if self.text.startswith(closing, self.pos):
            self.pos += len(closing)
        path: KeyPath = ()
        for name, _ in segments[:-1]:
            path += (name,)
            self._imply(path, start)
            if path in self.array_sizes:  # [a.b] after [[a]] extends a's last element
                path += (self.array_sizes[path] - 1,)
        path += (segments[-1][0],)
        if is_array:
            index = self.array_sizes.get(path, 0)
            self.array_sizes[path] = index + 1
            self._imply(path, start)
            path += (index,)
        self._define(path, start)
        self.values.setdefault(path, start)
        return path

    def _key(self) -> list[tuple[str, int]]:
        """Read a possibly dotted key: each part's name and where that part starts."""
        segments: list[tuple[str, int]] = []
        while True:
            self._skip(_BLANK)
            start = self.pos
            char = self.text[start] if start < self.end else ""
            if char == '"':
                match = _BASIC.match(self.text, start)
                name = _unescape(match.group(1)) if match else ""
            elif char == "'":
                match = _LITERAL.match(self.text, start)
                name = match.group(1) if match else ""
            else:
                match = _BARE_KEY.match(self.text, start)
                name = match.group() if match else ""
            if not match:
                return segments
            self.pos = match.end()
            segments.append((name, start))
            self._skip(_BLANK)
            if not self.text.startswith(".", self.pos):
                return segments
            self.pos += 1

    def _key_value(self, table: KeyPath, depth: int) -> None:
        segments = self._key()
        if not segments:
            return
        path = table
        for name, offset in segments[:-1]:
            path += (name,)
            self._imply(path, offset)
        name, offset = segments[-1]
        path += (name,)
        self._define(path, offset)
        self._skip(_BLANK)
        if self.text.startswith("=", self.pos):
            self.pos += 1
            self._skip(_BLANK)
            self._value(path, depth)

    def _value(self, path: KeyPath, depth: int) -> None:
        if self.pos >= self.end:
            return
        self.values.setdefault(path, self.pos)
        char = self.text[self.pos]
        if char == "[":
            self._array(path, depth + 1)
        elif char == "{":
            self._inline_table(path, depth + 1)
        elif char in "\"'":
            self._string()
        else:
            self._skip(_SCALAR)

    def _string(self) -> None:
        if self.text.startswith('"""', self.pos):
            self._skip(_ML_BASIC)
        elif self.text.startswith("'''", self.pos):
            self._skip(_ML_LITERAL)
        elif self.text[self.pos] == '"':
            self._skip(_BASIC)
        else:
            self._skip(_LITERAL)

    def _array(self, path: KeyPath, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self._skip_nested()
            return
        self.pos += 1
        index = 0
        while True:
            self._skip(_GAP)
            if self.pos >= self.end:
                return
            char = self.text[self.pos]
            if char == "]":
                self.pos += 1
                return
            if char in ",}=":  # a separator, or junk that cannot start a value
                self.pos += 1
                continue
            element = (*path, index)
            self._define(element, self.pos)
            self._value(element, depth)
            index += 1

    def _inline_table(self, path: KeyPath, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self._skip_nested()
            return
        self.pos += 1
        # Newlines are allowed inside, as TOML 1.1 does; TOML 1.0 text is unaffected.
        while True:
            self._skip(_GAP)
            if self.pos >= self.end:
                return
            char = self.text[self.pos]
            if char == "}":
                self.pos += 1
                return
            before = self.pos
            self._key_value(path, depth)
            if self.pos == before:
                if char == "]":  # unclosed table inside an array: let the array close
                    return
                self.pos += 1  # a comma, or junk

    def _skip_nested(self) -> None:
        """Step over one too-deep array or inline table without recording anything."""
        depth = 0
        while self.pos < self.end:
            char = self.text[self.pos]
            if char in "[{":
                depth += 1
                self.pos += 1
            elif char in "]}":
                depth -= 1
                self.pos += 1
                if depth <= 0:
                    return
            elif char in "\"'":
                self._string()
            elif char == "#":
                newline = self.text.find("\n", self.pos)
                self.pos = self.end if newline < 0 else newline
            else:
                self._skip(_NESTED_TEXT)
