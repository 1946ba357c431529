"""The write path: atomic replacement, exclusive creation, locks that never hang, symbolic
links kept, and operating-system failures turned into refusals that leave nothing behind.

The sandbox (and CI) runs as root, whom permissions do not stop, so refusals by the
system are simulated by replacing the ``os`` call that would meet them.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pdsa.errors import PdsaError
from pdsa.store import files
from pdsa.store.files import (
    create_exclusive,
    create_folder_exclusive,
    lock_path,
    locked,
    read,
    replace_atomic,
)


def finishes(work: Callable[[], object], *, within: float = 5.0) -> BaseException | None:
    """Run ``work`` in a thread; the exception it raised (None if none). Fails the test,
    rather than hanging it, when ``work`` is still running after ``within`` seconds."""
    raised: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # handed back to the test
            raised.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(within)
    assert not thread.is_alive(), f"still running after {within} s"
    return raised[0] if raised else None


def hold(path: Path) -> None:
    with locked(path):
        pass


def make_old(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


@pytest.fixture
def record(tmp_path: Path) -> Path:
    path = tmp_path / "log" / "projects" / "p" / "measures" / "m.toml"
    path.parent.mkdir(parents=True)
    (tmp_path / "log" / "pdsa.toml").write_text('schema_version = 1\nname = "x"\n')
    path.write_text('schema_version = 1\ntitle = "M"\n')
    return path


# -- locks --------------------------------------------------------------------------------


def test_a_lock_is_taken_and_released(record: Path) -> None:
    with locked(record):
        assert lock_path(record).is_file()
    assert not lock_path(record).exists()


def test_a_lock_that_is_a_folder_is_refused_at_once_naming_it(record: Path) -> None:
    lock = lock_path(record)
    lock.mkdir()
    make_old(lock, 7200)
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError)
    assert f"its lock {lock.name} is not a lock file" in error.message
    assert "2 hours old" in error.message
    assert error.hint == f"if no pdsa is running, remove it: rmdir '{lock}'"
    assert lock.is_dir()  # never removed behind anyone's back


def test_a_fresh_lock_that_is_a_folder_is_refused_too(record: Path) -> None:
    lock_path(record).mkdir()
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError) and "not a lock file" in error.message


def test_a_stale_lock_is_removed_and_the_write_goes_ahead(record: Path) -> None:
    lock = lock_path(record)
    lock.write_text("")
    make_old(lock, 3600)
    assert finishes(lambda: hold(record)) is None
    assert not lock.exists()


def test_a_stale_lock_that_cannot_be_removed_is_refused_with_its_age_and_the_fix(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = lock_path(record)
    lock.write_text("")
    make_old(lock, 3 * 86_400)
    real_unlink = os.unlink

    def read_only_folder(path: object, *args: object, **kwargs: object) -> None:
        if Path(str(path)) == lock:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_unlink(path)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "unlink", read_only_folder)
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError)
    assert f"its stale lock, {lock.name} (3 days old" in error.message
    assert "cannot be removed: Permission denied; nothing was written" in error.message
    assert error.hint == f"remove it by hand when no pdsa is running: rm '{lock}'"


def test_a_lock_held_by_another_pdsa_gives_up_at_the_deadline(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    lock = lock_path(record)
    lock.write_text("")
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError)
    assert error.message.startswith("m.toml is being written by another pdsa (its lock, .m.toml")
    assert "seconds old); nothing was written" in error.message
    assert error.hint == f"try again; if no pdsa is running, remove the lock: rm '{lock}'"


def test_a_lock_that_comes_back_every_time_still_gives_up_at_the_deadline(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process removes the stale lock and makes a new stale one, for ever.
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    lock = lock_path(record)
    real_open = os.open

    def contested(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == lock:
            lock.write_text("")
            make_old(lock, 3600)
            raise FileExistsError(errno.EEXIST, "File exists", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", contested)
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError)
    assert "could not be locked" in error.message


def test_a_lock_in_a_read_only_folder_is_a_refusal_naming_the_record(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", read_only)
    error = finishes(lambda: hold(record))
    assert isinstance(error, PdsaError)
    assert error.path == record
    assert error.message == "cannot write: permission denied"
    assert error.hint is not None and error.hint.startswith("nothing was written; check the")


# -- writes that fail leave nothing behind ----------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EFBIG, "the file would be larger than this system allows"),
        (errno.EDQUOT, "the disk quota is used up"),
        (errno.EIO, "the disk reported an input/output error"),
    ],
)
def test_a_full_disk_leaves_the_file_as_it_was_and_no_temporary_file(
    record: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    before = record.read_bytes()

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(PdsaError) as caught:
        replace_atomic(record, b"new text\n", expected=before)
    assert caught.value.message == f"cannot write: {reason}"
    assert caught.value.path == record
    assert record.read_bytes() == before
    assert leftovers(record.parent) == []


def test_a_rename_refused_by_the_system_leaves_no_temporary_file(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def immutable(source: object, target: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(source), str(target))

    monkeypatch.setattr(files.os, "replace", immutable)
    with pytest.raises(PdsaError) as caught:
        replace_atomic(record, b"new\n")
    assert caught.value.message == "cannot write: the operation is not permitted"
    assert "immutable" in (caught.value.hint or "")
    assert leftovers(record.parent) == []


def test_a_new_file_that_cannot_be_written_is_not_left_half_written(
    record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = record.parent / "new.toml"

    def no_links(source: object, target: object) -> None:
        raise PermissionError(errno.EPERM, "hard links not allowed")

    calls = {"fsync": 0}
    real_fsync = os.fsync

    def full_on_the_second(fd: int) -> None:
        calls["fsync"] += 1
        if calls["fsync"] == 2:  # the temporary file is written; the fallback is not
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "link", no_links)
    monkeypatch.setattr(files.os, "fsync", full_on_the_second)
    with pytest.raises(PdsaError) as caught:
        create_exclusive(target, "schema_version = 1\n")
    assert caught.value.message == "cannot write: the disk is full"
    assert not target.exists()
    assert leftovers(record.parent) == []


def test_a_folder_in_the_way_of_a_new_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "cycles").write_text("a file where a folder should be")
    with pytest.raises(PdsaError) as caught:
        create_exclusive(tmp_path / "cycles" / "x.toml", "x = 1\n")
    assert caught.value.path == tmp_path / "cycles"
    assert caught.value.message == (
        "cannot create: part of the path is a file where a folder should be"
    )


def test_reading_a_symbolic_link_loop_is_a_refusal(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    with pytest.raises(PdsaError) as caught:
        read(loop)
    assert caught.value.message == "cannot read the file: a symbolic link loops back on itself"
    assert caught.value.hint == "remove the link, or point it at a real file"


# -- a folder made all at once -----------------------------------------------------------------


def test_a_folder_is_created_with_its_files_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "projects" / "outreach"
    create_folder_exclusive(folder, {"project.toml": "x = 1\n"}, folders=("cycles", "measures"))
    assert (folder / "project.toml").read_text() == "x = 1\n"
    assert (folder / "cycles").is_dir() and (folder / "measures").is_dir()
    assert leftovers(folder.parent) == []
    assert oct(folder.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def test_a_folder_that_exists_is_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "outreach"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        create_folder_exclusive(folder, {"project.toml": "x = 1\n"}, folders=())
    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt"]
    assert leftovers(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- symbolic links ------------------------------------------------------------------------------


def test_rewriting_through_a_link_inside_the_log_keeps_the_link(record: Path) -> None:
    real = record.parent.parent / "kept.toml"
    real.write_bytes(record.read_bytes())
    record.unlink()
    record.symlink_to(real)
    replace_atomic(record, b"schema_version = 1\ntitle = 'N'\n", expected=real.read_bytes())
    assert record.is_symlink()
    assert real.read_bytes() == b"schema_version = 1\ntitle = 'N'\n"


def test_a_link_pointing_out_of_the_log_is_refused(record: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_bytes(record.read_bytes())
    record.unlink()
    record.symlink_to(outside)
    with pytest.raises(PdsaError) as caught:
        replace_atomic(record, b"x = 2\n")
    assert f"a symbolic link to {outside.resolve()}, outside the log" in caught.value.message
    assert record.is_symlink()
    assert outside.read_bytes() == b'schema_version = 1\ntitle = "M"\n'
