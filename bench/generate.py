"""Generate a synthetic pdsa log of a given size, for benchmarks (not tests).

    python bench/generate.py OUT_DIR --projects 100 --cycles 100 --measures 3 --points 30

Every file is valid; cycles are spread over all four phases, with ramps. With
``--broken-percent P``, that share of cycle files is made unparseable or invalid.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
from pathlib import Path

PHASES = ("plan", "do", "study", "act")
DECISIONS = ("adopt", "adapt", "abandon")


def _cycle_text(project: int, number: int, rng: random.Random, measures: int) -> str:
    start = datetime.date(2025, 1, 1) + datetime.timedelta(days=number * 3)
    phase = PHASES[number % 4]
    lines = [
        "schema_version = 1",
        f'title = "Cycle {number} of project {project}: test a change"',
        f'measures = ["measure-{number % max(measures, 1)}"]' if measures else "measures = []",
    ]
    if number > 0 and number % 5:
        lines.insert(2, f'follows = "cycle-{number - 1:04d}"')
    lines += [
        "",
        "[plan]",
        f"date = {start}",
        f'objective = "Find out whether change {number} helps ({rng.random():.6f})"',
        'predictions = ["Attendance rises", { text = "At least 80", measure = "measure-0", '
        'direction = "increase", target = 80 }]',
        'scale = { description = "1 clinic, 20 people", people = 20, sites = 1, days = 14 }',
        f"start = {start}",
        f"end = {start + datetime.timedelta(days=14)}",
        "",
        "[[plan.tasks]]",
        'what = "Draft the text"',
        'who = "Nurse lead"',
    ]
    if PHASES.index(phase) >= 1:
        lines += [
            "",
            "[do]",
            f"date = {start + datetime.timedelta(days=14)}",
            "as_planned = true",
            'observations = """',
            "Went as planned.",
            'Two people asked to rebook."""',
        ]
    if PHASES.index(phase) >= 2:
        lines += [
            "",
            "[study]",
            f"date = {start + datetime.timedelta(days=20)}",
            'results = "17 of 20 attended"',
            'prediction_matched = "yes"',
            'learning = "Replies need a person"',
        ]
    if PHASES.index(phase) >= 3:
        lines += [
            "",
            "[act]",
            f"date = {start + datetime.timedelta(days=21)}",
            f'decision = "{DECISIONS[number % 3]}"',
            'changes = "Two clinics next"',
        ]
    return "\n".join(lines) + "\n"


def _measure_text(index: int, points: int, rng: random.Random) -> str:
    lines = [
        "schema_version = 1",
        f'title = "Measure {index}"',
        'type = "process"',
        'unit = "%"',
        'improvement = "higher"',
        "goal = 80",
    ]
    day = datetime.date(2025, 1, 6)
    for _ in range(points):
        lines += ["", "[[points]]", f"date = {day}", f"value = {rng.uniform(50, 90):.1f}"]
        day += datetime.timedelta(days=7)
    return "\n".join(lines) + "\n"


def generate(
    out: Path,
    *,
    projects: int,
    cycles: int,
    measures: int = 3,
    points: int = 30,
    broken_percent: float = 0.0,
    seed: int = 1,
) -> list[Path]:
    """Write the log; return the paths of the files made broken on purpose."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "projects").mkdir(parents=True)
    (out / "pdsa.toml").write_text(
        'schema_version = 1\nname = "Synthetic benchmark programme"\n', encoding="utf-8"
    )
    broken: list[Path] = []
    for p in range(projects):
        folder = out / "projects" / f"project-{p:03d}"
        (folder / "cycles").mkdir(parents=True)
        (folder / "measures").mkdir()
        (folder / "project.toml").write_text(
            f'schema_version = 1\ntitle = "Project {p}"\naim = "Improve by 20% by 2027"\n'
            'lead_organisation = "A community organisation"\n',
            encoding="utf-8",
        )
        for m in range(measures):
            (folder / "measures" / f"measure-{m}.toml").write_text(
                _measure_text(m, points, rng), encoding="utf-8"
            )
        for c in range(cycles):
            path = folder / "cycles" / f"cycle-{c:04d}.toml"
            text = _cycle_text(p, c, rng, measures)
            if broken_percent and rng.random() * 100 < broken_percent:
                text = (
                    text.replace("[plan]", "[plan", 1)
                    if c % 2
                    else text.replace("objective =", "objectiv =", 1)
                )
                broken.append(path)
            path.write_text(text, encoding="utf-8")
    return broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--measures", type=int, default=3)
    parser.add_argument("--points", type=int, default=30)
    parser.add_argument("--broken-percent", type=float, default=0.0)
    args = parser.parse_args()
    broken = generate(
        args.out,
        projects=args.projects,
        cycles=args.cycles,
        measures=args.measures,
        points=args.points,
        broken_percent=args.broken_percent,
    )
    print(
        f"wrote {args.out} ({args.projects} projects x {args.cycles} cycles, {len(broken)} broken)"
    )


if __name__ == "__main__":
    main()
