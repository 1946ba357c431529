"""Slugs are always safe file names on Windows, macOS and Linux."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pdsa.model.slug import MAX_LENGTH, WINDOWS_RESERVED, is_slug, numbered, slug_problem, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Text reminders before clinic appointments", "text-reminders-before-clinic-appointments"),
        ("Café outreach (v2)!", "cafe-outreach-v2"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-1"),
        ("lpt1", "lpt1-1"),
        ("עברית", "vryt"),
        ("تحسين الحضور في العيادة", "thsyn-lhdwr-fy-lydh"),
        ("提高诊所就诊率", "ti-gao-zhen-suo-jiu-zhen-lu"),
        ("😀 Peer support", "grinning-peer-support"),
        ("!!! ???", "untitled"),
        ("", "untitled"),
        ("a" * 70, "a" * MAX_LENGTH),
        ("word " * 20, ("word-" * 12).rstrip("-")),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


@given(st.text())
def test_slugify_always_gives_a_safe_file_name(title: str) -> None:
    slug = slugify(title)
    assert is_slug(slug)
    assert slug == slug.lower() and slug.isascii()
    assert "/" not in slug and "\\" not in slug and ".." not in slug and "." not in slug
    assert slug not in WINDOWS_RESERVED
    assert 0 < len(slug) <= MAX_LENGTH


@given(st.text(), st.integers(min_value=2, max_value=999))
def test_numbered_alternatives_are_slugs(title: str, number: int) -> None:
    assert is_slug(numbered(slugify(title), number))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "a slug cannot be empty"),
        ("Upper", "a slug uses only lower-case letters a-z"),
        ("a..b", "a slug uses only lower-case letters a-z"),
        ("a/b", "a slug uses only lower-case letters a-z"),
        ("nul", "'nul' is a device name on Windows"),
        ("x" * 61, "a slug has at most 60 characters (this has 61)"),
    ],
)
def test_slug_problems(text: str, problem: str) -> None:
    found = slug_problem(text)
    assert found is not None and found.startswith(problem)
