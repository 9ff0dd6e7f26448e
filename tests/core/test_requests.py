"""The request lifecycle in the core: the rules of each step, the derived status, and what requests do to
offers (committed) and needs (incoming) in the positions table."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.core.errors import ValidationError
from disastershare.core.records import InventoryItem, Need, RecordMeta, StaffPool
from disastershare.core.reference_data import shipped_registry
from disastershare.core.request_rules import (
    validate_cancel,
    validate_dispatch,
    validate_receipt,
    validate_request,
    validate_response,
    validate_return,
)
from disastershare.core.requests import (
    Dispatch,
    Receipt,
    RequestResponse,
    RequestStatus,
    RequestView,
    ResourceRequest,
    Return,
    committed_of,
    committed_quantities,
    derive_status,
    incoming_of,
    incoming_quantities,
    views_of,
)
from disastershare.core.shortfalls import Period, Picture, positions

A, B, C = "434434", "431001", "432105"  # requester 益城町, supplier 熊本市, a third party 菊池市
DAY = date(2026, 11, 3)
T0 = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


def meta(owner: str, minutes: int = 0, revision: int = 1) -> RecordMeta:
    return RecordMeta(owner, revision=revision, updated_at=T0 + timedelta(minutes=minutes))


def request(resource: str = "S-WATER", quantity: int = 100, **kw) -> ResourceRequest:
    return ResourceRequest(meta(A), B, resource, quantity, **kw)


def answer(req: ResourceRequest, accepted: int, owner: str = B, minutes: int = 1) -> RequestResponse:
    return RequestResponse(meta(owner, minutes), req.meta.id, accepted)


def sent(req: ResourceRequest, quantity: int, owner: str = B, day: date = DAY) -> Dispatch:
    return Dispatch(meta(owner, 2), req.meta.id, quantity, day, day + timedelta(days=1))


def got(req: ResourceRequest, quantity: int, owner: str = A) -> Receipt:
    return Receipt(meta(owner, 3), req.meta.id, quantity, DAY + timedelta(days=1))


def back(req: ResourceRequest, quantity: int, owner: str = A) -> Return:
    return Return(meta(owner, 4), req.meta.id, quantity, DAY + timedelta(days=5))


def view(req: ResourceRequest, *steps, kind: ResourceKind | None = ResourceKind.SUPPLY) -> RequestView:
    return views_of([req], list(steps), {req.resource: kind} if kind else {})[0]


# -- derived status ----------------------------------------------------------------------------------
def test_status_follows_the_furthest_step_taken() -> None:
    req = request(quantity=100)
    assert view(req).status is RequestStatus.REQUESTED and view(req).accepted is None
    assert view(req, answer(req, 100)).status is RequestStatus.ACCEPTED
    assert view(req, answer(req, 60)).status is RequestStatus.PARTLY_ACCEPTED
    assert view(req, answer(req, 0)).status is RequestStatus.DECLINED
    v = view(req, answer(req, 60), sent(req, 40))
    assert (v.status, v.accepted, v.dispatched) == (RequestStatus.DISPATCHED, 60, 40)
    v = view(req, answer(req, 60), sent(req, 40), sent(req, 20), got(req, 30))
    assert (v.status, v.dispatched, v.received) == (RequestStatus.RECEIVED, 60, 30)
    assert view(replace(req, cancelled=True), answer(req, 60)).status is RequestStatus.CANCELLED


def test_returned_only_once_everything_received_is_back() -> None:
    req = request("E-GENERATOR", 4)
    steps = [answer(req, 4), sent(req, 4), got(req, 4)]
    partly = view(req, *steps, back(req, 1), kind=ResourceKind.EQUIPMENT)
    assert (partly.status, partly.returned) == (RequestStatus.RECEIVED, 1)
    whole = view(req, *steps, back(req, 1), back(req, 3), kind=ResourceKind.EQUIPMENT)
    assert (whole.status, whole.returned, whole.closed) == (RequestStatus.RETURNED, 4, True)


def test_only_the_right_party_s_live_steps_count() -> None:
    # Given answers and steps forged by the wrong parties, a tombstoned answer, and a step of another request
    req, other = request(), request()
    forged = [answer(req, 100, owner=C), answer(req, 100, owner=A), sent(req, 50, owner=A), got(req, 50, owner=B)]
    gone = answer(req, 80)
    gone.meta.deleted = True
    # When the status is derived
    v = view(req, *forged, gone, answer(other, 5))
    # Then none of them counts
    assert (v.status, v.accepted, v.dispatched, v.received) == (RequestStatus.REQUESTED, None, 0, 0)


def test_the_latest_answer_counts_and_dates_and_notes_are_carried() -> None:
    req = request(needed_by=DAY, note="体育館へ")
    first, second = answer(req, 100, minutes=1), replace(answer(req, 70, minutes=5), note="70 only")
    second.meta.revision = 2
    v = derive_status(req, [second, first], [sent(req, 30, day=DAY), sent(req, 10, day=DAY + timedelta(days=2))],
                      [], [], kind=ResourceKind.SUPPLY)
    assert (v.accepted, v.response_note, v.note, v.needed_by) == (70, "70 only", "体育館へ", DAY)
    assert v.dispatched_on == DAY and v.expected_arrival == DAY + timedelta(days=3)
    assert v.updated_at == T0 + timedelta(minutes=5)
    assert (v.requester, v.supplier) == (A, B)


# -- rules -------------------------------------------------------------------------------------------
def test_request_rules_by_kind() -> None:
    validate_request(request(), ResourceKind.SUPPLY)
    validate_request(request("E-GENERATOR", 2, return_by=DAY), ResourceKind.EQUIPMENT)
    validate_request(request("P-SHELTER", 3, period_from=DAY, period_to=DAY, work_type="避難所運営"),
                     ResourceKind.STAFF)
    refusals = [
        (request(quantity=0), ResourceKind.SUPPLY, "at least 1"),
        (request(quantity=-5), ResourceKind.SUPPLY, "at least 1"),
        (replace(request(), to=A), ResourceKind.SUPPLY, "itself"),
        (request("P-SHELTER", 3), ResourceKind.STAFF, "needs a period"),
        (request("P-SHELTER", 3, period_from=DAY, period_to=DAY - timedelta(days=1)), ResourceKind.STAFF,
         "before the first day"),
        (request(period_from=DAY, period_to=DAY), ResourceKind.SUPPLY, "only staff"),
        (request(work_type="x"), ResourceKind.SUPPLY, "only staff"),
        (request(return_by=DAY), ResourceKind.SUPPLY, "not returned"),
        (request("E-GENERATOR", 1, needed_by=DAY, return_by=DAY - timedelta(days=1)), ResourceKind.EQUIPMENT,
         "before the date needed"),
        (request(note="x" * 4001), ResourceKind.SUPPLY, "longer than"),
    ]
    for req, kind, words in refusals:
        with pytest.raises(ValidationError, match=words):
            validate_request(req, kind)


def test_answers_only_by_the_supplier_and_never_above_the_quantity() -> None:
    req = request(quantity=100)
    fresh = view(req)
    validate_response(answer(req, 100), req, fresh)
    validate_response(answer(req, 0), req, fresh)  # decline
    for response, words in ((answer(req, 101), "only 100 were requested"), (answer(req, -1), "at least 0"),
                            (answer(req, 50, owner=A), "our own request"),
                            (answer(req, 50, owner=C), "addressed to 431001, not to 432105")):
        with pytest.raises(ValidationError, match=words):
            validate_response(response, req, fresh)
    with pytest.raises(ValidationError, match="cancelled"):
        validate_response(answer(req, 5), replace(req, cancelled=True), fresh)
    with pytest.raises(ValidationError, match="already dispatched"):
        validate_response(answer(req, 5), req, view(req, answer(req, 60), sent(req, 10)))


def test_dispatch_receipt_and_return_stay_within_the_step_before() -> None:
    req = request("E-GENERATOR", 10)
    accepted = view(req, answer(req, 6), kind=ResourceKind.EQUIPMENT)
    validate_dispatch(sent(req, 6), req, accepted)
    with pytest.raises(ValidationError, match="6 accepted, 0 already dispatched"):
        validate_dispatch(sent(req, 7), req, accepted)
    with pytest.raises(ValidationError, match="answer the request"):
        validate_dispatch(sent(req, 1), req, view(req))
    with pytest.raises(ValidationError, match="declined"):
        validate_dispatch(sent(req, 1), req, view(req, answer(req, 0)))
    with pytest.raises(ValidationError, match="only 431001"):
        validate_dispatch(sent(req, 1, owner=A), req, accepted)
    late = Dispatch(meta(B), req.meta.id, 1, DAY, DAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="expected arrival"):
        validate_dispatch(late, req, accepted)

    on_the_way = view(req, answer(req, 6), sent(req, 4), kind=ResourceKind.EQUIPMENT)
    validate_receipt(got(req, 4), req, on_the_way)
    with pytest.raises(ValidationError, match="4 dispatched so far"):
        validate_receipt(got(req, 5), req, on_the_way)
    with pytest.raises(ValidationError, match="only the requester 434434"):
        validate_receipt(got(req, 1, owner=B), req, on_the_way)
    early = Receipt(meta(A), req.meta.id, 1, DAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="before the dispatch date"):
        validate_receipt(early, req, on_the_way)

    arrived = view(req, answer(req, 6), sent(req, 4), got(req, 3), kind=ResourceKind.EQUIPMENT)
    validate_return(back(req, 3), req, arrived)
    with pytest.raises(ValidationError, match="3 received, 0 already returned"):
        validate_return(back(req, 4), req, arrived)
    water = request("S-WATER", 5)
    drunk = view(water, answer(water, 5), sent(water, 5), got(water, 5), kind=ResourceKind.SUPPLY)
    with pytest.raises(ValidationError, match="supplies are consumed"):
        validate_return(back(water, 1), water, drunk)


def test_cancel_only_by_the_requester_before_dispatch() -> None:
    req = request()
    validate_cancel(req, view(req, answer(req, 50)), A)
    with pytest.raises(ValidationError, match="only the requester"):
        validate_cancel(req, view(req), B)
    with pytest.raises(ValidationError, match="already cancelled"):
        validate_cancel(replace(req, cancelled=True), view(req), A)
    with pytest.raises(ValidationError, match="already dispatched"):
        validate_cancel(req, view(req, answer(req, 50), sent(req, 5)), A)


# -- committed and incoming --------------------------------------------------------------------------
def test_committed_equipment_stays_out_of_the_offer_until_it_comes_back() -> None:
    req = request("E-GENERATOR", 10)

    def committed(*steps) -> int:
        return committed_of(view(req, *steps, kind=ResourceKind.EQUIPMENT))

    assert committed() == 0  # asked, not promised
    assert committed(answer(req, 6)) == 6
    assert committed(answer(req, 6), sent(req, 6), got(req, 6)) == 6
    assert committed(answer(req, 6), sent(req, 6), got(req, 6), back(req, 2)) == 4
    assert committed(answer(req, 6), sent(req, 6), got(req, 6), back(req, 6)) == 0
    assert committed(answer(req, 0)) == 0
    assert committed_of(view(replace(req, cancelled=True), answer(req, 6), kind=ResourceKind.EQUIPMENT)) == 0
    # cancelled after a dispatch it did not know of: what is out stays out until it is back
    assert committed_of(view(replace(req, cancelled=True), answer(req, 6), sent(req, 2),
                             kind=ResourceKind.EQUIPMENT)) == 2


def test_committed_supplies_count_until_received() -> None:
    req = request("S-WATER", 100)
    assert committed_of(view(req, answer(req, 80), sent(req, 80))) == 80
    assert committed_of(view(req, answer(req, 80), sent(req, 80), got(req, 50))) == 30
    assert committed_of(view(req, answer(req, 80), sent(req, 80), got(req, 80))) == 0


def test_incoming_covers_the_requester_s_need_until_declined_cancelled_or_returned() -> None:
    req = request("E-GENERATOR", 10)
    assert incoming_of(view(req, kind=ResourceKind.EQUIPMENT)) == 10  # waiting: what was asked
    assert incoming_of(view(req, answer(req, 4), kind=ResourceKind.EQUIPMENT)) == 4
    assert incoming_of(view(req, answer(req, 4), sent(req, 4), got(req, 4), kind=ResourceKind.EQUIPMENT)) == 4
    assert incoming_of(view(req, answer(req, 4), sent(req, 4), got(req, 4), back(req, 4),
                            kind=ResourceKind.EQUIPMENT)) == 0
    assert incoming_of(view(req, answer(req, 0), kind=ResourceKind.EQUIPMENT)) == 0
    assert incoming_of(view(replace(req, cancelled=True), kind=ResourceKind.EQUIPMENT)) == 0


def test_quantities_add_up_per_party_and_resource_and_staff_only_within_the_period() -> None:
    one, two = request("S-WATER", 100), request("S-WATER", 50)
    staff = request("P-SHELTER", 5, period_from=DAY + timedelta(days=10), period_to=DAY + timedelta(days=14))
    views = views_of([one, two, staff], [answer(one, 100), answer(two, 20), answer(staff, 5)],
                     {"S-WATER": ResourceKind.SUPPLY, "P-SHELTER": ResourceKind.STAFF})
    assert committed_quantities(views) == {(B, "S-WATER"): 120, (B, "P-SHELTER"): 5}
    assert incoming_quantities(views) == {(A, "S-WATER"): 120, (A, "P-SHELTER"): 5}
    assert committed_quantities(views, (DAY, DAY)) == {(B, "S-WATER"): 120}
    assert committed_quantities(views, (DAY + timedelta(days=14), DAY + timedelta(days=20)))[(B, "P-SHELTER")] == 5


def test_positions_stop_offering_what_is_committed_and_count_what_is_coming(catalog: Catalog) -> None:
    # Given 熊本市 holds 300 L of water, 益城町 needs 500, and 熊本市 accepted 200 of a 250 L request
    req = request("S-WATER", 250)
    views = views_of([req], [answer(req, 200)], {"S-WATER": ResourceKind.SUPPLY})
    pic = Picture([InventoryItem(RecordMeta(B), "S-WATER", 300)], [], [Need(RecordMeta(A), "S-WATER", 500)],
                  catalog, shipped_registry(), A, requests=views)
    # When positions are computed
    table = positions(pic, DAY).set_index(["municipality", "resource"])
    # Then the supplier offers only what is left and the requester lacks only what nobody promised
    supplier, requester = table.loc[(B, "S-WATER")], table.loc[(A, "S-WATER")]
    assert (supplier["committed"], supplier["available"], supplier["surplus"]) == (200, 100, 100)
    assert (requester["need"], requester["incoming"], requester["shortfall"]) == (500, 200, 300)


def test_committed_staff_leave_the_pool_only_for_their_period(catalog: Catalog) -> None:
    req = request("P-SHELTER", 3, period_from=DAY, period_to=DAY + timedelta(days=2))
    views = views_of([req], [answer(req, 3)], {"P-SHELTER": ResourceKind.STAFF})
    pool = StaffPool(RecordMeta(B), "P-SHELTER", 5, DAY, DAY + timedelta(days=30), 7)
    pic = Picture([], [pool], [], catalog, shipped_registry(), A, requests=views)
    during = positions(pic, DAY, Period.of_days(DAY, 2)).set_index(["municipality", "resource"]).loc[(B, "P-SHELTER")]
    later = positions(pic, DAY, Period.of_days(DAY + timedelta(days=5), 2)).set_index(
        ["municipality", "resource"]).loc[(B, "P-SHELTER")]
    assert (during["surplus"], later["surplus"]) == (2, 5)
