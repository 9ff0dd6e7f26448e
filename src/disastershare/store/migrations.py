"""Schema versions via Alembic; the environment lives in the top-level db/ folder and ships with the app.

Opening a current workspace does not import Alembic (a sixth of a command's start-up): the revisions are
read from the version files' `revision = "..."` lines and the database's alembic_version table; Alembic
runs only when there is something to upgrade. A test checks these agree with Alembic's own view.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from disastershare.core.errors import DomainError
from disastershare.paths import migrations_dir
from disastershare.store.backup import write_backup

_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*(None|"[^"]*"|\'[^\']*\')', re.MULTILINE)


def _config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", str(engine.url))
    return cfg


@lru_cache(maxsize=1)
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision, from the version files."""
    found: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        values = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in values:
            down = values.get("down_revision", "None")
            found[values["revision"].strip("\"'")] = None if down == "None" else down.strip("\"'")
    return found


def head_revision() -> str:
    revisions = _revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    return next(iter(heads)) if len(heads) == 1 else ""


def known_revisions() -> set[str]:
    return set(_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command  # deferred: only an upgrade pays for Alembic

    cfg = _config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def migrate_if_needed(engine: Engine, db_path: Path, backups_dir: Path) -> Path | None:
    """Upgrade an older database to head after backing it up. Returns the backup path, if one was made."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DomainError(
            f"this workspace was written by a newer DisasterShare (schema {current}); please update the app"
        )
    engine.dispose()  # release pooled connections so the backup sees a quiet file
    backup = write_backup(db_path, backups_dir, f"pre-migrate-{current or 'empty'}")
    upgrade(engine)
    return backup
