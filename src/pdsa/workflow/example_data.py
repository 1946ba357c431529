"""The hand-written content of the bundled example programme (see :mod:`pdsa.workflow.example`).

Northbridge is an invented city. Every organisation, clinic, person and number here is
fictional. The records are plain dicts with :class:`datetime.date` values, as the models
expect; the measures' data points are generated from the :class:`Series` descriptions by
:func:`pdsa.workflow.example.example_programme`, deterministically.

Dates run from September 2025 to October 2026. Most projects were last active in
September or October 2026; ``faith-setting-testing`` (paused) and ``older-peer-support``
have had no activity since spring 2026, and ``appointment-reminders/voice-reminders`` has
been stuck in Do since May 2026.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

D = datetime.date
Record = dict[str, Any]


@dataclass(frozen=True)
class Series:
    """How a measure's points are generated: a level, steps, a drift and noise.

    Point ``i`` is dated ``start + i * every_days`` and worth ``level + drift * i`` plus every
    step in ``shifts`` whose index is ``<= i``, plus ``bumps[i]``, plus Gaussian noise of
    standard deviation ``noise`` (from a random generator seeded per measure), clamped to
    ``low``..``high`` and rounded to ``decimals``. ``values``, when given, replaces all that
    with hand-written values. Indices in ``skip`` get no point.
    """

    start: datetime.date
    count: int
    every_days: int = 7
    level: float = 0.0
    noise: float = 0.0
    shifts: tuple[tuple[int, float], ...] = ()
    drift: float = 0.0
    bumps: dict[int, float] = field(default_factory=dict)
    decimals: int = 0
    low: float = 0.0
    high: float | None = None
    values: tuple[float, ...] = ()
    skip: frozenset[int] = frozenset()
    notes: dict[int, str] = field(default_factory=dict)
    #: index -> (value, note): points the team judged astronomical.
    astronomical: dict[int, tuple[float, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class MeasureSpec:
    """A measure's definition (a ``Measure`` dict without points) and how to make its points."""

    slug: str
    fields: Record
    series: Series


@dataclass(frozen=True)
class ProjectSpec:
    """A project's fields, measures and cycles (cycle dicts without ``schema_version``)."""

    slug: str
    fields: Record
    measures: list[MeasureSpec]
    cycles: dict[str, Record]


def task(what: str, who: str, when: datetime.date, where: str | None = None) -> Record:
    """A plan task."""
    entry: Record = {"what": what, "who": who, "when": when}
    if where is not None:
        entry["where"] = where
    return entry


def predict(text: str, measure: str, direction: str, target: float) -> Record:
    """A structured prediction that names its measure, direction and target."""
    return {"text": text, "measure": measure, "direction": direction, "target": target}


def scale(description: str, people: int, sites: int, days: int) -> Record:
    """A structured scale of test."""
    return {"description": description, "people": people, "sites": sites, "days": days}


# fmt: off
#: stigma-training-gp/staff-trained: cumulative, fortnightly from 17 November 2025.
STAFF_TRAINED = (
    0, 0, 0, 0, 8, 8, 14, 22, 30, 34, 34, 41,
    52, 63, 77, 91, 104, 104, 107, 109, 125, 150, 176, 203,
)
#: pharmacy-collection/privacy-concerns: fortnightly from 29 September 2025.
PRIVACY_CONCERNS = (
    0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0,
)
# fmt: on

# Partner NHS organisations (all fictional).
SHC = "Northbridge Sexual Health Clinic (fictional)"
NTH = "Northbridge Teaching Hospitals NHS Trust (fictional)"
WESTFIELD = "Westfield HIV Outpatient Clinic (fictional)"
NRI_ED = "Northbridge Royal Infirmary Emergency Department (fictional)"
PATHOLOGY = "Northbridge Pathology Service (fictional)"
ST_ALDHELMS = "St Aldhelm's Hospital HIV Service (fictional)"
EASTGATE = "Eastgate Community Health Centre (fictional)"
MENTAL_HEALTH = "Northbridge Mental Health NHS Foundation Trust (fictional)"
GP_FEDERATION = "Northbridge GP Federation (fictional)"
NORTH_PCN = "North Northbridge Primary Care Network (fictional)"

# The programme-wide keys shared by one measure in each project of a theme.
PEOPLE_TESTED = "people-tested"
VIRAL_LOAD = "undetectable-viral-load"
FELT_STIGMA = "felt-stigma"

PROGRAMME: Record = {
    "name": "Northbridge HIV Improvement Community",
    "description": (
        "The example programme bundled with pdsa. It is entirely fictional: Northbridge is an "
        "invented city, and its organisations, clinics, people and data are all invented; any "
        "likeness to real people or services is chance. Twelve projects, each led by a "
        "community organisation working with NHS clinics, share one ambition: zero new HIV "
        "infections, zero preventable deaths from HIV and zero HIV stigma in Northbridge."
    ),
    "example": True,
    "themes": [
        {
            "id": "testing",
            "title": "Increasing HIV testing",
            "description": (
                "Make testing easy, normal and close to where people live, so that everyone "
                "living with HIV knows it and can start treatment early."
            ),
        },
        {
            "id": "treatment-and-care",
            "title": "Supporting treatment and care",
            "description": (
                "Help people stay in care and on treatment, so that they stay well and reach "
                "an undetectable viral load."
            ),
        },
        {
            "id": "stigma-and-quality-of-life",
            "title": "Tackling stigma and improving quality of life",
            "description": (
                "Challenge HIV stigma in services and communities, and support people living "
                "with HIV to live well, including in older age."
            ),
        },
    ],
    "settings": {"stale_after_days": 30, "rules": "anhoej"},
    "privacy": {"allow": ["^0161 496 0999$"]},
}

# --------------------------------------------------------------------------------------
# Theme: testing
# --------------------------------------------------------------------------------------

COMMUNITY_TESTING = ProjectSpec(
    slug="community-testing-outreach",
    fields={
        "title": "HIV testing in community venues",
        "aim": (
            "Double the number of people tested for HIV at Riverside Positive Voices' community "
            "sessions, from a median of 20 to 40 a week, by 31 October 2026, with at least a "
            "third of them testing for the first time."
        ),
        "theme": "testing",
        "lead_organisation": "Riverside Positive Voices",
        "partners": [SHC],
        "team": [
            {
                "name": "Amara Okafor",
                "role": "Project lead",
                "organisation": "Riverside Positive Voices",
            },
            {
                "name": "Callum Reid",
                "role": "Peer outreach worker",
                "organisation": "Riverside Positive Voices",
            },
            {"name": "Dr Helen Marsh", "role": "Consultant in sexual health", "organisation": SHC},
            {
                "name": "Yusuf Demir",
                "role": "Volunteer coordinator",
                "organisation": "Riverside Positive Voices",
            },
        ],
        "change_ideas": [
            {
                "id": "venue-testing-sessions",
                "title": "Point-of-care testing sessions in bars, saunas and community venues",
                "description": (
                    "A peer worker and a trained tester run a finger-prick test session on site."
                ),
                "driver": "Testing is offered where people already are",
            },
            {
                "id": "evening-weekend-hours",
                "title": "Evening and weekend testing hours",
                "driver": "Testing fits around work and family",
            },
            {
                "id": "peer-invitations",
                "title": "Peer workers personally invite people who have never tested",
                "driver": "People hear about testing from someone they trust",
            },
        ],
        "status": "active",
        "progress_score": 3.5,
        "started": D(2025, 10, 6),
    },
    measures=[
        MeasureSpec(
            slug="people-tested",
            fields={
                "title": "People tested",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 40,
                "key": PEOPLE_TESTED,
                "definition": (
                    "Number of people who had a point-of-care HIV test at a Riverside Positive "
                    "Voices session in the week (Monday to Sunday), counted from the session "
                    "tally sheets. A person tested twice in one week counts once."
                ),
            },
            series=Series(
                start=D(2026, 3, 2),
                count=30,
                level=20,
                noise=3,
                shifts=((7, 9), (14, 9), (25, 6)),
                bumps={2: 6, 3: 6, 4: 7},
                notes={
                    2: "Lantern Bar test sessions on Fridays (three weeks)",
                    7: "Sessions at the Harbour sauna start this week",
                    14: "Four venues from this week",
                    25: "Six venues from this week",
                },
                astronomical={
                    21: (
                        118,
                        "Northbridge Pride weekend: a one-off stall in the park tested 82 "
                        "people. Not part of the usual sessions, so not a sign of change.",
                    ),
                },
            ),
        ),
        MeasureSpec(
            slug="first-time-testers",
            fields={
                "title": "First-time testers",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 33,
                "definition": (
                    "Percentage of the people tested in the week who say on the session form "
                    "that they have never had an HIV test before."
                ),
            },
            series=Series(
                start=D(2026, 3, 2), count=30, level=22, noise=4, shifts=((13, 12),), high=100
            ),
        ),
        MeasureSpec(
            slug="volunteer-hours",
            fields={
                "title": "Volunteer hours",
                "type": "balancing",
                "unit": "hours",
                "improvement": "lower",
                "definition": (
                    "Hours given by volunteers to testing sessions in the week, including "
                    "setting up and travel, from the volunteer rota."
                ),
            },
            series=Series(
                start=D(2026, 3, 2),
                count=30,
                level=10,
                noise=1.5,
                shifts=((7, 5), (14, 6), (25, 4)),
                decimals=1,
            ),
        ),
    ],
    cycles={
        "venue-testing-lantern-bar": {
            "title": "Testing at the Lantern Bar on Friday nights",
            "change_idea": "venue-testing-sessions",
            "measures": ["people-tested"],
            "plan": {
                "date": D(2026, 3, 9),
                "objective": (
                    "Find out whether people will test at a bar they already go to, if a peer "
                    "worker they know is there."
                ),
                "questions": [
                    "How many people will test over three Friday evenings?",
                    "Who comes forward: regular testers, or people who have never tested?",
                ],
                "predictions": [
                    predict(
                        "Weekly tests rise to at least 25 in the weeks with a bar session",
                        "people-tested",
                        "increase",
                        25,
                    ),
                    "Most of the people who test will be regular testers",
                ],
                "tasks": [
                    task(
                        "Agree the space and times with the bar manager",
                        "Amara Okafor",
                        D(2026, 3, 13),
                        "Lantern Bar",
                    ),
                    task(
                        "Pack two testing kits and the tally sheets",
                        "Callum Reid",
                        D(2026, 3, 19),
                        "Riverside Positive Voices office",
                    ),
                ],
                "data_collection": (
                    "Tally sheet per session: tests done, first-time testers, reactive results."
                ),
                "scale": scale("1 venue, 3 Friday evenings, about 15 people", 15, 1, 3),
                "start": D(2026, 3, 20),
                "end": D(2026, 4, 3),
            },
            "do": {
                "date": D(2026, 4, 3),
                "as_planned": True,
                "observations": (
                    "18 people tested over the three Fridays (5, 6 and 7). The busiest time "
                    "was late in the evening. One reactive result; the person was seen at the "
                    "sexual health clinic four days later, with Callum alongside."
                ),
                "unplanned": (
                    "Bar staff asked to be tested too, and asked for a poster for the toilets."
                ),
            },
            "study": {
                "date": D(2026, 4, 8),
                "results": (
                    "18 people tested, above the 15 expected; weekly totals in those weeks were "
                    "22 to 25 against about 20 in the weeks around them. 9 of the 18 had never "
                    "tested."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "A venue people trust, with a peer worker they know, reaches people who do "
                    "not come to the clinic. Half were first-time testers, which we did not expect."
                ),
            },
            "act": {
                "date": D(2026, 4, 10),
                "decision": "adapt",
                "changes": "Add a second venue (the Harbour sauna) and start an hour later.",
                "next": "venue-testing-two-venues",
            },
        },
        "venue-testing-two-venues": {
            "title": "Testing at two venues for five weeks",
            "change_idea": "venue-testing-sessions",
            "follows": "venue-testing-lantern-bar",
            "measures": ["people-tested", "volunteer-hours"],
            "plan": {
                "date": D(2026, 4, 13),
                "objective": (
                    "Find out whether the Lantern Bar result holds at a second, different venue."
                ),
                "questions": ["Will the sauna draw as many people as the bar?"],
                "predictions": [
                    predict("Weekly tests reach 30", "people-tested", "increase", 30),
                    "Volunteer hours rise by about 5 a week",
                ],
                "tasks": [
                    task(
                        "Train two more volunteers to run the finger-prick test",
                        "Yusuf Demir",
                        D(2026, 4, 16),
                        "Northbridge Sexual Health Clinic (fictional)",
                    ),
                ],
                "data_collection": "Same tally sheet; volunteer rota for hours.",
                "scale": scale("2 venues, 5 weeks, about 140 people", 140, 2, 35),
                "start": D(2026, 4, 17),
                "end": D(2026, 5, 15),
            },
            "do": {
                "date": D(2026, 5, 15),
                "as_planned": False,
                "observations": (
                    "142 people tested over the five weeks. Sessions ran at both venues in four "
                    "of them."
                ),
                "problems": (
                    "The sauna closed for repairs in the third week, so that session was lost."
                ),
            },
            "study": {
                "date": D(2026, 5, 20),
                "results": (
                    "Weekly tests were 27 to 31 in the four full weeks; volunteer hours rose by "
                    "about 5."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "Two venues are manageable with the present volunteers; a third would need "
                    "more."
                ),
            },
            "act": {
                "date": D(2026, 5, 22),
                "decision": "adopt",
                "changes": "Run both venues every week, and test four venues over the summer.",
                "next": "venue-testing-four-venues",
            },
        },
        "venue-testing-four-venues": {
            "title": "Testing at four venues over the summer",
            "change_idea": "venue-testing-sessions",
            "follows": "venue-testing-two-venues",
            "measures": ["people-tested", "volunteer-hours"],
            "plan": {
                "date": D(2026, 5, 26),
                "objective": (
                    "Find out whether four weekly venues keep the same numbers per session."
                ),
                "questions": [
                    "Do the two new venues (a café and a community centre) reach different people?",
                ],
                "predictions": [
                    predict("Weekly tests reach 38", "people-tested", "increase", 38),
                ],
                "tasks": [
                    task("Recruit and train four new volunteers", "Yusuf Demir", D(2026, 6, 3)),
                    task(
                        "Agree Tuesday and Sunday slots with the café and the community centre",
                        "Amara Okafor",
                        D(2026, 6, 1),
                    ),
                ],
                "data_collection": "Tally sheet per session; volunteer rota.",
                "scale": scale("4 venues, 8 weeks, about 300 people", 300, 4, 56),
                "start": D(2026, 6, 5),
                "end": D(2026, 7, 31),
            },
            "do": {
                "date": D(2026, 7, 31),
                "as_planned": True,
                "observations": (
                    "About 310 people tested at the usual sessions over eight weeks, plus 82 at "
                    "the Pride stall. The Tuesday café slot drew two or three people a week."
                ),
                "unplanned": (
                    "Several people asked for PrEP information; we had no leaflets with us."
                ),
            },
            "study": {
                "date": D(2026, 8, 5),
                "results": (
                    "Weekly tests were around 38, as predicted, but almost all of the rise came "
                    "from the bar, the sauna and the community centre."
                ),
                "prediction_matched": "partly",
                "learning": "Evening and weekend sessions work; a weekday café slot does not.",
            },
            "act": {
                "date": D(2026, 8, 7),
                "decision": "adapt",
                "changes": (
                    "Drop the Tuesday café slot; add a Sunday afternoon session and two student "
                    "venues when term starts. Carry PrEP leaflets."
                ),
                "next": "venue-testing-all-venues",
            },
        },
        "venue-testing-all-venues": {
            "title": "Testing at six venues from late summer",
            "change_idea": "evening-weekend-hours",
            "follows": "venue-testing-four-venues",
            "measures": ["people-tested", "volunteer-hours"],
            "plan": {
                "date": D(2026, 8, 10),
                "objective": (
                    "Find out whether six evening and weekend venues reach the 40-a-week aim."
                ),
                "questions": ["Will the student venues add first-time testers?"],
                "predictions": [
                    predict("Weekly tests reach 44", "people-tested", "increase", 44),
                    "Volunteer hours will reach a level the team cannot sustain",
                ],
                "tasks": [
                    task("Agree dates with the two student unions", "Amara Okafor", D(2026, 8, 18)),
                    task("Order PrEP leaflets from the clinic", "Callum Reid", D(2026, 8, 14), SHC),
                ],
                "data_collection": "Tally sheet per session; volunteer rota.",
                "scale": scale("6 venues, 8 weeks, about 360 people", 360, 6, 56),
                "start": D(2026, 8, 21),
                "end": D(2026, 10, 16),
            },
            "do": {
                "date": D(2026, 10, 16),
                "as_planned": True,
                "observations": (
                    "Sessions ran at all six venues. Freshers' week at the two student unions "
                    "was the busiest week since Pride."
                ),
                "problems": (
                    "Two volunteers left at the end of September; sessions are thinly staffed."
                ),
            },
        },
        "peer-invitations": {
            "title": "Peer workers invite people who have never tested",
            "change_idea": "peer-invitations",
            "measures": ["first-time-testers"],
            "plan": {
                "date": D(2026, 5, 18),
                "objective": (
                    "Find out whether a personal invitation from a peer brings in first-time "
                    "testers."
                ),
                "questions": ["What share of people invited by a peer actually come to a session?"],
                "predictions": [
                    predict(
                        "The share of first-time testers rises to a third",
                        "first-time-testers",
                        "increase",
                        33,
                    ),
                    "About 1 in 4 people invited will come",
                ],
                "tasks": [
                    task(
                        "Write a short invitation with the peer workers",
                        "Callum Reid",
                        D(2026, 5, 26),
                    ),
                ],
                "data_collection": "Session form asks whether the person was invited by a peer.",
                "scale": "4 peer workers, 4 weeks, about 60 invitations",
                "start": D(2026, 6, 1),
                "end": D(2026, 6, 28),
            },
            "do": {
                "date": D(2026, 6, 28),
                "as_planned": True,
                "observations": (
                    "71 invitations sent by four peer workers; 19 people came to a session."
                ),
            },
            "study": {
                "date": D(2026, 7, 1),
                "results": (
                    "First-time testers rose from a median of about 22% to about 35% of people "
                    "tested."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "People come when someone they know asks them and offers to come along."
                ),
            },
            "act": {
                "date": D(2026, 7, 3),
                "decision": "adopt",
                "changes": "Every peer worker sends invitations each week; add it to their role.",
            },
        },
        "shared-staffing-rota": {
            "title": "Share session staffing with clinic health advisers",
            "measures": ["volunteer-hours"],
            "plan": {
                "date": D(2026, 10, 12),
                "objective": (
                    "Find out whether a health adviser from the clinic can staff one session a "
                    "week, to take pressure off volunteers."
                ),
                "questions": ["Does a clinic health adviser change who comes forward to test?"],
                "predictions": [
                    predict(
                        "Volunteer hours fall below 30 a week", "volunteer-hours", "decrease", 30
                    ),
                ],
                "tasks": [
                    task(
                        "Agree a pilot with the clinic's health adviser team",
                        "Dr Helen Marsh",
                        D(2026, 10, 20),
                        SHC,
                    ),
                ],
                "data_collection": "Volunteer rota; tally sheet.",
                "scale": "2 sessions, 2 health advisers",
                "start": D(2026, 10, 23),
                "end": D(2026, 10, 30),
            },
        },
    },
)

