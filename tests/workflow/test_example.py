"""The bundled example programme: its shape, its references, its dates and its data."""

from __future__ import annotations

import datetime
import itertools
import math
import re
import statistics
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pdsa.check.privacy import scan
from pdsa.model.cycle import Cycle, Prediction, Scale
from pdsa.model.measure import Measure
from pdsa.model.programme import Programme
from pdsa.model.project import Project
from pdsa.model.slug import is_slug
from pdsa.workflow.example import example_programme
from pdsa.workflow.init import ProjectBundle, init_log

FIRST_DAY = datetime.date(2025, 9, 1)
LAST_DAY = datetime.date(2026, 10, 31)
SPRING_END = datetime.date(2026, 5, 31)

MEASURE_COUNTS = {
    "community-testing-outreach": 3,
    "self-test-kits": 3,
    "ed-opt-out-testing": 3,
    "faith-setting-testing": 2,
    "re-engagement-calls": 3,
    "peer-navigators": 4,
    "appointment-reminders": 3,
    "pharmacy-collection": 4,
    "stigma-training-gp": 3,
    "older-peer-support": 3,
    "mental-health-pathway": 4,
    "uu-awareness-campaign": 3,
}
CYCLE_COUNTS = {
    "community-testing-outreach": 6,
    "self-test-kits": 5,
    "ed-opt-out-testing": 5,
    "faith-setting-testing": 3,
    "re-engagement-calls": 5,
    "peer-navigators": 6,
    "appointment-reminders": 5,
    "pharmacy-collection": 4,
    "stigma-training-gp": 6,
    "older-peer-support": 3,
    "mental-health-pathway": 4,
    "uu-awareness-campaign": 5,
}
THEMES = {
    "testing": [
        "community-testing-outreach",
        "self-test-kits",
        "ed-opt-out-testing",
        "faith-setting-testing",
    ],
    "treatment-and-care": [
        "re-engagement-calls",
        "peer-navigators",
        "appointment-reminders",
        "pharmacy-collection",
    ],
    "stigma-and-quality-of-life": [
        "stigma-training-gp",
        "older-peer-support",
        "mental-health-pathway",
        "uu-awareness-campaign",
    ],
}
KEYS = {
    "testing": ("people-tested", 4),
    "treatment-and-care": ("undetectable-viral-load", 4),
    "stigma-and-quality-of-life": ("felt-stigma", 3),
}
PHASE_COUNTS = {"plan": 6, "do": 8, "study": 6, "act": 37}
DECISION_COUNTS = {"adopt": 19, "adapt": 13, "abandon": 5}
#: Measures whose data show a real change after a change was adopted (Anhøj signals, in the
#: direction of improvement), and one that drifts the wrong way.
IMPROVING = [
    ("community-testing-outreach", "people-tested"),
    ("community-testing-outreach", "first-time-testers"),
    ("self-test-kits", "kits-ordered"),
    ("self-test-kits", "people-tested"),
    ("self-test-kits", "results-reported"),
    ("ed-opt-out-testing", "testing-coverage"),
    ("ed-opt-out-testing", "people-tested"),
    ("re-engagement-calls", "people-re-engaged"),
    ("re-engagement-calls", "undetectable-viral-load"),
    ("peer-navigators", "seen-within-14-days"),
    ("peer-navigators", "retained-at-3-months"),
    ("appointment-reminders", "missed-appointments"),
    ("appointment-reminders", "reminders-sent"),
    ("pharmacy-collection", "pharmacy-collections"),
    ("pharmacy-collection", "treatment-gaps"),
    ("stigma-training-gp", "felt-stigma"),
    ("mental-health-pathway", "screened"),
    ("mental-health-pathway", "referral-wait-days"),
    ("uu-awareness-campaign", "uu-awareness"),
]
CONCERNING = [("peer-navigators", "navigator-caseload")]
FLAT = [
    ("ed-opt-out-testing", "ed-length-of-stay"),
    ("faith-setting-testing", "people-tested"),
    ("appointment-reminders", "undetectable-viral-load"),
    ("pharmacy-collection", "undetectable-viral-load"),
    ("older-peer-support", "loneliness-score"),
    ("older-peer-support", "felt-stigma"),
    ("uu-awareness-campaign", "felt-stigma"),
    ("stigma-training-gp", "training-confidence"),
]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")
TEN_DIGITS = re.compile(r"(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])")


@pytest.fixture(scope="module")
def example() -> tuple[Programme, list[ProjectBundle]]:
    return example_programme()


