from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from disastershare.store import migrations, request_tables, sync_tables  # noqa: F401 - their tables join the metadata
from disastershare.store.connection import make_engine
from disastershare.store.tables import SQLModel
from disastershare.store.workspace import DB_NAME, Workspace


def _first_version_workspace(root: Path) -> Path:
    """A workspace as the first schema version (0001) wrote it, with one record in it."""
    root.mkdir()
    for sub in ("keys", "inbox", "outbox", "backups"):
        (root / sub).mkdir()
    db = root / DB_NAME
    engine = make_engine(db)
    migrations.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO workspace_info VALUES (1, '131016', 0, '2026-01-01 00:00:00', '0.0.1')")
        conn.execute("INSERT INTO inventory_item VALUES ('a5b2', '131016', 1, '2026-01-01 00:00:00', 0, "
                     "'S-BLANKET', 40, 0, '倉庫', 'ready', NULL, '')")
    return db


def test_opening_a_first_version_workspace_backs_it_up_and_upgrades_it(tmp_path: Path) -> None:
    db = _first_version_workspace(tmp_path / "old")
    ws = Workspace.open(tmp_path / "old")
    assert migrations.current_revision(ws.engine) == migrations.head_revision()
    assert [i.on_hand for i in ws.inventory.list()] == [40]
    backups = list((tmp_path / "old" / "backups").glob("*pre-migrate-0001.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT on_hand FROM inventory_item").fetchone()[0] == 40
    assert db.exists()


def test_opening_a_current_workspace_makes_no_backup(workspace: Workspace) -> None:
    Workspace.open(workspace.root)
    assert list(workspace.backups.glob("*.sqlite")) == []


def test_migrated_schema_equals_the_sqlmodel_tables(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_the_quick_revision_reading_agrees_with_alembic(workspace: Workspace) -> None:
    from alembic.script import ScriptDirectory

    from disastershare.paths import migrations_dir

    scripts = ScriptDirectory(str(migrations_dir()))
    assert migrations.head_revision() == scripts.get_current_head()
    assert migrations.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    with workspace.engine.connect() as conn:
        assert migrations.current_revision(workspace.engine) == MigrationContext.configure(conn).get_current_revision()
