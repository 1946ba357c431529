"""Spot free text that looks like a patient identifier before it reaches git.

Five kinds are looked for, each with one compiled pattern run once over the text:

========================  =========================================================
``nhs_number``            10 digits (``9434765919``, ``943 476 5919``, ``943-476-5919``)
                          whose modulus-11 check digit is valid; not part of a longer
                          run of digits. A wrong check digit is not an NHS number.
``date_of_birth``         a date within three words after "DOB", "D.O.B.", "date of
                          birth", "birth date", "birthday" or "born", or straight after
                          "b."; a date on its own is not flagged.
``email``                 an e-mail address.
``phone``                 a UK number starting 01, 02, 03 or 07, or +44 / 0044 with an
                          optional "(0)", grouped with spaces, hyphens, dots or brackets.
``postcode``              a full UK postcode (outward and inward code, any case, space
                          optional) in a real postcode area; "M1" alone is not one.
========================  =========================================================

Where two kinds claim overlapping text, the earlier kind in that table wins (so a
10-digit number starting with 0 that has a valid check digit is an NHS number, not a
phone number), and the loser is dropped. Hits never include the matched text itself:
``masked`` shows at most the first two and last two letters or digits (an NHS number
only its last two, a postcode only its first letter), and never more than half of them,
so a finding can be printed or logged without leaking what it found.

The allow-list (from the programme's settings) is a list of regular expressions. Each
is searched, ignoring case, in the hit's text with runs of whitespace made one space,
then with spaces, hyphens and brackets removed, and for a phone number in its national
form (``+44 (0)20 7946 0958`` is also tried as ``02079460958``), so ``01614960000``
allows that number however it is written. Overlaps are resolved before the allow-list
is applied, so an allowed number never resurfaces as another kind. Entries that are not
valid expressions are ignored by :func:`scan` and reported by :func:`validate_allow`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
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

_DIGIT_OR_AT: Final = re.compile(r"[0-9@]")
# Not inside a longer run of digits, nor a decimal fraction.
_NHS: Final = re.compile(
    r"(?<![0-9])(?<![0-9]\.)([0-9]{3})[ -]?([0-9]{3})[ -]?([0-9]{4})(?![0-9])(?!\.[0-9])"
)
_EMAIL: Final = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_PHONE: Final = re.compile(
    r"""
    (?<![\w+(])                                 # not the tail of a word or longer number
    (?: (?:\+|00)44[ ]?(?:\(0\)[ ]?|0)?         # +44 20.., +44 (0)20.., 0044 20..
      | \(0(?=[1237]) | 0(?=[1237]) )           # (0161) 496.., 020..
    (?P<national>[1237](?:(?:\)[ ]?|[ .-])?[0-9]){8,9})
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
_SEPARATORS: Final = re.compile(r"[\s()-]+")
_NOT_DIGIT: Final = re.compile(r"[^0-9]")


def scan(text: str, *, allow: Sequence[str] = ()) -> list[PrivacyHit]:
    """Every likely identifier in ``text`` not matched by ``allow``, sorted by position."""
    if _DIGIT_OR_AT.search(text) is None:
        return []  # every kind needs a digit or an "@": most prose stops here
    claimed: list[Span] = []  # kept spans, sorted and never overlapping
    found: list[tuple[PrivacyKind, Span]] = []
    for kind, finder in _FINDERS:
        for span in finder(text):
            if not _overlaps(claimed, span):
                insort(claimed, span)
                found.append((kind, span))
    allowed = _compile_allow(tuple(allow))
    hits = [
        _hit(kind, start, end, text[start:end])
        for kind, (start, end) in found
        if not (allowed and _is_allowed(kind, text[start:end], allowed))
    ]
    return sorted(hits, key=lambda hit: (hit.start, hit.end, hit.kind))


def redact(text: str) -> str:
    """``text`` with every likely identifier replaced by its masked form, for messages
    that may quote what a person wrote (a misspelt key, a name that matched nothing)."""
    hits = scan(text)
    for hit in reversed(hits):
        text = text[: hit.start] + hit.masked + text[hit.end :]
    return text


def validate_allow(patterns: Sequence[str]) -> list[str]:
    """One message per allow-list entry that would not work as meant; empty when all do."""
    problems: list[str] = []
    for number, pattern in enumerate(patterns, start=1):
        where = f"allow-list entry {number} ({pattern!r})"
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            problems.append(
                f"{where} is not a valid regular expression ({error}); "
                f"to match the text exactly, write {re.escape(pattern)!r}"
            )
            continue
        if compiled.search("") is not None:
            problems.append(f"{where} matches empty text, so it would hide every finding")
    return problems


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
    return (match.span("date") for match in _DATE_OF_BIRTH.finditer(text))


def _find_emails(text: str) -> Iterator[Span]:
    return (match.span() for match in _EMAIL.finditer(text))


def _find_phones(text: str) -> Iterator[Span]:
    for match in _PHONE.finditer(text):
        national = _NOT_DIGIT.sub("", match.group("national"))
        # UK national numbers have 10 digits; a few 01 areas still have 9.
        if len(national) == 10 or national.startswith("1"):
            yield match.span()


def _find_postcodes(text: str) -> Iterator[Span]:
    return (match.span() for match in _POSTCODE.finditer(text))


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
    """``j.smith@example.org`` becomes ``j***@e***.org``: lengths are hidden too."""
    local, _, domain = matched.partition("@")
    top_level = domain.rsplit(".", 1)[-1]
    return f"{local[:1]}***@{domain[:1]}***.{top_level}"


@lru_cache(maxsize=32)
def _compile_allow(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compiled once per distinct allow-list, since a check scans thousands of strings."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error:
            continue  # validate_allow reports it; a scan never fails on its settings
    return tuple(compiled)


def _is_allowed(kind: PrivacyKind, matched: str, allowed: tuple[re.Pattern[str], ...]) -> bool:
    forms = [" ".join(matched.split()), _SEPARATORS.sub("", matched)]
    if kind == "phone":
        forms.append(_national_phone(matched))
    return any(pattern.search(form) for pattern in allowed for form in forms)


def _national_phone(matched: str) -> str:
    """The number as dialled inside the UK: ``+44 (0)20 7946 0958`` -> ``02079460958``."""
    digits = _NOT_DIGIT.sub("", matched)
    for prefix in ("0044", "44"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            return rest if rest.startswith("0") else "0" + rest
    return digits