@pytest.fixture(scope="module")
def programme(example: tuple[Programme, list[ProjectBundle]]) -> Programme:
    return example[0]


@pytest.fixture(scope="module")
def bundles(example: tuple[Programme, list[ProjectBundle]]) -> dict[str, ProjectBundle]:
    return {bundle.slug: bundle for bundle in example[1]}


def all_cycles(bundles: dict[str, ProjectBundle]) -> Iterator[tuple[str, str, Cycle]]:
    for slug, bundle in bundles.items():
        for cycle_slug, cycle in bundle.cycles.items():
            yield slug, cycle_slug, cycle


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from all_strings(key)
            yield from all_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from all_strings(item)


def ramps(bundle: ProjectBundle) -> list[list[str]]:
    """Every chain of cycles linked by ``follows``, from its first cycle to its last."""
    followers: dict[str, list[str]] = {}
    for slug, cycle in bundle.cycles.items():
        if cycle.follows is not None:
            followers.setdefault(cycle.follows, []).append(slug)
    chains: list[list[str]] = []

    def walk(chain: list[str]) -> None:
        nexts = followers.get(chain[-1], [])
        if not nexts:
            chains.append(chain)
        for slug in nexts:
            walk([*chain, slug])

    for slug, cycle in bundle.cycles.items():
        if cycle.follows is None and slug in followers:
            walk([slug])
    return chains


def last_activity(bundle: ProjectBundle) -> datetime.date:
    dates = [cycle.last_date for cycle in bundle.cycles.values()]
    dates += [point.date for measure in bundle.measures.values() for point in measure.points]
    return max(dates)


def longest_run_signal(values: list[float]) -> tuple[int, int]:
    """(side of the longest run, +1 above or -1 below the median, or 0 for none) and its length,
    when Anhøj's longest-run rule signals; (0, length) otherwise."""
    centre = statistics.median(values)
    sides = [1 if value > centre else -1 for value in values if value != centre]
    best_side, best, side, length = 0, 0, 0, 0
    for current in sides:
        length = length + 1 if current == side else 1
        side = current
        if length > best:
            best_side, best = side, length
    limit = math.floor(math.log2(len(sides)) + 3.5)
    return (best_side if best > limit else 0), best


def crossings_signal(values: list[float]) -> bool:
    centre = statistics.median(values)
    sides = [1 if value > centre else -1 for value in values if value != centre]
    crossings = sum(1 for a, b in itertools.pairwise(sides) if a != b)
    n = len(sides)
    # The smallest k with P(X <= k) >= 0.05 for X ~ Binomial(n - 1, 1/2).
    cumulative, fewest = 0.0, 0
    for k in range(n):
        cumulative += math.comb(n - 1, k) / 2 ** (n - 1)
        if cumulative >= 0.05:
            fewest = k
            break
    return crossings < fewest


# --- the programme --------------------------------------------------------------------


def test_the_programme_says_it_is_fictional(programme: Programme) -> None:
    assert programme.example is True
    assert programme.description is not None
    assert "fictional" in programme.description
    assert "zero new HIV infections" in programme.description
    assert programme.settings.stale_after_days == 30
    assert programme.settings.rules == "anhoej"
    assert programme.privacy.allow == ["^0161 496 0999$"]


def test_three_themes_four_projects_each(
    programme: Programme, bundles: dict[str, ProjectBundle]
) -> None:
    assert [theme.id for theme in programme.themes] == list(THEMES)
    assert len(bundles) == 12
    for theme, slugs in THEMES.items():
        assert [slug for slug, bundle in bundles.items() if bundle.project.theme == theme] == slugs


def test_every_slug_is_valid_and_unique(bundles: dict[str, ProjectBundle]) -> None:
    assert all(is_slug(slug) for slug in bundles)
    for bundle in bundles.values():
        assert all(is_slug(slug) for slug in bundle.measures)
        assert all(is_slug(slug) for slug in bundle.cycles)
        assert not set(bundle.measures) & set(bundle.cycles)


def test_projects(bundles: dict[str, ProjectBundle]) -> None:
    leads = [bundle.project.lead_organisation for bundle in bundles.values()]
    assert len(set(leads)) == 12
    for bundle in bundles.values():
        project = bundle.project
        assert 1 <= len(project.partners) <= 3
        assert all("(fictional)" in partner for partner in project.partners)
        assert 2 <= len(project.team) <= 5
        assert all(member.role and member.organisation for member in project.team)
        assert 2 <= len(project.change_ideas) <= 4
        assert re.search(r"\b20(25|26)\b", project.aim), project.aim
        assert project.started is not None and FIRST_DAY <= project.started <= LAST_DAY
    statuses = Counter(bundle.project.status for bundle in bundles.values())
    assert statuses == {"active": 10, "paused": 1, "completed": 1}
    assert bundles["faith-setting-testing"].project.status == "paused"
    assert bundles["pharmacy-collection"].project.status == "completed"
    unscored = [slug for slug, bundle in bundles.items() if bundle.project.progress_score is None]
    assert unscored == ["mental-health-pathway"]


