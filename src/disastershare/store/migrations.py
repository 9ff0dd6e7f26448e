"""Schema versions via Alembic; the environment lives in the top-level db/ folder and ships with the app."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from disastershare.core.errors import DomainError
from disastershare.paths import migrations_dir
from disastershare.store.backup import write_backup


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", str(engine.url))
    return cfg


def head_revision() -> str:
    return ScriptDirectory(str(migrations_dir())).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory(str(migrations_dir())).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
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
