"""Generate a synthetic pdsa log *with its git history*, for benchmarks (not tests).

    python bench/generate_history.py OUT_DIR --projects 10 --cycles 100 --commits 5000

The log's files are written as a real team would commit them, one commit per change:
each cycle's Plan, then its Do, Study and Act, each appended in its own commit, and data
points appended to the measures in between. The history is streamed into
``git fast-import`` (seconds, not the minutes that 5,000 ``git commit`` runs take), then
checked out. Every file is valid; dates and commit times move forward together, so most
predictions are made in advance, a share are committed with their Do, and some cycles
have their predictions reworded after the Study (hindsight edits).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

START = datetime.datetime(2024, 1, 8, 9, 0, tzinfo=datetime.UTC)
AUTHORS = ("Amira Haddad", "Tomás Ferreira", "Sam Okafor", "Li Wei", "Nadia Rahman")


@dataclass
class _Files:
    """The current text of every file, and which changed since the last commit."""

    text: dict[str, str] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)

    def write(self, path: str, text: str) -> None:
        self.text[path] = text
        self.changed.append(path)

    def append(self, path: str, text: str) -> None:
        self.write(path, self.text[path] + text)


def _plan(project: int, number: int, day: datetime.date, measures: int) -> str:
    measure = f"measure-{number % measures}"
    follows = f'follows = "cycle-{number - 1:04d}"\n' if number % 5 else ""
    return (
        "schema_version = 1\n"
        f'title = "Cycle {number} of project {project}: test a change"\n'
        f"{follows}"
        f'measures = ["{measure}"]\n'
        "\n[plan]\n"
        f"date = {day}\n"
        f'objective = "Find out whether change {number} helps"\n'
        'scale = { description = "1 clinic, 20 people", people = 20, sites = 1, days = 14 }\n'
        f"start = {day}\n"
        f"end = {day + datetime.timedelta(days=14)}\n"
        "\n[[plan.predictions]]\n"
        'text = "Attendance rises to at least 80%"\n'
        f'measure = "{measure}"\n'
        'direction = "increase"\n'
        "target = 80\n"
        "\n[[plan.tasks]]\n"
        'what = "Draft the text"\n'
        'who = "Nurse lead"\n'
    )


def _do(day: datetime.date) -> str:
    return f'\n[do]\ndate = {day}\nas_planned = true\nobservations = "Went as planned"\n'


def _study(day: datetime.date) -> str:
    return (
        f"\n[study]\ndate = {day}\n"
        'results = "17 of 20 attended"\nprediction_matched = "yes"\n'
        'learning = "Replies need a person"\n'
    )


def _act(day: datetime.date, number: int) -> str:
    decision = ("adopt", "adapt", "abandon")[number % 3]
    return f'\n[act]\ndate = {day}\ndecision = "{decision}"\nchanges = "Two clinics next"\n'


def _measure(index: int) -> str:
    return (
        "schema_version = 1\n"
        f'title = "Measure {index}"\n'
        'type = "process"\nunit = "%"\nimprovement = "higher"\ngoal = 80\n'
    )


def _point(day: datetime.date, value: float) -> str:
    return f"\n[[points]]\ndate = {day}\nvalue = {value:.1f}\n"


def _events(
    projects: int, cycles: int, measures: int, commits: int, rng: random.Random
) -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    """Each commit's subject and its file operations (path, "write" or "append", text)."""
    setup: list[tuple[str, str, str]] = [
        ("pdsa.toml", "write", 'schema_version = 1\nname = "Synthetic programme with history"\n')
    ]
    for p in range(projects):
        setup.append(
            (
                f"projects/project-{p:03d}/project.toml",
                "write",
                f'schema_version = 1\ntitle = "Project {p}"\naim = "Improve by 2027"\n'
                'lead_organisation = "A community organisation"\n',
            )
        )
        setup += [
            (f"projects/project-{p:03d}/measures/measure-{m}.toml", "write", _measure(m))
            for m in range(measures)
        ]
    yield "Set up the programme", setup
    phase_commits = projects * cycles * 4
    points = max(0, commits - 1 - phase_commits)
    # Each cycle's four phases, in order; cycles of a project one after another, projects
    # interleaved; data points spread evenly in between.
    steps: list[tuple[int, int, int]] = [
        (c, p, phase) for c in range(cycles) for p in range(projects) for phase in range(4)
    ]
    every = len(steps) / points if points else 0.0
    next_point, pointed = every, 0
    last_point: dict[tuple[int, int], datetime.date] = {}
    for number, (c, p, phase) in enumerate(steps):
        cycle = f"projects/project-{p:03d}/cycles/cycle-{c:04d}.toml"
        start = datetime.date(2024, 1, 8) + datetime.timedelta(days=c * 7)
        if phase == 0:
            with_do = rng.random() < 0.1  # a tenth planned and done in one commit
            ops = [(cycle, "write", _plan(p, c, start, measures))]
            if with_do:
                ops.append((cycle, "append", _do(start + datetime.timedelta(days=14))))
            yield f"Plan cycle {c} of project {p}", ops
        elif phase == 1:  # the Do, unless it came with the plan ("do" skips it then)
            do = _do(start + datetime.timedelta(days=14))
            yield f"Do cycle {c} of project {p}", [(cycle, "do", do)]
        elif phase == 2:
            yield (
                f"Study cycle {c} of project {p}",
                [(cycle, "append", _study(start + datetime.timedelta(days=20)))],
            )
        else:
            ops = [(cycle, "append", _act(start + datetime.timedelta(days=21), c))]
            if rng.random() < 0.05:  # a twentieth reworded after the Study
                ops.append((cycle, "reword", ""))
            yield f"Act on cycle {c} of project {p}", ops
        while pointed < points and number + 1 >= next_point:
            m = pointed % (projects * measures)
            key = (m // measures, m % measures)
            day = last_point.get(key, datetime.date(2024, 1, 1)) + datetime.timedelta(days=7)
            last_point[key] = day
            path = f"projects/project-{key[0]:03d}/measures/measure-{key[1]}.toml"
            yield (
                f"Data for measure {key[1]} of project {key[0]}",
                [(path, "append", _point(day, rng.uniform(50, 90)))],
            )
            pointed += 1
            next_point += every


def _stream(projects: int, cycles: int, measures: int, commits: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    files = _Files()
    when = START
    for mark, (subject, ops) in enumerate(_events(projects, cycles, measures, commits, rng), 1):
        for path, kind, text in ops:
            if kind == "write":
                files.write(path, text)
            elif kind == "do":
                if "\n[do]\n" not in files.text[path]:
                    files.append(path, text)
            elif kind == "reword":
                files.write(path, files.text[path].replace("at least 80%", "at least 75%", 1))
            else:
                files.append(path, text)
        if not files.changed:
            files.write("pdsa.toml", files.text["pdsa.toml"])  # keep the count exact
        author = AUTHORS[mark % len(AUTHORS)]
        stamp = f"{author} <lead{mark % len(AUTHORS)}@example.org> {int(when.timestamp())} +0000"
        message = subject.encode("utf-8")
        head = [
            b"commit refs/heads/main",
            f"mark :{mark}".encode(),
            f"author {stamp}".encode(),
            f"committer {stamp}".encode(),
            f"data {len(message)}".encode(),
            message,
        ]
        if mark > 1:
            head.append(f"from :{mark - 1}".encode())
        body = []
        for path in dict.fromkeys(files.changed):
            data = files.text[path].encode("utf-8")
            body += [f"M 100644 inline {path}".encode(), f"data {len(data)}".encode(), data]
        files.changed.clear()
        yield b"\n".join([*head, *body]) + b"\n\n"
        when += datetime.timedelta(hours=3)


def generate(
    out: Path,
    *,
    projects: int = 10,
    cycles: int = 100,
    measures: int = 3,
    commits: int = 5000,
    seed: int = 1,
) -> int:
    """Write the log with its history; return the number of commits made."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    environment = {
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(out),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "init", "-q"], cwd=out, check=True, env=environment
    )
    stream = b"".join(_stream(projects, cycles, measures, commits, seed))
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=out, input=stream, check=True, env=environment
    )
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out, check=True, env=environment)
    counted = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"],
        cwd=out,
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    return int(counted.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--measures", type=int, default=3)
    parser.add_argument("--commits", type=int, default=5000)
    args = parser.parse_args()
    made = generate(
        args.out,
        projects=args.projects,
        cycles=args.cycles,
        measures=args.measures,
        commits=args.commits,
    )
    print(f"wrote {args.out} ({args.projects} projects x {args.cycles} cycles, {made} commits)")


if __name__ == "__main__":
    main()