# --- measures ---------------------------------------------------------------------------


def test_measure_and_point_counts(bundles: dict[str, ProjectBundle]) -> None:
    assert {slug: len(bundle.measures) for slug, bundle in bundles.items()} == MEASURE_COUNTS
    for bundle in bundles.values():
        for measure in bundle.measures.values():
            assert 15 <= len(measure.points) <= 30, measure.title


def test_measure_types_and_directions(bundles: dict[str, ProjectBundle]) -> None:
    for bundle in bundles.values():
        types = {measure.type for measure in bundle.measures.values()}
        assert types & {"outcome", "process"}
    for slugs in THEMES.values():
        assert any(
            measure.type == "balancing"
            for slug in slugs
            for measure in bundles[slug].measures.values()
        )
    measures = [m for bundle in bundles.values() for m in bundle.measures.values()]
    assert Counter(m.type for m in measures) == {"outcome": 14, "process": 17, "balancing": 7}
    assert [m.title for m in measures if m.improvement is None] == ["Referrals to psychology"]
    assert all(m.unit and m.definition for m in measures)
    assert sum(m.goal is not None for m in measures) == 33
    assert [m.title for m in measures if m.baseline is not None] == [
        "Results reported within 28 days"
    ]
    phased = [m for m in measures if m.phases]
    assert [m.title for m in phased] == ["Testing coverage"]
    phase_start = phased[0].phases[0].start
    assert phased[0].points[0].date < phase_start < phased[0].points[-1].date


def test_points_are_dated_in_order_and_plausible(bundles: dict[str, ProjectBundle]) -> None:
    for bundle in bundles.values():
        for measure in bundle.measures.values():
            dates = [point.date for point in measure.points]
            assert dates == sorted(set(dates))
            assert dates[0] >= FIRST_DAY and dates[-1] <= LAST_DAY
            gaps = {(b - a).days for a, b in itertools.pairwise(dates)}
            assert gaps <= {7, 14, 28, 42}, measure.title
            for point in measure.points:
                assert point.value >= 0
                if measure.unit == "%":
                    assert point.value <= 100
                if measure.unit in {"people", "kits", "events", "referrals", "comments"}:
                    assert point.value == int(point.value)


def test_one_astronomical_point_with_a_note(bundles: dict[str, ProjectBundle]) -> None:
    marked = [
        (slug, point)
        for slug, bundle in bundles.items()
        for measure in bundle.measures.values()
        for point in measure.points
        if point.astronomical
    ]
    assert len(marked) == 1
    assert marked[0][0] == "community-testing-outreach"
    assert marked[0][1].note and "Pride" in marked[0][1].note
    notes = sum(
        point.note is not None
        for bundle in bundles.values()
        for measure in bundle.measures.values()
        for point in measure.points
    )
    assert notes == 20


def test_shared_keys_per_theme(bundles: dict[str, ProjectBundle]) -> None:
    for theme, (key, count) in KEYS.items():
        keyed = [
            measure
            for slug in THEMES[theme]
            for measure in bundles[slug].measures.values()
            if measure.key == key
        ]
        assert len(keyed) == count
        assert len({(m.title, m.unit, m.improvement, m.type) for m in keyed}) == 1
    keys = {m.key for b in bundles.values() for m in b.measures.values()} - {None}
    assert keys == {key for key, _ in KEYS.values()}


@pytest.mark.parametrize(("project", "measure"), IMPROVING)
def test_improvements_are_signals_that_hold(
    bundles: dict[str, ProjectBundle], project: str, measure: str
) -> None:
    record = bundles[project].measures[measure]
    values = [point.value for point in record.points if not point.astronomical]
    assert longest_run_signal(values)[0] != 0 or crossings_signal(values)
    # The last 8 points or more are all better than the median of the first 6, before the
    # change: a shift the run chart shows, and one that has held.
    earlier = statistics.median(values[:6])
    better = 1 if record.improvement == "higher" else -1
    assert all((value - earlier) * better > 0 for value in values[-8:])


