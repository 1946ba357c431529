"""Slugs: the identity of every project, measure and cycle, and its file name.

A slug must be a safe file name on Windows, macOS and Linux, so it is lower-case
ASCII letters and digits joined by single hyphens: no dots (so never ``..``), no
separators, no case to collide on a case-insensitive file system, and never one of
the names Windows reserves for devices (``con.toml`` cannot be created there).
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

MAX_LENGTH = 60
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# Windows refuses these as file stems whatever the extension.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def slug_problem(text: str) -> str | None:
    """Why ``text`` is not a valid slug, or None when it is."""
    if not text:
        return "a slug cannot be empty"
    if len(text) > MAX_LENGTH:
        return f"a slug has at most {MAX_LENGTH} characters (this has {len(text)})"
    if not _SLUG_RE.match(text):
        return "a slug uses only lower-case letters a-z, digits and single hyphens between them"
    if text in WINDOWS_RESERVED:
        return f"'{text}' is a device name on Windows and cannot be a file name"
    return None


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid slug."""
    return slug_problem(text) is None


#: Scripts written without spaces between words: each character is a syllable of its own.
_SYLLABIC = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA")


def transliterate(text: str) -> str:
    """``text`` in ASCII letters: accents folded (``Noël`` -> ``Noel``), other scripts
    romanised by anyascii (Arabic ``العيادة`` -> ``lyadh``, Chinese ``诊所`` -> ``Zhen Suo``,
    an emoji by its name), so a title in any script gives a name that means something."""
    parts = []
    for char in text:
        if char.isascii():
            parts.append(char)
            continue
        # Arabic's ayn and hamza romanise as ` and ': marks inside a word, not breaks.
        roman = anyascii(char).replace("`", "").replace("'", "")
        syllable = roman and unicodedata.name(char, "").startswith(_SYLLABIC)
        parts.append(f" {roman} " if syllable else roman)
    return "".join(parts)


def slugify(title: str, *, fallback: str = "untitled") -> str:
    """Derive a slug from a title: ``"Text reminders (v2)"`` -> ``"text-reminders-v2"``.

    Any script is romanised first (:func:`transliterate`); a title with nothing left (only
    punctuation) becomes ``fallback``, which may be empty for the caller to ask for a
    name. Long titles are cut at a word boundary.
    """
    folded = transliterate(unicodedata.normalize("NFC", title))
    slug = _NOT_ALNUM.sub("-", folded.lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        cut = slug[:MAX_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if not slug:
        slug = fallback
    if slug and slug in WINDOWS_RESERVED:
        slug = f"{slug}-1"
    return slug


def numbered(slug: str, number: int) -> str:
    """The ``number``-th alternative to a taken slug: ``reminders`` -> ``reminders-2``."""
    suffix = f"-{number}"
    return slug[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