SELF_TEST_KITS = ProjectSpec(
    slug="self-test-kits",
    fields={
        "title": "Postal HIV self-test kits",
        "aim": (
            "By 30 September 2026, 60 people a fortnight from Northbridge's African and "
            "Caribbean communities will order a free postal HIV self-test kit, and at least 70% "
            "of them will report their result within 28 days."
        ),
        "theme": "testing",
        "lead_organisation": "Northbridge African Health Forum",
        "partners": [SHC, NTH],
        "team": [
            {
                "name": "Grace Adeyemi",
                "role": "Project lead",
                "organisation": "Northbridge African Health Forum",
            },
            {
                "name": "Kwame Asante",
                "role": "Community health champion",
                "organisation": "Northbridge African Health Forum",
            },
            {"name": "Faith Moyo", "role": "Health adviser", "organisation": SHC},
            {
                "name": "Daniel Osei",
                "role": "Data volunteer",
                "organisation": "Northbridge African Health Forum",
            },
        ],
        "change_ideas": [
            {
                "id": "online-ordering",
                "title": "A simple order form in English, French and Portuguese",
                "driver": "Ordering is easy",
            },
            {
                "id": "champion-distribution",
                "title": "Community champions hand out order cards at events, salons and barbers",
                "driver": "People know the kits exist",
            },
            {
                "id": "result-reminder",
                "title": "A text reminder to report the result a week after the kit arrives",
                "driver": "Results reach the clinic, so reactive results are followed up",
            },
        ],
        "status": "active",
        "progress_score": 3.0,
        "started": D(2025, 9, 15),
    },
    measures=[
        MeasureSpec(
            slug="kits-ordered",
            fields={
                "title": "Kits ordered",
                "type": "process",
                "unit": "kits",
                "improvement": "higher",
                "goal": 60,
                "definition": (
                    "Number of self-test kits ordered in the fortnight through the project's "
                    "order form, from the clinic's dispatch report."
                ),
            },
            series=Series(
                start=D(2025, 10, 6),
                count=26,
                every_days=14,
                level=28,
                noise=4,
                shifts=((8, 10), (10, 9)),
                bumps={6: -12},
                notes={6: "Christmas and New Year: few orders and no posting for a week"},
            ),
        ),
        MeasureSpec(
            slug="people-tested",
            fields={
                "title": "People tested",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 42,
                "key": PEOPLE_TESTED,
                "definition": (
                    "Number of people who reported a self-test result in the fortnight, by the "
                    "online form or to a health adviser."
                ),
            },
            series=Series(
                start=D(2025, 10, 6),
                count=26,
                every_days=14,
                level=15,
                noise=3,
                shifts=((8, 9), (12, 8), (16, 4)),
                bumps={6: -6},
            ),
        ),
        MeasureSpec(
            slug="results-reported",
            fields={
                "title": "Results reported within 28 days",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 70,
                "baseline": 12,
                "definition": (
                    "Percentage of kits dispatched in the fortnight four weeks earlier whose "
                    "result was reported within 28 days of dispatch."
                ),
            },
            series=Series(
                start=D(2025, 10, 6),
                count=26,
                every_days=14,
                level=52,
                noise=4,
                shifts=((12, 14), (16, 5)),
                high=100,
                notes={12: "Text reminders start"},
            ),
        ),
    ],
    cycles={
        "order-form-three-languages": {
            "title": "Order form in three languages",
            "change_idea": "online-ordering",
            "measures": ["kits-ordered"],
            "plan": {
                "date": D(2025, 10, 13),
                "objective": (
                    "Find out whether an order form in French and Portuguese increases orders."
                ),
                "questions": ["How many orders come through the French and Portuguese forms?"],
                "predictions": [
                    predict("Orders rise to 35 a fortnight", "kits-ordered", "increase", 35),
                    "Some people will order a kit for a partner as well",
                ],
                "tasks": [
                    task(
                        "Translate the form with two volunteers", "Grace Adeyemi", D(2025, 10, 17)
                    ),
                ],
                "data_collection": "Dispatch report by form language, fortnightly.",
                "scale": "Online only, 4 weeks",
                "start": D(2025, 10, 20),
                "end": D(2025, 11, 14),
            },
            "do": {
                "date": D(2025, 11, 14),
                "as_planned": True,
                "observations": (
                    "The forms went live on time. 4 orders came through the French or Portuguese "
                    "forms."
                ),
            },
            "study": {
                "date": D(2025, 11, 19),
                "results": "Orders stayed at 24 to 30 a fortnight, no change from before.",
                "prediction_matched": "no",
                "learning": (
                    "Language was not the barrier: people told Kwame they did not know free kits "
                    "existed. Being seen in the community matters more than the form."
                ),
            },
            "act": {
                "date": D(2025, 11, 21),
                "decision": "abandon",
                "changes": (
                    "Keep the translated forms up but put no more effort into them; test order "
                    "cards handed out by champions."
                ),
            },
        },
        "champion-order-cards": {
            "title": "Order cards handed out by community champions",
            "change_idea": "champion-distribution",
            "measures": ["kits-ordered", "people-tested"],
            "plan": {
                "date": D(2025, 12, 1),
                "objective": (
                    "Find out whether cards handed out in person by champions increase orders."
                ),
                "questions": [
                    "Which places (salons, barbers, churches, sports) lead to the most orders?",
                ],
                "predictions": [
                    predict("Orders reach 45 a fortnight", "kits-ordered", "increase", 45),
                    "Barbers will be the best place, because people wait there for a while",
                ],
                "tasks": [
                    task(
                        "Print 500 cards with a short code for each place",
                        "Daniel Osei",
                        D(2026, 1, 5),
                    ),
                    task(
                        "Brief the six champions",
                        "Kwame Asante",
                        D(2026, 1, 9),
                        "Northbridge African Health Forum",
                    ),
                ],
                "data_collection": (
                    "Order form asks for the card code, so orders can be traced to a place."
                ),
                "scale": scale("6 champions, 8 places, 6 weeks, about 300 cards", 300, 8, 42),
                "start": D(2026, 1, 12),
                "end": D(2026, 2, 20),
            },
            "do": {
                "date": D(2026, 2, 20),
                "as_planned": True,
                "observations": (
                    "Champions gave out 340 cards at three salons, two barbers, a church social "
                    "and a football tournament. 71 orders used a card code."
                ),
                "unplanned": "Salon owners asked to keep cards on the counter permanently.",
            },
            "study": {
                "date": D(2026, 2, 25),
                "results": (
                    "Orders rose from about 25 a fortnight to 32 and then 44; salons gave the "
                    "most orders."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "Salons beat barbers: women ordered for themselves and for family members."
                ),
            },
            "act": {
                "date": D(2026, 2, 27),
                "decision": "adopt",
                "changes": (
                    "Champions carry cards all the time; cards stay on salon counters; reorder "
                    "cards."
                ),
            },
        },
        "result-text-reminder": {
            "title": "Text reminder to report the result",
            "change_idea": "result-reminder",
            "measures": ["results-reported", "people-tested"],
            "plan": {
                "date": D(2026, 3, 16),
                "objective": (
                    "Find out whether a reminder a week after delivery makes people report their "
                    "result."
                ),
                "questions": ["Do people report more, and do they have questions when they do?"],
                "predictions": [
                    predict(
                        "Results reported within 28 days rise to 65%",
                        "results-reported",
                        "increase",
                        65,
                    ),
                    "A few people will reply to the text with questions about reading the test",
                ],
                "tasks": [
                    task(
                        "Write the reminder text with the health advisers",
                        "Faith Moyo",
                        D(2026, 3, 19),
                        SHC,
                    ),
                ],
                "data_collection": "Dispatch and result reports, fortnightly.",
                "scale": "All kits ordered for 6 weeks, about 250 people",
                "start": D(2026, 3, 23),
                "end": D(2026, 4, 30),
            },
            "do": {
                "date": D(2026, 4, 30),
                "as_planned": True,
                "observations": "Reminders went to everyone who ordered a kit in the six weeks.",
                "unplanned": (
                    "Nine people replied asking how to read a faint line. A health adviser called "
                    "each of them back the same day."
                ),
            },
            "study": {
                "date": D(2026, 5, 6),
                "results": "Results reported rose from a median of 52% to 63-72%.",
                "prediction_matched": "yes",
                "learning": (
                    "The reminder works, and it shows that people are unsure how to read the test."
                ),
            },
            "act": {
                "date": D(2026, 5, 8),
                "decision": "adapt",
                "changes": "Add a picture guide to reading the test to the reminder.",
                "next": "result-reminder-picture-guide",
            },
        },
        "result-reminder-picture-guide": {
            "title": "Reminder with a picture guide to reading the test",
            "change_idea": "result-reminder",
            "follows": "result-text-reminder",
            "measures": ["results-reported"],
            "plan": {
                "date": D(2026, 5, 11),
                "objective": (
                    "Find out whether a picture guide cuts the questions and lifts reporting "
                    "further."
                ),
                "questions": ["Do fewer people call to ask how to read the test?"],
                "predictions": [
                    predict("Results reported reach 70%", "results-reported", "increase", 70),
                ],
                "tasks": [
                    task(
                        "Draw the guide with the clinic's illustrator", "Faith Moyo", D(2026, 5, 15)
                    ),
                ],
                "data_collection": (
                    "Result reports; health advisers log calls about reading the test."
                ),
                "scale": "All kits ordered for 6 weeks, about 280 people",
                "start": D(2026, 5, 18),
                "end": D(2026, 6, 26),
            },
            "do": {
                "date": D(2026, 6, 26),
                "as_planned": True,
                "observations": "Two calls about reading the test in six weeks, down from nine.",
            },
            "study": {
                "date": D(2026, 7, 1),
                "results": (
                    "Results reported were 64-77% in the fortnights of the test, much as with "
                    "the reminder alone; calls about reading the test fell from nine to two."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "The guide saves health advisers' time and people's worry, even if it does "
                    "not lift reporting further."
                ),
            },
            "act": {
                "date": D(2026, 7, 3),
                "decision": "adopt",
                "changes": "The reminder with the picture guide is now standard for every kit.",
            },
        },
        "kits-at-pharmacies": {
            "title": "Kits to collect at two community pharmacies",
            "measures": ["kits-ordered"],
            "plan": {
                "date": D(2026, 8, 24),
                "objective": (
                    "Find out whether people who do not want a kit posted home will collect one."
                ),
                "questions": ["Who chooses collection over post, and why?"],
                "tasks": [
                    task("Agree the pilot with two pharmacists", "Grace Adeyemi", D(2026, 8, 28)),
                ],
                "data_collection": "Pharmacists log each kit handed over; order form asks why.",
                "scale": "2 pharmacies, 4 weeks",
                "start": D(2026, 9, 1),
                "end": D(2026, 9, 25),
            },
            "do": {
                "date": D(2026, 9, 25),
                "as_planned": True,
                "observations": (
                    "23 kits collected. Several people said they share a letterbox with family."
                ),
            },
            "study": {
                "date": D(2026, 10, 2),
                "results": "23 collections in four weeks, about 6 a week, on top of postal orders.",
                "prediction_matched": "partly",
                "learning": (
                    "We wrote no prediction, so we cannot say whether this is good. Collection "
                    "matters to people who cannot receive post privately."
                ),
            },
        },
    },
)

