"""Date arithmetic that stays a date: a cycle dated 9999-12-31 (a typo, or a test of the
tool) must not make a whole report fail when a window reaches past it."""

from __future__ import annotations

import datetime


def shifted(day: datetime.date, days: int) -> datetime.date:
    """``day`` moved by ``days``, held at the first or last date there is."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min
