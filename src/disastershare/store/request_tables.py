"""Tables of the request lifecycle (schema version 0004). Change them only together with a new migration.

One table per step, each an owned record (OwnedColumns) like inventory items: the requester's requests,
receipts and returns, the supplier's answers and dispatches. Partners' rows are mirrored from their snapshots.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from disastershare.store.tables import OwnedColumns


class ResourceRequestRow(OwnedColumns, table=True):
    __tablename__ = "resource_request"
    supplier: str = Field(index=True, max_length=6)  # the municipality asked ("to")
    resource: str = Field(index=True)
    quantity: int  # staff: headcount
    needed_by: date | None = None
    note: str = ""
    work_type: str = ""
    place: str = ""
    period_from: date | None = None
    period_to: date | None = None
    return_by: date | None = None
    cancelled: bool = False


class RequestResponseRow(OwnedColumns, table=True):
    __tablename__ = "request_response"
    request_id: str = Field(index=True, max_length=36)
    accepted: int  # 0 declines
    note: str = ""


class DispatchRow(OwnedColumns, table=True):
    __tablename__ = "request_dispatch"
    request_id: str = Field(index=True, max_length=36)
    quantity: int
    dispatched_on: date
    expected_arrival: date | None = None
    note: str = ""


class ReceiptRow(OwnedColumns, table=True):
    __tablename__ = "request_receipt"
    request_id: str = Field(index=True, max_length=36)
    quantity: int
    received_on: date
    note: str = ""


class ReturnRow(OwnedColumns, table=True):
    __tablename__ = "request_return"
    request_id: str = Field(index=True, max_length=36)
    quantity: int
    returned_on: date
    note: str = ""