@pytest.mark.parametrize(("project", "measure"), CONCERNING)
def test_a_concerning_drift(bundles: dict[str, ProjectBundle], project: str, measure: str) -> None:
    record = bundles[project].measures[measure]
    values = [point.value for point in record.points]
    side, _ = longest_run_signal(values)
    assert record.improvement == "lower"
    assert side == 1
    assert record.goal is not None and values[-1] > record.goal > values[0]


@pytest.mark.parametrize(("project", "measure"), FLAT)
def test_flat_measures_show_no_signal(
    bundles: dict[str, ProjectBundle], project: str, measure: str
) -> None:
    values = [point.value for point in bundles[project].measures[measure].points]
    assert longest_run_signal(values)[0] == 0
    assert not crossings_signal(values)


# --- cycles -----------------------------------------------------------------------------


def test_cycle_counts_phases_and_decisions(bundles: dict[str, ProjectBundle]) -> None:
    assert {slug: len(bundle.cycles) for slug, bundle in bundles.items()} == CYCLE_COUNTS
    cycles = [cycle for _, _, cycle in all_cycles(bundles)]
    assert Counter(cycle.phase for cycle in cycles) == PHASE_COUNTS
    assert Counter(cycle.decision for cycle in cycles if cycle.decision) == DECISION_COUNTS
    for bundle in bundles.values():
        if bundle.project.status == "active":
            assert len({cycle.phase for cycle in bundle.cycles.values()}) >= 2, bundle.slug


def test_references_resolve_within_the_project(bundles: dict[str, ProjectBundle]) -> None:
    for slug, cycle_slug, cycle in all_cycles(bundles):
        bundle = bundles[slug]
        where = f"{slug}/{cycle_slug}"
        ideas = {idea.id for idea in bundle.project.change_ideas}
        assert cycle.change_idea is None or cycle.change_idea in ideas, where
        assert cycle.follows is None or cycle.follows in bundle.cycles, where
        assert cycle.follows != cycle_slug, where
        assert 1 <= len(cycle.measures) <= 2, where
        assert set(cycle.measures) <= set(bundle.measures), where
        for prediction in cycle.plan.predictions:
            if isinstance(prediction, Prediction):
                assert prediction.measure in cycle.measures, where
                assert prediction.direction is not None and prediction.target is not None
                improvement = bundle.measures[prediction.measure].improvement
                expected = {"higher": "increase", "lower": "decrease"}.get(improvement or "")
                assert prediction.direction == expected, where
        if cycle.act is not None and cycle.act.next is not None:
            assert cycle.act.next in bundle.cycles, where
            assert bundle.cycles[cycle.act.next].follows == cycle_slug, where
        if cycle.follows is not None:
            before = bundle.cycles[cycle.follows]
            assert before.act is not None, where
            if before.act.decision == "adapt":
                assert before.act.next == cycle_slug, where
    without_idea = [c for _, _, c in all_cycles(bundles) if c.change_idea is None]
    assert len(without_idea) == 5


def test_predictions(bundles: dict[str, ProjectBundle]) -> None:
    cycles = [cycle for _, _, cycle in all_cycles(bundles)]
    none = [cycle for cycle in cycles if not cycle.plan.predictions]
    structured = [
        cycle for cycle in cycles if any(isinstance(p, Prediction) for p in cycle.plan.predictions)
    ]
    mixed = [
        cycle for cycle in structured if any(isinstance(p, str) for p in cycle.plan.predictions)
    ]
    text_only = [
        cycle
        for cycle in cycles
        if cycle.plan.predictions and all(isinstance(p, str) for p in cycle.plan.predictions)
    ]
    assert len(none) == 4
    assert len(structured) == 46
    assert len(mixed) == 21
    assert len(text_only) == 7


def test_every_cycle_fills_in_its_worksheet(bundles: dict[str, ProjectBundle]) -> None:
    for slug, cycle_slug, cycle in all_cycles(bundles):
        plan = cycle.plan
        where = f"{slug}/{cycle_slug}"
        assert 1 <= len(plan.questions) <= 2, where
        assert 1 <= len(plan.tasks) <= 3, where
        assert all(task.who and task.when for task in plan.tasks), where
        assert plan.data_collection and plan.scale, where
        assert plan.start is not None and plan.end is not None, where
    as_planned = Counter(c.do.as_planned for _, _, c in all_cycles(bundles) if c.do)
    assert as_planned == {True: 45, False: 6}
    matched = Counter(c.study.prediction_matched for _, _, c in all_cycles(bundles) if c.study)
    assert matched == {"yes": 22, "partly": 13, "no": 8}


