"""The request lifecycle between partners: request, answer, dispatch, receipt, return.

Every step is an owned record (core.records.RecordMeta: UUID, owner, revision, updated_at, tombstone) written
by the party that took it and carried to the other side in its snapshots; nobody ever writes the other
party's records. The status shown is derived from both sides' records by `derive_status`, never stored.

The steps follow the OASIS EDXL-RM 1.0 resource messages:

  ResourceRequest  (requester)  ~ RequestResource            "please send N of X (by date, for this period)"
  RequestResponse  (supplier)   ~ ResponseToRequestResource  accept all, accept part or decline (accepted = 0),
                                  with a note; an acceptance is also the CommitResource: the accepted
                                  quantity is promised and stops being offered to others
  Dispatch         (supplier)   ~ CommitResource's schedule / ReportResourceDeploymentStatus "en route":
                                  quantity sent, date, expected arrival
  Receipt          (requester)  ~ ReportResourceDeploymentStatus "arrived": quantity received, date
  Return           (requester)  ~ ReleaseResource: equipment or staff released back to the supplier
  cancelled flag   (requester)  ~ a RequestResource update withdrawing the request

Steps may be taken in several parts (two dispatches of 20 for an acceptance of 40); the view adds them up.
The rules each new step must keep are in core.request_rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from disastershare.core.catalog import ResourceKind
from disastershare.core.records import RecordMeta

RETURNABLE = frozenset({ResourceKind.EQUIPMENT, ResourceKind.STAFF})


class RequestStatus(StrEnum):
    REQUESTED = "requested"  # waiting for the supplier's answer
    ACCEPTED = "accepted"  # everything asked was promised
    PARTLY_ACCEPTED = "partly_accepted"  # part of it was promised
    DECLINED = "declined"
    DISPATCHED = "dispatched"  # something is on the way
    RECEIVED = "received"  # something arrived (equipment/staff: not all of it back yet)
    RETURNED = "returned"  # everything received went back (equipment, staff)
    CANCELLED = "cancelled"  # withdrawn by the requester


@dataclass(slots=True)
class ResourceRequest:
    """Owned by the requester. For staff, quantity is the headcount and the period is required."""

    meta: RecordMeta
    to: str  # the supplier's municipality code
    resource: str
    quantity: int
    needed_by: date | None = None
    note: str = ""
    work_type: str = ""  # staff: e.g. 避難所運営, 罹災証明の住家被害認定調査
    place: str = ""  # where to deliver or report
    period_from: date | None = None  # staff: first day of work
    period_to: date | None = None  # staff: last day of work
    return_by: date | None = None  # equipment: when it goes back
    cancelled: bool = False

    @property
    def requester(self) -> str:
        return self.meta.owner

    @property
    def headcount(self) -> int:
        return self.quantity


@dataclass(slots=True)
class RequestResponse:
    """Owned by the supplier: accepted = 0 declines, 1..quantity accepts all or part."""

    meta: RecordMeta
    request_id: str
    accepted: int
    note: str = ""


@dataclass(slots=True)
class Dispatch:
    meta: RecordMeta  # owned by the supplier
    request_id: str
    quantity: int
    dispatched_on: date
    expected_arrival: date | None = None
    note: str = ""


@dataclass(slots=True)
class Receipt:
    meta: RecordMeta  # owned by the requester
    request_id: str
    quantity: int
    received_on: date
    note: str = ""


@dataclass(slots=True)
class Return:
    meta: RecordMeta  # owned by the requester; only equipment and staff go back
    request_id: str
    quantity: int
    returned_on: date
    note: str = ""


Step = RequestResponse | Dispatch | Receipt | Return


@dataclass(frozen=True, slots=True)
class RequestView:
    """One request as both sides' records tell it (what lists, the CLI and the GUI show)."""

    id: str
    requester: str
    supplier: str
    resource: str
    quantity: int
    accepted: int | None  # None until the supplier answered
    dispatched: int
    received: int
    returned: int
    status: RequestStatus
    updated_at: datetime | None  # the latest record of either side
    kind: ResourceKind | None = None  # None: a partner's local type not known here
    needed_by: date | None = None
    note: str = ""
    response_note: str = ""
    work_type: str = ""
    place: str = ""
    period_from: date | None = None
    period_to: date | None = None
    return_by: date | None = None
    dispatched_on: date | None = None  # the first dispatch
    expected_arrival: date | None = None  # the latest expected arrival of any dispatch (when the last part comes)
    received_on: date | None = None  # the latest receipt
    returned_on: date | None = None  # the latest return

    @property
    def returnable(self) -> bool:
        """Equipment and staff go back; unknown kinds are treated as returnable (the cautious reading)."""
        return self.kind is None or self.kind in RETURNABLE

    @property
    def answered(self) -> bool:
        return self.accepted is not None

    @property
    def closed(self) -> bool:
        """Nothing more is expected: declined, cancelled with nothing out, or complete."""
        if self.status is RequestStatus.DECLINED or self.status is RequestStatus.RETURNED:
            return True
        if self.status is RequestStatus.CANCELLED:
            return self.dispatched <= (self.returned if self.returnable else self.received)
        return not self.returnable and self.accepted is not None and self.received >= self.accepted > 0


