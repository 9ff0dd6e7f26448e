"""Engines are made from an explicit path, so tests pass a temporary file and nothing reads a global."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

# Committed work must survive a power cut (common in a disaster). In WAL mode synchronous=NORMAL only syncs
# the WAL at checkpoints, so the last transactions reported as committed can vanish when the power fails;
# FULL syncs the WAL at every commit. fullfsync makes macOS flush the drive's cache too (no-op elsewhere).
SYNCHRONOUS = "FULL"
DURABILITY_PRAGMAS = (f"PRAGMA synchronous={SYNCHRONOUS}", "PRAGMA fullfsync=ON")


def configure(dbapi_connection) -> None:
    """The settings of every read-write connection to a workspace database (benchmarks reuse them)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    for pragma in DURABILITY_PRAGMAS:
        cursor.execute(pragma)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_connect(dbapi_connection, _record) -> None:
    configure(dbapi_connection)


def _on_connect_read_only(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(db_path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def read_only_uri(db_path: Path, immutable: bool) -> str:
    """An SQLite URI that never writes: immutable also skips locks and the -shm file, which is right only
    when nothing can change the file (a read-only medium, or the workspace lock held and the WAL empty)."""
    return f"{Path(db_path).absolute().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"


def make_read_only_engine(db_path: Path, immutable: bool) -> Engine:
    """An engine that only reads: for a workspace on a read-only medium or a disk too full to open it."""
    uri = read_only_uri(db_path, immutable)
    engine = create_engine(f"sqlite:///{db_path}",
                           creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", _on_connect_read_only)
    return engine