def test_dates_run_forward(bundles: dict[str, ProjectBundle]) -> None:
    for slug, cycle_slug, cycle in all_cycles(bundles):
        plan, where = cycle.plan, f"{slug}/{cycle_slug}"
        assert plan.start is not None and plan.end is not None
        assert FIRST_DAY <= plan.date <= plan.start <= plan.end <= LAST_DAY, where
        for task in plan.tasks:
            assert task.when is not None and plan.date <= task.when <= plan.end, where
        if cycle.do is not None:
            assert plan.start <= cycle.do.date <= LAST_DAY, where
        if cycle.study is not None:
            assert cycle.do is not None and cycle.do.date <= cycle.study.date, where
        if cycle.act is not None:
            assert cycle.study is not None and cycle.study.date <= cycle.act.date, where
            assert cycle.act.date <= LAST_DAY, where
        if cycle.follows is not None:
            before = bundles[slug].cycles[cycle.follows]
            assert before.plan.end is not None and before.plan.end < plan.start, where
            assert before.act is not None and before.act.date <= plan.date, where


def test_ramps_grow_in_scale(bundles: dict[str, ProjectBundle]) -> None:
    chains = {slug: ramps(bundle) for slug, bundle in bundles.items()}
    long = [(slug, chain) for slug, found in chains.items() for chain in found if len(chain) >= 3]
    assert [len(chain) for _, chain in long] == [4, 3, 3, 4, 3, 3, 3, 4]
    growing = 0
    for slug, chain in long:
        scales = [bundles[slug].cycles[cycle].plan.scale for cycle in chain]
        if not all(isinstance(scale, Scale) for scale in scales):
            continue
        sizes = [
            (scale.people or 0, scale.sites or 0) for scale in scales if isinstance(scale, Scale)
        ]
        assert all(b[0] > a[0] and b[1] >= a[1] for a, b in itertools.pairwise(sizes))
        growing += 1
    assert growing == 7


def test_two_stale_projects_and_a_cycle_stuck_in_do(bundles: dict[str, ProjectBundle]) -> None:
    latest = {slug: last_activity(bundle) for slug, bundle in bundles.items()}
    stale = sorted(slug for slug, day in latest.items() if day <= SPRING_END)
    assert stale == ["faith-setting-testing", "older-peer-support"]
    recent = [day for slug, day in latest.items() if slug not in stale]
    assert all(datetime.date(2026, 9, 1) <= day <= LAST_DAY for day in recent), latest
    stuck = [
        f"{slug}/{cycle_slug}"
        for slug, cycle_slug, cycle in all_cycles(bundles)
        if slug not in stale and cycle.phase == "do" and cycle.last_date <= SPRING_END
    ]
    assert stuck == ["appointment-reminders/voice-reminders"]


# --- privacy and determinism ----------------------------------------------------------------


def test_no_string_looks_like_a_patient_identifier(
    example: tuple[Programme, list[ProjectBundle]],
) -> None:
    programme, bundles = example
    records: list[BaseModel] = [programme]
    for bundle in bundles:
        records += [bundle.project, *bundle.measures.values(), *bundle.cycles.values()]
    allow = programme.privacy.allow
    texts = [text for record in records for text in all_strings(record.model_dump())]
    texts = [text for text in texts if text not in allow]
    assert len(texts) > 1000
    for text in texts:
        assert not EMAIL.search(text), text
        assert not POSTCODE.search(text.upper()), text
        assert not TEN_DIGITS.search(text), text
        assert scan(text, allow=allow) == [], text
    office = [text for text in texts if "0161 496 0999" in text]
    assert len(office) == 1 and scan(office[0])  # found, and only the allow-list lets it pass


def test_deterministic() -> None:
    first, second = example_programme(), example_programme()
    assert first == second
    assert first[0] is not second[0]


def test_round_trips_through_the_files(tmp_path: Path) -> None:
    programme, bundles = example_programme()
    log = init_log(tmp_path / "log", programme, bundles)

    def read(path: Path, model: type[BaseModel]) -> BaseModel:
        return model.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))

    assert read(log.programme_path, Programme) == programme
    for bundle in bundles:
        assert read(log.project_path(bundle.slug), Project) == bundle.project
        for slug, measure in bundle.measures.items():
            assert read(log.measure_path(bundle.slug, slug), Measure) == measure
        for slug, cycle in bundle.cycles.items():
            assert read(log.cycle_path(bundle.slug, slug), Cycle) == cycle
