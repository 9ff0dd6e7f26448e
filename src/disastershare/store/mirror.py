"""The store side of partner sync: mirrored records, partners and their keys, the sync logs.

Mirrored records are replaced wholesale per owner: delete that owner's rows, then bulk-insert the new
ones with executemany on the raw sqlite connection (the ORM path is ~23x slower). The import applies
a batch of snapshots per SAVEPOINT inside one transaction, so a crash leaves every owner's rows old
or new, never mixed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update

from disastershare.store.request_tables import (
    DispatchRow,
    ReceiptRow,
    RequestResponseRow,
    ResourceRequestRow,
    ReturnRow,
)
from disastershare.store.sync_tables import (
    OwnSnapshotRow,
    PartnerKeyRow,
    PartnerRow,
    SnapshotImportRow,
    StoredSnapshotRow,
)
from disastershare.store.tables import InventoryItemRow, LocalResourceTypeRow, NeedRow, StaffPoolRow

RECORD_TABLES: dict[str, Table] = {
    "inventory_item": InventoryItemRow.__table__,
    "staff_pool": StaffPoolRow.__table__,
    "need": NeedRow.__table__,
    "local_resource_type": LocalResourceTypeRow.__table__,
    "resource_request": ResourceRequestRow.__table__,
    "request_response": RequestResponseRow.__table__,
    "request_dispatch": DispatchRow.__table__,
    "request_receipt": ReceiptRow.__table__,
    "request_return": ReturnRow.__table__,
}
_PARTNER = PartnerRow.__table__
_KEY = PartnerKeyRow.__table__
_LOG = SnapshotImportRow.__table__
_OWN = OwnSnapshotRow.__table__
_STORED = StoredSnapshotRow.__table__


def storage_time(moment: datetime | None) -> str | None:
    """The text SQLAlchemy's DateTime stores in SQLite (UTC), for the raw-SQL hot path."""
    return None if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass(slots=True)
class StoredPartner:
    code: str
    name: str
    agreement: str
    enabled: bool
    added_at: datetime
    last_sequence: int | None
    last_manifest_sha256: str | None
    last_file: str | None
    last_created_at: datetime | None
    last_imported_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredKey:
    public_key: str
    partner: str
    fingerprint: str
    active: bool
    added_at: datetime
    retired_at: datetime | None


@dataclass(frozen=True, slots=True)
class ImportLogLine:
    at: datetime
    file: str
    owner: str | None
    sequence: int | None
    status: str
    reason: str
    added: int
    changed: int
    removed: int
    signer: str | None
    manifest_sha256: str | None
    created_at: datetime | None
    resource_changes: str
    stock_totals: str = ""


_PARTNER_FIELDS = [f.name for f in fields(StoredPartner)]
_LOG_FIELDS = [f.name for f in fields(ImportLogLine)]


def begin_immediate(conn: Connection) -> None:
    """Take the write lock now, so the reads that decide what changes see what the writes replace."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# -- mirrored records --------------------------------------------------------------------------------
def read_owner_rows(conn: Connection, table: str, owner: str, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """One owner's rows (tombstones included) as stored, in a stable order, for a snapshot."""
    sql = f"SELECT {', '.join(columns)} FROM {RECORD_TABLES[table].name} WHERE owner = ? ORDER BY revision, id"
    return list(conn.exec_driver_sql(sql, (owner,)))


class MirrorWriter:
    """The import's hot path, on the raw sqlite3 connection beneath an SQLAlchemy Connection.

    It shares that connection's transaction; SQLAlchemy's per-statement overhead (~50 us) would
    otherwise cost more than the national import's inserts themselves.
    """

    def __init__(self, conn: Connection) -> None:
        self._db = conn.connection.driver_connection

    def savepoint(self) -> None:
        self._db.execute("SAVEPOINT snapshot")

    def release(self) -> None:
        self._db.execute("RELEASE snapshot")

    def rollback_to(self) -> None:
        self._db.execute("ROLLBACK TO snapshot")
        self._db.execute("RELEASE snapshot")

    def owner_states(self, owner: str, resource_columns: Mapping[str, str | None]
                     ) -> dict[str, dict[str, tuple[int, bool, str]]]:
        """Per table, id -> (revision, deleted, resource) of one owner's rows: what an import compares
        against. One query for all tables: most imports find nothing (a partner's first snapshot).
        Tables without a resource column report the resource as ''."""
        sql = " UNION ALL ".join(
            f"SELECT '{t}', id, revision, deleted, {col or repr('')} FROM {RECORD_TABLES[t].name} "
            "WHERE owner = :owner"
            for t, col in resource_columns.items())
        states: dict[str, dict[str, tuple[int, bool, str]]] = {t: {} for t in resource_columns}
        for table, rid, revision, deleted, resource in self._db.execute(sql, {"owner": owner}):
            states[table][rid] = (revision, bool(deleted), resource)
        return states

    def replace_owners(self, tables: Mapping[str, tuple[Sequence[str], Sequence[str], list[list[Any]]]]) -> None:
        """Per table (owners, columns, rows): delete those owners' rows and bulk-insert the new ones, one
        executemany per table for the lot. A table a snapshot does not carry (a version-1 snapshot has no
        request tables) lists no owners for it, and those rows stay as they were."""
        for table, (owners, columns, rows) in tables.items():
            name = RECORD_TABLES[table].name
            self._db.executemany(f"DELETE FROM {name} WHERE owner = ?", [(o,) for o in owners])
            if rows:
                marks = ", ".join("?" * len(columns))
                self._db.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)

    def record_applied(self, partners: Sequence[StoredPartner]) -> None:
        self._db.executemany(
            "UPDATE partner SET last_sequence = ?, last_manifest_sha256 = ?, last_file = ?, last_created_at = ?, "
            "last_imported_at = ? WHERE code = ?",
            [(p.last_sequence, p.last_manifest_sha256, p.last_file, storage_time(p.last_created_at),
              storage_time(p.last_imported_at), p.code) for p in partners])

    def store_snapshots(self, snapshots: Sequence[tuple[str, int, str, str, bytes]]) -> None:
        """(owner, sequence, manifest_sha256, file name, bytes): each owner's latest, replacing the one before."""
        self._db.executemany("INSERT OR REPLACE INTO stored_snapshot (owner, sequence, manifest_sha256, file, data) "
                             "VALUES (?, ?, ?, ?, ?)", snapshots)

    def log_imports(self, lines: Sequence[ImportLogLine]) -> None:
        rows = []
        for line in lines:
            values = [getattr(line, f) for f in _LOG_FIELDS]
            values[0], values[11] = storage_time(line.at), storage_time(line.created_at)
            rows.append(values)
        self._db.executemany(f"INSERT INTO snapshot_import ({', '.join(_LOG_FIELDS)}) "
                             f"VALUES ({', '.join('?' * len(_LOG_FIELDS))})", rows)


