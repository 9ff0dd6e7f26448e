"""Checks on a workspace folder and its database, made before anything writes to either.

A file in the database's place that is empty, damaged, or another program's database is refused in one
sentence: opening never "repairs" it by writing the schema into it. A workspace that cannot be opened for
writing (read-only medium, disk too full for SQLite's shared-memory file) is opened for reading only, so
stock can still be looked at in the middle of a disaster. Paths SQLite or the OS cannot take are refused
before anything is created.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event

from disastershare.core.errors import DomainError
from disastershare.store.connection import read_only_uri

SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite's unix VFS takes database paths up to 512 bytes including the "-journal" it may append: 504.
SQLITE_MAX_PATH = 504 if sys.platform != "win32" else 32_000
NAME_MAX = 255  # bytes per file or folder name on every file system the app meets (ext4, NTFS, APFS, exFAT)
_DISK_TROUBLE = ("SQLITE_FULL", "SQLITE_IOERR")
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
RESTORE_HINT = "restore a backup with 'disastershare restore FILE' (see 'disastershare backup list')"


class DamagedDatabaseError(DomainError, sqlite3.DatabaseError):
    """The workspace database is damaged (not SQLite any more, truncated, or failing SQLite's checks).

    Also an sqlite3.DatabaseError, so code that keeps a raw copy of a database too damaged to copy properly
    (restore's safety copy) handles it like SQLite's own error."""


class NotAWorkspaceError(DomainError):
    """The file in the database's place is sound but is not a DisasterShare workspace."""


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    municipality: str
    drill: bool
    schema: str | None


def short(path: Path | str, keep: int = 160) -> str:
    """A path fit for a one-line message: very long ones keep their start and end."""
    text = str(path)
    return text if len(text) <= keep else f"{text[:keep // 2]}...{text[-(keep // 2):]}"


# -- the folder -----------------------------------------------------------------------------------------
def check_path(root: Path, db_name: str) -> None:
    """Refuse a workspace path the OS or SQLite cannot take (before anything is created or locked)."""
    absolute = Path(os.path.abspath(root))
    for part in absolute.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise DomainError(f"the folder name '{short(part, 40)}' is too long ({len(os.fsencode(part))} bytes; "
                              f"at most {NAME_MAX}): choose a shorter workspace folder")
    length = len(os.fsencode(str(absolute / db_name)))
    if length > SQLITE_MAX_PATH:
        raise DomainError(f"the workspace path is too long for its database ({length} bytes; at most "
                          f"{SQLITE_MAX_PATH}): choose a folder with a shorter path than {short(absolute, 60)}")


def check_folder(root: Path) -> None:
    """root, if it exists, is a folder."""
    try:
        if root.exists() and not root.is_dir():
            raise DomainError(f"{short(root)} is a file, not a workspace folder")
    except OSError as exc:
        raise os_error(exc, root) from None


def os_error(exc: OSError, where: Path) -> DomainError:
    """One sentence for an OSError met while looking at or laying out the workspace folder."""
    name = short(exc.filename or where)
    if exc.errno == errno.ENAMETOOLONG:
        return DomainError(f"the path is too long for this system: {name}")
    if exc.errno in _DISK_FULL_ERRNOS:
        return DomainError(f"the disk is full: could not write {name}; nothing was changed - "
                           "free some disk space and try again")
    if exc.errno == errno.EROFS:
        return DomainError(f"{name} is on a read-only medium; nothing was changed")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return DomainError(f"{name} is in the way: a file stands where the workspace needs a folder")
    return DomainError(f"cannot use {name}: {exc.strerror or exc}")


# -- the database file ----------------------------------------------------------------------------------
def wal_has_content(db_path: Path) -> bool:
    try:
        return Path(f"{db_path}-wal").stat().st_size > 0
    except OSError:
        return False


def check_database_file(db_path: Path) -> None:
    """Cheap checks of the file itself (no SQLite, nothing written): it is a file, SQLite's, and whole."""
    try:
        if not db_path.is_file():
            raise NotAWorkspaceError(f"{short(db_path)} is not a file, so this is not a DisasterShare workspace")
        size = db_path.stat().st_size
        with db_path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise os_error(exc, db_path) from None
    if size == 0:
        raise NotAWorkspaceError(f"{short(db_path)} is empty (0 bytes), so this is not a DisasterShare workspace; "
                                 f"nothing was changed - {RESTORE_HINT}")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DamagedDatabaseError(f"{short(db_path)} is not an SQLite database any more (damaged or overwritten); "
                                   f"nothing was changed - {RESTORE_HINT}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The in-header size counts only when it is marked valid (change counter == version-valid-for), and only
    # says something about this file when no write-ahead log holds newer pages.
    valid = header[24:28] == header[92:96] and pages > 0
    if valid and not wal_has_content(db_path) and size < pages * page_size:
        raise DamagedDatabaseError(f"{short(db_path)} is damaged (cut short: {size:,} of {pages * page_size:,} "
                                   f"bytes); nothing was changed - {RESTORE_HINT}")


def read_facts(conn: sqlite3.Connection, db_path: Path) -> DatabaseFacts:
    """Identity and schema version; a foreign or half-created database is refused. SQLite errors pass."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables or "workspace_info" not in tables:
        if "alembic_version" in tables:
            raise NotAWorkspaceError(f"{short(db_path)} was never finished being created (no identity in it); "
                                     "nothing was changed - move it away and run 'disastershare init' again")
        listed = ", ".join(sorted(tables)[:3]) or "no tables"
        raise NotAWorkspaceError(f"{short(db_path)} is another program's database ({listed}), not a DisasterShare "
                                 "workspace; nothing was changed")
    info = conn.execute("SELECT municipality, drill FROM workspace_info WHERE id = 1").fetchone()
    if info is None:
        raise NotAWorkspaceError(f"{short(db_path)} was never finished being created (no identity in it); "
                                 "nothing was changed - move it away and run 'disastershare init' again")
    schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return DatabaseFacts(str(info[0]), bool(info[1]), schema[0] if schema else None)


def damaged(exc: sqlite3.Error, db_path: Path) -> DamagedDatabaseError | None:
    """The sentence for SQLite's 'this file is damaged' errors, or None for any other error."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or str(exc) in (
            "file is not a database", "database disk image is malformed"):
        return DamagedDatabaseError(f"{short(db_path)} is damaged (SQLite: {exc}); nothing was changed - "
                                    f"{RESTORE_HINT}")
    return None


def disk_trouble(exc: sqlite3.Error) -> bool:
    """SQLite could not write (typically its -shm file on a full disk: SQLITE_IOERR_SHMSIZE)."""
    return (getattr(exc, "sqlite_errorname", "") or "").startswith(_DISK_TROUBLE)


def inspect(db_path: Path, uri: str | None = None) -> DatabaseFacts:
    """Open the database with plain sqlite3 (read-write, or `uri` read-only) and read its facts.

    Raises DamagedDatabaseError / NotAWorkspaceError, or SQLite's own error for anything else."""
    conn = None
    try:
        conn = sqlite3.connect(uri, uri=True) if uri else sqlite3.connect(db_path)
        return read_facts(conn, db_path)
    except sqlite3.Error as exc:
        if isinstance(exc, DomainError) or (error := damaged(exc, db_path)) is None:
            raise
        raise error from exc
    finally:
        if conn is not None:
            conn.close()


def remove_failed_side_files(db_path: Path) -> None:
    """After SQLite failed to set up WAL for lack of space: an empty -wal and the half-made -shm it left.

    Only call while holding the workspace lock (no other connection may be using them)."""
    if wal_has_content(db_path):
        return
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{db_path}{suffix}").unlink()


def read_only_uri_for(db_path: Path, why: str) -> str:
    """How to read a workspace that cannot be written; `why` is the sentence if it cannot be read either.

    Without a write-ahead log the file alone is the database and nothing can change it (read-only medium,
    or our lock held): immutable, no -shm needed. With one, SQLite needs the -shm file to read it."""
    if not wal_has_content(db_path):
        return read_only_uri(db_path, immutable=True)
    if Path(f"{db_path}-shm").is_file():
        return read_only_uri(db_path, immutable=False)
    raise DomainError(f"{why}, and its last changes are still in {db_path.name}-wal, which cannot be read "
                      "without writing; nothing was changed - copy the workspace folder to a writable disk "
                      "with free space and open it there")


def medium_read_only(root: Path) -> tuple[str, str]:
    """(why, what to do) for a workspace on a read-only medium."""
    return f"the workspace {short(root)} is on a read-only medium", "copy the folder to a writable disk to change it"


def disk_full(root: Path) -> tuple[str, str]:
    """(why, what to do) for a workspace whose disk is too full to open it for writing."""
    return f"the disk holding {short(root)} is full", "free some disk space and try again"


def read_only_refusal(why: str, advice: str) -> str:
    """The sentence for any write to a workspace opened for reading only."""
    return f"{why}, so the workspace was opened for reading only and nothing was changed - {advice}"


def explain_errors(engine: Engine, root: Path, db_path: Path, read_only: tuple[str, str] | None = None) -> None:
    """Every failure of `engine` a user can act on becomes one sentence (DomainError), in the GUI and the CLI:
    a full or failing disk, a damaged database, and (read_only = (why, advice)) any attempt to write."""
    from disastershare.store.backup import disk_error  # backup imports this module

    def translate(context) -> None:
        original = context.original_exception
        name = getattr(original, "sqlite_errorname", "") or ""
        if read_only and name.startswith("SQLITE_READONLY"):
            raise DomainError(read_only_refusal(*read_only)) from original
        error = disk_error(original, root) or (damaged(original, db_path) if isinstance(original, sqlite3.Error)
                                               else None)
        if error is not None:
            raise error from original

    event.listen(engine, "handle_error", translate)


def cannot_open(exc: sqlite3.Error, db_path: Path) -> DomainError:
    """Any other SQLite error while opening: one sentence (the path is the likely culprit for CANTOPEN)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_CANTOPEN"):
        return DomainError(f"SQLite cannot open {short(db_path)} ({exc}); nothing was changed")
    if disk_trouble(exc):
        return DomainError(f"could not open {short(db_path)}: the disk is full or failing ({name}); nothing was "
                           "changed - free some disk space and try again")
    return DomainError(f"cannot open {short(db_path)} (SQLite: {exc}); nothing was changed")


def refuse_to_create_over(db_path: Path) -> None:
    """`init` on a folder that already has something in the database's place: say what it is."""
    try:
        check_database_file(db_path)
        facts = inspect(db_path, read_only_uri(db_path, immutable=not wal_has_content(db_path)))
    except NotAWorkspaceError:
        what = "is not a DisasterShare workspace"
    except DamagedDatabaseError:
        what = "is a damaged database"
    except (DomainError, sqlite3.Error):
        what = "cannot be read"
    else:
        raise DomainError(f"a workspace already exists at {short(db_path.parent)} "
                          f"(municipality {facts.municipality})")
    raise DomainError(f"{short(db_path)} already exists and {what}; nothing was changed - move it away "
                      "or choose another folder")
