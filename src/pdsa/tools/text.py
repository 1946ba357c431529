"""What the tools need to know about a file's text beyond its values.

* where its comments are (a ``#`` inside a string is not one), so that ``fmt`` can
  leave commented files alone;
* its leading ``#:schema`` directive, the one comment the tools may keep or add;
* its line ending, so a Windows checkout keeps CRLF;
* whether two parsed documents hold exactly the same values, types included.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: Taplo's schema directive on the first line: ``#:schema ../../.pdsa/schemas/cycle.json``.
DIRECTIVE = re.compile(r"#:schema[ \t]+\S[^\r\n]*")

_QUOTES = re.compile(r"\"\"\"|'''|[\"'#]")


def find_comments(text: str) -> list[tuple[int, str]]:
    """``(line, comment)`` for every comment in valid TOML ``text``, in order.

    A small lexer that knows the four kinds of string, which is all it takes to tell
    a comment's ``#`` from one inside a value. Given invalid TOML it still ends, but
    its answer is a best guess (the tools never reformat such a file anyway).
    """
    found: list[tuple[int, str]] = []
    position = 0
    while True:
        match = _QUOTES.search(text, position)
        if match is None:
            return found
        token, start = match.group(), match.start()
        if token == "#":
            end = _line_end(text, start)
            found.append((text.count("\n", 0, start) + 1, text[start:end].rstrip("\r")))
            position = end
        elif token in ('"""', "'''"):
            position = _multiline_end(text, start + 3, token)
        else:
            position = _string_end(text, start + 1, token)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _string_end(text: str, start: int, quote: str) -> int:
    """Just past the closing ``quote`` of a one-line string (escapes in basic strings)."""
    position = start
    while position < len(text):
        char = text[position]
        if char == "\\" and quote == '"':
            position += 2
            continue
        if char == quote or char == "\n":
            return position + 1
        position += 1
    return len(text)


def _multiline_end(text: str, start: int, quote: str) -> int:
    """Just past a multi-line string's closing quotes (up to two more quotes belong to it)."""
    position = start
    while position < len(text):
        if quote == '"""' and text[position] == "\\":
            position += 2
            continue
        if text.startswith(quote, position):
            end = position + 3
            while end < len(text) and end - position < 5 and text[end] == quote[0]:
                end += 1
            return end
        position += 1
    return len(text)


def leading_directive(text: str) -> str | None:
    """The ``#:schema`` line when it is the file's first line, without its line ending."""
    first = text.split("\n", 1)[0].rstrip("\r")
    return first if DIRECTIVE.fullmatch(first) else None


def comments_besides_directive(text: str) -> list[tuple[int, str]]:
    """The file's comments other than a leading ``#:schema`` directive."""
    directive = leading_directive(text)
    return [
        (line, comment)
        for line, comment in find_comments(text)
        if not (line == 1 and directive is not None)
    ]


def newline_of(text: str) -> str:
    """``"\\r\\n"`` when every line of ``text`` ends so, else ``"\\n"``."""
    lines = text.count("\n")
    return "\r\n" if lines and text.count("\r\n") == lines else "\n"


def with_newline(text: str, newline: str) -> str:
    """``text`` (written with ``\\n``) using ``newline`` instead."""
    return text if newline == "\n" else text.replace("\n", newline)


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split at ``\\n`` only (never at characters inside values
    that :meth:`str.splitlines` would also break at, such as U+2028)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def same_values(left: Any, right: Any) -> bool:
    """True when two parsed TOML documents hold the same values of the same types.

    Stricter than ``==``, which calls ``1 == 1.0 == True``: a formatter that turned
    an integer into a float (or the other way round) would change what a person wrote.
    """
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(
            same_values(value, right[key]) for key, value in left.items()
        )
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_values, left, right))
    if isinstance(left, float) and math.isnan(left):  # NaN: equal to itself here
        return math.isnan(right)
    return bool(left == right)
