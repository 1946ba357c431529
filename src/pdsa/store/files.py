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
import os
import re
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pdsa.errors import ChangedMeanwhile, PdsaError

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
        raise PdsaError(f"cannot read the file: {error.strerror}", path=path) from None
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
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "nt":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def create_exclusive(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; FileExistsError if the name is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(path.parent, text.encode("utf-8"), path.stem)
    try:
        try:
            os.link(temp, path)
        except (AttributeError, NotImplementedError, PermissionError):
            # File systems without hard links: exclusive create, then the bytes.
            with open(path, "xb") as stream:
                stream.write(text.encode("utf-8"))
                stream.flush()
                os.fsync(stream.fileno())
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _fsync_folder(path.parent)


def replace_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` in one step.

    With ``expected``, refuse if the file changed since it was read, so a concurrent
    edit is never overwritten.
    """
    temp = _write_temp(path.parent, data, path.stem, replacing=path)
    try:
        if expected is not None and path.read_bytes() != expected:
            raise ChangedMeanwhile(
                "the file changed while pdsa was working on it; nothing was written",
                hint="run the command again",
                path=path,
            )
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)


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
        temp = _write_temp(folder, text.encode("utf-8"), path.stem, replacing=path)
        os.replace(temp, path)
    except OSError as error:
        raise PdsaError(f"cannot write {path}: {error.strerror}") from None


#: How long to wait for another pdsa writing the same record, and when a lock is stale.
LOCK_WAIT_SECONDS = 10.0
LOCK_STALE_SECONDS = 60.0


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock file (``.<name>.lock`` beside it) while reading and rewriting it,
    so two people adding to one record at once both land, one after the other."""
    lock = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(OSError):
                    os.unlink(lock)
                continue
            if time.monotonic() > deadline:
                raise PdsaError(
                    f"{path.name} is being written by another pdsa; nothing was written",
                    hint=f"try again; if no pdsa is running, delete {lock}",
                    path=path,
                ) from None
            time.sleep(0.02)
    try:
        os.close(handle)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)


def _stale(lock: Path) -> bool:
    try:
        return time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS
    except OSError:
        return False
