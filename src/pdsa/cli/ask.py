"""Asking for what is missing: a prompt with the worksheet's question, or a refusal.

Questions go to stderr so that stdout stays clean; answers are read from stdin. In a
script (stdin not a terminal) nothing is asked: the command fails and names the option.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pdsa.errors import PdsaError, UsageError


def interactive() -> bool:
    """True when a person is at the keyboard."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


#: A line holding only this ends a multi-line answer (blank lines stay in the answer).
END_OF_ANSWER = "."


def _prompt(text: str) -> str:
    line = _read(text)
    if line is None:
        raise PdsaError("no answer (end of input); nothing was written")
    return line


def _read(text: str) -> str | None:
    """One line typed after ``text``, or None at the end of input (Ctrl-D)."""
    sys.stderr.write(text)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return line.rstrip("\r\n") if line else None


def missing(option: str, question: str) -> UsageError:
    """The refusal for a required value in a non-interactive run."""
    return UsageError(
        f"missing {option} ({question})",
        hint=f"pass {option} on the command line, run in a terminal to be asked, or use --editor",
    )


def text(option: str, question: str, *, multiline: bool = False, required: bool = True) -> str:
    """Ask ``question`` until a (non-empty, if required) answer comes."""
    if not interactive():
        raise missing(option, question)
    while True:
        if multiline:
            sys.stderr.write(
                f"{question}\n  (as many lines as you like, blank ones too; finish with a line "
                f"holding only '{END_OF_ANSWER}', or Ctrl-D)\n"
            )
            lines: list[str] = []
            while True:
                line = _read("> ")
                if line is None or line == END_OF_ANSWER:
                    break
                lines.append(line)
            answer = "\n".join(lines).strip("\n")
            if line is None and not answer.strip() and required:
                raise PdsaError("no answer (end of input); nothing was written")
        else:
            answer = _prompt(f"{question} ")
        if answer.strip() or not required:
            return answer
        sys.stderr.write("  an answer is needed here\n")


def choice(option: str, question: str, choices: Sequence[str]) -> str:
    """Ask until one of ``choices`` is given."""
    if not interactive():
        raise missing(option, question)
    while True:
        answer = _prompt(f"{question} [{'/'.join(choices)}] ").strip().lower()
        if answer in choices:
            return answer
        sys.stderr.write(f"  please answer one of: {', '.join(choices)}\n")


def yes_no(option: str, question: str, *, default: bool | None = None) -> bool:
    """Ask a yes/no question."""
    if not interactive():
        if default is not None:
            return default
        raise missing(option, question)
    hint = {None: "y/n", True: "Y/n", False: "y/N"}[default]
    while True:
        answer = _prompt(f"{question} [{hint}] ").strip().lower()
        if not answer and default is not None:
            return default
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        sys.stderr.write("  please answer y or n\n")


def slug() -> str:
    """A file name for a title that gives none, asked until it is a valid slug."""
    from pdsa.model.slug import slug_problem

    while True:
        answer = text(
            "--slug", "The title gives no file name. A short name in a-z, 0-9 and hyphens?"
        ).strip()
        problem = slug_problem(answer)
        if problem is None:
            return answer
        sys.stderr.write(f"'{answer}': {problem}\n")
