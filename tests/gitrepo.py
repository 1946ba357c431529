"""Real git repositories for the provenance tests (import as ``gitrepo``).

Every commit gets a fixed author, committer and date (one day after the last), and git
reads no user or system configuration, so ids and output are the same on every machine.
No network: clones are ``file://`` clones of a folder in ``tmp_path``.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

START = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


class Repo:
    """A git repository at ``root`` whose commits are dated one day apart."""

    def __init__(self, root: Path, *, day: int = 0) -> None:
        self.root = root
        self.day = day

    @classmethod
    def create(cls, root: Path) -> Repo:
        root.mkdir(parents=True, exist_ok=True)
        repo = cls(root)
        repo.git("-c", "init.defaultBranch=main", "init", "-q")
        return repo

    def environment(self, *, author: str = "Amira Haddad") -> dict[str, str]:
        when = (START + datetime.timedelta(days=self.day)).isoformat()
        return {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "lead@example.org",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "lead@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }

    def git(self, *args: str, author: str = "Amira Haddad", cwd: Path | None = None) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd or self.root,
            env=self.environment(author=author),
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
        return result.stdout

    def git_result(self, *args: str) -> int:
        """Run git and return its exit code (for a command expected to fail)."""
        return subprocess.run(
            ["git", *args], cwd=self.root, env=self.environment(), capture_output=True, check=False
        ).returncode

    def commit(self, message: str, *, author: str = "Amira Haddad") -> str:
        """Commit everything in the working copy; the new commit's id."""
        self.day += 1
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, author=author)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def short(self, ref: str = "HEAD") -> str:
        return self.git("rev-parse", "--short=7", ref).strip()
