"""A workspace is a folder: database, signing keys, inbox/, outbox/, backups/ and settings.json."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
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
from disastershare.store.backup import backup_if_due, remove_with_side_files, write_backup
from disastershare.store.connection import make_engine, make_read_only_engine, read_only_uri
from disastershare.store.db_health import (
    DamagedDatabaseError,
    NotAWorkspaceError,
    cannot_open,
    check_database_file,
    check_folder,
    check_path,
    damaged,
    disk_full,
    disk_trouble,
    explain_errors,
    inspect,
    medium_read_only,
    os_error,
    read_only_refusal,
    read_only_uri_for,
    refuse_to_create_over,
    remove_failed_side_files,
    wal_has_content,
)
from disastershare.store.learned_names import learned_map, remember_names_in
from disastershare.store.lock import ReadOnlyMediumError, WorkspaceInUseError, WorkspaceLock
from disastershare.store.reference_store import insert_local_types, load_catalog, load_registry, seed_registry
from disastershare.store.repositories import RecordRepository
from disastershare.store.tables import ImportLogRow, WorkspaceInfo

DB_NAME = "workspace.sqlite"
ENV_VAR = "DISASTERSHARE_WORKSPACE"
LANGUAGES = ("ja", "en")


def _any(_value: object) -> bool:
    return True


# settings.json keys the app reads, and what a usable value looks like
_SETTING_CHECKS = {"language": lambda v: v is None or v in LANGUAGES, "report_font": lambda v: isinstance(v, str)}


def _identity_of(copy: Path) -> Identity | None:
    """The identity recorded in a backup copy, or None if it cannot be read (nothing is written)."""
    try:
        check_database_file(copy)
        facts = inspect(copy, read_only_uri(copy, immutable=True))
    except (DomainError, sqlite3.Error, OSError):
        return None
    return Identity(facts.municipality, facts.drill)


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

    def __init__(self, root: Path, engine: Engine, identity: Identity, lock: WorkspaceLock | None = None,
                 read_only: tuple[str, str] | None = None) -> None:
        self.root = root
        self.engine = engine
        self._lock = lock  # one writer per workspace (store/lock.py); released by close() or at exit
        # Why this workspace could only be opened for reading (read-only medium, full disk), else None.
        self.read_only = read_only[0] if read_only else None
        self._read_only_refusal = read_only_refusal(*read_only) if read_only else ""
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
        db_path = root / DB_NAME
        check_path(root, DB_NAME)
        check_folder(root)
        try:
            occupied = db_path.exists() or db_path.is_symlink()
            created_root = not root.exists()
        except OSError as exc:
            raise os_error(exc, root) from None
        if occupied:
            refuse_to_create_over(db_path)
        lock = None
        try:
            for sub in ("", "keys", "inbox", "outbox", "backups"):
                (root / sub).mkdir(parents=True, exist_ok=True)
            lock = WorkspaceLock.acquire(root)
            engine = make_engine(db_path)
            explain_errors(engine, root, db_path)
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
        except Exception as exc:
            if lock is not None:
                lock.release()
            if created_root:
                shutil.rmtree(root, ignore_errors=True)
            else:
                remove_with_side_files(db_path)
            if isinstance(exc, OSError):
                raise os_error(exc, root) from exc
            raise

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Open a workspace; one sentence (DomainError) for anything in the folder that is not right.

        Nothing is written before the database is known to be a sound DisasterShare workspace. On a
        read-only medium (no lock can be taken, and no writer can exist there) or a disk too full for
        SQLite to open the database for writing, the workspace opens for reading only: `read_only` says why
        and every write is refused with that reason.
        """
        root = Path(root)
        db_path = root / DB_NAME
        check_path(root, DB_NAME)
        check_folder(root)
        try:
            present = db_path.exists()
        except OSError as exc:
            raise os_error(exc, root) from None
        if not present:
            raise DomainError(
                f"no workspace at {root}; create one with 'disastershare init --municipality CODE'"
            )
        read_only = None
        try:
            lock = WorkspaceLock.acquire(root)
        except ReadOnlyMediumError:
            # The lock keeps two writers apart; on a read-only medium there is no writer to keep out.
            lock, read_only = None, medium_read_only(root)
        try:
            check_database_file(db_path)
            if read_only:
                facts = inspect(db_path, read_only_uri_for(db_path, read_only[0]))
            else:
                try:
                    facts = inspect(db_path)
                except sqlite3.OperationalError as exc:
                    if not disk_trouble(exc):
                        raise
                    remove_failed_side_files(db_path)  # we hold the lock: nobody else uses them
                    read_only = disk_full(root)
                    facts = inspect(db_path, read_only_uri_for(db_path, read_only[0]))
            current = facts.schema == migrations.head_revision()
            if not current and facts.schema is not None and facts.schema not in migrations.known_revisions():
                raise DomainError(f"this workspace was written by a newer DisasterShare (schema {facts.schema}); "
                                  "please update the app")
            if read_only:
                if not current:
                    raise DomainError(f"{read_only[0]}, and its database needs upgrading to this version of the app "
                                      "first; nothing was changed - open it once on a writable disk with free space")
                engine = make_read_only_engine(db_path, immutable=not wal_has_content(db_path))
                explain_errors(engine, root, db_path, read_only)
            else:
                engine = make_engine(db_path)
                explain_errors(engine, root, db_path)
                migrations.migrate_if_needed(engine, db_path, root / "backups")
                with engine.connect() as conn:
                    info = conn.execute(select(WorkspaceInfo.__table__)).first()
                backup_if_due(db_path, root / "backups", info.created_at)
            return cls(root, engine, Identity(facts.municipality, facts.drill), lock, read_only)
        except BaseException as exc:
            if lock is not None:
                lock.release()
            if isinstance(exc, sqlite3.Error) and not isinstance(exc, DomainError):
                raise damaged(exc, db_path) or cannot_open(exc, db_path) from exc
            raise

    @classmethod
    def open_for_restore(cls, root: Path, backup: Path) -> tuple[Workspace, str | None]:
        """For `restore`: the workspace, opened as usual - or, when its database is damaged or is no workspace,
        opened only far enough (lock held, engine never connected) to put `backup` in its place. Returns the
        workspace and, in that second case, what is wrong with the database.

        The identity the backup is checked against then comes from the newest sound copy in backups/; with
        none there, from `backup` itself (the confirmation says so).
        """
        try:
            return cls.open(root), None
        except (DamagedDatabaseError, NotAWorkspaceError) as exc:
            problem = str(exc)
        root = Path(root)
        lock = WorkspaceLock.acquire(root)
        try:
            copies = sorted(((root / "backups").rglob("*.sqlite") if (root / "backups").is_dir() else []),
                            key=lambda p: p.stat().st_mtime, reverse=True)
            identity = next(filter(None, map(_identity_of, [*copies, Path(backup)])), Identity("", False))
            return cls(root, make_engine(root / DB_NAME), identity, lock), problem
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def check_writable(self) -> None:
        """Refuse (one sentence) when this workspace was opened for reading only."""
        if self.read_only:
            raise DomainError(self._read_only_refusal)

    def backup_now(self, label: str = "manual") -> Path:
        self.check_writable()
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
        """settings.json as a dict. A missing, unreadable or malformed file gives the defaults, and a known
        setting of the wrong type is left out: a damaged settings file never stops anyone working."""
        data = self._read_settings()
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if _SETTING_CHECKS.get(key, _any)(value)}

    def _read_settings(self) -> object:
        try:
            return json.loads(self.settings_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError):
            return None

    def save_settings(self, settings: dict) -> None:
        if self.settings_path.exists() and not isinstance(self._read_settings(), dict):
            # never drop a file someone edited by hand without a trace: keep it beside the new one
            with contextlib.suppress(OSError):
                self.settings_path.replace(self.settings_path.with_name("settings.json.invalid"))
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
