"""SQLModel tables. Change them only together with a new migration in db/versions/."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class WorkspaceInfo(SQLModel, table=True):
    __tablename__ = "workspace_info"
    id: int = Field(default=1, primary_key=True)
    municipality: str = Field(max_length=6)
    drill: bool = False  # set once at creation; nothing in the app ever clears it
    created_at: datetime
    app_version: str = ""


class MunicipalityRow(SQLModel, table=True):
    __tablename__ = "municipality"
    code: str = Field(primary_key=True, max_length=6)
    prefecture: str
    name: str
    kana: str
    lat: float
    lon: float
    is_ward: bool = False
    former: bool = False


class RevisionCounter(SQLModel, table=True):
    """Last revision handed out per owner; every write of an own record takes the next one."""

    __tablename__ = "revision_counter"
    owner: str = Field(primary_key=True, max_length=6)
    revision: int = 0


class OwnedColumns(SQLModel):
    """Sync metadata on every owned record (see docs/ARCHITECTURE.md, 'Records and sync')."""

    # Identity is (id, owner) (schema 0006): a record id means something only together with its owner, so a
    # partner copying another municipality's ids into its own snapshot squats nothing.
    id: str = Field(primary_key=True, max_length=36)
    owner: str = Field(primary_key=True, index=True, max_length=6)
    revision: int
    updated_at: datetime
    deleted: bool = False


class LocalResourceTypeRow(OwnedColumns, table=True):
    __tablename__ = "local_resource_type"
    code: str = Field(unique=True)
    kind: str
    name_ja: str
    name_en: str
    unit: str
    category: str


class InventoryItemRow(OwnedColumns, table=True):
    __tablename__ = "inventory_item"
    resource: str = Field(index=True)
    on_hand: int
    reserved: int = 0
    location: str = ""
    condition: str = "ready"
    expiry: date | None = None
    note: str = ""


class StaffPoolRow(OwnedColumns, table=True):
    __tablename__ = "staff_pool"
    resource: str = Field(index=True)
    headcount: int
    available_from: date | None = None
    available_to: date | None = None
    max_dispatch_days: int | None = None
    contact_section: str = ""
    note: str = ""


class NeedRow(OwnedColumns, table=True):
    __tablename__ = "need"
    resource: str = Field(index=True)
    quantity: int
    needed_by: date | None = None
    priority: str = "normal"
    status: str = "open"
    note: str = ""


class ImportLogRow(SQLModel, table=True):
    """One line per sheet import (added in schema version 0002)."""

    __tablename__ = "import_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    kind: str
    source: str
    rows_read: int
    added: int
    changed: int

class LearnedNameRow(SQLModel, table=True):
    """A sheet name the officer resolved, used by later imports of this workspace (schema 0005).

    Local to the workspace: it never travels in snapshots (each office's sheets have their own words)."""

    __tablename__ = "learned_name"
    key: str = Field(primary_key=True)
    name: str
    code: str
    learned_at: datetime

# The partner sync tables (0003) and request lifecycle tables (0004) live in sync_tables.py and
# request_tables.py, imported by the modules that use them: a plain listing does not pay for defining them.
