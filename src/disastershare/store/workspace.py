"""A workspace is a folder: database, signing keys, inbox/, outbox/, backups/ and settings.json."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, insert, select

from disastershare import __version__
from disastershare.core.catalog import Catalog, ResourceType
from disastershare.core.errors import DomainError
from disastershare.core.gc_pause import paused_gc
from disastershare.core.records import InventoryItem, Need, Record, StaffPool, utcnow
from disastershare.core.reference_data import shipped_registry
from disastershare.core.registry import Municipality, Registry
from disastershare.store import migrations
from disastershare.store.backup import backup_if_due, explain_disk_errors, write_backup
from disastershare.store.connection import make_engine
from disastershare.store.learned_names import learned_map, remember_names_in
from disastershare.store.lock import WorkspaceInUseError, WorkspaceLock
from disastershare.store.reference_store import insert_local_types, load_catalog, load_registry, seed_registry
from disastershare.store.repositories import RecordRepository
from disastershare.store.tables import ImportLogRow, WorkspaceInfo

DB_NAME = "workspace.sqlite"
ENV_VAR = "DISASTERSHARE_WORKSPACE"
LANGUAGES = ("ja", "en")


def default_workspace_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("DisasterShare", appauthor=False)) / "workspace"


@dataclass(frozen=True, slots=True)
class Identity:
    municipality: str
    drill: bool


class Workspace:
    """An open workspace. Create with Workspace.create, open with Workspace.open."""

    def __init__(self, root: Path, engine: Engine, identity: Identity, lock: WorkspaceLock | None = None) -> None:
        self.root = root
        self.engine = engine
        self._lock = lock  # one writer per workspace (store/lock.py); released by close() or at exit
        explain_disk_errors(engine, root)
        self.identity = identity
        own = identity.municipality
        self.inventory = RecordRepository(engine, InventoryItem, own, self.catalog)
        self.staff = RecordRepository(engine, StaffPool, own, self.catalog)
        self.needs = RecordRepository(engine, Need, own, self.catalog)
        self._catalog: Catalog | None = None
        self._registry: Registry | None = None

    # -- layout ---------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def municipality(self) -> str:
        return self.identity.municipality

    @property
    def drill(self) -> bool:
        return self.identity.drill

    # -- life cycle -----------------------------------------------------------------------------------
    @classmethod
    def create(cls, root: Path, municipality: str, drill: bool = False) -> Workspace:
        registry = shipped_registry()
        code = registry.require(municipality).code
        root = Path(root)
        if (root / DB_NAME).exists():
            raise DomainError(f"a workspace already exists at {root}")
        created_root = not root.exists()
        lock = None
        try:
            for sub in ("", "keys", "inbox", "outbox", "backups"):
                (root / sub).mkdir(parents=True, exist_ok=True)
            lock = WorkspaceLock.acquire(root)
            engine = make_engine(root / DB_NAME)
            migrations.upgrade(engine)
            with engine.begin() as conn:
                conn.execute(insert(WorkspaceInfo.__table__).values(
                    id=1, municipality=code, drill=drill, created_at=utcnow(), app_version=__version__))
            seed_registry(engine, registry)
            workspace = cls(root, engine, Identity(code, drill), lock)
            workspace.save_settings({"language": None})
            return workspace
        except WorkspaceInUseError:
            raise  # another instance is creating or using this folder: its files are not ours to remove
        except Exception:
            if lock is not None:
                lock.release()
            if created_root:
                shutil.rmtree(root, ignore_errors=True)
            else:
                (root / DB_NAME).unlink(missing_ok=True)
            raise

    @classmethod
    def open(cls, root: Path) -> Workspace:
        root = Path(root)
        db_path = root / DB_NAME
        if not db_path.is_file():
            raise DomainError(
                f"no workspace at {root}; create one with 'disastershare init --municipality CODE'"
            )
        lock = WorkspaceLock.acquire(root)
        try:
            engine = make_engine(db_path)
            migrations.migrate_if_needed(engine, db_path, root / "backups")
            with engine.connect() as conn:
                info = conn.execute(select(WorkspaceInfo.__table__)).first()
            if info is None:
                raise DomainError(f"{db_path} is not a DisasterShare workspace (no identity)")
            backup_if_due(db_path, root / "backups", info.created_at)
            return cls(root, engine, Identity(info.municipality, bool(info.drill)), lock)
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def backup_now(self, label: str = "manual") -> Path:
        return write_backup(self.db_path, self.backups, label)

    # -- reference data -------------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.engine)
        return self._catalog

    def invalidate_catalog(self) -> None:
        self._catalog = None

    def import_catalog(self) -> Catalog:
        """What my own sheets may name: the shipped catalog and my local types, never a partner's."""
        return self.catalog().owned_by(self.municipality)

    def learned_names(self) -> dict[str, str]:
        """Sheet names the officer resolved in earlier imports (name as written -> code)."""
        return learned_map(self.engine)

    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = load_registry(self.engine)
        return self._registry

    def invalidate_registry(self) -> None:
        self._registry = None

    def own_municipality(self) -> Municipality:
        found = self.registry().get(self.municipality)
        return found or shipped_registry().require(self.municipality)

    # -- settings -------------------------------------------------------------------------------------
    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    def settings(self) -> dict:
        try:
            return json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_settings(self, settings: dict) -> None:
        tmp = self.settings_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.settings_path)

    def language(self) -> str | None:
        lang = self.settings().get("language")
        return lang if lang in LANGUAGES else None

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise DomainError(f"language must be one of {', '.join(LANGUAGES)}")
        self.save_settings({**self.settings(), "language": language})

    # -- imports --------------------------------------------------------------------------------------
    def apply_import(self, kind: str, source: str, rows_read: int, adds: Sequence[Record],
                     changes: Sequence[Record], learned: Mapping[str, str] | None = None,
                     new_types: Sequence[ResourceType] = ()) -> tuple[int, int]:
        """Write an import plan in one transaction: all of it or none of it.

        new_types: local types the officer created while resolving the import; learned: the names the
        officer resolved, remembered for the next import. Both are written with the records or not at all.
        """
        if new_types:
            self._catalog = self.catalog().with_types(new_types)  # the records below may use them
        try:
            with paused_gc():
                return self._apply_import(kind, source, rows_read, adds, changes, learned or {}, new_types)
        finally:
            if new_types:
                self.invalidate_catalog()

    def _apply_import(self, kind: str, source: str, rows_read: int, adds: Sequence[Record],
                      changes: Sequence[Record], learned: Mapping[str, str],
                      new_types: Sequence[ResourceType]) -> tuple[int, int]:
        groups = []
        for repo, rtype in ((self.inventory, InventoryItem), (self.staff, StaffPool), (self.needs, Need)):
            mine_adds = [r for r in adds if isinstance(r, rtype)]
            mine_changes = [r for r in changes if isinstance(r, rtype)]
            if mine_adds or mine_changes:
                repo.check(mine_adds, mine_changes)
                groups.append((repo, mine_adds, mine_changes))
        write_backup(self.db_path, self.backups, f"pre-import-{kind}")
        with self.engine.begin() as conn:
            insert_local_types(conn, self.municipality, new_types)
            remember_names_in(conn, learned, self.catalog())
            for repo, mine_adds, mine_changes in groups:
                repo.apply_in(conn, mine_adds, mine_changes, stamped=False)
            conn.execute(insert(ImportLogRow.__table__).values(
                at=utcnow(), kind=kind, source=source, rows_read=rows_read, added=len(adds),
                changed=len(changes)))
        return len(adds), len(changes)
