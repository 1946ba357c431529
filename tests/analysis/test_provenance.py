"""Verdicts kept in the cache come back exactly as they were worked out."""

from __future__ import annotations

import pytest

from pdsa.analysis.commits import Commit
from pdsa.analysis.history import NOT_COMMITTED, Origin
from pdsa.analysis.provenance import (
    AdvanceVerdict,
    Evidence,
    HindsightEdit,
    verdict_from_data,
    verdict_to_data,
)

PLAN = Commit("a" * 40, "Amira Haddad", "2026-03-04T16:20:00+00:00", "x", 1, "Plan")
STUDY = Commit("b" * 40, "Amira Haddad", "2026-03-27T10:30:00+00:00", "y", 2, "Study", True)


def test_a_verdict_round_trips_through_the_cache_form() -> None:
    verdict = AdvanceVerdict(
        "p/c",
        "made_in_advance",
        "the prediction (aaaaaaa) came before the Study",
        Origin(PLAN),
        (Evidence("the Study", Origin(STUDY, cut_off=True)), Evidence("the Do", NOT_COMMITTED)),
        (HindsightEdit("p/c", NOT_COMMITTED, ("old",), ("new",), Origin(STUDY)),),
    )
    assert verdict_from_data("p/c", verdict_to_data(verdict)) == verdict


def test_anything_else_is_refused() -> None:
    with pytest.raises(ValueError, match="not a cached verdict"):
        verdict_from_data("p/c", ("guessed", "r", (None, False), (), ()))
    with pytest.raises(ValueError, match="not a cached verdict"):
        verdict_from_data("p/c", ("made_in_advance",))
