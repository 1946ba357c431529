"""The privacy guard in a check: every string value of every file, scanned for identifiers.

Strings are taken from the parsed data, so text split across escapes or lines reads as
the person wrote it; comments, free text that reaches git just the same, are scanned from
the file's text (only when it holds a "#" and passes the quick test below). Positions
are wanted only for the rare hit, so the key index is built only then. A finding names the kind and
shows the masked form, never the text that was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, Final

from pdsa.check.findings import Finding, finding
from pdsa.check.layout import TOP
from pdsa.check.privacy import PrivacyKind, scan, scan_name, validate_allow
from pdsa.check.reading import Checked
from pdsa.model.problems import dotted
from pdsa.tools.text import find_comments

CODES: Final[dict[PrivacyKind, str]] = {
    "nhs_number": "P701",
    "date_of_birth": "P702",
    "email": "P703",
    "phone": "P704",
    "postcode": "P705",
}
_HINT: Final = (
    "remove it before it reaches git; if it identifies no one (a clinic's public phone "
    "number, say), add a pattern that matches it to [privacy] allow in pdsa.toml"
)


def strings(data: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """``(key path, text)`` of every string value, depth first, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))


# A quick test that every hit of :func:`pdsa.check.privacy.scan` passes (a superset of
# its patterns, with the same flags): most strings fail it, and skip the full scan.
# Branch by branch: an e-mail has an "@"; an NHS number (10 digits) and a UK phone
# number (9 or 10 national digits) have 9 digits each apart from the next by at most
# two of " .()-"; a postcode's inward code is a digit and two of its letters after a
# digit that follows a letter; a date of birth follows "born", "birth", "DOB" (dotted
# or spaced) or "b." at the start of a word. :func:`may_identify` adds what only some
# texts need: see there. tests/check/test_identifiers.py holds the property that keeps
# this true.
MAY_IDENTIFY: Final = re.compile(
    r"@"
    r"|[0-9](?:[ .()\-]{0,2}[0-9]){8}"
    r"|[0-9](?<=[A-Z][0-9])[0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{2}"
    r"|b(?:orn|irth)"
    r"|d(?<!\wd)\.?\s?o\.?\s?b"
    r"|b(?<!\wb)\.",
    re.IGNORECASE,
)
# For text that is not ASCII, the same read as a person sees it: a full-width "@", digits
# of any script apart by Unicode spaces and invisible characters too, any full-width
# letter or digit.
_MAY_IDENTIFY_WIDE: Final = re.compile(
    r"[@\uff20]"
    r"|\d(?:[\s.()\-\u200b-\u200d\u2060\ufeff\u00ad\u180e]{0,4}\d){8}"
    r"|[0-9](?<=[A-Z][0-9])[0-9A-Z]?\s?[0-9][ABD-HJLNP-UW-Z]{2}"
    r"|[\uff10-\uff5a]",
    re.IGNORECASE,
)
# An e-mail address written out has a bracketed "at" or "dot", or the word "dot".
_SPELLED: Final = re.compile(r"\bdot\b|[(\[{<]\s*(?:at|dot)\s*[)\]}>]", re.IGNORECASE)


def may_identify(text: str) -> bool:
    """Whether ``text`` could hold a hit of :func:`pdsa.check.privacy.scan`; False means
    it certainly does not. The common case (ASCII prose with no identifier-like digits)
    costs one search of :data:`MAY_IDENTIFY` and two cheap substring tests."""
    if MAY_IDENTIFY.search(text) is not None:
        return True
    if not text.isascii():
        if _MAY_IDENTIFY_WIDE.search(text) is not None:
            return True
    elif "dot" not in text.lower() and not any(mark in text for mark in "([{<"):
        return False
    return _SPELLED.search(text) is not None


def _may_identify(value: Any) -> bool:
    """Whether any string in ``value`` passes :func:`may_identify` (no paths built)."""
    search = may_identify
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def check_privacy(checked: Checked, allow: Sequence[str], enabled: frozenset[str]) -> None:
    """Add a finding for each likely identifier in the file's string values and comments."""
    if checked.data is None or checked.source is None:
        return
    _check_comments(checked, allow, enabled)
    if not _may_identify(checked.data):
        return
    for path, text in strings(checked.data):
        if not may_identify(text):
            continue
        for hit in scan(text, allow=allow):
            code = CODES[hit.kind]
            if code not in enabled:
                continue
            position, end_line = checked.source.span_in_string(path, text, hit.start, hit.end)
            checked.add(
                code,
                position,
                f"{dotted(path)} looks like {hit.description} ({hit.masked})",
                hint=_HINT,
                end_line=end_line,
            )


