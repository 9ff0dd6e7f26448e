"""One writer per workspace: the lock file `workspace.lock`, naming its holder (host, PID, start time).

- The file is locked with an OS lock (`fcntl.flock` on POSIX, `msvcrt.locking` on Windows). The OS drops
  that lock when the holding process ends in any way, SIGKILL and power cuts included, so a lock left
  behind by a crashed app on this computer is taken over without asking anyone.
- The file's content (JSON) is for people: a second opener is told "workspace is in use by <host> PID
  <pid> since <time>". A holder on another computer (a workspace on a network share, or a USB stick pulled
  out of a running laptop) is refused even when no OS lock is held, because nothing here can tell whether
  that process still runs; the message says which file to delete once it is known to be stale.
- The lock belongs to the process, not to one Workspace object: opening the same folder again in the same
  process shares it (tests, the GUI reopening after a restore); it goes when the last holder releases it
  or the process exits.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from disastershare import __version__
from disastershare.core.errors import DomainError

LOCK_NAME = "workspace.lock"
# Windows byte-range locks are mandatory: lock a byte far past the JSON so others can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class ReadOnlyMediumError(DomainError):
    """The lock file cannot be written because the workspace sits on a read-only medium (EROFS)."""


class WorkspaceInUseError(DomainError):
    """Another process (on this or another computer) holds the workspace."""

    def __init__(self, message: str, holder: LockHolder | None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True, slots=True)
class LockHolder:
    host: str
    pid: int
    since: str  # ISO 8601 local time with offset
    app: str = ""

    @classmethod
    def me(cls) -> LockHolder:
        return cls(socket.gethostname(), os.getpid(), datetime.now().astimezone().isoformat(timespec="seconds"),
                   f"disastershare {__version__}")

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
            return cls(str(data["host"]), int(data["pid"]), str(data.get("since", "")), str(data.get("app", "")))
        except (ValueError, KeyError, TypeError):
            return None

    def to_json(self) -> str:
        return json.dumps({"host": self.host, "pid": self.pid, "since": self.since, "app": self.app})

    @property
    def on_this_host(self) -> bool:
        return self.host.casefold() == socket.gethostname().casefold()

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            since = self.since or "an unknown time"
        return f"{self.host} PID {self.pid} since {since}"


@dataclass(slots=True)
class _Held:
    fd: int
    path: Path
    count: int
    pid: int  # a forked child must not think it holds its parent's lock


_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


class WorkspaceLock:
    """A reference to this process's lock on one workspace folder. Release it once (close the Workspace)."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @classmethod
    def acquire(cls, root: Path) -> WorkspaceLock:
        """Take the workspace's lock or raise WorkspaceInUseError naming the holder."""
        path = Path(root) / LOCK_NAME
        key = os.path.normcase(os.path.realpath(path))
        with _GUARD:
            held = _HELD.get(key)
            if held is not None and held.pid == os.getpid():
                held.count += 1
                return cls(key)
            _HELD[key] = _Held(_take(path), path, 1, os.getpid())
        return cls(key)

    @property
    def held(self) -> bool:
        return self._key is not None

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None:
            return
        with _GUARD:
            held = _HELD.get(key)
            if held is None or held.pid != os.getpid():
                return
            held.count -= 1
            if held.count <= 0:
                del _HELD[key]
                _give_up(held)

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def read_holder(root: Path) -> LockHolder | None:
    """Who the lock file names (None when there is no lock file or it is empty)."""
    try:
        return LockHolder.parse((Path(root) / LOCK_NAME).read_text(encoding="utf-8"))
    except OSError:
        return None


# -- taking and giving up -------------------------------------------------------------------------------
def _take(path: Path) -> int:
    for _attempt in range(20):
        fd = _open(path)
        try:
            locked = _os_lock(fd)
            if locked is False:
                holder = LockHolder.parse(_read(fd))
                raise _in_use(path, holder)
            if not _same_file(fd, path):  # the holder removed the file while we waited: start over
                os.close(fd)
                continue
            holder = LockHolder.parse(_read(fd))
            # On this computer a holder whose OS lock is free (or, without OS locks, whose PID is gone) crashed.
            stale = holder is None or holder.pid == os.getpid() or (
                holder.on_this_host and not (locked is None and _pid_alive(holder.pid)))
            if not stale:
                raise _in_use(path, holder)
            _write(fd, LockHolder.me().to_json(), path)
            return fd
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
    raise DomainError(f"could not take the workspace lock {path}; try again")


def _give_up(held: _Held) -> None:
    if sys.platform == "win32":  # an open file cannot be removed on Windows: close first
        _os_unlock(held.fd)
        os.close(held.fd)
        with contextlib.suppress(OSError):
            held.path.unlink()
        return
    with contextlib.suppress(OSError):  # unlink while still locked, so a waiter re-checks (see _same_file)
        if _same_file(held.fd, held.path):
            held.path.unlink()
    os.close(held.fd)


@atexit.register
def _release_all() -> None:
    """CLI commands open a workspace per command; exiting the process gives the lock back cleanly."""
    with _GUARD:
        for key, held in list(_HELD.items()):
            if held.pid == os.getpid():
                del _HELD[key]
                with contextlib.suppress(OSError):
                    _give_up(held)


def _in_use(path: Path, holder: LockHolder | None) -> WorkspaceInUseError:
    if holder is None:
        return WorkspaceInUseError(f"workspace is in use by another DisasterShare (it is starting up: {path})",
                                   None)
    message = f"workspace is in use by {holder.describe()}"
    if not holder.on_this_host:
        message += f" (if that computer no longer has it open, delete {path})"
    return WorkspaceInUseError(message, holder)


# -- the file and the OS lock ---------------------------------------------------------------------------
def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> DomainError:
    if exc.errno == errno.EROFS:
        return ReadOnlyMediumError(f"the workspace {path.parent} is on a read-only medium")
    if exc.errno in _DISK_FULL:
        return DomainError(f"cannot open the workspace: the disk holding {path.parent} is full; "
                           "free some space and try again")
    return DomainError(f"cannot lock the workspace ({exc.strerror}): {path}")


def _os_lock(fd: int) -> bool | None:
    """True: locked. False: someone else holds it. None: this file system has no locks (decide by PID)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)):
            return None
        return False


def _os_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, now = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", errors="replace")


def _write(fd: int, text: str, path: Path) -> None:
    data = text.encode("utf-8")
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        if os.write(fd, data) != len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(fd)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