ED_OPT_OUT = ProjectSpec(
    slug="ed-opt-out-testing",
    fields={
        "title": "Opt-out HIV testing in the emergency department",
        "aim": (
            "By 31 October 2026, 80% of adults who have blood taken in the Northbridge Royal "
            "Infirmary emergency department (fictional) will also be tested for HIV, up from 35% "
            "in March 2026, without adding to the time people spend in the department."
        ),
        "theme": "testing",
        "lead_organisation": "Positive Futures Northbridge",
        "partners": [NRI_ED, NTH, PATHOLOGY],
        "team": [
            {
                "name": "Rachel Lindqvist",
                "role": "Project lead",
                "organisation": "Positive Futures Northbridge",
            },
            {
                "name": "Dr Samuel Boateng",
                "role": "Emergency medicine consultant",
                "organisation": NRI_ED,
            },
            {"name": "Chloe Barker", "role": "Nurse educator", "organisation": NRI_ED},
            {
                "name": "Imran Siddiqui",
                "role": "Peer support worker",
                "organisation": "Positive Futures Northbridge",
            },
            {"name": "Dr Li Wei", "role": "Virology lead", "organisation": PATHOLOGY},
        ],
        "change_ideas": [
            {
                "id": "default-order-set",
                "title": "Add the HIV test to the default emergency department blood order set",
                "driver": "Testing happens unless the person declines",
            },
            {
                "id": "opt-out-posters",
                "title": "Posters and leaflets in waiting areas explaining opt-out testing",
                "driver": "People know they will be tested and can say no",
            },
            {
                "id": "nurse-script",
                "title": "A short script for nurses when people ask about the HIV test",
                "driver": "Staff feel confident talking about HIV",
            },
        ],
        "status": "active",
        "progress_score": 4.0,
        "started": D(2025, 12, 1),
    },
    measures=[
        MeasureSpec(
            slug="testing-coverage",
            fields={
                "title": "Testing coverage",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 80,
                "definition": (
                    "Percentage of attendances by adults aged 16 and over who had blood taken in "
                    "the department in the week, where an HIV test was also done. From the "
                    "pathology system, matched to department attendances."
                ),
                "phases": [
                    {
                        "start": D(2026, 5, 11),
                        "reason": (
                            "The HIV test joined the default blood order set for the whole "
                            "department (cycle order-set-whole-department). The old process no "
                            "longer applies, so limits are recalculated from here."
                        ),
                    }
                ],
            },
            series=Series(
                start=D(2026, 3, 16),
                count=30,
                level=35,
                noise=3,
                shifts=((3, 10), (8, 32), (16, 5)),
                decimals=1,
                high=100,
                notes={
                    3: "Default test on night shifts in majors starts",
                    16: "Urgent treatment centre joins",
                },
            ),
        ),
        MeasureSpec(
            slug="people-tested",
            fields={
                "title": "People tested",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 900,
                "key": PEOPLE_TESTED,
                "definition": (
                    "Number of people tested for HIV in the department in the week, from the "
                    "pathology system."
                ),
            },
            series=Series(
                start=D(2026, 3, 16),
                count=30,
                level=400,
                noise=20,
                shifts=((3, 110), (8, 350), (16, 90)),
            ),
        ),
        MeasureSpec(
            slug="ed-length-of-stay",
            fields={
                "title": "Time in the department",
                "type": "balancing",
                "unit": "hours",
                "improvement": "lower",
                "definition": (
                    "Median time from arrival to leaving the department, in hours, for adults "
                    "who had blood taken, per week."
                ),
            },
            series=Series(
                start=D(2026, 3, 16),
                count=30,
                level=4.6,
                noise=0.2,
                decimals=1,
                notes={22: "Two days of ambulance diversion from a neighbouring hospital"},
            ),
        ),
    ],
    cycles={
        "order-set-majors-nights": {
            "title": "Default HIV test in the order set: majors, night shifts",
            "change_idea": "default-order-set",
            "measures": ["testing-coverage", "ed-length-of-stay"],
            "plan": {
                "date": D(2026, 3, 23),
                "objective": (
                    "Find out whether adding the test to the default order set on night shifts "
                    "raises coverage."
                ),
                "questions": [
                    "How many people decline when the test is part of the usual bloods?",
                    "Does it slow anything down?",
                ],
                "predictions": [
                    predict(
                        "Coverage in the department rises to 45%",
                        "testing-coverage",
                        "increase",
                        45,
                    ),
                    "Time in the department will not change",
                ],
                "tasks": [
                    task(
                        "Change the order set for majors on nights",
                        "Dr Li Wei",
                        D(2026, 4, 2),
                        PATHOLOGY,
                    ),
                    task(
                        "Brief night-shift nurses at handover",
                        "Chloe Barker",
                        D(2026, 4, 3),
                        "Majors",
                    ),
                ],
                "data_collection": (
                    "Weekly pathology extract matched to attendances; decline count from nurses."
                ),
                "scale": scale("Majors, night shifts, 3 weeks, about 250 patients", 250, 1, 21),
                "start": D(2026, 4, 6),
                "end": D(2026, 4, 26),
            },
            "do": {
                "date": D(2026, 4, 26),
                "as_planned": True,
                "observations": (
                    "262 people on night shifts had the test with their bloods; 6 declined."
                ),
                "unplanned": "Day-shift doctors asked why the test appeared only at night.",
            },
            "study": {
                "date": D(2026, 4, 29),
                "results": (
                    "Coverage rose from 35% to about 45%; time in the department did not change."
                ),
                "prediction_matched": "yes",
                "learning": "Hardly anyone declines. The order set is the change that matters.",
            },
            "act": {
                "date": D(2026, 4, 30),
                "decision": "adapt",
                "changes": (
                    "Extend to the whole department at all hours; add a line about the test to "
                    "the discharge letter."
                ),
                "next": "order-set-whole-department",
            },
        },
        "order-set-whole-department": {
            "title": "Default HIV test in the order set: whole department",
            "change_idea": "default-order-set",
            "follows": "order-set-majors-nights",
            "measures": ["testing-coverage", "ed-length-of-stay"],
            "plan": {
                "date": D(2026, 5, 1),
                "objective": (
                    "Find out whether coverage holds when every area and shift uses the new order "
                    "set."
                ),
                "questions": ["Do minors and resus use the order set as often as majors?"],
                "predictions": [
                    predict("Coverage rises to 75%", "testing-coverage", "increase", 75),
                    predict(
                        "Time in the department stays under 5 hours",
                        "ed-length-of-stay",
                        "decrease",
                        5,
                    ),
                ],
                "tasks": [
                    task(
                        "Change the order set for every area", "Dr Li Wei", D(2026, 5, 8), PATHOLOGY
                    ),
                    task(
                        "Five-minute briefing at every handover for a week",
                        "Chloe Barker",
                        D(2026, 5, 8),
                    ),
                ],
                "data_collection": "Weekly pathology extract by area.",
                "scale": scale(
                    "Whole department, all shifts, 4 weeks, about 3,400 patients", 3400, 3, 28
                ),
                "start": D(2026, 5, 11),
                "end": D(2026, 6, 7),
            },
            "do": {
                "date": D(2026, 6, 7),
                "as_planned": True,
                "observations": (
                    "Coverage reached 74-81% across the areas. 41 people declined in four weeks."
                ),
            },
            "study": {
                "date": D(2026, 6, 10),
                "results": (
                    "Coverage rose to about 76% on average; time in the department did not rise "
                    "(4.2 to 4.5 hours)."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "Opt-out works at scale with no cost in time. Reactive results need a clear "
                    "owner."
                ),
            },
            "act": {
                "date": D(2026, 6, 12),
                "decision": "adopt",
                "changes": "Keep the order set; extend to the urgent treatment centre next door.",
                "next": "order-set-urgent-treatment-centre",
            },
        },
        "order-set-urgent-treatment-centre": {
            "title": "Default HIV test at the urgent treatment centre",
            "change_idea": "default-order-set",
            "follows": "order-set-whole-department",
            "measures": ["testing-coverage", "people-tested"],
            "plan": {
                "date": D(2026, 6, 15),
                "objective": (
                    "Find out whether the urgent treatment centre, with a younger population, "
                    "gets the same coverage."
                ),
                "questions": ["Do younger people decline more often?"],
                "predictions": [
                    predict(
                        "Coverage across both sites reaches 80%", "testing-coverage", "increase", 80
                    ),
                ],
                "tasks": [
                    task("Change the centre's order set", "Dr Li Wei", D(2026, 7, 1), PATHOLOGY),
                ],
                "data_collection": "Weekly pathology extract, by site and age band.",
                "scale": scale(
                    "Department and urgent treatment centre, 6 weeks, about 5,000 patients",
                    5000,
                    4,
                    42,
                ),
                "start": D(2026, 7, 6),
                "end": D(2026, 8, 16),
            },
            "do": {
                "date": D(2026, 8, 16),
                "as_planned": True,
                "observations": (
                    "The centre tested 71% of people having bloods; people under 25 declined more "
                    "often."
                ),
            },
            "study": {
                "date": D(2026, 8, 21),
                "results": "Coverage across both sites was 79-86%.",
                "prediction_matched": "yes",
                "learning": (
                    "The change spreads well. Younger people want to know why they are being "
                    "tested."
                ),
            },
        },
        "opt-out-posters": {
            "title": "Opt-out posters in the waiting areas",
            "change_idea": "opt-out-posters",
            "measures": ["testing-coverage"],
            "plan": {
                "date": D(2026, 4, 13),
                "objective": (
                    "Find out whether posters explaining opt-out testing change how many people "
                    "decline."
                ),
                "questions": ["Do people mention the posters when they ask about the test?"],
                "tasks": [
                    task(
                        "Design and print posters with the peer support team",
                        "Imran Siddiqui",
                        D(2026, 4, 17),
                    ),
                ],
                "data_collection": (
                    "Nurses note declines and whether the person mentioned a poster."
                ),
                "scale": "Both waiting areas, 3 weeks",
                "start": D(2026, 4, 20),
                "end": D(2026, 5, 8),
            },
            "do": {
                "date": D(2026, 5, 8),
                "as_planned": False,
                "observations": (
                    "The posters went up a week late. No one mentioned them when asking about the "
                    "test."
                ),
                "problems": (
                    "The printer delivered late; the minors waiting area has no free wall space."
                ),
            },
            "study": {
                "date": D(2026, 5, 18),
                "results": "Declines stayed at about 1 in 100, with or without the posters.",
                "prediction_matched": "no",
                "learning": (
                    "People rarely read waiting-room posters; a nurse saying it out loud matters "
                    "more."
                ),
            },
            "act": {
                "date": D(2026, 5, 20),
                "decision": "abandon",
                "changes": "Leave the posters up, but spend the effort on what nurses say instead.",
            },
        },
        "nurse-script-minors": {
            "title": "A short script for nurses in minors",
            "change_idea": "nurse-script",
            "measures": ["testing-coverage"],
            "plan": {
                "date": D(2026, 9, 14),
                "objective": (
                    "Find out whether a two-line script helps nurses answer younger people's "
                    "questions about the test."
                ),
                "questions": ["Do nurses use the script, and do fewer people under 25 decline?"],
                "predictions": [
                    "Declines among people under 25 halve",
                    predict("Coverage stays above 80%", "testing-coverage", "increase", 80),
                ],
                "tasks": [
                    task(
                        "Write the script with Imran and two young peer volunteers",
                        "Chloe Barker",
                        D(2026, 9, 18),
                    ),
                ],
                "data_collection": (
                    "Weekly pathology extract; nurses tick a box when they used the script."
                ),
                "scale": "Minors, day shifts, 5 weeks",
                "start": D(2026, 9, 21),
                "end": D(2026, 10, 23),
            },
            "do": {
                "date": D(2026, 10, 9),
                "as_planned": True,
                "observations": (
                    "Halfway: nurses used the script about 40 times; two asked for a card to keep "
                    "in a pocket."
                ),
            },
        },
    },
)

FAITH_TESTING = ProjectSpec(
    slug="faith-setting-testing",
    fields={
        "title": "HIV testing at faith settings",
        "aim": (
            "By 31 March 2026, offer HIV testing at 8 churches and mosques in east Northbridge "
            "and test 150 people at faith-based events."
        ),
        "theme": "testing",
        "lead_organisation": "Northbridge Faith and Health Network",
        "partners": [EASTGATE, SHC],
        "team": [
            {
                "name": "Revd Ruth Abara",
                "role": "Faith lead",
                "organisation": "Northbridge Faith and Health Network",
            },
            {
                "name": "Bilal Hussain",
                "role": "Outreach worker",
                "organisation": "Northbridge Faith and Health Network",
            },
            {"name": "Agnes Kamara", "role": "Nurse volunteer", "organisation": EASTGATE},
        ],
        "change_ideas": [
            {
                "id": "faith-leader-endorsement",
                "title": "Faith leaders speak about testing at services and Friday prayers",
                "driver": "Testing is seen as caring for the community",
            },
            {
                "id": "health-day-testing",
                "title": (
                    "HIV testing as part of a wider health day (blood pressure, diabetes and HIV)"
                ),
                "driver": "No one is singled out by coming forward",
            },
        ],
        "status": "paused",
        "progress_score": 2.5,
        "started": D(2025, 9, 8),
    },
    measures=[
        MeasureSpec(
            slug="people-tested",
            fields={
                "title": "People tested",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 20,
                "key": PEOPLE_TESTED,
                "definition": (
                    "Number of people tested for HIV at faith-setting events in the fortnight, "
                    "from the nurse's log."
                ),
            },
            series=Series(
                start=D(2025, 9, 15),
                count=16,
                every_days=14,
                level=7,
                noise=2.5,
                bumps={4: 11, 11: 6},
                notes={
                    4: "Health day at St Columba's Church (fictional)",
                    11: "Health day at the Eastgate mosque (fictional)",
                },
            ),
        ),
        MeasureSpec(
            slug="events-held",
            fields={
                "title": "Events with testing",
                "type": "process",
                "unit": "events",
                "improvement": "higher",
                "goal": 2,
                "definition": (
                    "Number of events at faith settings where HIV testing was offered, in the "
                    "fortnight."
                ),
            },
            series=Series(
                start=D(2025, 9, 15),
                count=16,
                every_days=14,
                level=1,
                noise=0.6,
                bumps={4: 1, 11: 1},
            ),
        ),
    ],
    cycles={
        "pulpit-endorsement": {
            "title": "Faith leaders speak about testing",
            "change_idea": "faith-leader-endorsement",
            "measures": ["people-tested"],
            "plan": {
                "date": D(2025, 9, 22),
                "objective": (
                    "Find out whether a faith leader's words bring people to a testing table "
                    "after worship."
                ),
                "questions": ["How many people come to the table after the service?"],
                "predictions": [
                    predict(
                        "At least 15 people test in the fortnight", "people-tested", "increase", 15
                    ),
                ],
                "tasks": [
                    task(
                        "Agree words with two pastors and an imam",
                        "Revd Ruth Abara",
                        D(2025, 10, 1),
                    ),
                    task(
                        "Set up a testing table after worship",
                        "Agnes Kamara",
                        D(2025, 10, 5),
                        "St Columba's Church (fictional)",
                    ),
                ],
                "data_collection": "Nurse's log of tests per event.",
                "scale": "2 churches and a mosque, 3 weeks",
                "start": D(2025, 10, 5),
                "end": D(2025, 10, 26),
            },
            "do": {
                "date": D(2025, 10, 26),
                "as_planned": True,
                "observations": (
                    "The leaders spoke warmly; 11 people tested over three weeks, most of them "
                    "young men."
                ),
                "unplanned": "Several older women said they would not be seen at an HIV table.",
            },
            "study": {
                "date": D(2025, 10, 29),
                "results": "11 tests, below the 15 predicted.",
                "prediction_matched": "no",
                "learning": (
                    "A table labelled HIV singles people out. Testing needs to sit among other "
                    "health checks."
                ),
            },
            "act": {
                "date": D(2025, 10, 31),
                "decision": "adapt",
                "changes": (
                    "Offer HIV tests within a health day with blood pressure and diabetes checks."
                ),
                "next": "health-day-testing",
            },
        },
        "health-day-testing": {
            "title": "A health day with HIV testing at one church",
            "change_idea": "health-day-testing",
            "follows": "pulpit-endorsement",
            "measures": ["people-tested", "events-held"],
            "plan": {
                "date": D(2025, 11, 3),
                "objective": (
                    "Find out whether people test for HIV more readily when it is one of several "
                    "checks."
                ),
                "questions": [
                    "What share of people having a blood pressure check also test for HIV?"
                ],
                "predictions": ["At least half of people having any check will also test for HIV"],
                "tasks": [
                    task(
                        "Borrow blood pressure and glucose kits from the health centre",
                        "Agnes Kamara",
                        D(2025, 11, 18),
                        EASTGATE,
                    ),
                ],
                "data_collection": "Nurse's log: checks done and HIV tests done.",
                "scale": "1 church, 1 Saturday",
                "start": D(2025, 11, 22),
                "end": D(2025, 11, 22),
            },
            "do": {
                "date": D(2025, 11, 22),
                "as_planned": True,
                "observations": "31 people had a check; 16 of them tested for HIV.",
            },
            "study": {
                "date": D(2025, 11, 26),
                "results": "16 of 31 (52%) tested for HIV.",
                "prediction_matched": "yes",
                "learning": (
                    "Among other checks, an HIV test is unremarkable. People brought family "
                    "members."
                ),
            },
            "act": {
                "date": D(2025, 11, 28),
                "decision": "adopt",
                "changes": "Plan health days at four settings in the new year.",
                "next": "health-days-four-settings",
            },
        },
        "health-days-four-settings": {
            "title": "Health days at four faith settings",
            "change_idea": "health-day-testing",
            "follows": "health-day-testing",
            "measures": ["people-tested", "events-held"],
            "plan": {
                "date": D(2026, 1, 19),
                "objective": (
                    "Find out whether health days work as well at mosques and smaller churches."
                ),
                "questions": ["Does the share testing hold at different settings?"],
                "predictions": [
                    predict(
                        "People tested reach 20 in fortnights with a health day",
                        "people-tested",
                        "increase",
                        20,
                    ),
                ],
                "tasks": [
                    task("Book four dates with the settings", "Bilal Hussain", D(2026, 1, 30)),
                ],
                "data_collection": "Nurse's log per event.",
                "scale": "4 settings, 4 Saturdays over 8 weeks",
                "start": D(2026, 2, 7),
                "end": D(2026, 3, 28),
            },
            "do": {
                "date": D(2026, 3, 28),
                "as_planned": False,
                "observations": (
                    "Two of the four health days went ahead, at the Eastgate mosque and one church."
                ),
                "problems": (
                    "Our coordinator left in February and the volunteer nurse was unwell. The "
                    "project is paused until a new coordinator starts."
                ),
            },
        },
    },
)

# --------------------------------------------------------------------------------------
# Theme: treatment and care
# --------------------------------------------------------------------------------------


def _viral_load_measure(cohort: str, series: Series, goal: float) -> MeasureSpec:
    """The shared ``undetectable-viral-load`` measure, for the project's own cohort."""
    return MeasureSpec(
        slug="undetectable-viral-load",
        fields={
            "title": "Undetectable viral load",
            "type": "outcome",
            "unit": "%",
            "improvement": "higher",
            "goal": goal,
            "key": VIRAL_LOAD,
            "definition": (
                "Percentage of the project's cohort whose most recent viral load in the last 12 "
                f"months is below 200 copies/ml, at the end of the period. Cohort: {cohort}."
            ),
        },
        series=series,
    )