def _latest(records: Iterable[Step]) -> Step | None:
    return max(records, key=lambda r: (r.meta.updated_at or datetime.min, r.meta.revision), default=None)


def _mine(steps: Iterable[Step], request_id: str, owner: str) -> list[Step]:
    """The live steps of this request taken by the party entitled to take them; anything else is ignored."""
    return [s for s in steps if s.request_id == request_id and s.meta.owner == owner and not s.meta.deleted]


def derive_status(request: ResourceRequest, responses: Iterable[RequestResponse], dispatches: Iterable[Dispatch],
                  receipts: Iterable[Receipt], returns: Iterable[Return], *,
                  kind: ResourceKind | None = None) -> RequestView:
    """The view of one request from both sides' records.

    Only the supplier's answers and dispatches and the requester's receipts and returns count (a record by
    anyone else, e.g. a forged answer in a third party's snapshot, is ignored), tombstones never. The latest
    answer counts. The status is the furthest step reached: cancelled, else requested (no answer), declined
    (answer 0), returned (everything received went back), received, dispatched, partly_accepted (answer below
    the quantity), accepted. Quantities are totals of the parts, as the records say them.
    """
    rid, requester, supplier = request.meta.id, request.meta.owner, request.to
    answers = _mine(responses, rid, supplier)
    sent: list[Dispatch] = _mine(dispatches, rid, supplier)  # type: ignore[assignment]
    got: list[Receipt] = _mine(receipts, rid, requester)  # type: ignore[assignment]
    back: list[Return] = _mine(returns, rid, requester)  # type: ignore[assignment]
    answer: RequestResponse | None = _latest(answers)  # type: ignore[assignment]
    accepted = answer.accepted if answer is not None else None
    dispatched, received = sum(d.quantity for d in sent), sum(r.quantity for r in got)
    returned = sum(r.quantity for r in back)
    if request.cancelled:
        status = RequestStatus.CANCELLED
    elif accepted is None:
        status = RequestStatus.REQUESTED
    elif accepted == 0:
        status = RequestStatus.DECLINED
    elif returned > 0 and returned >= received:
        status = RequestStatus.RETURNED
    elif received > 0:
        status = RequestStatus.RECEIVED
    elif dispatched > 0:
        status = RequestStatus.DISPATCHED
    elif accepted < request.quantity:
        status = RequestStatus.PARTLY_ACCEPTED
    else:
        status = RequestStatus.ACCEPTED
    stamps = [r.meta.updated_at for r in (request, *answers, *sent, *got, *back) if r.meta.updated_at]
    return RequestView(
        id=rid, requester=requester, supplier=supplier, resource=request.resource, quantity=request.quantity,
        accepted=accepted, dispatched=dispatched, received=received, returned=returned, status=status,
        updated_at=max(stamps, default=None), kind=kind, needed_by=request.needed_by, note=request.note,
        response_note=answer.note if answer is not None else "", work_type=request.work_type, place=request.place,
        period_from=request.period_from, period_to=request.period_to, return_by=request.return_by,
        dispatched_on=min((d.dispatched_on for d in sent), default=None),
        expected_arrival=max((d.expected_arrival for d in sent if d.expected_arrival), default=None),
        received_on=max((r.received_on for r in got), default=None),
        returned_on=max((r.returned_on for r in back), default=None))


