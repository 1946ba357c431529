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


def _prompt(text: str) -> str:
    sys.stderr.write(text)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise PdsaError("no answer (end of input); nothing was written")
    return line.rstrip("\r\n")


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
            sys.stderr.write(f"{question}\n  (several lines are fine; finish with an empty line)\n")
            lines: list[str] = []
            while True:
                line = _prompt("> ")
                if not line and (lines or not required):
                    break
                if line:
                    lines.append(line)
            answer = "\n".join(lines)
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