RE_ENGAGEMENT = ProjectSpec(
    slug="re-engagement-calls",
    fields={
        "title": "Re-engaging people lost to follow-up",
        "aim": (
            "By 31 October 2026, bring back into care 60 of the 180 people who have not attended "
            "HIV care for more than 12 months at the two partner clinics, and raise the share of "
            "them with an undetectable viral load from 40% to 60%."
        ),
        "theme": "treatment-and-care",
        "lead_organisation": "Hope Street HIV Support",
        "partners": [SHC, WESTFIELD],
        "team": [
            {
                "name": "Siobhan Keane",
                "role": "Project lead",
                "organisation": "Hope Street HIV Support",
            },
            {
                "name": "Marcus Bell",
                "role": "Peer worker",
                "organisation": "Hope Street HIV Support",
            },
            {"name": "Dr Anjali Rao", "role": "HIV consultant", "organisation": WESTFIELD},
            {"name": "Ewa Kowalczyk", "role": "Clinic administrator", "organisation": SHC},
        ],
        "change_ideas": [
            {
                "id": "peer-phone-calls",
                "title": "Peer workers call people who have not attended for 12 months",
                "driver": "Contact from someone with lived experience",
            },
            {
                "id": "flexible-appointments",
                "title": "Walk-in and evening appointments for people coming back",
                "driver": "Coming back is easy",
            },
            {
                "id": "letter-from-peer",
                "title": (
                    "A letter from a peer worker, not the clinic, for people we cannot reach by "
                    "phone"
                ),
                "driver": "Contact from someone with lived experience",
            },
        ],
        "status": "active",
        "progress_score": 3.5,
        "started": D(2025, 10, 1),
    },
    measures=[
        MeasureSpec(
            slug="people-re-engaged",
            fields={
                "title": "People re-engaged in care",
                "type": "outcome",
                "unit": "people",
                "improvement": "higher",
                "goal": 5,
                "definition": (
                    "Number of people from the lost-to-follow-up list who attended an HIV "
                    "appointment in the fortnight, from the two clinics' attendance lists."
                ),
            },
            series=Series(
                start=D(2025, 11, 3),
                count=26,
                every_days=14,
                level=1.5,
                noise=1,
                shifts=((5, 1.5), (9, 2.5), (17, 1.5)),
            ),
        ),
        _viral_load_measure(
            "the 180 people on the lost-to-follow-up list in October 2025",
            Series(
                start=D(2025, 11, 3),
                count=26,
                every_days=14,
                level=40,
                noise=1.5,
                shifts=((9, 4), (13, 4), (18, 5)),
                decimals=1,
                high=100,
            ),
            goal=60,
        ),
        MeasureSpec(
            slug="peer-worker-hours",
            fields={
                "title": "Peer worker hours on re-engagement",
                "type": "balancing",
                "unit": "hours",
                "improvement": "lower",
                "definition": (
                    "Hours peer workers spent on calls, letters and meeting people at clinic, per "
                    "fortnight."
                ),
            },
            series=Series(
                start=D(2025, 11, 3), count=26, every_days=14, level=10, noise=2, shifts=((9, 10),)
            ),
        ),
    ],
    cycles={
        "calls-ten-people": {
            "title": "Peer worker calls ten people",
            "change_idea": "peer-phone-calls",
            "measures": ["people-re-engaged"],
            "plan": {
                "date": D(2025, 11, 10),
                "objective": (
                    "Find out whether a call from a peer worker brings people back to care."
                ),
                "questions": [
                    "How many of the ten can we reach?",
                    "What stopped them coming?",
                ],
                "predictions": [
                    "At least 3 of the 10 will agree to an appointment",
                    predict(
                        "Re-engaged people reach 3 a fortnight", "people-re-engaged", "increase", 3
                    ),
                ],
                "tasks": [
                    task(
                        (
                            "Choose ten people with the consultant and check contact details are "
                            "current"
                        ),
                        "Dr Anjali Rao",
                        D(2025, 11, 14),
                        WESTFIELD,
                    ),
                    task("Agree a short call guide", "Marcus Bell", D(2025, 11, 14)),
                ],
                "data_collection": (
                    "Call log: reached, agreed, attended; reasons in the person's own words."
                ),
                "scale": scale("1 peer worker, 10 people, 3 weeks", 10, 1, 21),
                "start": D(2025, 11, 17),
                "end": D(2025, 12, 5),
            },
            "do": {
                "date": D(2025, 12, 5),
                "as_planned": True,
                "observations": (
                    "Reached 6 of 10; three numbers were no longer in use. 4 agreed to come back "
                    "and 2 attended."
                ),
                "unplanned": (
                    "Two people said they stopped coming after a bad experience at reception."
                ),
            },
            "study": {
                "date": D(2025, 12, 10),
                "results": "4 of 10 agreed (predicted 3); 2 attended.",
                "prediction_matched": "partly",
                "learning": (
                    "People will talk to a peer. Fixed appointment times were the barrier for the "
                    "two who did not come."
                ),
            },
            "act": {
                "date": D(2025, 12, 12),
                "decision": "adapt",
                "changes": "Offer walk-in slots, with the peer worker there to meet people.",
                "next": "calls-with-walk-in",
            },
        },
        "calls-with-walk-in": {
            "title": "Peer calls with a walk-in slot",
            "change_idea": "flexible-appointments",
            "follows": "calls-ten-people",
            "measures": ["people-re-engaged", "peer-worker-hours"],
            "plan": {
                "date": D(2026, 1, 5),
                "objective": (
                    "Find out whether a walk-in slot with a peer worker turns agreement into "
                    "attendance."
                ),
                "questions": ["What share of those who agree actually attend?"],
                "predictions": [
                    predict(
                        "Re-engaged people reach 3 a fortnight", "people-re-engaged", "increase", 3
                    ),
                    "At least two thirds of those who agree will attend",
                ],
                "tasks": [
                    task(
                        "Set up a Thursday evening walk-in slot",
                        "Ewa Kowalczyk",
                        D(2026, 1, 9),
                        SHC,
                    ),
                ],
                "data_collection": "Call log and attendance list.",
                "scale": scale("1 peer worker, 40 people, 5 weeks, one clinic", 40, 1, 35),
                "start": D(2026, 1, 12),
                "end": D(2026, 2, 13),
            },
            "do": {
                "date": D(2026, 2, 13),
                "as_planned": True,
                "observations": (
                    "Reached 26 of 40; 15 agreed and 10 attended, most on Thursday evenings."
                ),
            },
            "study": {
                "date": D(2026, 2, 18),
                "results": "10 of 15 who agreed attended (two thirds); 3 a fortnight on average.",
                "prediction_matched": "yes",
                "learning": "Having the peer worker there at the walk-in makes the difference.",
            },
            "act": {
                "date": D(2026, 2, 20),
                "decision": "adopt",
                "changes": "Extend to both clinics with a second peer worker.",
                "next": "calls-both-clinics",
            },
        },
        "calls-both-clinics": {
            "title": "Peer calls and walk-in slots at both clinics",
            "change_idea": "flexible-appointments",
            "follows": "calls-with-walk-in",
            "measures": ["people-re-engaged", "peer-worker-hours"],
            "plan": {
                "date": D(2026, 2, 23),
                "objective": (
                    "Find out whether the approach works at Westfield, and what it costs in peer "
                    "worker time."
                ),
                "questions": ["Is Westfield's list harder to reach?"],
                "predictions": [
                    predict(
                        "Re-engaged people reach 5 a fortnight", "people-re-engaged", "increase", 5
                    ),
                    "Peer worker hours will double",
                ],
                "tasks": [
                    task("Train a second peer worker", "Marcus Bell", D(2026, 2, 27)),
                    task(
                        "Set up a walk-in slot at Westfield",
                        "Dr Anjali Rao",
                        D(2026, 2, 27),
                        WESTFIELD,
                    ),
                ],
                "data_collection": "Call log, attendance lists, peer worker timesheets.",
                "scale": scale("2 peer workers, 120 people, both clinics, 13 weeks", 120, 2, 91),
                "start": D(2026, 3, 2),
                "end": D(2026, 5, 29),
            },
            "do": {
                "date": D(2026, 5, 29),
                "as_planned": True,
                "observations": (
                    "Reached 70 of 120. About a third of the numbers on the Westfield list no "
                    "longer worked."
                ),
            },
            "study": {
                "date": D(2026, 6, 5),
                "results": (
                    "About 5 people re-engaged a fortnight; peer worker hours doubled, as expected."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "We cannot reach people whose numbers have changed; they need another route."
                ),
            },
            "act": {
                "date": D(2026, 6, 10),
                "decision": "adapt",
                "changes": "Send a letter from a peer worker to people we cannot reach by phone.",
                "next": "peer-letter-first",
            },
        },
        "peer-letter-first": {
            "title": "A letter from a peer worker for people we cannot call",
            "change_idea": "letter-from-peer",
            "follows": "calls-both-clinics",
            "measures": ["people-re-engaged", "undetectable-viral-load"],
            "plan": {
                "date": D(2026, 6, 15),
                "objective": (
                    "Find out whether a personal letter from a peer reaches people whose numbers "
                    "have changed."
                ),
                "questions": ["How many people respond to a letter?"],
                "predictions": [
                    predict(
                        "Re-engaged people reach 7 a fortnight", "people-re-engaged", "increase", 7
                    ),
                    predict(
                        "Undetectable viral load in the cohort reaches 50%",
                        "undetectable-viral-load",
                        "increase",
                        50,
                    ),
                ],
                "tasks": [
                    task(
                        "Write the letter with three people who came back to care",
                        "Siobhan Keane",
                        D(2026, 6, 26),
                    ),
                ],
                "data_collection": "Letters sent, replies, attendance lists.",
                "scale": scale("2 peer workers, 180 people, both clinics, 13 weeks", 180, 2, 91),
                "start": D(2026, 7, 1),
                "end": D(2026, 9, 30),
            },
            "do": {
                "date": D(2026, 9, 30),
                "as_planned": True,
                "observations": (
                    "62 letters sent; 17 people got in touch, some by turning up at the walk-in "
                    "with the letter."
                ),
            },
            "study": {
                "date": D(2026, 10, 7),
                "results": (
                    "Re-engagement rose to 5 to 8 a fortnight; undetectable viral load in the "
                    "cohort reached 53%."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "A letter in a peer's own words is read. People kept it and brought it with "
                    "them."
                ),
            },
        },
        "text-before-call": {
            "title": "A text before the call",
            "change_idea": "peer-phone-calls",
            "measures": ["people-re-engaged"],
            "plan": {
                "date": D(2026, 10, 12),
                "objective": (
                    "Find out whether a text saying who will call, and why, makes people more "
                    "likely to answer."
                ),
                "questions": ["Do more people answer an unknown number after a text?"],
                "predictions": ["Half of people texted will answer the call, against a third now"],
                "tasks": [
                    task("Agree wording that does not mention HIV", "Marcus Bell", D(2026, 10, 16)),
                ],
                "data_collection": "Call log: texted or not, answered or not.",
                "scale": "2 peer workers, 30 people, 2 weeks",
                "start": D(2026, 10, 19),
                "end": D(2026, 10, 30),
            },
        },
    },
)

