"""Spot free text that looks like a patient identifier before it reaches git.

Five kinds are looked for, each with one compiled pattern run once over the text:

========================  =========================================================
``nhs_number``            10 digits (``9434765919``, ``943 476 5919``, ``943-476-5919``,
                          ``943.476.5919``) whose modulus-11 check digit is valid; not
                          part of a longer run of digits. A wrong check digit is not an
                          NHS number.
``date_of_birth``         a date within three words after "DOB", "D.O.B.", "date of
                          birth", "birth date", "birthday" or "born", or straight after
                          "b."; a date on its own is not flagged, nor one that follows
                          "since", "from", "until", "by", "before", "after" or "between"
                          (the date of an event: "we ask for DOB since 01/04/2025").
``email``                 an e-mail address, also written out to dodge a filter:
                          ``jo at example dot com``, ``jo(at)example(dot)org``,
                          ``jo [at] nhs [dot] net``.
``phone``                 a UK number starting 01, 02 or 07, or +44 / 0044 with an
                          optional "(0)", grouped with spaces, hyphens, dots or brackets.
                          03 numbers are left out: they belong to organisations (the
                          Sexual Health Line, a clinic's booking line), never to a
                          person; 08 numbers likewise.
``postcode``              a full UK postcode (outward and inward code, any case, space
                          optional) in a real postcode area; "M1" alone is not one, nor
                          an ordinal written in lower case after a room or block code
                          ("Block E1 3rd floor").
========================  =========================================================

Text is read as a person sees it: non-breaking and other Unicode spaces count as
spaces, zero-width characters and soft hyphens are ignored, and full-width or other
scripts' digits and full-width letters count as their ASCII forms, so an NHS number in
full-width digits, or split by zero-width spaces, is still found. Positions of hits are
always in the text as given.

Where two kinds claim overlapping text, the earlier kind in that table wins (so a
10-digit number starting with 0 that has a valid check digit is an NHS number, not a
phone number), and the loser is dropped. Hits never include the matched text itself:
``masked`` shows at most the first two and last two letters or digits (an NHS number
only its last two, a postcode only its first letter), and never more than half of them,
so a finding can be printed or logged without leaking what it found.

The allow-list (from the programme's settings) is a list of entries in a small pattern
language that runs in bounded time whatever it holds (see :func:`allow_problem`):
literal text, matched whole and ignoring case, where ``*`` stands for any run of
characters and ``#`` for one digit. An entry is compared with the identifier as
written (runs of whitespace made one space), with spaces, hyphens, dots and brackets
removed from both, and for a phone number in its national form (``+44 (0)20 7946
0958`` is also tried as ``02079460958``), so ``0161 496 0000`` allows that number
however it is written. Entries written as regular expressions by earlier versions keep
working where they only anchor (``^0161 496 0999$``, ``@example\\.org$``): an anchor
marks that end as fixed, and a missing one reads as ``*``. Overlaps are resolved before
the allow-list is applied, so an allowed number never resurfaces as another kind.
Entries that cannot be read are ignored by :func:`scan` and reported by
:func:`validate_allow`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Literal

PrivacyKind = Literal["nhs_number", "date_of_birth", "email", "phone", "postcode"]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PrivacyHit:
    """One likely identifier: where it is, a masked copy, and what it looks like."""

    kind: PrivacyKind
    start: int  # offset of the first character in the scanned text
    end: int  # offset just past the last character
    masked: str
    description: str


_DESCRIPTIONS: Final[dict[PrivacyKind, str]] = {
    "nhs_number": "an NHS number with a valid check digit",
    "date_of_birth": "a date of birth",
    "email": "an e-mail address",
    "phone": "a UK phone number",
    "postcode": "a full UK postcode",
}
# Letters and digits kept visible at the start and the end when masking.
_KEEP: Final[dict[PrivacyKind, tuple[int, int]]] = {
    "nhs_number": (0, 2),
    "date_of_birth": (0, 2),
    "phone": (2, 2),
    "postcode": (1, 0),
}

# Every kind needs a digit, an "@", a spelled-out "dot" or a bracketed "at"; most prose
# has none and is not scanned further. \d is any script's digit (full-width too).
_WORTH_SCANNING: Final = re.compile(r"[\d@\uff20]|\bdot\b|[(\[{<]\s*at\s*[)\]}>]", re.IGNORECASE)
# Not inside a longer run of digits, nor a decimal fraction.
_NHS: Final = re.compile(
    r"(?<![0-9])(?<![0-9]\.)([0-9]{3})[ .-]?([0-9]{3})[ .-]?([0-9]{4})(?![0-9])(?!\.[0-9])"
)
_EMAIL: Final = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# "jo at example dot com", "jo(at)example(dot)org": an "at" and a "dot", at least one of
# them spelled out or in brackets (so "book online at clinic.org", a web address, is not
# one), and a known top-level domain at the end.
_SPELLED_AT: Final = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_SPELLED_DOT: Final = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_TOP_LEVEL: Final = r"(?:com|org|net|uk|co|nhs|gov|ac|edu|info|io|me|scot|wales|london)"
_SPELLED_EMAIL: Final = re.compile(
    rf"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*{_SPELLED_AT}[\w-]+"
    rf"(?:(?:{_SPELLED_DOT}|\.)[\w-]+)*(?:{_SPELLED_DOT}|\.){_TOP_LEVEL}\b",
    re.IGNORECASE,
)
_AT_FORM: Final = re.compile(_SPELLED_AT, re.IGNORECASE)
_DOT_FORM: Final = re.compile(rf"{_SPELLED_DOT}|\.", re.IGNORECASE)
_SPELLED_MARK: Final = re.compile(r"[(\[{<]\s*(?:at|dot)\s*[)\]}>]|\sdot\s", re.IGNORECASE)
_PHONE: Final = re.compile(
    r"""
    (?<![\w+(])                                 # not the tail of a word or longer number
    (?: (?:\+|00)44[ ]?(?:\(0\)[ ]?|0)?         # +44 20.., +44 (0)20.., 0044 20..
      | \(0(?=[127]) | 0(?=[127]) )             # (0161) 496.., 020..
    (?P<national>[127](?:(?:\)[ ]?|[ .-])?[0-9]){8,9})
    (?![0-9])
    """,
    re.VERBOSE,
)
# Real postcode areas, one-letter ones last so "BA1" is not read as "B" + "A1".
_POSTCODE_AREAS: Final = (
    "AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|"
    "DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|"
    "KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|"
    "SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|"
    "WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W"
)
_POSTCODE: Final = re.compile(
    rf"(?<![A-Z0-9])(?:{_POSTCODE_AREAS})[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{{2}}"
    r"(?![A-Z0-9])",
    re.IGNORECASE,
)
_ORDINALS: Final = frozenset({"st", "nd", "rd", "th"})
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE: Final = (
    r"(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"  # 12/03/1985, 12-03-85
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"  # 1985-03-12
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+[0-9]{{4}}"  # 12 March 1985
    rf"|{_MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}})"  # March 12, 1985
    r"(?![0-9])"
)
_DATE_OF_BIRTH: Final = re.compile(
    r"(?:\b(?:d\.?\s?o\.?\s?b|date[\s_-]of[\s_-]birth|birth[\s_-]?date|birthday|born)"
    r"(?![a-z])(?:\W+\w+){0,3}?\W+"  # a few words may come between: "born on", "DOB was"
    r"|\bb\.\s?)"  # "b." is too common to allow any words between
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
# A date straight after one of these is when something happened, not a birth date.
_EVENT_WORDS: Final = frozenset(
    {"since", "from", "until", "till", "by", "before", "after", "between", "to", "and"}
)
_LAST_WORD: Final = re.compile(r"(\w+)\W*$")
_SEPARATORS: Final = re.compile(r"[\s().-]+")
_NOT_DIGIT: Final = re.compile(r"[^0-9]")
# Characters a reader does not see: zero-width spaces and joiners, the word joiner,
# a byte-order mark, a soft hyphen, the Mongolian vowel separator.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")


def scan(text: str, *, allow: Sequence[str] = ()) -> list[PrivacyHit]:
    """Every likely identifier in ``text`` not matched by ``allow``, sorted by position."""
    if _WORTH_SCANNING.search(text) is None:
        return []  # every kind needs a digit, an "@" or a spelled "at"/"dot"
    seen, origins = _as_seen(text)
    claimed: list[Span] = []  # kept spans, sorted and never overlapping
    found: list[tuple[PrivacyKind, Span]] = []
    for kind, finder in _FINDERS:
        for span in finder(seen):
            if not _overlaps(claimed, span):
                insort(claimed, span)
                found.append((kind, span))
    allowed = _compile_allow(tuple(allow))
    hits = []
    for kind, (start, end) in found:
        matched = seen[start:end]
        if allowed and _is_allowed(kind, matched, allowed):
            continue
        first, last = (start, end) if origins is None else (origins[start], origins[end - 1] + 1)
        hits.append(_hit(kind, first, last, matched))
    return sorted(hits, key=lambda hit: (hit.start, hit.end, hit.kind))


def _as_seen(text: str) -> tuple[str, list[int] | None]:
    """``text`` as a reader sees it (see the module's docstring), and for each of its
    characters the offset it came from in ``text`` (None when nothing changed)."""
    if text.isascii():
        return text, None
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            chars.append(char)
        elif char in _INVISIBLE:
            continue
        elif char.isspace():
            chars.append(" ")
        elif (digit := unicodedata.decimal(char, None)) is not None:
            chars.append(str(digit))
        elif "\uff01" <= char <= "\uff5e":  # full-width forms of ASCII: at sign, letters, full stop
            chars.append(chr(ord(char) - 0xFEE0))
        else:
            chars.append(char)
        origins.append(index)
    return "".join(chars), origins


def redact(text: str) -> str:
    """``text`` with every likely identifier replaced by its masked form, for messages
    that may quote what a person wrote (a misspelt key, a name that matched nothing, a
    path whose file name holds one, read as :func:`scan_name` reads names)."""
    hits = scan_name(text)
    for hit in reversed(hits):
        text = text[: hit.start] + hit.masked + text[hit.end :]
    return text


def scan_name(name: str, *, allow: Sequence[str] = ()) -> list[PrivacyHit]:
    """:func:`scan` for a file or folder name, where words are joined by hyphens or
    underscores (``jo-bloggs-943-476-5919.toml``, ``visit-m1-1ae``): read with underscores
    as spaces, then with hyphens as spaces too (a date keeps its hyphens in the first)."""
    hits: list[PrivacyHit] = []
    claimed: list[Span] = []
    for words in (name.replace("_", " "), name.replace("_", " ").replace("-", " ")):
        for hit in scan(words, allow=allow):
            if not _overlaps(claimed, (hit.start, hit.end)):
                insort(claimed, (hit.start, hit.end))
                hits.append(replace(hit, masked=_remasked(hit, name)))
    return sorted(hits, key=lambda hit: (hit.start, hit.end, hit.kind))


def _remasked(hit: PrivacyHit, name: str) -> str:
    """The hit's mask with the name's own separators put back (``***-***-**19``)."""
    original = name[hit.start : hit.end]
    if len(original) != len(hit.masked):
        return hit.masked
    return "".join(
        char if char in "-_" else masked for char, masked in zip(original, hit.masked, strict=True)
    )


# -- the allow-list ----------------------------------------------------------------------

#: An entry longer than this is refused (no identifier is anywhere near as long).
MAX_ALLOW_LENGTH = 200
# Regular-expression syntax the pattern language does not have: refused, with advice,
# rather than read literally and silently never matching.
_REGEX_ONLY: Final = re.compile(r"[\[\]{}|?]|\\[a-zA-Z0-9]|\.\*|\.\+|\)\*|\)\+")


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """One allow-list entry, compiled: literal pieces that must appear in order, the
    first at the start and the last at the end unless a ``*`` frees that end. Each
    piece's pattern has no repetition and no alternation, so matching one entry costs at
    most one linear search per piece: no entry can make a scan slow."""

    pieces: tuple[re.Pattern[str], ...]
    lengths: tuple[int, ...]
    open_start: bool
    open_end: bool

    def matches(self, text: str) -> bool:
        """Whether this entry matches the whole of ``text`` (lower-cased)."""
        pieces, lengths = self.pieces, self.lengths
        if not pieces:
            return True  # only wildcards (refused by allow_problem)
        low, high = 0, len(text)
        first, last = 0, len(pieces)  # pieces[first:last] are still to be placed
        if not self.open_start:
            if pieces[0].match(text, 0, high) is None:
                return False
            low, first = lengths[0], 1
        if not self.open_end:
            if first == last:  # one piece, fixed at both ends: nothing may be left over
                return low == high
            tail = high - lengths[-1]
            if tail < low or pieces[-1].match(text, tail, high) is None:
                return False
            high, last = tail, last - 1
        # Between fixed ends each piece may float: its leftmost place is the best one.
        for piece in pieces[first:last]:
            found = piece.search(text, low, high)
            if found is None:
                return False
            low = found.end()
        return True


def allow_problem(entry: str) -> str | None:
    """Why an allow-list entry cannot be used, or None when it can."""
    if len(entry) > MAX_ALLOW_LENGTH:
        return f"is longer than {MAX_ALLOW_LENGTH} characters; no identifier is that long"
    if _REGEX_ONLY.search(entry):
        return (
            "uses regular-expression syntax, which the allow-list does not read; write the "
            "text itself, with * for any run of characters and # for one digit "
            "(e.g. '0161 496 ####' or '*@example.org')"
        )
    compiled = _compile_entry(entry)
    if compiled is None or compiled.matches(""):
        return "matches empty text, so it would hide every finding"
    if not any(piece.pattern for piece in compiled.pieces):
        return "is only wildcards, so it would hide every finding"
    return None


def validate_allow(patterns: Sequence[str]) -> list[str]:
    """One message per allow-list entry that would not work as meant; empty when all do."""
    problems: list[str] = []
    for number, pattern in enumerate(patterns, start=1):
        problem = allow_problem(pattern)
        if problem is not None:
            problems.append(f"allow-list entry {number} ({pattern!r}) {problem}")
    return problems


def _compile_entry(entry: str) -> AllowEntry | None:
    """The compiled form of an entry (None for one that matches anything at all)."""
    text = " ".join(entry.split()).lower()
    open_start = not text.startswith("^")
    open_end = not (text.endswith("$") and not text.endswith("\\$"))
    anchored = not (open_start and open_end)
    if anchored:  # an earlier version's regular expression: "^...$", "...$", "^..."
        text = text.removeprefix("^")
        text = text[:-1] if not open_end else text
        text = re.sub(r"\\(.)", r"\1", text)
    else:
        open_start = open_end = False  # a plain entry is matched whole
    parts = text.split("*")
    if len(parts) > 1:
        open_start = open_start or parts[0] == ""
        open_end = open_end or parts[-1] == ""
    pieces = [part for part in parts if part]
    if not pieces and not (open_start or open_end):
        return None
    return AllowEntry(
        tuple(
            re.compile("".join("[0-9]" if c == "#" else re.escape(c) for c in p)) for p in pieces
        ),
        tuple(len(piece) for piece in pieces),
        open_start,
        open_end,
    )


@lru_cache(maxsize=32)
def _compile_allow(patterns: tuple[str, ...]) -> tuple[tuple[AllowEntry, AllowEntry | None], ...]:
    """Each usable entry as written and with its separators removed; compiled once per
    distinct allow-list, since a check scans thousands of strings."""
    compiled = []
    for pattern in patterns:
        if allow_problem(pattern) is not None:
            continue  # validate_allow reports it; a scan never fails on its settings
        entry = _compile_entry(pattern)
        bare = _compile_entry(_SEPARATORS.sub("", pattern))
        if entry is not None:
            compiled.append((entry, bare))
    return tuple(compiled)


def _is_allowed(
    kind: PrivacyKind,
    matched: str,
    allowed: tuple[tuple[AllowEntry, AllowEntry | None], ...],
) -> bool:
    written = " ".join(matched.split()).lower()
    bare = {_SEPARATORS.sub("", written)}
    if kind == "phone":
        bare.add(_national_phone(matched))
    for entry, bare_entry in allowed:
        if entry.matches(written):
            return True
        if bare_entry is not None and any(bare_entry.matches(form) for form in bare):
            return True
    return False


def nhs_check_digit_valid(digits: str) -> bool:
    """Whether 10 digits pass the NHS modulus-11 check (weights 10..2 on the first nine)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], weights, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _find_nhs_numbers(text: str) -> Iterator[Span]:
    for match in _NHS.finditer(text):
        if nhs_check_digit_valid("".join(match.groups())):
            yield match.span()


def _find_dates_of_birth(text: str) -> Iterator[Span]:
    # The hit is the date alone: the word "born" is not the identifier.
    for match in _DATE_OF_BIRTH.finditer(text):
        before = _LAST_WORD.search(text, match.start(), match.start("date"))
        if before is None or before.group(1).lower() not in _EVENT_WORDS:
            yield match.span("date")


def _find_emails(text: str) -> Iterator[Span]:
    yield from (match.span() for match in _EMAIL.finditer(text))
    if _SPELLED_MARK.search(text) is None:
        return  # every e-mail address written out has a bracketed "at" or "dot", or " dot "
    for match in _SPELLED_EMAIL.finditer(text):
        if _SPELLED_MARK.search(match.group()):  # not "online at clinic.org"
            yield match.span()


def _find_phones(text: str) -> Iterator[Span]:
    for match in _PHONE.finditer(text):
        national = _NOT_DIGIT.sub("", match.group("national"))
        # UK national numbers have 10 digits; a few 01 areas still have 9.
        if len(national) == 10 or national.startswith("1"):
            yield match.span()


def _find_postcodes(text: str) -> Iterator[Span]:
    for match in _POSTCODE.finditer(text):
        # "Block E1 3rd floor": an ordinal in lower case, not an inward code.
        if match.group()[-2:] not in _ORDINALS:
            yield match.span()


# In priority order: on overlap the earlier kind keeps the text.
_FINDERS: Final[tuple[tuple[PrivacyKind, Callable[[str], Iterator[Span]]], ...]] = (
    ("nhs_number", _find_nhs_numbers),
    ("date_of_birth", _find_dates_of_birth),
    ("email", _find_emails),
    ("phone", _find_phones),
    ("postcode", _find_postcodes),
)


def _overlaps(claimed: list[Span], span: Span) -> bool:
    start, end = span
    # The kept span starting last before `end` is the only one that can reach `start`.
    before = bisect_left(claimed, (end, end)) - 1
    return before >= 0 and claimed[before][1] > start


def _hit(kind: PrivacyKind, start: int, end: int, matched: str) -> PrivacyHit:
    if kind == "email":
        masked = _mask_email(matched)
    else:
        head, tail = _KEEP[kind]
        masked = _mask(matched, head=head, tail=tail)
    return PrivacyHit(kind, start, end, masked, _DESCRIPTIONS[kind])


def _mask(matched: str, *, head: int, tail: int) -> str:
    """Star letters and digits except ``head`` first and ``tail`` last; keep separators."""
    places = [i for i, char in enumerate(matched) if char.isalnum()]
    # Never show half or more of the identifier, however short it is.
    budget = len(places) // 2
    head = min(head, budget)
    tail = min(tail, budget - head)
    hidden = set(places[head : len(places) - tail])
    return "".join("*" if i in hidden else char for i, char in enumerate(matched))


def _mask_email(matched: str) -> str:
    """``j.smith@example.org`` becomes ``j***@e***.org``: lengths are hidden too (and so
    does ``jo at example dot org``)."""
    if "@" in matched:
        local, _, domain = matched.partition("@")
    else:
        local, domain = _AT_FORM.split(matched, maxsplit=1)
    top_level = _DOT_FORM.split(domain)[-1]
    return f"{local[:1]}***@{domain[:1]}***.{top_level}"


def _national_phone(matched: str) -> str:
    """The number as dialled inside the UK: ``+44 (0)20 7946 0958`` -> ``02079460958``."""
    digits = _NOT_DIGIT.sub("", matched)
    for prefix in ("0044", "44"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            return rest if rest.startswith("0") else "0" + rest
    return digits
