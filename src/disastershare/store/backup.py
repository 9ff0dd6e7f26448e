"""Consistent copies of the workspace database (SQLite backup API, safe while the app runs)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 20


def backup_database(db_path: Path, backups_dir: Path, label: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy db_path into backups_dir as '<timestamp>-<label>.sqlite' and rotate old copies."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{stamp}-{label}.sqlite"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    _rotate(backups_dir, keep)
    return target


def _rotate(backups_dir: Path, keep: int) -> None:
    copies = sorted(backups_dir.glob("*.sqlite"))
    for old in copies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