PEER_NAVIGATORS = ProjectSpec(
    slug="peer-navigators",
    fields={
        "title": "Peer navigators at diagnosis",
        "aim": (
            "By 30 September 2026, 90% of people newly diagnosed with HIV at the partner clinics "
            "will meet a peer navigator within 14 days of diagnosis, up from 45% in late 2025."
        ),
        "theme": "treatment-and-care",
        "lead_organisation": "Northbridge Peer Support Collective",
        "partners": [SHC, ST_ALDHELMS],
        "team": [
            {
                "name": "Tendai Mutasa",
                "role": "Peer navigator lead",
                "organisation": "Northbridge Peer Support Collective",
            },
            {
                "name": "Olu Bankole",
                "role": "Peer navigator",
                "organisation": "Northbridge Peer Support Collective",
            },
            {"name": "Joanna Price", "role": "Health adviser", "organisation": SHC},
            {
                "name": "Dr Kathryn Hale",
                "role": "Consultant in HIV medicine",
                "organisation": ST_ALDHELMS,
            },
        ],
        "change_ideas": [
            {
                "id": "same-day-introduction",
                "title": (
                    "The health adviser introduces a peer navigator on the day of diagnosis, with "
                    "consent"
                ),
                "driver": "Support from the first day",
            },
            {
                "id": "navigator-rota",
                "title": "A rota so that a navigator is always available",
                "driver": "Support from the first day",
            },
            {
                "id": "welcome-pack",
                "title": "A welcome pack written by people living with HIV",
                "driver": "People understand their diagnosis and treatment",
            },
        ],
        "status": "active",
        "progress_score": 4.0,
        "started": D(2025, 9, 15),
    },
    measures=[
        MeasureSpec(
            slug="seen-within-14-days",
            fields={
                "title": "Met a peer navigator within 14 days",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 90,
                "definition": (
                    "Percentage of people newly diagnosed in the fortnight ending 14 days "
                    "earlier who met a peer navigator (in person or by video) within 14 days of "
                    "diagnosis, from the navigators' log."
                ),
            },
            series=Series(
                start=D(2025, 10, 13),
                count=27,
                every_days=14,
                level=45,
                noise=6,
                shifts=((2, 10), (8, 25), (14, 8)),
                high=100,
            ),
        ),
        MeasureSpec(
            slug="retained-at-3-months",
            fields={
                "title": "In care 3 months after diagnosis",
                "type": "outcome",
                "unit": "%",
                "improvement": "higher",
                "goal": 95,
                "definition": (
                    "Percentage of people diagnosed in the fortnight three months earlier who "
                    "have attended at least one HIV appointment since diagnosis and have a "
                    "prescription for treatment."
                ),
            },
            series=Series(
                start=D(2025, 10, 13),
                count=27,
                every_days=14,
                level=84,
                noise=3,
                shifts=((10, 4), (16, 5)),
                high=100,
            ),
        ),
        _viral_load_measure(
            "people diagnosed at the partner clinics in the last 12 months",
            Series(
                start=D(2025, 10, 13),
                count=27,
                every_days=14,
                level=76,
                noise=2.5,
                drift=0.35,
                decimals=1,
                high=100,
            ),
            goal=95,
        ),
        MeasureSpec(
            slug="navigator-caseload",
            fields={
                "title": "Caseload per peer navigator",
                "type": "balancing",
                "unit": "people",
                "improvement": "lower",
                "goal": 15,
                "definition": (
                    "People actively supported per navigator (whole-time equivalent) at the end "
                    "of the fortnight."
                ),
            },
            series=Series(
                start=D(2025, 10, 13),
                count=27,
                every_days=14,
                level=11,
                noise=0.8,
                drift=0.4,
                notes={11: "Caseload above the agreed 15 for the first time"},
            ),
        ),
    ],
    cycles={
        "same-day-introduction": {
            "title": "Introduce a navigator on the day of diagnosis",
            "change_idea": "same-day-introduction",
            "measures": ["seen-within-14-days"],
            "plan": {
                "date": D(2025, 11, 3),
                "objective": (
                    "Find out whether a same-day introduction gets people to meet a navigator "
                    "within 14 days."
                ),
                "questions": [
                    "How many people agree to meet a navigator on the day they are diagnosed?"
                ],
                "predictions": [
                    predict(
                        "70% meet a navigator within 14 days", "seen-within-14-days", "increase", 70
                    ),
                ],
                "tasks": [
                    task(
                        "Agree how health advisers ask for consent to introduce a navigator",
                        "Joanna Price",
                        D(2025, 11, 7),
                        SHC,
                    ),
                ],
                "data_collection": "Navigators' log: date of diagnosis, date first met.",
                "scale": scale("1 clinic, weekday clinics, 6 weeks, about 8 people", 8, 1, 42),
                "start": D(2025, 11, 10),
                "end": D(2025, 12, 19),
            },
            "do": {
                "date": D(2025, 12, 19),
                "as_planned": False,
                "observations": (
                    "9 people were diagnosed; 8 agreed to an introduction. 3 were introduced by "
                    "phone."
                ),
                "problems": "A navigator could only be on site two days a week.",
            },
            "study": {
                "date": D(2026, 1, 7),
                "results": (
                    "About 55% met a navigator within 14 days, up from 45% but short of 70%."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "Almost everyone wants to meet a navigator; the gap is our availability, not "
                    "their wish."
                ),
            },
            "act": {
                "date": D(2026, 1, 9),
                "decision": "adapt",
                "changes": "Set up a rota of three navigators to cover every weekday.",
                "next": "navigator-rota",
            },
        },
        "navigator-rota": {
            "title": "A navigator rota covering every weekday",
            "change_idea": "navigator-rota",
            "follows": "same-day-introduction",
            "measures": ["seen-within-14-days", "navigator-caseload"],
            "plan": {
                "date": D(2026, 1, 12),
                "objective": (
                    "Find out whether a rota lets every newly diagnosed person meet a navigator "
                    "on the day."
                ),
                "questions": ["Does the rota hold when someone is off sick?"],
                "predictions": [
                    predict(
                        "80% meet a navigator within 14 days", "seen-within-14-days", "increase", 80
                    ),
                ],
                "tasks": [
                    task(
                        "Draw up the rota with the three navigators",
                        "Tendai Mutasa",
                        D(2026, 1, 21),
                    ),
                ],
                "data_collection": "Navigators' log; rota gaps.",
                "scale": scale("1 clinic, every weekday, 8 weeks, about 14 people", 14, 1, 56),
                "start": D(2026, 1, 26),
                "end": D(2026, 3, 20),
            },
            "do": {
                "date": D(2026, 3, 20),
                "as_planned": True,
                "observations": (
                    "15 people diagnosed; 14 met a navigator on the day or within a week."
                ),
            },
            "study": {
                "date": D(2026, 3, 25),
                "results": "About 80% within 14 days across the period.",
                "prediction_matched": "yes",
                "learning": (
                    "The rota works. The person who did not meet a navigator wanted to wait, "
                    "which is their choice."
                ),
            },
            "act": {
                "date": D(2026, 3, 27),
                "decision": "adopt",
                "changes": "Keep the rota; extend it to St Aldhelm's.",
                "next": "rota-second-clinic",
            },
        },
        "rota-second-clinic": {
            "title": "Extend the navigator rota to St Aldhelm's",
            "change_idea": "navigator-rota",
            "follows": "navigator-rota",
            "measures": ["seen-within-14-days", "navigator-caseload"],
            "plan": {
                "date": D(2026, 4, 6),
                "objective": (
                    "Find out whether the rota works across two clinics with the same three "
                    "navigators."
                ),
                "questions": ["Can three navigators cover two sites?"],
                "predictions": [
                    predict(
                        "85% meet a navigator within 14 days", "seen-within-14-days", "increase", 85
                    ),
                    "Caseloads will rise, but stay under 18",
                ],
                "tasks": [
                    task(
                        "Agree a room and a referral route at St Aldhelm's",
                        "Dr Kathryn Hale",
                        D(2026, 4, 15),
                        ST_ALDHELMS,
                    ),
                ],
                "data_collection": "Navigators' log by clinic; caseloads.",
                "scale": scale("2 clinics, every weekday, 10 weeks, about 24 people", 24, 2, 70),
                "start": D(2026, 4, 20),
                "end": D(2026, 6, 26),
            },
            "do": {
                "date": D(2026, 6, 26),
                "as_planned": True,
                "observations": (
                    "26 people diagnosed across both clinics; 23 met a navigator within 14 days."
                ),
            },
            "study": {
                "date": D(2026, 7, 1),
                "results": "85-88% within 14 days. Caseloads rose to 18-19.",
                "prediction_matched": "partly",
                "learning": "Two sites work, but caseloads rise faster than we expected.",
            },
            "act": {
                "date": D(2026, 7, 3),
                "decision": "adopt",
                "changes": "Keep the rota at both clinics; look at caseloads.",
            },
        },
        "welcome-pack": {
            "title": "A welcome pack written by people living with HIV",
            "change_idea": "welcome-pack",
            "measures": ["retained-at-3-months"],
            "plan": {
                "date": D(2026, 2, 2),
                "objective": (
                    "Find out whether a welcome pack helps people stay in care after diagnosis."
                ),
                "questions": ["Which parts of the pack do people find most useful?"],
                "predictions": [
                    "People will say the pack answered questions they did not want to ask in clinic"
                ],
                "tasks": [
                    task(
                        "Write the pack with five people diagnosed in the last two years",
                        "Olu Bankole",
                        D(2026, 2, 12),
                    ),
                ],
                "data_collection": (
                    "Short feedback card at the one-month appointment; retention at 3 months."
                ),
                "scale": "Both clinics, everyone diagnosed for 8 weeks",
                "start": D(2026, 2, 16),
                "end": D(2026, 4, 10),
            },
            "do": {
                "date": D(2026, 4, 10),
                "as_planned": True,
                "observations": "19 packs given; 12 feedback cards returned.",
            },
            "study": {
                "date": D(2026, 4, 15),
                "results": (
                    "11 of 12 said the pack answered questions they had not asked; the page on "
                    "telling a partner was the most used."
                ),
                "prediction_matched": "yes",
                "learning": "Words from people with the same experience are trusted.",
            },
            "act": {
                "date": D(2026, 4, 17),
                "decision": "adopt",
                "changes": "Give the pack to everyone newly diagnosed.",
            },
        },
        "navigator-supervision": {
            "title": "Group supervision and a caseload cap",
            "measures": ["navigator-caseload"],
            "plan": {
                "date": D(2026, 8, 3),
                "objective": (
                    "Find out whether monthly group supervision and a cap of 15 people keep "
                    "caseloads safe."
                ),
                "questions": [
                    "Can navigators hand people on to the wider peer support group after "
                    "three months?"
                ],
                "predictions": [
                    predict("Caseloads fall back to 15", "navigator-caseload", "decrease", 15),
                ],
                "tasks": [
                    task(
                        "Arrange supervision with a clinical psychologist",
                        "Tendai Mutasa",
                        D(2026, 8, 7),
                    ),
                ],
                "data_collection": "Caseloads at the end of each fortnight.",
                "scale": "3 navigators, 6 weeks",
                "start": D(2026, 8, 10),
                "end": D(2026, 9, 18),
            },
            "do": {
                "date": D(2026, 9, 18),
                "as_planned": True,
                "observations": (
                    "Two supervision sessions held; 9 people handed on to the peer support group."
                ),
            },
            "study": {
                "date": D(2026, 9, 25),
                "results": "Caseloads stayed at 19 to 20 and did not fall.",
                "prediction_matched": "no",
                "learning": (
                    "Supervision helps navigators feel supported, but handing people on does not "
                    "keep up with new diagnoses. We need a fourth navigator."
                ),
            },
        },
        "welcome-pack-languages": {
            "title": "The welcome pack in four more languages",
            "change_idea": "welcome-pack",
            "measures": ["retained-at-3-months"],
            "plan": {
                "date": D(2026, 8, 24),
                "objective": (
                    "Find out whether translated packs are used as much as the English one."
                ),
                "questions": ["Do people who read the translated packs return feedback cards?"],
                "predictions": [
                    predict(
                        "Retention at 3 months reaches 95%", "retained-at-3-months", "increase", 95
                    ),
                ],
                "tasks": [
                    task("Translate the pack with peer volunteers", "Olu Bankole", D(2026, 9, 4)),
                ],
                "data_collection": "Feedback cards by language; retention at 3 months.",
                "scale": "Both clinics, 8 weeks",
                "start": D(2026, 9, 7),
                "end": D(2026, 10, 30),
            },
            "do": {
                "date": D(2026, 10, 9),
                "as_planned": True,
                "observations": (
                    "Packs in Portuguese, French, Polish and Arabic are in use; 5 given so far."
                ),
            },
        },
    },
)

APPOINTMENT_REMINDERS = ProjectSpec(
    slug="appointment-reminders",
    fields={
        "title": "Appointment reminders for HIV clinic visits",
        "aim": (
            "Reduce missed HIV appointments at Westfield HIV Outpatient Clinic (fictional) from "
            "18% to 10% by 31 October 2026."
        ),
        "theme": "treatment-and-care",
        "lead_organisation": "Westfield Positive Living Centre",
        "partners": [WESTFIELD],
        "team": [
            {
                "name": "Nadia Haddad",
                "role": "Project lead",
                "organisation": "Westfield Positive Living Centre",
            },
            {
                "name": "Stefan Popescu",
                "role": "Peer volunteer",
                "organisation": "Westfield Positive Living Centre",
            },
            {"name": "Lorraine Achebe", "role": "Nurse manager", "organisation": WESTFIELD},
            {"name": "Ben Ashworth", "role": "Data analyst", "organisation": NTH},
        ],
        "change_ideas": [
            {
                "id": "text-reminders",
                "title": "A text reminder the day before",
                "driver": "People remember their appointment",
            },
            {
                "id": "reminders-in-own-language",
                "title": "Reminders in the person's own language",
                "driver": "People remember their appointment",
            },
            {
                "id": "rebook-line",
                "title": "A same-day rebooking line answered by a peer volunteer",
                "driver": "Missing one appointment does not mean dropping out",
            },
        ],
        "status": "active",
        "progress_score": 3.5,
        "started": D(2025, 10, 20),
    },
    measures=[
        MeasureSpec(
            slug="missed-appointments",
            fields={
                "title": "Missed appointments",
                "type": "outcome",
                "unit": "%",
                "improvement": "lower",
                "goal": 10,
                "definition": (
                    "Percentage of booked HIV clinic appointments in the week that the person "
                    "did not attend and did not cancel beforehand, from the clinic system."
                ),
            },
            series=Series(
                start=D(2026, 2, 16),
                count=30,
                level=18,
                noise=1.2,
                shifts=((5, -0.5), (10, -4.5), (17, -3.5)),
                decimals=1,
                notes={
                    5: "Text reminders start at the Tuesday clinic",
                    10: "Text reminders for every clinic day",
                    17: "Reminders in the person's own language",
                },
            ),
        ),
        MeasureSpec(
            slug="reminders-sent",
            fields={
                "title": "Appointments with a reminder sent",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 95,
                "definition": (
                    "Percentage of the week's booked appointments for which a reminder was sent "
                    "the day before."
                ),
            },
            series=Series(
                start=D(2026, 2, 16),
                count=30,
                level=0,
                noise=0.8,
                shifts=((5, 18), (10, 62), (17, 12)),
                high=100,
            ),
        ),
        _viral_load_measure(
            "everyone on HIV treatment at Westfield HIV Outpatient Clinic (fictional)",
            Series(start=D(2026, 2, 16), count=30, level=89, noise=1.2, decimals=1, high=100),
            goal=95,
        ),
    ],
    cycles={
        "text-reminder-tuesday-clinic": {
            "title": "Text reminders for the Tuesday clinic",
            "change_idea": "text-reminders",
            "measures": ["missed-appointments", "reminders-sent"],
            "plan": {
                "date": D(2026, 3, 16),
                "objective": "Find out whether a text the day before reduces missed appointments.",
                "questions": ["How many texts fail because numbers are out of date?"],
                "predictions": [
                    predict(
                        "Missed appointments at the Tuesday clinic fall to 12%",
                        "missed-appointments",
                        "decrease",
                        12,
                    ),
                ],
                "tasks": [
                    task("Draft the text with two peer volunteers", "Nadia Haddad", D(2026, 3, 19)),
                    task(
                        "Set up the clinic system to send texts",
                        "Ben Ashworth",
                        D(2026, 3, 20),
                        WESTFIELD,
                    ),
                ],
                "data_collection": (
                    "Clinic system: appointments, attendance, texts sent and failed."
                ),
                "scale": scale("Tuesday clinic, 3 weeks, about 60 people", 60, 1, 21),
                "start": D(2026, 3, 24),
                "end": D(2026, 4, 14),
            },
            "do": {
                "date": D(2026, 4, 14),
                "as_planned": True,
                "observations": "58 texts sent; 5 failed. Two people replied asking to rebook.",
            },
            "study": {
                "date": D(2026, 4, 17),
                "results": "7 of 58 texted people missed (12%), against 18% before.",
                "prediction_matched": "yes",
                "learning": "Texts help; replies need someone to answer them the same day.",
            },
            "act": {
                "date": D(2026, 4, 21),
                "decision": "adopt",
                "changes": "Send texts for every clinic day.",
                "next": "text-reminders-all-clinics",
            },
        },
        "text-reminders-all-clinics": {
            "title": "Text reminders for every clinic day",
            "change_idea": "text-reminders",
            "follows": "text-reminder-tuesday-clinic",
            "measures": ["missed-appointments", "reminders-sent"],
            "plan": {
                "date": D(2026, 4, 22),
                "objective": "Find out whether the Tuesday result holds across the whole clinic.",
                "questions": ["Does the effect differ between groups of patients?"],
                "predictions": [
                    predict(
                        "Missed appointments fall to 12%", "missed-appointments", "decrease", 12
                    ),
                    "The effect will be the same for everyone",
                ],
                "tasks": [
                    task(
                        "Switch on texts for all clinic templates",
                        "Ben Ashworth",
                        D(2026, 4, 24),
                        WESTFIELD,
                    ),
                ],
                "data_collection": "Clinic system, weekly, by preferred language.",
                "scale": scale("All clinic days, 5 weeks, about 450 people", 450, 1, 35),
                "start": D(2026, 4, 27),
                "end": D(2026, 5, 29),
            },
            "do": {
                "date": D(2026, 5, 29),
                "as_planned": True,
                "observations": (
                    "Texts went out for about 80% of appointments; the rest had no mobile number."
                ),
            },
            "study": {
                "date": D(2026, 6, 3),
                "results": (
                    "Missed appointments fell to about 13% overall, but people whose first "
                    "language is not English missed as often as before."
                ),
                "prediction_matched": "partly",
                "learning": "A text in English does not help people who do not read English well.",
            },
            "act": {
                "date": D(2026, 6, 5),
                "decision": "adapt",
                "changes": "Send reminders in Polish, Romanian, Portuguese and Somali.",
                "next": "reminders-four-languages",
            },
        },
        "reminders-four-languages": {
            "title": "Reminders in four more languages",
            "change_idea": "reminders-in-own-language",
            "follows": "text-reminders-all-clinics",
            "measures": ["missed-appointments"],
            "plan": {
                "date": D(2026, 6, 8),
                "objective": (
                    "Find out whether reminders in the person's own language close the gap."
                ),
                "questions": [
                    "Do people who prefer another language now attend as often as others?"
                ],
                "predictions": [
                    predict(
                        "Missed appointments fall to 10%", "missed-appointments", "decrease", 10
                    ),
                ],
                "tasks": [
                    task(
                        "Translate and check the texts with peer volunteers",
                        "Stefan Popescu",
                        D(2026, 6, 12),
                    ),
                ],
                "data_collection": "Clinic system, weekly, by preferred language.",
                "scale": scale(
                    "All clinic days, 7 weeks, about 650 people, 4 languages", 650, 1, 49
                ),
                "start": D(2026, 6, 15),
                "end": D(2026, 7, 31),
            },
            "do": {
                "date": D(2026, 7, 31),
                "as_planned": True,
                "observations": (
                    "Reminders went out in five languages. Preferred language was missing for 40 "
                    "people."
                ),
            },
            "study": {
                "date": D(2026, 8, 12),
                "results": (
                    "Missed appointments fell to about 10%; the gap between language groups closed."
                ),
                "prediction_matched": "yes",
                "learning": "Recording preferred language is now part of every appointment.",
            },
            "act": {
                "date": D(2026, 8, 14),
                "decision": "adopt",
                "changes": (
                    "Reminders in the person's own language are standard; reception asks for "
                    "preferred language."
                ),
            },
        },
        "voice-reminders": {
            "title": "Recorded voice reminders",
            "change_idea": "reminders-in-own-language",
            "measures": ["missed-appointments"],
            "plan": {
                "date": D(2026, 5, 4),
                "objective": (
                    "Find out whether a recorded voice reminder helps people who do not read texts."
                ),
                "questions": ["Do people listen to the whole message?"],
                "predictions": [
                    "Missed appointments among people who do not read texts will halve"
                ],
                "tasks": [
                    task("Record messages with peer volunteers", "Stefan Popescu", D(2026, 5, 8)),
                ],
                "data_collection": "Supplier report of messages delivered; clinic attendance.",
                "scale": "About 30 people who asked for voice reminders, 4 weeks",
                "start": D(2026, 5, 11),
                "end": D(2026, 6, 5),
            },
            "do": {
                "date": D(2026, 5, 22),
                "as_planned": False,
                "observations": "14 voice messages were sent in the first ten days.",
                "problems": (
                    "The supplier paused the voice service after a fault. The test cannot finish "
                    "until it is back."
                ),
            },
        },
        "peer-rebook-line": {
            "title": "A same-day rebooking line answered by a peer volunteer",
            "change_idea": "rebook-line",
            "measures": ["missed-appointments"],
            "plan": {
                "date": D(2026, 9, 21),
                "objective": (
                    "Find out whether people who cannot come will rebook the same day if a peer "
                    "answers."
                ),
                "questions": ["How many calls does the line get, and when?"],
                "predictions": [
                    predict("Missed appointments fall to 9%", "missed-appointments", "decrease", 9),
                    "Most calls will come before 10 in the morning",
                ],
                "tasks": [
                    task(
                        "Set up a mobile for the line and a rota of three volunteers",
                        "Nadia Haddad",
                        D(2026, 10, 1),
                    ),
                    task(
                        "Agree how volunteers book into the clinic system",
                        "Lorraine Achebe",
                        D(2026, 10, 1),
                        WESTFIELD,
                    ),
                ],
                "data_collection": "Call log; clinic system.",
                "scale": "Weekday mornings, 4 weeks",
                "start": D(2026, 10, 5),
                "end": D(2026, 10, 30),
            },
        },
    },
)