def _check_comments(checked: Checked, allow: Sequence[str], enabled: frozenset[str]) -> None:
    assert checked.source is not None
    text = checked.source.text
    if "#" not in text or not may_identify(text):
        return
    for line, comment in find_comments(text):
        for hit in scan(comment, allow=allow):
            code = CODES[hit.kind]
            if code in enabled:
                column = _comment_column(text, line, comment) + hit.start
                checked.add(
                    code,
                    (line, column),
                    f"a comment looks like {hit.description} ({hit.masked})",
                    hint=_HINT,
                )


def _comment_column(text: str, line: int, comment: str) -> int:
    """The 1-based column where ``comment`` starts on ``line`` (its last occurrence there)."""
    source_line = text.split("\n")[line - 1] if line >= 1 else ""
    found = source_line.rfind(comment)
    return found + 1 if found >= 0 else 1


def check_allow_list(checked: Checked) -> list[str]:
    """The programme's allow-list (empty when unusable), with a finding per bad entry."""
    data = checked.data
    privacy = data.get("privacy") if data is not None else None
    allow = privacy.get("allow") if isinstance(privacy, dict) else None
    if not isinstance(allow, list) or checked.source is None:
        return []
    patterns = [item for item in allow if isinstance(item, str)]
    for index, pattern in enumerate(allow):
        if not isinstance(pattern, str):
            continue  # the schema check reports it
        for problem in validate_allow([pattern]):
            checked.add(
                "P706",
                checked.source.value(("privacy", "allow", index)),
                problem.replace("allow-list entry 1 ", f"allow-list entry {index + 1} ", 1),
                hint="correct or remove the entry in [privacy] allow in pdsa.toml",
            )
    return patterns


_NAME_HINT: Final = (
    "rename it to a name without the identifier; the old name stays in git history, so "
    "ask whoever looks after the repository whether it must be removed from there too"
)


def check_names(
    paths: Iterable[str], allow: Sequence[str], enabled: frozenset[str]
) -> list[Finding]:
    """A finding for each file or folder name under ``projects/`` that looks like it holds
    an identifier, once per name (a folder's, not again for each file inside it)."""
    found: list[Finding] = []
    seen: set[str] = set()
    for rel in paths:
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            prefix = "/".join(parts[: depth + 1])
            if prefix in seen:
                continue
            seen.add(prefix)
            name = parts[depth]
            if not _may_identify_name(name):
                continue
            for hit in scan_name(name, allow=allow):
                code = CODES[hit.kind]
                if code in enabled:
                    found.append(
                        finding(
                            code,
                            prefix,
                            TOP,
                            f"the name '{_masked_name(name, allow)}' looks like it holds "
                            f"{hit.description} ({hit.masked}); names stay in git history",
                            hint=_NAME_HINT,
                        )
                    )
    return found


def masked_path(rel: str, allow: Sequence[str]) -> str:
    """``rel`` with any identifier in a file or folder name masked."""
    if not _may_identify_name(rel):
        return rel
    return "/".join(_masked_name(part, allow) for part in rel.split("/"))


def _may_identify_name(name: str) -> bool:
    """:func:`may_identify` for a name, whose words are joined by hyphens or underscores."""
    return may_identify(name.replace("_", " ").replace("-", " "))


def _masked_name(name: str, allow: Sequence[str]) -> str:
    for hit in reversed(scan_name(name, allow=allow)):
        name = name[: hit.start] + hit.masked + name[hit.end :]
    return name


def redact(item: Finding, allow: Sequence[str]) -> Finding:
    """``item`` with any identifier in its message, hint or path masked (a key, a name a
    person typed or a file's name can be one), so no output of a check shows one in full."""
    message = _masked(item.message, allow)
    hint = _masked(item.hint, allow) if item.hint is not None else None
    file = masked_path(item.file, allow)
    if message == item.message and hint == item.hint and file == item.file:
        return item
    return replace(item, message=message, hint=hint, file=file)


def _masked(text: str, allow: Sequence[str]) -> str:
    for hit in reversed(scan_name(text, allow=allow)):
        text = text[: hit.start] + hit.masked + text[hit.end :]
    return text
