"""The rules of the request lifecycle: each step checked against its request and what is known of it so far.

Quantities are whole numbers: at least 1, except an answer, where 0 declines. Accepted <= requested,
dispatched <= accepted, received <= dispatched, returned <= received (totals over all parts). Dates in order.
Staff requests need a period; only equipment and staff are returned. A party takes only its own steps:
the supplier answers and dispatches, the requester receives, returns and cancels.
"""

from __future__ import annotations

from datetime import date

from disastershare.core.catalog import ResourceKind
from disastershare.core.errors import ValidationError
from disastershare.core.requests import (
    RETURNABLE,
    Dispatch,
    Receipt,
    RequestResponse,
    RequestView,
    ResourceRequest,
    Return,
    Step,
)

MAX_TEXT = 4000  # characters, as the snapshot format allows (a longer note would make partners refuse our file)


def _count(value: object, label: str, field: str, minimum: int = 1) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(f"{label} must be a whole number", field)
    if value < minimum:
        raise ValidationError(f"{label} must be at least {minimum} (got {value})", field)
    return value


def _texts(**texts: str) -> None:
    for name, text in texts.items():
        if len(text) > MAX_TEXT:
            raise ValidationError(f"{name.replace('_', ' ')} is longer than {MAX_TEXT:,} characters", name)


def _not_before(later: date | None, earlier: date | None, later_label: str, earlier_label: str, field: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(f"{later_label} ({later}) is before {earlier_label} ({earlier})", field)


def validate_request(request: ResourceRequest, kind: ResourceKind) -> None:
    """A new request: who, what, how many, and the dates its kind needs (staff: a period; equipment: return)."""
    if request.to == request.meta.owner:
        raise ValidationError("a municipality cannot request from itself", "to")
    _count(request.quantity, "the headcount" if kind is ResourceKind.STAFF else "the quantity", "quantity")
    _texts(note=request.note, work_type=request.work_type, place=request.place)
    if kind is ResourceKind.STAFF:
        if request.period_from is None or request.period_to is None:
            raise ValidationError("a staff request needs a period (first and last day of work)", "period_from")
        _not_before(request.period_to, request.period_from, "the last day", "the first day", "period_to")
        if request.return_by is not None:
            raise ValidationError("staff go back at the end of their period; give no return date", "return_by")
    else:
        if request.period_from is not None or request.period_to is not None:
            raise ValidationError("only staff requests have a period of work", "period_from")
        if request.work_type:
            raise ValidationError("only staff requests have a work type", "work_type")
        if request.return_by is not None and kind is not ResourceKind.EQUIPMENT:
            raise ValidationError("supplies are consumed, not returned; give no return date", "return_by")
        _not_before(request.return_by, request.needed_by, "the return date", "the date needed", "return_by")


def _supplier_step(step: Step, request: ResourceRequest, what: str) -> None:
    owner, supplier = step.meta.owner, request.to
    if owner == request.meta.owner:
        raise ValidationError(f"this is our own request to {supplier}; only {supplier} can {what}", "owner")
    if owner != supplier:
        raise ValidationError(f"this request of {request.meta.owner} is addressed to {supplier}, not to {owner}",
                              "owner")


def _requester_step(step: Step, request: ResourceRequest, what: str) -> None:
    if step.meta.owner != request.meta.owner:
        raise ValidationError(f"only the requester {request.meta.owner} can {what}", "owner")


def _not_cancelled(request: ResourceRequest) -> None:
    if request.cancelled:
        raise ValidationError("the requester has cancelled this request", "cancelled")


def validate_response(response: RequestResponse, request: ResourceRequest, view: RequestView) -> None:
    """The supplier answers: 0 declines, up to the requested quantity accepts; changeable until dispatch."""
    _supplier_step(response, request, "answer it")
    _not_cancelled(request)
    _count(response.accepted, "the accepted quantity", "accepted", minimum=0)
    if response.accepted > request.quantity:
        raise ValidationError(f"cannot accept {response.accepted}: only {request.quantity} were requested",
                              "accepted")
    _texts(note=response.note)
    if view.dispatched:
        raise ValidationError(f"{view.dispatched} already dispatched; the answer can no longer change", "accepted")


def validate_dispatch(dispatch: Dispatch, request: ResourceRequest, view: RequestView) -> None:
    _supplier_step(dispatch, request, "dispatch for it")
    _not_cancelled(request)
    if view.accepted is None:
        raise ValidationError("answer the request before dispatching", "quantity")
    if view.accepted == 0:
        raise ValidationError("this request was declined; nothing can be dispatched", "quantity")
    _count(dispatch.quantity, "the dispatched quantity", "quantity")
    if view.dispatched + dispatch.quantity > view.accepted:
        raise ValidationError(f"cannot dispatch {dispatch.quantity}: {view.accepted} accepted, "
                              f"{view.dispatched} already dispatched", "quantity")
    _not_before(dispatch.expected_arrival, dispatch.dispatched_on, "the expected arrival", "the dispatch date",
                "expected_arrival")
    _texts(note=dispatch.note)


def validate_receipt(receipt: Receipt, request: ResourceRequest, view: RequestView) -> None:
    _requester_step(receipt, request, "record what arrived")
    _count(receipt.quantity, "the received quantity", "quantity")
    if view.received + receipt.quantity > view.dispatched:
        raise ValidationError(f"cannot receive {receipt.quantity}: {view.dispatched} dispatched so far (as far as "
                              f"the supplier's snapshots tell), {view.received} already received", "quantity")
    _not_before(receipt.received_on, view.dispatched_on, "the receipt date", "the dispatch date", "received_on")
    _texts(note=receipt.note)


def validate_return(ret: Return, request: ResourceRequest, view: RequestView) -> None:
    _requester_step(ret, request, "return what it received")
    if view.kind not in RETURNABLE:
        raise ValidationError("only equipment and staff are returned; supplies are consumed", "quantity")
    _count(ret.quantity, "the returned quantity", "quantity")
    if view.returned + ret.quantity > view.received:
        raise ValidationError(f"cannot return {ret.quantity}: {view.received} received, "
                              f"{view.returned} already returned", "quantity")
    _not_before(ret.returned_on, view.dispatched_on, "the return date", "the dispatch date", "returned_on")
    _texts(note=ret.note)


def validate_cancel(request: ResourceRequest, view: RequestView, by: str) -> None:
    if by != request.meta.owner:
        raise ValidationError(f"only the requester {request.meta.owner} can cancel this request; "
                              "answer 0 (decline) instead", "cancelled")
    if request.cancelled:
        raise ValidationError("this request is already cancelled", "cancelled")
    if view.dispatched:
        raise ValidationError(f"{view.dispatched} already dispatched; record the receipt (and the return) instead",
                              "cancelled")