PHARMACY_COLLECTION = ProjectSpec(
    slug="pharmacy-collection",
    fields={
        "title": "Collecting HIV medication at community pharmacies",
        "aim": (
            "By 31 August 2026, 300 people (about 23%) on HIV treatment at St Aldhelm's Hospital "
            "HIV Service (fictional) will collect their medication from a community pharmacy of "
            "their choice, and the share with a gap of more than 7 days in treatment will fall "
            "from 8% to under 5%."
        ),
        "theme": "treatment-and-care",
        "lead_organisation": "Canal Side Health Action",
        "partners": [ST_ALDHELMS, NTH],
        "team": [
            {
                "name": "Femi Oladipo",
                "role": "Project lead",
                "organisation": "Canal Side Health Action",
            },
            {"name": "Gwen Pritchard", "role": "HIV pharmacist", "organisation": ST_ALDHELMS},
            {
                "name": "Arjun Mehta",
                "role": "Community pharmacist",
                "organisation": "Canal Street Pharmacy (fictional)",
            },
            {
                "name": "Hannah Doyle",
                "role": "Peer volunteer",
                "organisation": "Canal Side Health Action",
            },
        ],
        "change_ideas": [
            {
                "id": "pharmacy-pilot",
                "title": "Collection at a partner community pharmacy",
                "driver": "Medication close to home",
            },
            {
                "id": "discreet-bags",
                "title": "Plain, unbranded bags and a private collection point",
                "driver": "Privacy at the counter",
            },
            {
                "id": "pharmacy-choice",
                "title": "People choose from a list of partner pharmacies",
                "driver": "Medication close to home",
            },
        ],
        "status": "completed",
        "progress_score": 4.5,
        "started": D(2025, 9, 1),
    },
    measures=[
        MeasureSpec(
            slug="pharmacy-collections",
            fields={
                "title": "Collecting at a community pharmacy",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 23,
                "definition": (
                    "Percentage of people on HIV treatment at the service who are registered to "
                    "collect at a community pharmacy at the end of the fortnight."
                ),
            },
            series=Series(
                start=D(2025, 9, 29),
                count=26,
                every_days=14,
                level=0,
                noise=0.5,
                shifts=((3, 1.4), (8, 4.6), (14, 9), (17, 8)),
                decimals=1,
            ),
        ),
        MeasureSpec(
            slug="treatment-gaps",
            fields={
                "title": "Gaps in treatment",
                "type": "outcome",
                "unit": "%",
                "improvement": "lower",
                "goal": 5,
                "definition": (
                    "Percentage of people on treatment whose prescription records show a gap of "
                    "more than 7 days without medication in the last 3 months."
                ),
            },
            series=Series(
                start=D(2025, 9, 29),
                count=26,
                every_days=14,
                level=8,
                noise=0.6,
                shifts=((8, -1), (14, -2.2)),
                decimals=1,
            ),
        ),
        MeasureSpec(
            slug="privacy-concerns",
            fields={
                "title": "Privacy concerns at pharmacies",
                "type": "balancing",
                "unit": "concerns",
                "improvement": "lower",
                "goal": 0,
                "definition": (
                    "Concerns about privacy raised by people collecting at pharmacies, to the "
                    "project or the clinic, per fortnight."
                ),
            },
            series=Series(
                start=D(2025, 9, 29),
                count=26,
                every_days=14,
                values=PRIVACY_CONCERNS,
                notes={
                    5: (
                        "Two concerns in one fortnight at the pilot pharmacy: the bag carried "
                        "the hospital's name"
                    )
                },
            ),
        ),
        _viral_load_measure(
            "everyone on HIV treatment at St Aldhelm's Hospital HIV Service (fictional)",
            Series(
                start=D(2025, 9, 29),
                count=26,
                every_days=14,
                level=91,
                noise=0.8,
                decimals=1,
                high=100,
            ),
            goal=95,
        ),
    ],
    cycles={
        "one-pharmacy-pilot": {
            "title": "Collection at one pharmacy",
            "change_idea": "pharmacy-pilot",
            "measures": ["pharmacy-collections"],
            "plan": {
                "date": D(2025, 10, 6),
                "objective": (
                    "Find out whether people will collect HIV medication at a community pharmacy, "
                    "and what gets in the way."
                ),
                "questions": [
                    "How many of the people offered it take it up?",
                    "What do they worry about?",
                ],
                "predictions": [
                    "Half of the people offered it will take it up",
                    predict(
                        "1.5% of people on treatment collect at a pharmacy",
                        "pharmacy-collections",
                        "increase",
                        1.5,
                    ),
                ],
                "tasks": [
                    task(
                        "Agree stock and delivery with the pharmacy",
                        "Gwen Pritchard",
                        D(2025, 10, 24),
                        "Canal Street Pharmacy (fictional)",
                    ),
                    task(
                        "Offer the choice at routine appointments",
                        "Hannah Doyle",
                        D(2025, 10, 31),
                        ST_ALDHELMS,
                    ),
                ],
                "data_collection": (
                    "Registrations and collections; short call after the first collection."
                ),
                "scale": scale("1 pharmacy, 20 people, 6 weeks", 20, 1, 42),
                "start": D(2025, 11, 3),
                "end": D(2025, 12, 12),
            },
            "do": {
                "date": D(2025, 12, 12),
                "as_planned": True,
                "observations": (
                    "40 people offered, 19 took it up. Two raised concerns about privacy at the "
                    "counter."
                ),
            },
            "study": {
                "date": D(2025, 12, 17),
                "results": "19 of 40 (48%) took it up; collections ran smoothly.",
                "prediction_matched": "yes",
                "learning": (
                    "People value collecting close to home, but only if no one at the counter can "
                    "tell what it is."
                ),
            },
            "act": {
                "date": D(2025, 12, 19),
                "decision": "adapt",
                "changes": "Plain bags and a private collection point; add two more pharmacies.",
                "next": "plain-bags-three-pharmacies",
            },
        },
        "plain-bags-three-pharmacies": {
            "title": "Plain bags at three pharmacies",
            "change_idea": "discreet-bags",
            "follows": "one-pharmacy-pilot",
            "measures": ["pharmacy-collections", "treatment-gaps"],
            "plan": {
                "date": D(2026, 1, 5),
                "objective": (
                    "Find out whether plain bags and a private collection point remove the "
                    "privacy concerns."
                ),
                "questions": ["Do privacy concerns stop?"],
                "predictions": [
                    predict(
                        "6% of people on treatment collect at a pharmacy",
                        "pharmacy-collections",
                        "increase",
                        6,
                    ),
                    "No privacy concerns will be raised",
                ],
                "tasks": [
                    task("Order plain bags", "Gwen Pritchard", D(2026, 1, 12)),
                    task(
                        "Agree a private collection point at each pharmacy",
                        "Arjun Mehta",
                        D(2026, 1, 16),
                    ),
                ],
                "data_collection": "Registrations, collections, concerns raised.",
                "scale": scale("3 pharmacies, 80 people, 8 weeks", 80, 3, 56),
                "start": D(2026, 1, 19),
                "end": D(2026, 3, 13),
            },
            "do": {
                "date": D(2026, 3, 13),
                "as_planned": True,
                "observations": (
                    "82 people registered at three pharmacies. No privacy concerns were raised."
                ),
            },
            "study": {
                "date": D(2026, 3, 18),
                "results": (
                    "About 6% collect at a pharmacy; no concerns; treatment gaps fell a little."
                ),
                "prediction_matched": "yes",
                "learning": "Privacy is what makes people willing to use a local pharmacy.",
            },
            "act": {
                "date": D(2026, 3, 20),
                "decision": "adopt",
                "changes": "Let people choose from every partner pharmacy.",
                "next": "choose-your-pharmacy",
            },
        },
        "choose-your-pharmacy": {
            "title": "Choose your pharmacy",
            "change_idea": "pharmacy-choice",
            "follows": "plain-bags-three-pharmacies",
            "measures": ["pharmacy-collections", "treatment-gaps"],
            "plan": {
                "date": D(2026, 3, 30),
                "objective": (
                    "Find out whether offering a choice of twelve pharmacies reaches 300 people."
                ),
                "questions": ["Which pharmacies do people choose, and why?"],
                "predictions": [
                    predict(
                        "23% of people on treatment collect at a pharmacy",
                        "pharmacy-collections",
                        "increase",
                        23,
                    ),
                    predict("Treatment gaps fall below 5%", "treatment-gaps", "decrease", 5),
                ],
                "tasks": [
                    task("Sign up nine more pharmacies", "Femi Oladipo", D(2026, 4, 10)),
                ],
                "data_collection": "Registrations by pharmacy; prescription records for gaps.",
                "scale": scale("12 pharmacies, 300 people, 12 weeks", 300, 12, 84),
                "start": D(2026, 4, 13),
                "end": D(2026, 7, 3),
            },
            "do": {
                "date": D(2026, 7, 3),
                "as_planned": True,
                "observations": (
                    "306 people registered. Most chose a pharmacy near work, not near home."
                ),
            },
            "study": {
                "date": D(2026, 7, 15),
                "results": (
                    "23% collect at a pharmacy; treatment gaps fell to about 4.5% (3 to 6%)."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "Choice matters more than distance: near work suits people with busy lives."
                ),
            },
            "act": {
                "date": D(2026, 7, 17),
                "decision": "adopt",
                "changes": (
                    "Hand over to the HIV pharmacy team as the standard service; the project "
                    "closes."
                ),
            },
        },
        "home-delivery-option": {
            "title": "Home delivery for people who cannot reach a pharmacy",
            "measures": ["treatment-gaps"],
            "plan": {
                "date": D(2026, 5, 4),
                "objective": (
                    "Find out whether home delivery closes treatment gaps for people who are "
                    "housebound."
                ),
                "questions": ["Is delivery affordable at scale?"],
                "predictions": [
                    predict(
                        "Treatment gaps among people offered delivery fall to 3%",
                        "treatment-gaps",
                        "decrease",
                        3,
                    ),
                ],
                "tasks": [
                    task("Agree a delivery trial with a courier", "Femi Oladipo", D(2026, 5, 15)),
                ],
                "data_collection": "Deliveries, costs, prescription records.",
                "scale": "15 people, 6 weeks",
                "start": D(2026, 5, 18),
                "end": D(2026, 6, 26),
            },
            "do": {
                "date": D(2026, 6, 26),
                "as_planned": False,
                "observations": (
                    "11 people used delivery. Four deliveries were missed because no one was home."
                ),
                "problems": "The courier could not offer a time window.",
            },
            "study": {
                "date": D(2026, 7, 8),
                "results": (
                    "Gaps did not fall for this group; cost per delivery was four times the budget."
                ),
                "prediction_matched": "no",
                "learning": (
                    "Delivery without a time window does not work for people who are unwell."
                ),
            },
            "act": {
                "date": D(2026, 7, 10),
                "decision": "abandon",
                "changes": (
                    "Stop delivery; the HIV pharmacy team will arrange collection by a named "
                    "carer instead."
                ),
            },
        },
    },
)

# --------------------------------------------------------------------------------------
# Theme: stigma and quality of life
# --------------------------------------------------------------------------------------


def _felt_stigma_measure(survey: str, series: Series) -> MeasureSpec:
    """The shared ``felt-stigma`` measure, from the project's own survey."""
    return MeasureSpec(
        slug="felt-stigma",
        fields={
            "title": "Felt stigma in health and care settings",
            "type": "outcome",
            "unit": "%",
            "improvement": "lower",
            "goal": 15,
            "key": FELT_STIGMA,
            "definition": (
                "Percentage of people living with HIV answering the programme's two-question "
                "survey who say they felt judged or treated differently because of their HIV "
                f"status in a health or care setting in the past month. Survey: {survey}."
            ),
        },
        series=series,
    )


