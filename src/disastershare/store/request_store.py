"""The request lifecycle as the GUI and the CLI use it: list, create, answer, dispatch, receive, return, cancel.

Each function checks everything first and writes one own record in one transaction (under the write lock, so
the checks see what the write changes), then returns the request's view as both sides' records now tell it.
A refusal raises DomainError (ValidationError for a broken rule) with a one-line reason and changes nothing.

Requests are made only to enabled partners. Each step is a record owned by the party taking it (core.requests)
and reaches the other party in this workspace's next snapshot; the other party's steps arrive in theirs.
`request_id` may be a whole id or a unique prefix of one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy import Connection

from disastershare.core.catalog import ResourceKind
from disastershare.core.codes import validate_lgcode
from disastershare.core.errors import DomainError
from disastershare.core.matching_model import Flow
from disastershare.core.records import RecordMeta
from disastershare.core.request_rules import (
    validate_cancel,
    validate_dispatch,
    validate_receipt,
    validate_request,
    validate_response,
    validate_return,
)
from disastershare.core.requests import Dispatch, Receipt, RequestResponse, RequestView, ResourceRequest, Return
from disastershare.store import mirror
from disastershare.store.request_records import (
    find_request,
    insert_record,
    load_views,
    own_response,
    today,
    update_record,
)
from disastershare.store.workspace import Workspace

__all__ = ["all_requests", "cancel", "create_request", "dispatch", "get_request", "list_requests", "receive",
           "request_from_flow", "respond", "return_items"]


# -- reading -----------------------------------------------------------------------------------------
def _newest_first(views: list[RequestView]) -> list[RequestView]:
    return sorted(views, key=lambda v: (v.updated_at.timestamp() if v.updated_at else 0.0, v.id), reverse=True)


def list_requests(ws: Workspace) -> list[RequestView]:
    """Requests made by us and made to us, newest update first (requester = who asked, supplier = who was asked)."""
    with ws.engine.connect() as conn:
        return _newest_first(load_views(conn, ws.catalog(), involving=ws.municipality))


def all_requests(ws: Workspace) -> list[RequestView]:
    """Every request this workspace knows, between any two municipalities (for offers and shortfalls)."""
    with ws.engine.connect() as conn:
        return load_views(conn, ws.catalog())


def get_request(ws: Workspace, request_id: str) -> RequestView:
    with ws.engine.connect() as conn:
        return _view(conn, ws, _resolve(conn, request_id))


def _resolve(conn: Connection, key: str) -> ResourceRequest:
    found = find_request(conn, key)
    if not found:
        raise DomainError(f"no request with id '{key.strip()}' (see 'disastershare requests list')")
    if len(found) > 1:
        raise DomainError(f"'{key.strip()}' is the start of several request ids; give more of it")
    return found[0]


def _view(conn: Connection, ws: Workspace, request: ResourceRequest) -> RequestView:
    return load_views(conn, ws.catalog(), ids=[request.meta.id])[0]


@contextmanager
def _writing(ws: Workspace) -> Iterator[Connection]:
    """One transaction holding the write lock from the start: checks and write see the same state."""
    with ws.engine.begin() as conn:
        mirror.begin_immediate(conn)
        yield conn


# -- the requester's steps ---------------------------------------------------------------------------
def _check_partner(conn: Connection, code: str) -> None:
    partner = mirror.load_partner(conn, code)
    if partner is None:
        raise DomainError(f"{code} is not a partner of this workspace; requests go only to partners "
                          "(add its key card with 'partners add')")
    if not partner.enabled:
        raise DomainError(f"partner {code} is disabled; enable it before sending it requests")


def create_request(ws: Workspace, to: str, resource: str, quantity: int, *, needed_by: date | None = None,
                   note: str = "", work_type: str = "", place: str = "", period_from: date | None = None,
                   period_to: date | None = None, return_by: date | None = None) -> RequestView:
    """Ask partner `to` for `quantity` of `resource` (staff: headcount, with work type, place and period;
    equipment: optionally a return date). The request travels in our next snapshot."""
    supplier = validate_lgcode(to)
    rtype = ws.catalog().require(resource.strip())
    request = ResourceRequest(RecordMeta(ws.municipality), supplier, rtype.code, quantity, needed_by, note.strip(),
                              work_type.strip(), place.strip(), period_from, period_to, return_by)
    validate_request(request, rtype.kind)
    with _writing(ws) as conn:
        _check_partner(conn, supplier)
        stored = insert_record(conn, request)
        return _view(conn, ws, stored)  # type: ignore[arg-type]


def request_from_flow(ws: Workspace, flow: Flow, *, needed_by: date | None = None, note: str | None = None,
                      work_type: str = "", place: str = "", period_from: date | None = None,
                      period_to: date | None = None, return_by: date | None = None) -> RequestView:
    """A proposed transfer of the matcher (core.matching_model.Flow) becomes our request to its sender.

    Only the receiver can ask: a flow to another municipality is refused. A staff flow without a period asks
    for today only (the matcher's default one-day period).
    """
    own = ws.municipality
    if flow.receiver != own:
        raise DomainError(f"this transfer goes from {flow.sender} to {flow.receiver}; only the receiver can "
                          f"request it, and this workspace is {own}")
    rtype = ws.catalog().get(flow.resource)
    if rtype is not None and rtype.kind is ResourceKind.STAFF and period_from is None and period_to is None:
        period_from = period_to = today()
    if note is None:
        note = f"proposed transfer ({flow.km:.1f} km)"
    return create_request(ws, flow.sender, flow.resource, flow.quantity, needed_by=needed_by, note=note,
                          work_type=work_type, place=place, period_from=period_from, period_to=period_to,
                          return_by=return_by)


def receive(ws: Workspace, request_id: str, quantity: int, received_on: date | None = None,
            note: str = "") -> RequestView:
    """We (the requester) record what arrived; at most what the supplier's snapshots say was dispatched."""
    with _writing(ws) as conn:
        request = _resolve(conn, request_id)
        receipt = Receipt(RecordMeta(ws.municipality), request.meta.id, quantity, received_on or today(),
                          note.strip())
        validate_receipt(receipt, request, _view(conn, ws, request))
        insert_record(conn, receipt)
        return _view(conn, ws, request)


def return_items(ws: Workspace, request_id: str, quantity: int, returned_on: date | None = None,
                 note: str = "") -> RequestView:
    """We (the requester) send equipment or staff back; at most what was received."""
    with _writing(ws) as conn:
        request = _resolve(conn, request_id)
        ret = Return(RecordMeta(ws.municipality), request.meta.id, quantity, returned_on or today(), note.strip())
        validate_return(ret, request, _view(conn, ws, request))
        insert_record(conn, ret)
        return _view(conn, ws, request)


def cancel(ws: Workspace, request_id: str) -> RequestView:
    """We (the requester) withdraw a request; refused once anything was dispatched."""
    with _writing(ws) as conn:
        request = _resolve(conn, request_id)
        validate_cancel(request, _view(conn, ws, request), ws.municipality)
        stored = update_record(conn, replace(request, cancelled=True))
        return _view(conn, ws, stored)  # type: ignore[arg-type]


# -- the supplier's steps ----------------------------------------------------------------------------
def respond(ws: Workspace, request_id: str, accept: int | None = None, decline: bool = False,
            note: str = "") -> RequestView:
    """We (the supplier) answer a request made to us: accept all or part (`accept` N), or `decline`.

    Answering again replaces the answer (a new revision of our response record) until something is dispatched.
    """
    if decline and accept not in (None, 0):
        raise DomainError("give either an accepted quantity or decline, not both")
    if not decline and accept is None:
        raise DomainError("give the quantity accepted (all or part), or decline")
    with _writing(ws) as conn:
        request = _resolve(conn, request_id)
        own = ws.municipality
        existing = own_response(conn, request.meta.id, own)
        meta = existing.meta if existing is not None else RecordMeta(own)
        response = RequestResponse(meta, request.meta.id, 0 if decline else accept, note.strip())  # type: ignore[arg-type]
        validate_response(response, request, _view(conn, ws, request))
        if existing is None:
            insert_record(conn, response)
        else:
            update_record(conn, response)
        return _view(conn, ws, request)


def dispatch(ws: Workspace, request_id: str, quantity: int, dispatched_on: date | None = None,
             expected_arrival: date | None = None, note: str = "") -> RequestView:
    """We (the supplier) send part or all of what we accepted; dispatched on `dispatched_on` (default today)."""
    with _writing(ws) as conn:
        request = _resolve(conn, request_id)
        record = Dispatch(RecordMeta(ws.municipality), request.meta.id, quantity, dispatched_on or today(),
                          expected_arrival, note.strip())
        validate_dispatch(record, request, _view(conn, ws, request))
        insert_record(conn, record)
        return _view(conn, ws, request)
