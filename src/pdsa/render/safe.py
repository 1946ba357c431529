"""User text is data, never markup or terminal control.

Rich markup is avoided by always handing Rich ``Text`` objects; this module deals
with what Rich does not: control characters (an ANSI escape in a note must be shown,
not obeyed) and bidirectional overrides that could reorder what a reader sees.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, the bidi embedding, override
# and isolate controls (the "Trojan Source" characters), and the lone surrogates that
# stand for the bytes of a file name that is not UTF-8 (they cannot be printed at all).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
#: Text longer than this is cut in terminal views (``pdsa show``): rendering 10 MB of
#: wrapped text would take minutes, and nobody reads it in a terminal.
SHOWN_UP_TO = 20_000


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# What JSON leaves raw with ensure_ascii=False but a terminal may obey or hide: DEL, C1
# controls (\x9b starts an escape sequence on some terminals), bidi marks, embeddings,
# overrides and isolates, line and paragraph separators, and lone surrogates.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def inert_json(text: str) -> str:
    """A JSON document with every character a terminal could obey or hide written as a
    ``\\uXXXX`` escape; what it parses to is unchanged (JSON's own syntax is ASCII, so
    these characters only occur inside strings)."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def cut(text: str, *, limit: int = SHOWN_UP_TO) -> str:
    """``text``, or its first ``limit`` characters and a note of how long it is."""
    if len(text) <= limit:
        return text
    return (
        text[:limit] + f"\n[... cut: the whole text is {len(text):,} characters; see it all with "
        "--format json, or in the file]"
    )


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), everything else as is."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``visible(text)`` on one line, for table cells and messages."""
    return visible(text).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 point``, ``2 points``; ``many`` for irregular plurals."""
    return f"{count} {word if count == 1 else many or word + 's'}"