GP_TRAINING = ProjectSpec(
    slug="stigma-training-gp",
    fields={
        "title": "Stigma training for GP receptionists",
        "aim": (
            "By 31 October 2026, 250 receptionists and practice staff in 42 Northbridge GP "
            "practices will have completed HIV stigma training co-delivered by a trainer living "
            "with HIV, and the share of people living with HIV who felt judged in a health or "
            "care setting will fall from 30% to 15%."
        ),
        "theme": "stigma-and-quality-of-life",
        "lead_organisation": "Stigma Free Northbridge",
        "partners": [GP_FEDERATION, NORTH_PCN],
        "team": [
            {
                "name": "Marisol Vega",
                "role": "Project lead",
                "organisation": "Stigma Free Northbridge",
            },
            {
                "name": "Gareth Llewellyn",
                "role": "Trainer living with HIV",
                "organisation": "Stigma Free Northbridge",
            },
            {
                "name": "Dr Aisha Karim",
                "role": "GP and clinical lead",
                "organisation": GP_FEDERATION,
            },
            {
                "name": "Debbie Shaw",
                "role": "Practice manager",
                "organisation": "Harrow Lane Surgery (fictional)",
            },
        ],
        "change_ideas": [
            {
                "id": "co-delivered-training",
                "title": "Training co-delivered by a trainer living with HIV",
                "driver": "Staff meet someone living with HIV",
            },
            {
                "id": "short-huddle-session",
                "title": "A 30-minute version for practice team huddles",
                "driver": "Training fits into the working day",
            },
            {
                "id": "e-learning-module",
                "title": "An e-learning module instead of a session",
                "driver": "Training fits into the working day",
            },
            {
                "id": "reception-script",
                "title": (
                    "A short script for registering new patients without asking about HIV at the "
                    "desk"
                ),
                "driver": "Nobody has to say their status out loud",
            },
        ],
        "status": "active",
        "progress_score": 3.0,
        "started": D(2025, 10, 1),
    },
    measures=[
        MeasureSpec(
            slug="staff-trained",
            fields={
                "title": "Staff trained (cumulative)",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 250,
                "definition": (
                    "Total number of practice staff who have completed the training since the "
                    "project began, from sign-in sheets."
                ),
            },
            series=Series(
                start=D(2025, 11, 17),
                count=24,
                every_days=14,
                values=STAFF_TRAINED,
                notes={4: "First session, at Harrow Lane Surgery (fictional)"},
            ),
        ),
        _felt_stigma_measure(
            "people attending the two partner clinics, asked in the waiting room",
            Series(
                start=D(2025, 11, 17),
                count=24,
                every_days=14,
                level=30,
                noise=3,
                shifts=((13, -5), (17, -4)),
            ),
        ),
        MeasureSpec(
            slug="training-confidence",
            fields={
                "title": "Confidence after training",
                "type": "process",
                "unit": "score (1 to 5)",
                "improvement": "higher",
                "goal": 4.5,
                "definition": (
                    "Mean answer of staff trained in the fortnight to 'I feel confident "
                    "welcoming a patient living with HIV' (1 to 5). No point in a fortnight "
                    "without training."
                ),
            },
            series=Series(
                start=D(2025, 11, 17),
                count=24,
                every_days=14,
                level=4.1,
                noise=0.2,
                decimals=1,
                low=1,
                high=5,
                skip=frozenset({0, 1, 2, 3, 5, 10, 17}),
            ),
        ),
    ],
    cycles={
        "pilot-one-practice": {
            "title": "Pilot session at one practice",
            "change_idea": "co-delivered-training",
            "measures": ["staff-trained", "training-confidence"],
            "plan": {
                "date": D(2025, 12, 1),
                "objective": (
                    "Find out whether a 90-minute session co-delivered by a trainer living with "
                    "HIV changes how reception staff feel."
                ),
                "questions": [
                    "Do staff feel more confident afterwards?",
                    "Can a practice release its staff for 90 minutes?",
                ],
                "predictions": [
                    predict(
                        "Mean confidence after training is at least 4",
                        "training-confidence",
                        "increase",
                        4,
                    ),
                    "Releasing staff for 90 minutes will be hard",
                ],
                "tasks": [
                    task(
                        "Agree a date with the practice manager",
                        "Marisol Vega",
                        D(2025, 12, 12),
                        "Harrow Lane Surgery (fictional)",
                    ),
                    task("Prepare the session with Gareth", "Marisol Vega", D(2026, 1, 9)),
                ],
                "data_collection": "Sign-in sheet; two-question card before and after.",
                "scale": scale("1 practice, 8 staff, one session", 8, 1, 1),
                "start": D(2026, 1, 13),
                "end": D(2026, 1, 13),
            },
            "do": {
                "date": D(2026, 1, 13),
                "as_planned": True,
                "observations": (
                    "8 staff attended. Gareth's story was what people talked about afterwards."
                ),
                "problems": (
                    "The practice closed its phones for 90 minutes, which patients complained "
                    "about."
                ),
            },
            "study": {
                "date": D(2026, 1, 21),
                "results": "Confidence rose from 2.9 to 4.3 on average.",
                "prediction_matched": "yes",
                "learning": (
                    "Meeting someone living with HIV is what shifts attitudes; 90 minutes is too "
                    "long for most practices."
                ),
            },
            "act": {
                "date": D(2026, 1, 23),
                "decision": "adapt",
                "changes": (
                    "A 30-minute version for team huddles, keeping Gareth's story at its heart."
                ),
                "next": "huddle-sessions-four-practices",
            },
        },
        "huddle-sessions-four-practices": {
            "title": "Huddle sessions at four practices",
            "change_idea": "short-huddle-session",
            "follows": "pilot-one-practice",
            "measures": ["staff-trained", "training-confidence"],
            "plan": {
                "date": D(2026, 1, 26),
                "objective": (
                    "Find out whether a 30-minute huddle session keeps the effect of the full "
                    "session."
                ),
                "questions": ["Does confidence rise as much after 30 minutes as after 90?"],
                "predictions": [
                    predict(
                        "Mean confidence after training is at least 4",
                        "training-confidence",
                        "increase",
                        4,
                    ),
                    predict("Staff trained reach 34 (26 more)", "staff-trained", "increase", 34),
                ],
                "tasks": [
                    task("Cut the session down with Gareth", "Marisol Vega", D(2026, 2, 4)),
                    task("Book four huddles", "Dr Aisha Karim", D(2026, 2, 6), GP_FEDERATION),
                ],
                "data_collection": "Sign-in sheets; before and after cards.",
                "scale": scale("4 practices, 26 staff, 6 weeks", 26, 4, 42),
                "start": D(2026, 2, 9),
                "end": D(2026, 3, 20),
            },
            "do": {
                "date": D(2026, 3, 20),
                "as_planned": True,
                "observations": (
                    "26 staff trained at four huddles. No practice had to close its phones."
                ),
            },
            "study": {
                "date": D(2026, 3, 25),
                "results": "Confidence after training was 3.7 to 4.1, about 3.9; 34 staff trained.",
                "prediction_matched": "partly",
                "learning": "The short version works nearly as well and practices can fit it in.",
            },
            "act": {
                "date": D(2026, 3, 27),
                "decision": "adopt",
                "changes": "Offer huddle sessions to every practice in the north of the city.",
                "next": "huddle-sessions-pcn",
            },
        },
        "huddle-sessions-pcn": {
            "title": "Huddle sessions across a primary care network",
            "change_idea": "short-huddle-session",
            "follows": "huddle-sessions-four-practices",
            "measures": ["staff-trained", "felt-stigma"],
            "plan": {
                "date": D(2026, 4, 6),
                "objective": (
                    "Find out whether the huddle session can be run across a network, with a "
                    "second trainer."
                ),
                "questions": ["Do people living with HIV notice a difference at their practice?"],
                "predictions": [
                    predict("Felt stigma falls to 25%", "felt-stigma", "decrease", 25),
                    predict("Staff trained reach 100", "staff-trained", "increase", 100),
                ],
                "tasks": [
                    task(
                        "Train a second trainer living with HIV", "Gareth Llewellyn", D(2026, 4, 17)
                    ),
                ],
                "data_collection": "Sign-in sheets; waiting-room survey.",
                "scale": scale("12 practices, 70 staff, 10 weeks", 70, 12, 70),
                "start": D(2026, 4, 20),
                "end": D(2026, 6, 26),
            },
            "do": {
                "date": D(2026, 6, 26),
                "as_planned": True,
                "observations": "70 staff trained at 12 practices.",
                "unplanned": "Two practices asked for a session for their GPs and nurses too.",
            },
            "study": {
                "date": D(2026, 7, 8),
                "results": (
                    "Staff trained reached 104. Felt stigma fell from about 28% to 21-26% in four "
                    "of five fortnights."
                ),
                "prediction_matched": "yes",
                "learning": (
                    "Survey answers are starting to move, which we did not expect this soon."
                ),
            },
            "act": {
                "date": D(2026, 7, 10),
                "decision": "adopt",
                "changes": "Offer the session to every practice in the federation.",
                "next": "huddle-sessions-federation",
            },
        },
        "huddle-sessions-federation": {
            "title": "Huddle sessions across the federation",
            "change_idea": "short-huddle-session",
            "follows": "huddle-sessions-pcn",
            "measures": ["staff-trained", "felt-stigma"],
            "plan": {
                "date": D(2026, 7, 20),
                "objective": (
                    "Find out whether the session works in practices that did not ask for it."
                ),
                "questions": ["Do practices that were not keen take part?"],
                "predictions": [
                    predict("Staff trained reach 250", "staff-trained", "increase", 250),
                    predict("Felt stigma falls to 20%", "felt-stigma", "decrease", 20),
                ],
                "tasks": [
                    task(
                        "Book sessions through the federation's practice managers' meeting",
                        "Dr Aisha Karim",
                        D(2026, 8, 7),
                        GP_FEDERATION,
                    ),
                ],
                "data_collection": "Sign-in sheets; waiting-room survey.",
                "scale": scale("25 practices, 140 staff, 11 weeks", 140, 25, 75),
                "start": D(2026, 8, 17),
                "end": D(2026, 10, 30),
            },
            "do": {
                "date": D(2026, 10, 16),
                "as_planned": True,
                "observations": (
                    "So far about 95 staff trained at 17 practices; eight sessions are booked."
                ),
            },
        },
        "e-learning-module": {
            "title": "An e-learning module instead of a session",
            "change_idea": "e-learning-module",
            "measures": ["staff-trained"],
            "plan": {
                "date": D(2026, 6, 29),
                "objective": (
                    "Find out whether an e-learning module reaches staff who cannot attend a "
                    "huddle."
                ),
                "questions": ["Do staff complete it?"],
                "predictions": [
                    predict(
                        "Staff trained reach 124 (20 more, through the module)",
                        "staff-trained",
                        "increase",
                        124,
                    ),
                ],
                "tasks": [
                    task("Record Gareth's story for the module", "Marisol Vega", D(2026, 7, 10)),
                ],
                "data_collection": "Completion report from the learning platform.",
                "scale": "8 practices, 4 weeks",
                "start": D(2026, 7, 13),
                "end": D(2026, 8, 7),
            },
            "do": {
                "date": D(2026, 8, 7),
                "as_planned": True,
                "observations": "5 staff completed the module; most stopped after the first page.",
            },
            "study": {
                "date": D(2026, 8, 12),
                "results": "5 completions against 20 predicted.",
                "prediction_matched": "no",
                "learning": (
                    "Without meeting Gareth, the training does not land. Recorded stories are not "
                    "the same."
                ),
            },
            "act": {
                "date": D(2026, 8, 14),
                "decision": "abandon",
                "changes": "Drop the module; offer a second date for the huddle session instead.",
            },
        },
        "reception-script": {
            "title": "A registration script for reception",
            "change_idea": "reception-script",
            "measures": ["felt-stigma"],
            "plan": {
                "date": D(2026, 9, 28),
                "objective": (
                    "Find out whether a script for registering new patients avoids asking about "
                    "HIV at the desk."
                ),
                "questions": ["Do receptionists use it when the desk is busy?"],
                "predictions": ["Receptionists will use the script for most new registrations"],
                "tasks": [
                    task(
                        "Write the script with three people living with HIV",
                        "Gareth Llewellyn",
                        D(2026, 10, 9),
                    ),
                ],
                "data_collection": (
                    "Receptionists tick a card when they use the script; short survey of new "
                    "patients."
                ),
                "scale": "2 practices, 3 weeks",
                "start": D(2026, 10, 12),
                "end": D(2026, 10, 30),
            },
        },
    },
)

OLDER_PEER_SUPPORT = ProjectSpec(
    slug="older-peer-support",
    fields={
        "title": "Peer support groups for older people living with HIV",
        "aim": (
            "By 31 July 2026, run a fortnightly peer support group in Westfield for people aged 50 "
            "and over living with HIV, with at least 15 people at each session and their mean "
            "loneliness score falling from 7 to 5 on the three-item UCLA scale."
        ),
        "theme": "stigma-and-quality-of-life",
        "lead_organisation": "Northbridge Over-50s Positive Network",
        "partners": [WESTFIELD],
        "team": [
            {
                "name": "Bernard Okoye",
                "role": "Group facilitator",
                "organisation": "Northbridge Over-50s Positive Network",
            },
            {
                "name": "Margaret Flynn",
                "role": "Volunteer coordinator",
                "organisation": "Northbridge Over-50s Positive Network",
            },
            {
                "name": "Dr Ravi Pillai",
                "role": "Consultant in HIV and older adults",
                "organisation": WESTFIELD,
            },
        ],
        "change_ideas": [
            {
                "id": "daytime-sessions",
                "title": "Daytime sessions with lunch",
                "driver": "Sessions fit older people's lives",
            },
            {
                "id": "transport-help",
                "title": "Help with transport costs",
                "driver": "Sessions are easy to reach",
            },
            {
                "id": "topic-talks",
                "title": "Talks on ageing with HIV, on topics members choose",
                "driver": "Members shape the group",
            },
        ],
        "status": "active",
        "progress_score": 2.5,
        "started": D(2025, 9, 1),
    },
    measures=[
        MeasureSpec(
            slug="group-attendance",
            fields={
                "title": "Group attendance",
                "type": "process",
                "unit": "people",
                "improvement": "higher",
                "goal": 15,
                "definition": (
                    "Number of members at the fortnightly session, from the sign-in sheet."
                ),
            },
            series=Series(
                start=D(2025, 9, 9),
                count=16,
                every_days=14,
                level=7,
                noise=1.5,
                shifts=((2, 3), (9, 2)),
                bumps={8: -5},
                notes={8: "Between Christmas and New Year: many members were with family"},
            ),
        ),
        MeasureSpec(
            slug="loneliness-score",
            fields={
                "title": "Loneliness score",
                "type": "outcome",
                "unit": "score (3 to 9)",
                "improvement": "lower",
                "goal": 5,
                "definition": (
                    "Mean score of members present on the three-item UCLA loneliness scale "
                    "(3 = least lonely, 9 = most lonely), asked at each session."
                ),
            },
            series=Series(
                start=D(2025, 9, 9),
                count=16,
                every_days=14,
                level=7.1,
                noise=0.3,
                decimals=1,
                low=3,
                high=9,
            ),
        ),
        _felt_stigma_measure(
            "group members, asked at each session",
            Series(start=D(2025, 9, 9), count=16, every_days=14, level=34, noise=5),
        ),
    ],
    cycles={
        "lunchtime-sessions": {
            "title": "Move the group to lunchtime",
            "change_idea": "daytime-sessions",
            "measures": ["group-attendance"],
            "plan": {
                "date": D(2025, 9, 15),
                "objective": (
                    "Find out whether a lunchtime session with food brings more members than an "
                    "evening one."
                ),
                "questions": ["Who comes at lunchtime who did not come in the evening?"],
                "predictions": [
                    predict("Attendance reaches 10", "group-attendance", "increase", 10),
                ],
                "tasks": [
                    task(
                        "Book the community room for Tuesday lunchtimes",
                        "Margaret Flynn",
                        D(2025, 9, 26),
                        "Westfield Community Centre (fictional)",
                    ),
                ],
                "data_collection": "Sign-in sheet.",
                "scale": "1 group, 4 sessions over 6 weeks",
                "start": D(2025, 10, 7),
                "end": D(2025, 11, 18),
            },
            "do": {
                "date": D(2025, 11, 18),
                "as_planned": True,
                "observations": (
                    "Attendance was 9 to 12, against 4 and 10 in September. Three members "
                    "said they stopped going out after dark years ago."
                ),
            },
            "study": {
                "date": D(2025, 11, 25),
                "results": "Attendance rose from about 7 to about 11.",
                "prediction_matched": "yes",
                "learning": "Daylight and food matter. Cost of the bus came up again and again.",
            },
            "act": {
                "date": D(2025, 11, 28),
                "decision": "adopt",
                "changes": "Keep lunchtime sessions; look at transport.",
            },
        },
        "transport-vouchers": {
            "title": "Transport vouchers",
            "change_idea": "transport-help",
            "measures": ["group-attendance"],
            "plan": {
                "date": D(2025, 12, 1),
                "objective": (
                    "Find out whether paying bus and taxi fares brings members who live further "
                    "away."
                ),
                "questions": ["How many members use a voucher?"],
                "predictions": [
                    predict("Attendance reaches 15", "group-attendance", "increase", 15),
                ],
                "tasks": [
                    task(
                        "Agree a small transport budget with the funder",
                        "Bernard Okoye",
                        D(2025, 12, 19),
                    ),
                ],
                "data_collection": "Sign-in sheet; vouchers used.",
                "scale": "1 group, 5 sessions",
                "start": D(2026, 1, 13),
                "end": D(2026, 3, 10),
            },
            "do": {
                "date": D(2026, 3, 10),
                "as_planned": True,
                "observations": (
                    "Vouchers were used 31 times by 9 members. Attendance was 10 to 14."
                ),
            },
            "study": {
                "date": D(2026, 3, 18),
                "results": (
                    "Attendance rose to about 12, short of 15. Loneliness scores did not move."
                ),
                "prediction_matched": "partly",
                "learning": (
                    "Transport helps a few members a lot; coming to the group alone does not "
                    "change loneliness."
                ),
            },
        },
        "member-chosen-talks": {
            "title": "Talks on topics members choose",
            "change_idea": "topic-talks",
            "measures": ["loneliness-score"],
            "plan": {
                "date": D(2026, 2, 10),
                "objective": (
                    "Find out whether talks members choose make the group feel more like their own."
                ),
                "questions": ["Which topics do members choose?"],
                "tasks": [
                    task("Ask members to vote on topics", "Bernard Okoye", D(2026, 3, 10)),
                ],
                "data_collection": "Topic votes; loneliness score at each session.",
                "scale": "1 group, 4 sessions",
                "start": D(2026, 3, 24),
                "end": D(2026, 5, 19),
            },
        },
    },
)

