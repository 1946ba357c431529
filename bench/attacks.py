"""Attack pdsa with a hostile operating system and hostile input, and count what held.

Each attack copies a small log, breaks something (a read-only or immutable file or
folder, an unreadable folder, ``projects/`` as a file, a symlink loop, a full disk, a
non-UTF-8 argument, an absurd option value...), runs one real ``pdsa`` command in a
subprocess and judges the outcome. An attack *holds* when:

* the exit code is 0, 1 or 2 (never 3, "a bug in pdsa") and no traceback is printed;
* the command ends within the time limit (a lock that never gives up is a failure);
* a command that failed wrote nothing: every file of the log has the bytes it had;
* an error message is one line (plus an optional ``hint:`` line);
* a command that reads the whole log names, and fails on, what it could not read.

Read-only permissions do not stop root, so attacks marked ``nobody`` run as that user
(with the system's Python, since the virtual environment's may sit under ``/root``)
and attacks marked ``immutable`` use ``chattr +i``; either is skipped, and counted as
skipped, where the machine does not allow it. A full disk is a file-size limit
(``RLIMIT_FSIZE``) set in the child process.

Run from the repository root: ``python bench/attacks.py`` (``-v`` shows every outcome,
``-k WORD`` runs the attacks whose name holds WORD). Exits 1 when any attack fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 30.0
CYCLE = "projects/text-reminders/cycles/text-the-day-before.toml"
MEASURE = "projects/text-reminders/measures/attendance-rate.toml"
PROJECT = "projects/text-reminders/project.toml"
CYCLES = "projects/text-reminders/cycles"
MEASURES = "projects/text-reminders/measures"
TODAY = "2026-04-01"

Setup = Callable[[Path], None]
Arg = str | bytes


@dataclass(frozen=True)
class Attack:
    """One command against one broken log."""

    name: str
    args: tuple[Arg, ...]
    setup: Setup | None = None
    #: "root", "nobody" (a user the files do not belong to), "fsize" (a full disk)
    mode: str = "root"
    #: Needs `chattr +i` (an immutable file or folder).
    immutable: tuple[str, ...] = ()
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    #: For a command that reads the whole log: what it must name (and fail on) because it
    #: could not read it; nothing silently left out.
    must_name: str = ""


@dataclass
class Outcome:
    attack: Attack
    code: int | None
    stderr: str
    problems: list[str]
    skipped: str = ""


# -- the log every attack starts from ---------------------------------------------------


#: The pdsa source tree under attack (``--src``): this checkout's by default.
SOURCE = [REPO / "src"]


def pdsa_base() -> list[str]:
    return [sys.executable, "-m", "pdsa"]


def _source_env() -> dict[str, str]:
    return {"PYTHONPATH": str(SOURCE[0])}


def build_template(folder: Path) -> Path:
    root = folder / "log"
    env = {**os.environ, "PDSA_TODAY": "2026-03-01", "NO_COLOR": "1"}

    def run(*args: str) -> None:
        subprocess.run(
            [*pdsa_base(), *args],
            cwd=root,
            env={**env, **_source_env()},
            check=True,
            capture_output=True,
        )

    subprocess.run(
        [*pdsa_base(), "init", str(root), "--name", "Attacked programme"],
        env={**env, **_source_env()},
        check=True,
        capture_output=True,
    )
    run("project", "new", "Text reminders", "--aim", "Cut missed appointments", "--lead", "Org")
    run(
        "measure", "new", "Attendance rate", "--type", "outcome", "--unit", "%",
        "--improvement", "higher", "--goal", "85",
    )  # fmt: skip
    for day, value in (("2026-02-01", "70"), ("2026-02-08", "74"), ("2026-02-15", "77")):
        run("measure", "record", "attendance-rate", value, "--date", day)
    run(
        "plan", "Text the day before", "--objective", "Fewer missed appointments",
        "--prediction", "Attendance rises", "--expect", "attendance-rate >= 80",
        "--start", "2026-02-01", "--date", "2026-01-20",
    )  # fmt: skip
    return root


# -- setups ---------------------------------------------------------------------------


def projects_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "projects")
    (root / "projects").write_text("not a folder\n")


def programme_is_a_folder(root: Path) -> None:
    (root / "pdsa.toml").unlink()
    (root / "pdsa.toml").mkdir()


def cycle_loop(root: Path) -> None:
    link = root / CYCLES / "loop.toml"
    link.symlink_to(link)


def cycle_is_loop(root: Path) -> None:
    path = root / CYCLE
    path.unlink()
    path.symlink_to(path)


def project_loop(root: Path) -> None:
    (root / "projects" / "looping").symlink_to(root / "projects" / "looping")


def folder_loop(root: Path) -> None:
    (root / CYCLES / "deeper").symlink_to(root / CYCLES)


def unreadable(rel: str) -> Setup:
    def setup(root: Path) -> None:
        os.chmod(root / rel, 0o000)

    return setup


def owned_by_nobody(root: Path) -> None:
    user = pwd.getpwnam("nobody")
    for folder, names, files in os.walk(root):
        os.chown(folder, user.pw_uid, user.pw_gid)
        for name in names + files:
            os.lchown(os.path.join(folder, name), user.pw_uid, user.pw_gid)


def both(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for each in setups:
            each(root)

    return setup


def stale_lock_folder(root: Path) -> None:
    lock = root / MEASURES / ".attendance-rate.toml.lock"
    lock.mkdir()
    old = time.time() - 3600
    os.utime(lock, (old, old))


def stale_lock_file(root: Path) -> None:
    lock = root / MEASURES / ".attendance-rate.toml.lock"
    lock.write_text("")
    old = time.time() - 3600
    os.utime(lock, (old, old))


def cycle_symlink_outside(root: Path) -> None:
    outside = root.parent / "outside.toml"
    shutil.copy(root / CYCLE, outside)
    (root / CYCLE).unlink()
    (root / CYCLE).symlink_to(outside)


def cycle_symlink_inside(root: Path) -> None:
    target = root / "kept" / "real.toml"
    target.parent.mkdir()
    shutil.copy(root / CYCLE, target)
    (root / CYCLE).unlink()
    (root / CYCLE).symlink_to(target)


def ansi_project(root: Path) -> None:
    shutil.copytree(root / "projects" / "text-reminders", root / "projects" / "x\x1b[2Jy")


def non_utf8_project(root: Path) -> None:
    source = os.fsencode(root / "projects" / "text-reminders")
    os.rename(source, os.fsencode(root / "projects") + b"/caf\xe9")


def non_utf8_cycle(root: Path) -> None:
    os.rename(os.fsencode(root / CYCLE), os.fsencode(root / CYCLES) + b"/caf\xe9.toml")


def ten_megabyte_field(root: Path) -> None:
    path = root / CYCLE
    text = path.read_text()
    path.write_text(text.replace('"Fewer missed appointments"', '"' + "word " * 2_000_000 + '"'))


def newer_programme(root: Path) -> None:
    path = root / "pdsa.toml"
    path.write_text(path.read_text().replace("schema_version = 1", "schema_version = 99"))


def broken_programme(root: Path) -> None:
    (root / "pdsa.toml").write_text('schema_version = 1\nname = "unterminated\n')


def csv_file(root: Path) -> None:
    (root.parent / "points.csv").write_text("date,value\n2026-03-01,81\n")


def do_at_the_end_of_time(root: Path) -> None:
    path = root / CYCLE
    path.write_text(
        path.read_text() + "\n[do]\ndate = 9999-12-31\nas_planned = true\n"
        'observations = "far away"\n'
    )


def huge_csv(root: Path) -> None:
    (root.parent / "points.csv").write_text("date,value\n2026-03-01,1e-400\n")


# -- the attacks ----------------------------------------------------------------------

READERS: tuple[tuple[str, ...], ...] = (
    ("list",),
    ("list", "--format", "json"),
    ("show", "text-the-day-before"),
    ("project", "list"),
    ("project", "show", "text-reminders"),
    ("measure", "list"),
    ("chart", "attendance-rate"),
    ("report",),
    ("report", "--format", "json"),
    ("check",),
    ("check", "--format", "json"),
    ("fmt", "--check"),
    ("migrate", "--dry-run"),
)
WRITERS: tuple[tuple[str, ...], ...] = (
    ("do", "text-the-day-before", "--as-planned", "--observations", "Went to plan"),
    ("measure", "record", "attendance-rate", "82", "--date", "2026-03-01"),
    ("measure", "import", "attendance-rate", "../points.csv"),
    ("plan", "Another test", "--objective", "See"),
    ("measure", "new", "Wait days", "--type", "process"),
    ("project", "new", "Second project", "--aim", "Aim", "--lead", "Org"),
    ("report", "--format", "html", "-o", "report.html"),
    ("chart", "attendance-rate", "--format", "svg", "-o", "chart.svg"),
    ("fmt",),
    ("migrate",),
    ("init", "sub-log"),
)


#: Commands that read every file of the log, so must name what they could not read.
WHOLE_LOG = {
    ("list",),
    ("list", "--format", "json"),
    ("report",),
    ("report", "--format", "json"),
    ("check",),
    ("check", "--format", "json"),
    ("fmt", "--check"),
    ("migrate", "--dry-run"),
}
#: Of those, the ones that read every file ``check``, ``fmt`` and ``migrate`` read (``list``
#: and ``report`` read no hidden, looping or undecodable project folder: check reports it).
EVERY_FILE = {args for args in WHOLE_LOG if args[0] in ("check", "fmt", "migrate")}


def named(args: tuple[str, ...], text: str, readers: set[tuple[str, ...]] = WHOLE_LOG) -> str:
    """``text`` when ``args`` is a command that must name it, else nothing."""
    return text if args in readers else ""


def attacks() -> Iterator[Attack]:
    every = READERS + WRITERS
    for args in every:
        name = " ".join(args)
        needs_csv = csv_file if "import" in args else None

        yield Attack(
            f"projects/ is a file: {name}",
            args,
            projects_is_a_file,
            must_name=named(args, "projects"),
        )
        yield Attack(f"pdsa.toml is a folder: {name}", args, programme_is_a_folder)
        yield Attack(
            f"symlink loop in cycles/: {name}",
            args,
            both(cycle_loop, *_opt(needs_csv)),
            must_name=named(args, "loop.toml"),
        )
        yield Attack(
            f"the cycle is a symlink loop: {name}",
            args,
            cycle_is_loop,
            must_name=named(args, "text-the-day-before.toml"),
        )
        yield Attack(
            f"a project folder loops: {name}",
            args,
            project_loop,
            must_name=named(args, "looping", EVERY_FILE),
        )
        yield Attack(f"cycles/ holds a loop to itself: {name}", args, folder_loop)
        yield Attack(
            f"unreadable cycles/ (nobody): {name}",
            args,
            both(owned_by_nobody, unreadable(CYCLES), *_opt(needs_csv)),
            mode="nobody",
            must_name=named(args, "cycles"),
        )
        yield Attack(
            f"unreadable cycle file (nobody): {name}",
            args,
            both(owned_by_nobody, unreadable(CYCLE), *_opt(needs_csv)),
            mode="nobody",
            must_name=named(args, "text-the-day-before.toml"),
        )
        yield Attack(f"read-only log (nobody): {name}", args, needs_csv, mode="nobody")
        yield Attack(f"too-new pdsa.toml: {name}", args, both(newer_programme, *_opt(needs_csv)))
        yield Attack(f"broken pdsa.toml: {name}", args, both(broken_programme, *_opt(needs_csv)))
        yield Attack(
            f"ANSI escape in a folder name: {name}", args, both(ansi_project, *_opt(needs_csv))
        )
        yield Attack(
            f"non-UTF-8 project folder: {name}",
            args,
            both(non_utf8_project, *_opt(needs_csv)),
            must_name=named(args, "xe9", {("check",), ("check", "--format", "json")}),
        )
        yield Attack(
            f"non-UTF-8 cycle file: {name}",
            args,
            both(non_utf8_cycle, *_opt(needs_csv)),
            must_name=named(
                args, "xe9", WHOLE_LOG - {("fmt", "--check"), ("migrate", "--dry-run")}
            ),
        )
    for args in WRITERS:
        name = " ".join(args)
        needs_csv = csv_file if "import" in args else None
        yield Attack(f"full disk: {name}", args, needs_csv, mode="fsize")
        yield Attack(
            f"immutable folders: {name}",
            args,
            needs_csv,
            immutable=(CYCLES, MEASURES, "projects", "."),
        )
        yield Attack(
            f"immutable files: {name}", args, needs_csv, immutable=(CYCLE, MEASURE, PROJECT)
        )
    lock_args = ("measure", "record", "attendance-rate", "82", "--date", "2026-03-01")
    yield Attack("a stale lock that is a folder", lock_args, stale_lock_folder)
    yield Attack(
        "a stale lock in an immutable folder", lock_args, stale_lock_file, immutable=(MEASURES,)
    )
    yield Attack(
        "a stale lock in a read-only folder (nobody)",
        lock_args,
        both(owned_by_nobody, stale_lock_file, _chmod(MEASURES, 0o555)),
        mode="nobody",
    )
    do_args = ("do", "text-the-day-before", "--as-planned", "--observations", "Went")
    yield Attack("append through a symlink out of the log", do_args, cycle_symlink_outside)
    yield Attack("append through a symlink inside the log", do_args, cycle_symlink_inside)
    yield Attack(
        "show a cycle with a 10 MB field", ("show", "text-the-day-before"), ten_megabyte_field
    )
    bad = b"caf\xe9"
    for args in (
        (b"show", bad),
        (b"list", bad),
        (b"plan", bad, b"--objective", b"x"),
        (b"plan", b"Fine title", b"--objective", bad),
        (b"project", b"new", bad, b"--aim", b"x", b"--lead", b"y"),
        (b"measure", b"record", b"attendance-rate", bad),
        (b"measure", b"record", b"attendance-rate", b"3", b"--note", bad),
        (b"do", b"text-the-day-before", b"--as-planned", b"--observations", bad),
        (b"check", bad),
        (b"fmt", bad),
        (b"--root", bad, b"list"),
        (b"init", bad),
        (b"report", b"--project", bad),
        (b"report", b"-o", bad + b".html"),
        (b"chart", bad),
        (b"edit", bad),
    ):
        yield Attack(f"non-UTF-8 argument: {b' '.join(args).decode('utf-8', 'replace')}", args)
    for args, env in (
        (("list", "--stale", "999999999"), {}),
        (("list", "--stale", "99999999999999999999999"), {}),
        (("report", "--since", "0001-01-01"), {}),
        (("report", "--until", "9999-12-31"), {}),
        (("report", "--since", "9999-12-31"), {}),
        (("report",), {"PDSA_TODAY": "9999-12-31"}),
        (("report",), {"PDSA_TODAY": "0001-01-01"}),
        (("list", "--stale", "5"), {"PDSA_TODAY": "0001-01-01"}),
        (("check",), {"PDSA_TODAY": "0001-01-01"}),
        (("chart", "attendance-rate"), {"PDSA_TODAY": "9999-12-31"}),
        (("measure", "record", "attendance-rate", "1e-400"), {}),
        (("measure", "record", "attendance-rate", "123456789012345678901234567890"), {}),
        (("measure", "record", "attendance-rate", "1e308", "--date", "2026-03-02"), {}),
        (("measure", "record", "attendance-rate", "5", "--date", "9999-12-31"), {}),
        (("measure", "record", "attendance-rate", "5", "--date", "0001-01-01"), {}),
        (("plan", "Big", "--objective", "x", "--scale", "s", "--people", "1" + "0" * 30), {}),
        (("plan", "Far", "--objective", "x", "--start", "9999-12-31", "--end", "9999-12-31"), {}),
        (
            (
                "do",
                "text-the-day-before",
                "--as-planned",
                "--observations",
                "x",
                "--date",
                "9999-12-31",
            ),
            {},
        ),
        (("measure", "new", "Goal", "--type", "outcome", "--goal", "1e-400"), {}),
        (("measure", "new", "Base", "--type", "outcome", "--baseline", "9" * 30), {}),
        (("list",), {"COLUMNS": "0"}),
        (("list",), {"COLUMNS": "99999999"}),
        (("report",), {"COLUMNS": "3"}),
        (("show", "text-the-day-before"), {"COLUMNS": "1"}),
    ):
        yield Attack(f"absurd value: {' '.join(args)} {env or ''}".strip(), args, env=env)
    for today in ("9999-12-31", "0001-01-01"):
        for args in (
            ("report",),
            ("report", "--format", "html", "-o", "r.html"),
            ("chart", "attendance-rate"),
        ):
            yield Attack(
                f"a Do dated at the end of time, then: {' '.join(args)} (today {today})",
                args,
                do_at_the_end_of_time,
                env={"PDSA_TODAY": today},
            )
    yield Attack(
        "import a CSV of 1e-400",
        ("measure", "import", "attendance-rate", "../points.csv"),
        huge_csv,
    )


def _opt(setup: Setup | None) -> tuple[Setup, ...]:
    return (setup,) if setup is not None else ()


def _chmod(rel: str, mode: int) -> Setup:
    def setup(root: Path) -> None:
        os.chmod(root / rel, mode)

    return setup


# -- running one ------------------------------------------------------------------------


def snapshot(root: Path) -> dict[bytes, bytes | None]:
    """Every path of the log at ``root`` (``pdsa.toml``, ``projects/``, ``.pdsa/``; as
    bytes, since names may not be UTF-8) and its content. Exports written beside the
    log (a report, a chart) are not part of it."""
    found: dict[bytes, bytes | None] = {}
    base = os.fsencode(root)
    for top in (b"pdsa.toml", b"projects", b".pdsa"):
        path = os.path.join(base, top)
        if os.path.isfile(path) and not os.path.islink(path):
            with contextlib.suppress(OSError), open(path, "rb") as stream:
                found[path] = stream.read()
        elif os.path.lexists(path):
            found[path] = None
    for folder, names, files in _walk(
        os.path.join(base, b"projects"), os.path.join(base, b".pdsa")
    ):
        for name in names:
            found[os.path.join(folder, name)] = None
        for name in files:
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as stream:
                    found[path] = stream.read()
            except OSError:
                found[path] = b"<unreadable>"
    return found


def _walk(*tops: bytes) -> Iterator[tuple[bytes, list[bytes], list[bytes]]]:
    for top in tops:
        if os.path.isdir(top):
            yield from os.walk(top)


_NOBODY: list[list[str] | None] = []


def nobody_command() -> list[str] | None:
    """The command that runs pdsa as ``nobody``: a system Python of this version, with
    pdsa's source and this environment's packages on its path; None where that cannot
    work (no such user, not root, no such Python)."""
    if _NOBODY:
        return _NOBODY[0]
    _NOBODY.append(None)
    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        return None
    if os.geteuid() != 0:
        return None
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (f"/usr/bin/{version}", f"/usr/local/bin/{version}"):
        if not os.access(python, os.X_OK):
            continue
        probe = subprocess.run(
            [python, "-c", "import pdsa.cli.main"],
            env={**os.environ, **_nobody_env()},
            preexec_fn=_become(user),
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            _NOBODY[0] = [python, "-m", "pdsa"]
            break
    return _NOBODY[0]


def _become(user: pwd.struct_passwd) -> Callable[[], None]:
    def preexec() -> None:
        os.setgid(user.pw_gid)
        os.setgroups([])
        os.setuid(user.pw_uid)

    return preexec


def _nobody_env() -> dict[str, str]:
    import pydantic

    site = Path(pydantic.__file__).resolve().parent.parent
    return {"PYTHONPATH": f"{SOURCE[0]}{os.pathsep}{site}"}


def chattr(paths: list[Path], flag: str) -> bool:
    if not paths:
        return True
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, check=False)
    return done.returncode == 0


def run(attack: Attack, template: Path, scratch: Path) -> Outcome:
    place = Path(tempfile.mkdtemp(dir=scratch))
    os.chmod(place, 0o755)
    root = place / "log"
    shutil.copytree(template, root, symlinks=True)
    if attack.setup is not None:
        attack.setup(root)
    command = [*pdsa_base()]
    env = {**os.environ, "PDSA_TODAY": TODAY, "NO_COLOR": "1", "COLUMNS": "100"}
    env.update(_source_env())
    env.update(attack.env)
    preexec: Callable[[], None] | None = None
    if attack.mode == "nobody":
        base = nobody_command()
        if base is None:
            return Outcome(attack, None, "", [], skipped="no 'nobody' user or not root")
        command = base
        env.update(_nobody_env())
        preexec = _become(pwd.getpwnam("nobody"))

    elif attack.mode == "fsize":

        def preexec() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    frozen = [root / rel for rel in attack.immutable]
    if not chattr(frozen, "+i"):
        return Outcome(attack, None, "", [], skipped="chattr +i is not allowed here")
    before = snapshot(root)
    problems: list[str] = []
    started = time.monotonic()
    try:
        done = subprocess.run(
            [*command, *attack.args],
            cwd=root,
            env=env,
            input=attack.stdin,
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=preexec,
            check=False,
        )
        code: int | None = done.returncode
        stderr = done.stderr.decode("utf-8", "replace")
        stdout = done.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, stderr, stdout = None, "", ""
        problems.append(f"still running after {TIMEOUT:.0f} s")
    elapsed = time.monotonic() - started
    chattr(frozen, "-i")
    after = snapshot(root)
    if code == 3:
        problems.append("exit 3 (a bug in pdsa)")
    if code is not None and code not in (0, 1, 2):
        problems.append(f"exit {code}")
    if "Traceback" in stderr:
        problems.append("a traceback")
    if "internal error" in stderr:
        problems.append("an internal error")
    if code not in (0, None) and before != after:
        changed = sorted(set(before) ^ set(after)) or [
            path for path in before if before[path] != after.get(path)
        ]
        shown = ", ".join(os.fsdecode(path).replace(str(root), "") for path in changed[:3])
        problems.append(f"failed, but changed the log: {shown}")
    if attack.must_name and code is not None:
        said = stdout + stderr
        if code == 0 or attack.must_name not in said:
            problems.append(f"left out without a word (exit {code}): {attack.must_name}")
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    for line in errors:
        if len(line) > 400:
            problems.append("an error line longer than 400 characters")
    if elapsed > 10 and code is not None:
        problems.append(f"took {elapsed:.1f} s")
    with contextlib.suppress(OSError):
        for folder, names, _ in os.walk(place):
            for name in names:
                os.chmod(os.path.join(folder, name), 0o755)
        shutil.rmtree(place)
    return Outcome(attack, code, stderr, problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-k", "--keyword", default="")
    parser.add_argument(
        "--src", type=Path, default=SOURCE[0], help="the pdsa source tree to attack (its src/)"
    )
    options = parser.parse_args()
    SOURCE[0] = options.src.resolve()
    with tempfile.TemporaryDirectory(prefix="pdsa-attacks-") as scratch_name:
        scratch = Path(scratch_name)
        os.chmod(scratch, 0o755)
        template = build_template(scratch)
        os.chmod(template.parent, 0o755)
        outcomes = []
        for attack in attacks():
            if options.keyword and options.keyword not in attack.name:
                continue
            outcome = run(attack, template, scratch)
            outcomes.append(outcome)
            if outcome.problems or options.verbose:
                status = (
                    "FAILED" if outcome.problems else ("skipped" if outcome.skipped else "held")
                )
                detail = "; ".join(outcome.problems) or outcome.skipped
                print(f"{status:8} exit {outcome.code}: {attack.name}  {detail}")
                if outcome.problems or options.verbose:
                    for line in outcome.stderr.strip().splitlines()[-2:]:
                        print(f"           {line[:200]}")
    ran = [item for item in outcomes if not item.skipped]
    failed = [item for item in ran if item.problems]
    exit3 = [item for item in ran if item.code == 3]
    skipped = len(outcomes) - len(ran)
    print(
        f"\n{len(ran)} attacks run ({skipped} skipped): {len(ran) - len(failed)} held, "
        f"{len(failed)} failed ({len(exit3)} with exit 3)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