# -- what requests do to offers and shortfalls ------------------------------------------------------
def _in_period(view: RequestView, period: tuple[date, date] | None) -> bool:
    """Staff requests count only for analysis periods overlapping the days they are asked for."""
    if period is None or view.period_from is None or view.period_to is None:
        return True
    return view.period_from <= period[1] and view.period_to >= period[0]


def committed_of(view: RequestView) -> int:
    """What the supplier cannot offer to anyone else because of this request.

    Equipment and staff: the accepted quantity (or more, if more was dispatched) until it comes back, so
    accepted - returned; after a cancellation or decline only what is still out (dispatched - returned).
    Supplies are consumed, never returned: they count until the requester confirms receipt (the supplier
    writes dispatched supplies off its stock; while they travel they are counted twice, the cautious side).
    """
    if view.status is RequestStatus.REQUESTED:
        return 0
    back = view.returned if view.returnable else view.received
    promised = view.dispatched if view.status in (RequestStatus.CANCELLED, RequestStatus.DECLINED) \
        else max(view.accepted or 0, view.dispatched)
    return max(promised - back, 0)


def incoming_of(view: RequestView) -> int:
    """How much of the requester's open need this request covers.

    A request waiting for an answer covers what it asks (so the matcher does not propose the same gap to
    someone else meanwhile); an answer covers what was accepted; received goods keep covering it until the
    need is marked met; returned equipment and staff stop covering it; a decline or cancellation gives the
    whole gap back to the matcher.
    """
    if view.status in (RequestStatus.CANCELLED, RequestStatus.DECLINED):
        return 0
    covered = view.quantity if view.accepted is None else view.accepted
    return max(covered - view.returned, 0)


def _by(views: Iterable[RequestView], who: str, amount, period: tuple[date, date] | None) -> dict[tuple[str, str], int]:
    totals: dict[tuple[str, str], int] = {}
    for view in views:
        quantity = amount(view)
        if quantity > 0 and _in_period(view, period):
            key = (getattr(view, who), view.resource)
            totals[key] = totals.get(key, 0) + quantity
    return totals


def committed_quantities(views: Iterable[RequestView], period: tuple[date, date] | None = None
                         ) -> dict[tuple[str, str], int]:
    """(supplier, resource) -> quantity promised or sent and not back: no longer offerable (see committed_of)."""
    return _by(views, "supplier", committed_of, period)


def incoming_quantities(views: Iterable[RequestView], period: tuple[date, date] | None = None
                        ) -> dict[tuple[str, str], int]:
    """(requester, resource) -> quantity of its open needs covered by requests (see incoming_of)."""
    return _by(views, "requester", incoming_of, period)


def views_of(requests: Iterable[ResourceRequest], steps: Sequence[Step],
             kinds: Mapping[str, ResourceKind] | None = None) -> list[RequestView]:
    """derive_status for many requests at once, steps grouped by request id (one pass)."""
    grouped: dict[str, list[Step]] = {}
    for step in steps:
        grouped.setdefault(step.request_id, []).append(step)
    kinds = kinds or {}
    views = []
    for request in requests:
        mine = grouped.get(request.meta.id, [])
        views.append(derive_status(
            request, [s for s in mine if isinstance(s, RequestResponse)], [s for s in mine if isinstance(s, Dispatch)],
            [s for s in mine if isinstance(s, Receipt)], [s for s in mine if isinstance(s, Return)],
            kind=kinds.get(request.resource)))
    return views