MENTAL_HEALTH_PATHWAY = ProjectSpec(
    slug="mental-health-pathway",
    fields={
        "title": "Mental health referral pathway",
        "aim": (
            "By 31 October 2026, screen 80% of routine appointments at Westfield HIV Outpatient "
            "Clinic (fictional) for anxiety and depression, and cut the median wait from referral "
            "to a first psychology appointment from 42 to 21 days."
        ),
        "theme": "stigma-and-quality-of-life",
        "lead_organisation": "Northbridge Wellbeing Collective",
        "partners": [MENTAL_HEALTH, WESTFIELD],
        "team": [
            {
                "name": "Leila Farouk",
                "role": "Project lead",
                "organisation": "Northbridge Wellbeing Collective",
            },
            {
                "name": "Dr Tom Whitfield",
                "role": "Clinical psychologist",
                "organisation": MENTAL_HEALTH,
            },
            {
                "name": "Ade Coker",
                "role": "Peer wellbeing worker",
                "organisation": "Northbridge Wellbeing Collective",
            },
            {"name": "Sunita Bhatt", "role": "Clinic nurse", "organisation": WESTFIELD},
        ],
        "change_ideas": [
            {
                "id": "phq4-screening",
                "title": "A four-question screen (PHQ-4) at routine appointments",
                "driver": "Needs are noticed",
            },
            {
                "id": "direct-referral",
                "title": "Nurses refer straight to the HIV psychology service, without a GP letter",
                "driver": "Referral is quick",
            },
            {
                "id": "peer-wellbeing-check",
                "title": "A peer worker calls people while they wait for psychology",
                "driver": "Nobody waits alone",
            },
        ],
        "status": "active",
        "started": D(2026, 3, 2),
    },
    measures=[
        MeasureSpec(
            slug="screened",
            fields={
                "title": "Appointments with a PHQ-4 screen",
                "type": "process",
                "unit": "%",
                "improvement": "higher",
                "goal": 80,
                "definition": (
                    "Percentage of routine HIV appointments in the week with a PHQ-4 screen "
                    "recorded."
                ),
            },
            series=Series(
                start=D(2026, 3, 30),
                count=28,
                level=10,
                noise=3,
                shifts=((3, 8), (8, 45), (16, 7)),
                high=100,
            ),
        ),
        MeasureSpec(
            slug="referral-wait-days",
            fields={
                "title": "Wait for a first psychology appointment",
                "type": "outcome",
                "unit": "days",
                "improvement": "lower",
                "goal": 21,
                "definition": (
                    "Median days from referral to first psychology appointment, for first "
                    "appointments held in the week."
                ),
            },
            series=Series(
                start=D(2026, 3, 30), count=28, level=42, noise=4, shifts=((17, -10), (20, -6))
            ),
        ),
        MeasureSpec(
            slug="referrals-made",
            fields={
                "title": "Referrals to psychology",
                "type": "process",
                "unit": "referrals",
                "definition": (
                    "Referrals from the clinic to the HIV psychology service in the week. No "
                    "direction is better: more may mean unmet need is being found, or "
                    "referrals that are not needed."
                ),
            },
            series=Series(
                start=D(2026, 3, 30), count=28, level=4, noise=1.5, shifts=((3, 1), (8, 4))
            ),
        ),
        MeasureSpec(
            slug="clinic-overrun",
            fields={
                "title": "Clinic overrun",
                "type": "balancing",
                "unit": "minutes",
                "improvement": "lower",
                "goal": 10,
                "definition": (
                    "Median minutes by which routine clinics ran past their end time in the week."
                ),
            },
            series=Series(
                start=D(2026, 3, 30), count=28, level=12, noise=3, shifts=((8, 4), (13, -4))
            ),
        ),
    ],
    cycles={
        "phq4-one-nurse": {
            "title": "PHQ-4 screening by one nurse",
            "change_idea": "phq4-screening",
            "measures": ["screened", "clinic-overrun"],
            "plan": {
                "date": D(2026, 4, 13),
                "objective": (
                    "Find out whether a nurse can add a PHQ-4 screen to routine appointments "
                    "without overrunning."
                ),
                "questions": [
                    "How long does the screen take?",
                    "How many people screen positive?",
                ],
                "predictions": [
                    "The screen adds about two minutes to an appointment",
                    predict(
                        "Clinic overrun stays under 15 minutes", "clinic-overrun", "decrease", 15
                    ),
                ],
                "tasks": [
                    task(
                        "Add the PHQ-4 to the appointment template",
                        "Sunita Bhatt",
                        D(2026, 4, 17),
                        WESTFIELD,
                    ),
                ],
                "data_collection": "Template records the screen and its time.",
                "scale": scale("1 nurse, 3 weeks, about 45 people", 45, 1, 21),
                "start": D(2026, 4, 20),
                "end": D(2026, 5, 8),
            },
            "do": {
                "date": D(2026, 5, 8),
                "as_planned": True,
                "observations": (
                    "48 people screened; 11 screened positive. Most of them had never been asked "
                    "before."
                ),
                "unplanned": (
                    "Two people became upset and needed time; the nurse felt unsure what to offer."
                ),
            },
            "study": {
                "date": D(2026, 5, 13),
                "results": "The screen took 2 to 3 minutes; overruns did not change.",
                "prediction_matched": "yes",
                "learning": (
                    "Screening is quick, but nurses need to know what to offer straight away."
                ),
            },
            "act": {
                "date": D(2026, 5, 15),
                "decision": "adapt",
                "changes": (
                    "Roll out to all nurses with a one-page guide on what to offer after a "
                    "positive screen."
                ),
                "next": "phq4-all-nurses",
            },
        },
        "phq4-all-nurses": {
            "title": "PHQ-4 screening by all nurses",
            "change_idea": "phq4-screening",
            "follows": "phq4-one-nurse",
            "measures": ["screened", "clinic-overrun"],
            "plan": {
                "date": D(2026, 5, 18),
                "objective": "Find out whether every nurse screens, with the guide.",
                "questions": ["Does the share screened reach 60%?"],
                "predictions": [
                    predict("60% of appointments screened", "screened", "increase", 60),
                ],
                "tasks": [
                    task(
                        "Run a 20-minute briefing with the guide",
                        "Dr Tom Whitfield",
                        D(2026, 5, 22),
                        WESTFIELD,
                    ),
                ],
                "data_collection": "Weekly template report.",
                "scale": scale("6 nurses, 6 weeks, about 400 people", 400, 1, 42),
                "start": D(2026, 5, 26),
                "end": D(2026, 7, 3),
            },
            "do": {
                "date": D(2026, 7, 3),
                "as_planned": True,
                "observations": (
                    "Screening rose to about 60% of appointments; clinics ran a few minutes "
                    "later at first."
                ),
            },
            "study": {
                "date": D(2026, 7, 8),
                "results": (
                    "About 63% screened. Referrals doubled; waits for psychology began to lengthen."
                ),
                "prediction_matched": "yes",
                "learning": "Finding more need puts pressure on the referral route.",
            },
            "act": {
                "date": D(2026, 7, 10),
                "decision": "adopt",
                "changes": "Screening is standard; next, make referral quicker.",
            },
        },
        "direct-psychology-referral": {
            "title": "Direct referral to HIV psychology",
            "change_idea": "direct-referral",
            "measures": ["referral-wait-days", "referrals-made"],
            "plan": {
                "date": D(2026, 7, 6),
                "objective": (
                    "Find out whether nurses referring directly cut the wait for a first "
                    "appointment."
                ),
                "questions": [
                    "Does the psychology service accept nurse referrals without more information?"
                ],
                "predictions": [
                    predict(
                        "The median wait falls to 28 days", "referral-wait-days", "decrease", 28
                    ),
                    "Referrals will rise a little",
                ],
                "tasks": [
                    task(
                        "Agree a one-page referral form with the psychology team",
                        "Dr Tom Whitfield",
                        D(2026, 7, 15),
                        MENTAL_HEALTH,
                    ),
                ],
                "data_collection": "Referral log: dates of referral and first appointment.",
                "scale": "All nurses, 8 weeks",
                "start": D(2026, 7, 20),
                "end": D(2026, 9, 11),
            },
            "do": {
                "date": D(2026, 9, 11),
                "as_planned": True,
                "observations": (
                    "All referrals used the new form; the psychology team triaged them within a "
                    "week."
                ),
            },
            "study": {
                "date": D(2026, 9, 18),
                "results": "The median wait fell from about 41 to 31 days (23 to 33).",
                "prediction_matched": "partly",
                "learning": (
                    "Removing the GP letter saves about ten days; the rest of the wait is the "
                    "psychology team's capacity."
                ),
            },
        },
        "peer-wellbeing-calls": {
            "title": "Peer wellbeing calls while people wait",
            "change_idea": "peer-wellbeing-check",
            "measures": ["referral-wait-days"],
            "plan": {
                "date": D(2026, 9, 28),
                "objective": (
                    "Find out whether a call from a peer worker during the wait helps people feel "
                    "less alone."
                ),
                "questions": ["Do people want a call, and what do they talk about?"],
                "predictions": ["Most people offered a call will accept it"],
                "tasks": [
                    task("Agree a call guide and when to escalate", "Ade Coker", D(2026, 10, 2)),
                ],
                "data_collection": "Call log; a question at the first psychology appointment.",
                "scale": "1 peer worker, everyone referred for 4 weeks",
                "start": D(2026, 10, 5),
                "end": D(2026, 10, 30),
            },
            "do": {
                "date": D(2026, 10, 16),
                "as_planned": True,
                "observations": (
                    "9 of 11 people offered a call accepted; most wanted to talk about sleep and "
                    "money worries."
                ),
            },
        },
    },
)

UU_CAMPAIGN = ProjectSpec(
    slug="uu-awareness-campaign",
    fields={
        "title": "U=U awareness campaign",
        "aim": (
            "By 30 September 2026, raise the share of people at Northbridge community events who "
            "know that people on effective HIV treatment cannot pass it on (Undetectable = "
            "Untransmittable) from 35% to 60%."
        ),
        "theme": "stigma-and-quality-of-life",
        "lead_organisation": "Equal Ground Northbridge",
        "partners": [SHC, NTH],
        "team": [
            {
                "name": "Jordan Clarke",
                "role": "Campaign lead",
                "organisation": "Equal Ground Northbridge",
            },
            {
                "name": "Precious Nkosi",
                "role": "Peer ambassador",
                "organisation": "Equal Ground Northbridge",
            },
            {"name": "Dr Emily Sato", "role": "Consultant in sexual health", "organisation": SHC},
            {
                "name": "Owen Hughes",
                "role": "Communications volunteer",
                "organisation": "Equal Ground Northbridge",
            },
        ],
        "change_ideas": [
            {
                "id": "peer-stories",
                "title": "Short films of local people living with HIV explaining U=U",
                "driver": "People hear it from someone like them",
            },
            {
                "id": "event-stalls",
                "title": "Quiz stalls at community events",
                "driver": "People talk about it",
            },
            {
                "id": "bus-stop-posters",
                "title": "Posters at bus stops and on buses",
                "driver": "People see it everywhere",
            },
        ],
        "status": "active",
        "progress_score": 3.0,
        "started": D(2025, 10, 1),
    },
    measures=[
        MeasureSpec(
            slug="uu-awareness",
            fields={
                "title": "Know about U=U",
                "type": "outcome",
                "unit": "%",
                "improvement": "higher",
                "goal": 60,
                "definition": (
                    "Percentage of people answering the one-question survey at community events "
                    "in the fortnight who say that people on effective treatment cannot pass "
                    "HIV on."
                ),
            },
            series=Series(
                start=D(2025, 11, 10),
                count=24,
                every_days=14,
                level=35,
                noise=3.5,
                shifts=((4, 4), (11, 14)),
                high=100,
            ),
        ),
        _felt_stigma_measure(
            "people living with HIV at the campaign's peer groups",
            Series(start=D(2025, 11, 10), count=24, every_days=14, level=31, noise=3.5),
        ),
        MeasureSpec(
            slug="hostile-comments",
            fields={
                "title": "Hostile comments on campaign posts",
                "type": "balancing",
                "unit": "comments",
                "improvement": "lower",
                "definition": (
                    "Comments on the campaign's social media posts in the fortnight that "
                    "moderators removed as hostile."
                ),
            },
            series=Series(
                start=D(2025, 11, 10),
                count=24,
                every_days=14,
                level=2,
                noise=1.2,
                bumps={18: 9},
                notes={
                    18: (
                        "A local news story about the bus posters was shared widely; the "
                        "hostile comments were removed under the moderation policy"
                    )
                },
            ),
        ),
    ],
    cycles={
        "peer-story-films": {
            "title": "Short films of people living with HIV",
            "change_idea": "peer-stories",
            "measures": ["uu-awareness"],
            "plan": {
                "date": D(2025, 11, 24),
                "objective": "Find out whether short films shared online raise awareness of U=U.",
                "questions": ["Do people who saw a film know about U=U more often?"],
                "predictions": [
                    predict("Awareness reaches 45%", "uu-awareness", "increase", 45),
                ],
                "tasks": [
                    task("Film three peer ambassadors", "Owen Hughes", D(2025, 12, 19)),
                    task("Check the clinical wording", "Dr Emily Sato", D(2025, 12, 19), SHC),
                ],
                "data_collection": (
                    "Survey at events, with a question on whether the person saw a film."
                ),
                "scale": "3 films, online, 8 weeks",
                "start": D(2026, 1, 5),
                "end": D(2026, 2, 27),
            },
            "do": {
                "date": D(2026, 2, 27),
                "as_planned": True,
                "observations": (
                    "The films were watched many times online, mostly by people who already "
                    "follow us."
                ),
            },
            "study": {
                "date": D(2026, 3, 11),
                "results": "Awareness hardly moved: 36-38%, against about 37% before.",
                "prediction_matched": "no",
                "learning": "The films are good, but online they reach people who already know.",
            },
            "act": {
                "date": D(2026, 3, 13),
                "decision": "adapt",
                "changes": "Show the films at quiz stalls at community events.",
                "next": "films-at-stalls",
            },
        },
        "films-at-stalls": {
            "title": "Films and a quiz at community event stalls",
            "change_idea": "event-stalls",
            "follows": "peer-story-films",
            "measures": ["uu-awareness"],
            "plan": {
                "date": D(2026, 3, 16),
                "objective": (
                    "Find out whether the films shown at a stall, with a quiz, reach people who "
                    "do not know about U=U."
                ),
                "questions": ["Do people stop at the stall?"],
                "predictions": [
                    predict("Awareness reaches 50%", "uu-awareness", "increase", 50),
                    "Young people will stop more than older people",
                ],
                "tasks": [
                    task("Book stalls at six events", "Jordan Clarke", D(2026, 4, 1)),
                ],
                "data_collection": "Survey at the stall before the quiz.",
                "scale": "6 events, 12 weeks",
                "start": D(2026, 4, 6),
                "end": D(2026, 6, 26),
            },
            "do": {
                "date": D(2026, 6, 26),
                "as_planned": True,
                "observations": "Stalls at six events; around 900 people took the quiz.",
            },
            "study": {
                "date": D(2026, 7, 1),
                "results": "Awareness rose to about 55%.",
                "prediction_matched": "yes",
                "learning": (
                    "Face to face works, and older people stopped as often as young people."
                ),
            },
            "act": {
                "date": D(2026, 7, 3),
                "decision": "adopt",
                "changes": "Stalls at every community event we can reach.",
            },
        },
        "bus-stop-posters": {
            "title": "Posters at bus stops",
            "change_idea": "bus-stop-posters",
            "measures": ["uu-awareness", "hostile-comments"],
            "plan": {
                "date": D(2026, 6, 1),
                "objective": (
                    "Find out whether bus stop posters raise awareness beyond the people who come "
                    "to events."
                ),
                "questions": ["Do people remember seeing the posters?"],
                "predictions": [
                    predict("Awareness reaches 60%", "uu-awareness", "increase", 60),
                    predict(
                        "Hostile comments stay below 5 a fortnight",
                        "hostile-comments",
                        "decrease",
                        5,
                    ),
                ],
                "tasks": [
                    task("Design posters with peer ambassadors", "Precious Nkosi", D(2026, 6, 19)),
                    task("Book poster sites", "Jordan Clarke", D(2026, 6, 26)),
                ],
                "data_collection": (
                    "Survey at events asks whether people saw a poster; moderation log."
                ),
                "scale": "40 bus stops, 8 weeks",
                "start": D(2026, 7, 6),
                "end": D(2026, 8, 28),
            },
            "do": {
                "date": D(2026, 8, 28),
                "as_planned": True,
                "observations": (
                    "Posters were up for eight weeks and gave the programme office number, "
                    "0161 496 0999, for questions; the office took 23 calls."
                ),
                "unplanned": (
                    "A local news story about the posters drew hostile comments online for a week."
                ),
            },
            "study": {
                "date": D(2026, 9, 9),
                "results": (
                    "Awareness was 54-60%, no clear change from the stalls alone; few people "
                    "remembered the posters."
                ),
                "prediction_matched": "no",
                "learning": (
                    "Posters are seen but not read. The news story shows we need a plan for "
                    "hostile reactions."
                ),
            },
            "act": {
                "date": D(2026, 9, 11),
                "decision": "abandon",
                "changes": "No more posters; put the budget into stalls.",
            },
        },
        "uu-waiting-rooms": {
            "title": "U=U films on clinic waiting room screens",
            "change_idea": "peer-stories",
            "measures": ["uu-awareness"],
            "plan": {
                "date": D(2026, 9, 14),
                "objective": (
                    "Find out whether the films on waiting room screens reach people who test but "
                    "do not know about U=U."
                ),
                "questions": ["Do people in the waiting room watch the films?"],
                "predictions": ["Most people in the waiting room will watch at least one film"],
                "tasks": [
                    task("Load the films on the screens", "Owen Hughes", D(2026, 9, 18), SHC),
                ],
                "data_collection": "Short survey card in the waiting room.",
                "scale": "1 clinic, 6 weeks",
                "start": D(2026, 9, 21),
                "end": D(2026, 10, 30),
            },
            "do": {
                "date": D(2026, 10, 12),
                "as_planned": True,
                "observations": "The films play every 20 minutes; 41 survey cards returned so far.",
            },
        },
        "uu-talks-faith-leaders": {
            "title": "U=U talks with faith leaders",
            "measures": ["felt-stigma"],
            "plan": {
                "date": D(2026, 10, 5),
                "objective": (
                    "Find out whether faith leaders will talk about U=U with their communities."
                ),
                "questions": ["Which faith leaders are willing?"],
                "tasks": [
                    task("Meet the Faith and Health Network", "Jordan Clarke", D(2026, 10, 14)),
                ],
                "data_collection": "Notes of each conversation.",
                "scale": "3 faith leaders, 2 weeks",
                "start": D(2026, 10, 18),
                "end": D(2026, 10, 31),
            },
        },
    },
)

PROJECTS: list[ProjectSpec] = [
    COMMUNITY_TESTING,
    SELF_TEST_KITS,
    ED_OPT_OUT,
    FAITH_TESTING,
    RE_ENGAGEMENT,
    PEER_NAVIGATORS,
    APPOINTMENT_REMINDERS,
    PHARMACY_COLLECTION,
    GP_TRAINING,
    OLDER_PEER_SUPPORT,
    MENTAL_HEALTH_PATHWAY,
    UU_CAMPAIGN,
]
