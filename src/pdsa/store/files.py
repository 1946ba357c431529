"""Reading and writing single files without ever losing what is in them.

Three ways to write, one per situation:

* :func:`create_exclusive` for a new record: written to a temporary file, then linked
  into place only if the name is still free, so two people creating the same record
  at once get two files or one clear refusal, never one clobbered file.
* :func:`append` for a new phase or data point: the existing bytes are kept exactly
  (comments and hand edits survive) and the addition goes after them.
* :func:`replace_atomic` for whole-file replacements (edit, fmt, migrate).

Every write goes through a temporary file in the same folder, fsync and rename, so a
crash leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pdsa.errors import ChangedMeanwhile, PdsaError, os_failure
from pdsa.store.scan import STALE_LOCK_SECONDS

BOM = "\ufeff"
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class ParsedFile:
    """A file's exact text and what tomllib made of it."""

    __slots__ = ("data", "path", "raw", "text")

    def __init__(self, path: Path, raw: bytes, text: str, data: dict[str, Any]) -> None:
        self.path = path
        self.raw = raw
        self.text = text
        self.data = data


def decode(path: Path, raw: bytes) -> str:
    """The file's text; a file that is not UTF-8 is refused with the offending line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise PdsaError(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})",
            hint="save it as UTF-8 in your editor",
            path=path,
            line=line,
            column=column,
        ) from None
    # A byte-order mark is harmless to read past; `pdsa check` reports it.
    return text.removeprefix(BOM)


def parse_text(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML, turning the parser's complaint into ``file:line:col: message``."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise PdsaError(
            "not valid TOML for pdsa: arrays or tables nested too deeply to read",
            hint="fix the file by hand (pdsa never rewrites a file it cannot parse)",
            path=path,
            line=1,
            column=1,
        ) from None
    except tomllib.TOMLDecodeError as error:
        line, column = toml_error_position(error, text)
        message = str(error.args[0]) if error.args else str(error)
        message = message.split(" (at ")[0]
        if message == "Illegal character '\\n'":
            message += " (is a closing quote missing on this line?)"
        raise PdsaError(
            f"not valid TOML: {message}",
            hint="fix the file by hand (pdsa never rewrites a file it cannot parse)",
            path=path,
            line=line,
            column=column,
        ) from None


def toml_error_position(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, int]:
    """1-based (line, column) of a tomllib error, from its attributes or its message."""
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    if isinstance(line, int):
        return line, column if isinstance(column, int) else 1
    message = str(error)
    found = _POSITION.search(message)
    if found:
        return int(found.group(1)), int(found.group(2))
    # "at end of document": the end of the last line.
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def read(path: Path) -> ParsedFile:
    """Read and parse one TOML file, or refuse with where it went wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PdsaError("no such file", path=path) from None
    except OSError as error:
        raise os_failure(error, doing="read the file", path=path) from None
    text = decode(path, raw)
    return ParsedFile(path, raw, text, parse_text(path, text))


def _file_mode(replacing: Path | None) -> int:
    """The permissions a written file gets: those of the file it replaces, else the
    usual ones for a new file (0666 less the umask), never mkstemp's owner-only 0600."""
    if replacing is not None:
        try:
            return replacing.stat().st_mode & 0o7777
        except OSError:
            pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_temp(folder: Path, data: bytes, stem: str, *, replacing: Path | None = None) -> Path:
    """``data`` in a new temporary file in ``folder``, on disk; removed again if anything
    fails (a full disk, a file-size limit), so a failed write leaves nothing behind.
    Its name (``.<stem>.XXXXXXXX.tmp``) is one :mod:`pdsa.store.scan` knows as pdsa's."""
    handle, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, _file_mode(replacing))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows, and some
    # file systems refuse it: the file is written either way.
    if os.name != "nt":
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents if missing; a refusal naming the path if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise os_failure(
            OSError(errno.ENOTDIR, "not a folder"), doing="create", path=folder
        ) from None
    except OSError as error:
        raise os_failure(error, doing="create", path=folder) from None


