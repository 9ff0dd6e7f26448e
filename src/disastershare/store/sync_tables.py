"""Tables for partner sync (schema version 0003). Change them only together with a new migration.

Partners and their keys, the latest snapshot file of every owner (verbatim, for relaying in bundles),
the log of every snapshot import, and the log of own exports (whose highest sequence is the last used).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class PartnerRow(SQLModel, table=True):
    """A trusted partner municipality and the state of the latest snapshot applied from it."""

    __tablename__ = "partner"
    code: str = Field(primary_key=True, max_length=6)
    name: str
    agreement: str
    enabled: bool = True
    added_at: datetime
    # The latest applied snapshot: None until the first one arrives.
    last_sequence: int | None = None
    last_manifest_sha256: str | None = None
    last_file: str | None = None  # the file name as it was imported (named in fork messages)
    last_created_at: datetime | None = None  # when the partner made it: "last heard from"
    last_imported_at: datetime | None = None


class PartnerKeyRow(SQLModel, table=True):
    """Every public key a partner has had; a replaced (lost laptop) key stays, retired, to name it in refusals."""

    __tablename__ = "partner_key"
    public_key: str = Field(primary_key=True, max_length=44)  # base64 of the raw 32-byte Ed25519 key
    partner: str = Field(index=True, max_length=6)
    fingerprint: str
    active: bool = True
    added_at: datetime
    retired_at: datetime | None = None


class SnapshotImportRow(SQLModel, table=True):
    """One line per snapshot met by an import, whatever its outcome."""

    __tablename__ = "snapshot_import"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    file: str
    owner: str | None = Field(default=None, index=True, max_length=6)
    sequence: int | None = None
    status: str
    reason: str = ""
    added: int = 0
    changed: int = 0
    removed: int = 0
    signer: str | None = None  # fingerprint of the signing key
    manifest_sha256: str | None = None
    created_at: datetime | None = None  # the snapshot's own creation time
    resource_changes: str = ""  # JSON {resource: [added, changed, removed]}, only for applied snapshots
    # JSON {resource: usable total} of the owner's own stock in an applied snapshot (schema 0004):
    # on hand - reserved of live inventory items, headcount of live staff pools. Feeds "stock over time".
    stock_totals: str = ""


class OwnSnapshotRow(SQLModel, table=True):
    """Own exports; the sequence increments on every export and is never reused."""

    __tablename__ = "own_snapshot"
    sequence: int = Field(primary_key=True)
    created_at: datetime
    file: str
    manifest_sha256: str = ""
    records: int = 0


class StoredSnapshotRow(SQLModel, table=True):
    """The latest applied snapshot of each partner and the latest own one, byte for byte as signed.

    Kept in the database rather than as loose files so it changes in the same transaction as the
    mirrored records it produced: a bundle always relays exactly what the workspace shows.
    """

    __tablename__ = "stored_snapshot"
    owner: str = Field(primary_key=True, max_length=6)
    sequence: int
    manifest_sha256: str
    file: str  # the plain <owner>-<sequence>.dsnap name it travels under
    data: bytes