# -- partners and keys -------------------------------------------------------------------------------
def _partner(row: Any) -> StoredPartner:
    p = StoredPartner(*row)
    p.enabled = bool(p.enabled)
    return p


def _partner_query():
    return select(*(_PARTNER.c[f] for f in _PARTNER_FIELDS))


def load_partners(conn: Connection) -> list[StoredPartner]:
    return [_partner(r) for r in conn.execute(_partner_query().order_by(_PARTNER.c.code))]


def load_partner(conn: Connection, code: str) -> StoredPartner | None:
    row = conn.execute(_partner_query().where(_PARTNER.c.code == code)).first()
    return _partner(row) if row is not None else None


def load_keys(conn: Connection) -> list[StoredKey]:
    return [StoredKey(r.public_key, r.partner, r.fingerprint, bool(r.active), r.added_at, r.retired_at)
            for r in conn.execute(select(_KEY).order_by(_KEY.c.added_at))]


def insert_partner(conn: Connection, partner: StoredPartner, key: StoredKey) -> None:
    conn.execute(insert(_PARTNER).values(**asdict(partner)))
    conn.execute(insert(_KEY).values(**asdict(key)))


def set_partner_enabled(conn: Connection, code: str, enabled: bool) -> bool:
    return conn.execute(update(_PARTNER).where(_PARTNER.c.code == code).values(enabled=enabled)).rowcount == 1


def replace_partner_key(conn: Connection, code: str, key: StoredKey, now: datetime) -> None:
    """Retire every current key of the partner and trust the new one from the next snapshot on.

    The sequence baseline is cleared: a replacement laptop restored from an old backup may number its
    snapshots lower than the lost one did, and those must still be accepted.
    """
    conn.execute(update(_KEY).where(_KEY.c.partner == code, _KEY.c.active.is_(True))
                 .values(active=False, retired_at=now))
    conn.execute(insert(_KEY).values(**asdict(key)))
    conn.execute(update(_PARTNER).where(_PARTNER.c.code == code)
                 .values(last_sequence=None, last_manifest_sha256=None))


# -- import log --------------------------------------------------------------------------------------
def _log_line(row: Any) -> ImportLogLine:
    return ImportLogLine(*(getattr(row, f) for f in _LOG_FIELDS))


def import_log(conn: Connection, limit: int | None = None, owner: str | None = None) -> list[ImportLogLine]:
    """Newest first."""
    query = select(_LOG).order_by(_LOG.c.id.desc())
    if owner is not None:
        query = query.where(_LOG.c.owner == owner)
    if limit is not None:
        query = query.limit(limit)
    return [_log_line(r) for r in conn.execute(query)]


def applied_entry(conn: Connection, owner: str, sequence: int, signer: str) -> ImportLogLine | None:
    """The applied snapshot of that owner and sequence from that key, if one was ever applied."""
    row = conn.execute(select(_LOG).where(_LOG.c.owner == owner, _LOG.c.sequence == sequence,
                                          _LOG.c.signer == signer, _LOG.c.status == "applied")
                       .order_by(_LOG.c.id.desc()).limit(1)).first()
    return _log_line(row) if row is not None else None


def last_applied_entry(conn: Connection, owner: str) -> ImportLogLine | None:
    row = conn.execute(select(_LOG).where(_LOG.c.owner == owner, _LOG.c.status == "applied")
                       .order_by(_LOG.c.id.desc()).limit(1)).first()
    return _log_line(row) if row is not None else None


# -- own exports -------------------------------------------------------------------------------------
def next_own_sequence(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(_OWN.c.sequence), 0))).scalar_one()) + 1


def record_own_snapshot(conn: Connection, sequence: int, created_at: datetime, file: str, manifest_sha256: str,
                        records: int) -> None:
    conn.execute(insert(_OWN).values(sequence=sequence, created_at=created_at, file=file,
                                     manifest_sha256=manifest_sha256, records=records))




# -- stored snapshot files ---------------------------------------------------------------------------
def stored_snapshots(conn: Connection, owners: Sequence[str]) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the stored snapshots of these owners, in the given order."""
    rows = {r.owner: (r.file, r.data) for r in conn.execute(select(_STORED).where(_STORED.c.owner.in_(owners)))}
    return [rows[o] for o in owners if o in rows]