def create_exclusive(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; FileExistsError if the name is taken, a
    :class:`PdsaError` naming the path for any other failure (nothing is left behind)."""
    make_folder(path.parent)
    data = text.encode("utf-8")
    try:
        temp = _write_temp(path.parent, data, path.stem)
        try:
            try:
                os.link(temp, path)
            except (AttributeError, NotImplementedError, PermissionError):
                # File systems without hard links: exclusive create, then the bytes.
                _write_new(path, data)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    except FileExistsError:
        raise
    except OSError as error:
        raise os_failure(error, doing="write", path=path) from None
    _fsync_folder(path.parent)


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as stream:
        try:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise


def create_folder_exclusive(
    folder: Path, files: dict[str, str], *, folders: tuple[str, ...]
) -> None:
    """Create ``folder`` holding ``files`` (name to text) and the empty ``folders``, all at
    once: everything is written under a temporary name beside it, which becomes
    ``folder`` last. FileExistsError if ``folder`` exists already (and is not empty);
    killed half way, it leaves only a hidden ``.<name>.new-XXXXXXXX`` folder, which no
    command reads and ``pdsa check`` reports."""
    make_folder(folder.parent)
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    except OSError as error:
        raise os_failure(error, doing="create", path=folder) from None
    try:
        os.chmod(temp, 0o777 & ~_umask())
        for name, text in files.items():
            _write_new(temp / name, text.encode("utf-8"))
        for name in folders:
            (temp / name).mkdir()
        try:
            os.rename(temp, folder)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY) or folder.exists():
                raise FileExistsError(errno.EEXIST, "already exists", str(folder)) from None
            raise
    except FileExistsError:
        _remove_tree(temp)
        raise
    except OSError as error:
        _remove_tree(temp)
        raise os_failure(error, doing="create", path=folder) from None
    except BaseException:
        _remove_tree(temp)
        raise
    _fsync_folder(folder.parent)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _log_root(path: Path) -> Path | None:
    """The folder holding ``pdsa.toml`` at or above ``path``'s folder, if any."""
    for folder in path.absolute().parents:
        if (folder / "pdsa.toml").is_file():
            return folder
    return None


def write_target(path: Path) -> Path:
    """Where a rewrite of ``path`` must go: ``path`` itself, or, when it is a symbolic link,
    the file it points to (so the link stays a link), which must lie inside the log."""
    if not path.is_symlink():
        return path
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise os_failure(OSError(errno.ELOOP, "loop"), doing="follow the link", path=path) from None
    root = _log_root(path)
    if root is not None and not target.is_relative_to(root.resolve()):
        raise PdsaError(
            f"a symbolic link to {target}, outside the log; pdsa does not write through it; "
            "nothing was written",
            hint="put the file itself in the log in place of the link, then run the command again",
            path=path,
        )
    return target


def replace_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` in one step.

    With ``expected``, refuse if the file changed since it was read, so a concurrent
    edit is never overwritten. A symbolic link stays a link: the file it points to is
    replaced (if it lies inside the log; otherwise the write is refused).
    """
    target = write_target(path)
    try:
        temp = _write_temp(target.parent, data, target.stem, replacing=target)
        try:
            if expected is not None and target.read_bytes() != expected:
                raise ChangedMeanwhile(
                    "the file changed while pdsa was working on it; nothing was written",
                    hint="run the command again",
                    path=path,
                )
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as error:
        raise os_failure(error, doing="write", path=path) from None
    _fsync_folder(target.parent)


def appended_text(original: str, addition: str) -> str:
    """``original`` with ``addition`` after it, separated by one blank line, in the
    original's line endings (a CRLF file stays CRLF)."""
    if not original:
        return addition
    newline = "\r\n" if "\r\n" in original else "\n"
    if not original.endswith("\n"):
        original += newline
    if not original.endswith(newline * 2):
        original += newline
    return original + addition.replace("\n", newline)


def append(parsed: ParsedFile, addition: str) -> None:
    """Add ``addition`` after the file's exact bytes, atomically."""
    raw_text = parsed.raw.decode("utf-8")
    new_text = appended_text(raw_text, addition)
    replace_atomic(parsed.path, new_text.encode("utf-8"), expected=parsed.raw)


def write_export(path: Path, text: str, *, log_root: Path | None = None) -> None:
    """Write an export (a chart, a report) atomically, replacing any earlier one, but
    never over a file of the log at ``log_root``."""
    if log_root is not None:
        from pdsa.store.log import Log

        if Log(log_root).holds(path):
            raise PdsaError(
                f"{path} is a file of the log; an export is never written over one",
                hint="choose a file outside projects/ and .pdsa/, e.g. report.html",
            )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PdsaError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        # backslashreplace: a name that is not UTF-8 is written as an escape, not a crash.
        data = text.encode("utf-8", "backslashreplace")
        temp = _write_temp(folder, data, path.stem, replacing=path)
        try:
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as error:
        raise os_failure(error, doing="write", path=path) from None


#: How long to wait for another pdsa writing the same record, and when a lock is stale.
LOCK_WAIT_SECONDS = 10.0
LOCK_STALE_SECONDS = STALE_LOCK_SECONDS


def lock_path(path: Path) -> Path:
    """The lock file of the record at ``path``: ``.<name>.lock`` beside it."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock file (``.<name>.lock`` beside it) while reading and rewriting it,
    so two people adding to one record at once both land, one after the other.

    Gives up within :data:`LOCK_WAIT_SECONDS` whatever happens: a lock that is a folder,
    or a stale lock that cannot be removed, is refused at once, naming the lock, its age
    and how to remove it.
    """
    lock = lock_path(path)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            pass
        except OSError as error:
            raise os_failure(error, doing="write", path=path) from None
        _wait_for(lock, path, deadline)
    try:
        os.close(handle)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)


def _wait_for(lock: Path, path: Path, deadline: float) -> None:
    """One turn of waiting for someone else's ``lock``: remove it when stale, refuse when
    it cannot be removed, is no lock file, or the deadline has passed."""
    try:
        info = os.lstat(lock)
    except FileNotFoundError:
        info = None  # released just now: try again
    except OSError as error:
        raise os_failure(error, doing="write", path=path) from None
    if info is not None:
        age = max(0.0, time.time() - info.st_mtime)
        remove = f"rmdir '{lock}'" if stat.S_ISDIR(info.st_mode) else f"rm '{lock}'"
        if not stat.S_ISREG(info.st_mode):
            raise PdsaError(
                f"its lock {lock.name} is not a lock file (it is a folder or a link, {_age(age)} "
                "old); nothing was written",
                hint=f"if no pdsa is running, remove it: {remove}",
                path=path,
            )
        if age > LOCK_STALE_SECONDS:
            try:
                os.unlink(lock)
            except FileNotFoundError:
                pass
            except OSError as error:
                raise PdsaError(
                    f"its stale lock, {lock.name} ({_age(age)} old, left by a pdsa that stopped), "
                    f"cannot be removed: {error.strerror or error}; nothing was written",
                    hint=f"remove it by hand when no pdsa is running: {remove}",
                    path=path,
                ) from None
            info = None  # removed: try again at once (the deadline below still holds)
        elif time.monotonic() > deadline:
            raise PdsaError(
                f"{path.name} is being written by another pdsa (its lock, {lock.name}, is "
                f"{_age(age)} old); nothing was written",
                hint=f"try again; if no pdsa is running, remove the lock: {remove}",
                path=path,
            )
    if time.monotonic() > deadline:
        raise PdsaError(
            f"{path.name} could not be locked within {LOCK_WAIT_SECONDS:g} seconds (other "
            "pdsa commands kept taking it); nothing was written",
            hint="try again",
            path=path,
        )
    if info is not None:
        time.sleep(0.02)


def _age(seconds: float) -> str:
    """``12 seconds``, ``3 minutes``, ``5 hours``, ``2 days``: how old a lock is."""
    for size, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    count = int(seconds)
    return f"{count} second{'s' if count != 1 else ''}"
