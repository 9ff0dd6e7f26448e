"""Request-lifecycle records in and out of their tables (store/request_tables.py), inside a caller's transaction.

Own records are written here with the owner's next revision (repositories.take_revisions), like every
owned record; partners' records arrive only through snapshot import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import UTC, date
from typing import Any

from sqlalchemy import Connection, Table, insert, or_, select, update

from disastershare.core.catalog import Catalog
from disastershare.core.records import RecordMeta, utcnow
from disastershare.core.requests import (
    Dispatch,
    Receipt,
    RequestResponse,
    RequestView,
    ResourceRequest,
    Return,
    Step,
    views_of,
)
from disastershare.store.repositories import take_revisions
from disastershare.store.request_tables import (
    DispatchRow,
    ReceiptRow,
    RequestResponseRow,
    ResourceRequestRow,
    ReturnRow,
)

RequestRecord = ResourceRequest | Step
_TABLES: dict[type, Table] = {
    ResourceRequest: ResourceRequestRow.__table__,
    RequestResponse: RequestResponseRow.__table__,
    Dispatch: DispatchRow.__table__,
    Receipt: ReceiptRow.__table__,
    Return: ReturnRow.__table__,
}
STEP_TYPES: tuple[type, ...] = (RequestResponse, Dispatch, Receipt, Return)
_RENAMED = {"to": "supplier"}  # dataclass field -> column (a column named "to" would read badly in SQL)
_REQUESTS = ResourceRequestRow.__table__


def _columns(record_type: type) -> list[tuple[str, str]]:
    """(field, column) of a record type's own fields, meta excluded."""
    return [(f.name, _RENAMED.get(f.name, f.name)) for f in fields(record_type) if f.name != "meta"]


def to_row(record: RequestRecord) -> dict[str, Any]:
    m = record.meta
    row: dict[str, Any] = {"id": m.id, "owner": m.owner, "revision": m.revision,
                           "updated_at": m.updated_at, "deleted": m.deleted}
    row.update({column: getattr(record, name) for name, column in _columns(type(record))})
    return row


def from_row(record_type: type, row: Any) -> RequestRecord:
    updated = row.updated_at
    if updated is not None and updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    meta = RecordMeta(owner=row.owner, id=row.id, revision=row.revision, updated_at=updated,
                      deleted=bool(row.deleted))
    values = {name: getattr(row, column) for name, column in _columns(record_type)}
    if record_type is ResourceRequest:
        values["cancelled"] = bool(values["cancelled"])
    return record_type(meta, **values)


# -- reading -----------------------------------------------------------------------------------------
def load_requests(conn: Connection, involving: str | None = None, ids: Iterable[str] | None = None
                  ) -> list[ResourceRequest]:
    """Live requests, all or those made by or to `involving`, or those with these ids; oldest first."""
    t = _REQUESTS
    query = select(t).where(t.c.deleted.is_(False))
    if involving is not None:
        query = query.where(or_(t.c.owner == involving, t.c.supplier == involving))
    if ids is not None:
        query = query.where(t.c.id.in_(list(ids)))
    query = query.order_by(t.c.updated_at, t.c.id)
    return [from_row(ResourceRequest, row) for row in conn.execute(query)]  # type: ignore[misc]


def load_steps(conn: Connection, request_ids: Iterable[str] | None = None) -> list[Step]:
    """Live steps of every type, all or those of these requests."""
    wanted = None if request_ids is None else list(request_ids)
    steps: list[Step] = []
    for record_type in STEP_TYPES:
        t = _TABLES[record_type]
        query = select(t).where(t.c.deleted.is_(False))
        if wanted is not None:
            query = query.where(t.c.request_id.in_(wanted))
        steps += [from_row(record_type, row) for row in conn.execute(query)]  # type: ignore[misc]
    return steps


def load_views(conn: Connection, catalog: Catalog, involving: str | None = None,
               ids: Iterable[str] | None = None) -> list[RequestView]:
    requests = load_requests(conn, involving, ids)
    steps = load_steps(conn, [r.meta.id for r in requests] if (involving or ids is not None) else None)
    kinds = {r.resource: rtype.kind for r in requests if (rtype := catalog.get(r.resource)) is not None}
    return views_of(requests, steps, kinds)


def find_request(conn: Connection, key: str) -> list[ResourceRequest]:
    """Live requests whose id is `key` or starts with it (the CLI accepts a unique prefix)."""
    t = _REQUESTS
    key = key.strip().lower()
    if not key:
        return []
    exact = conn.execute(select(t).where(t.c.id == key, t.c.deleted.is_(False))).first()
    if exact is not None:
        return [from_row(ResourceRequest, exact)]  # type: ignore[list-item]
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(select(t).where(t.c.id.like(f"{escaped}%", escape="\\"), t.c.deleted.is_(False))
                        .limit(10))
    return [from_row(ResourceRequest, row) for row in rows]  # type: ignore[misc]


def own_response(conn: Connection, request_id: str, owner: str) -> RequestResponse | None:
    t = _TABLES[RequestResponse]
    row = conn.execute(select(t).where(t.c.request_id == request_id, t.c.owner == owner, t.c.deleted.is_(False))
                       .order_by(t.c.revision.desc()).limit(1)).first()
    return from_row(RequestResponse, row) if row is not None else None  # type: ignore[return-value]


# -- writing own records -----------------------------------------------------------------------------
def _stamped(conn: Connection, record: RequestRecord) -> RequestRecord:
    revision = take_revisions(conn, record.meta.owner, 1)
    return replace(record, meta=replace(record.meta, revision=revision, updated_at=utcnow()))


def insert_record(conn: Connection, record: RequestRecord) -> RequestRecord:
    """Write a new own record with the owner's next revision."""
    stamped = _stamped(conn, record)
    conn.execute(insert(_TABLES[type(record)]).values(**to_row(stamped)))
    return stamped


def update_record(conn: Connection, record: RequestRecord) -> RequestRecord:
    """Write a new revision of an existing own record (partners see the change in the next snapshot)."""
    stamped = _stamped(conn, record)
    t = _TABLES[type(record)]
    values = {k: v for k, v in to_row(stamped).items() if k not in ("id", "owner")}
    # (id, owner) is the identity (schema 0006): a partner's record with the same id is never touched.
    conn.execute(update(t).where(t.c.id == stamped.meta.id, t.c.owner == stamped.meta.owner).values(**values))
    return stamped


def today() -> date:
    """The local calendar day (a dispatch in Japan at 08:00 happens on that day, not on UTC's yesterday)."""
    return date.today()
