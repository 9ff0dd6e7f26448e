"""A request travels between two real workspaces in signed snapshots and comes back as a commitment.

Given 益城町 (A) short of water and generators and 熊本市 (B) with stock to spare, partners of each other,
when A turns a proposed transfer of `match` into a request and the two exchange snapshots, then each step
taken on one side shows on the other, the status is derived from both sides' records, and what B has
committed is no longer offered by B's own `match`.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sync_helpers import dump, export, import_one, private_key, signed, trust, write

from disastershare.cli import main
from disastershare.core.errors import DomainError
from disastershare.core.matching_model import Flow
from disastershare.core.records import InventoryItem, Need, RecordMeta
from disastershare.core.requests import RequestResponse, RequestStatus
from disastershare.store import mirror
from disastershare.store import request_store as rs
from disastershare.store.request_records import insert_record
from disastershare.store.workspace import Workspace
from disastershare.sync.history import stock_series
from disastershare.sync.partners import set_enabled
from disastershare.sync.snapshot_format import column_names, tables_of
from disastershare.sync.snapshot_writer import build_snapshot

A, B, C = "434434", "431001", "432105"  # 益城町, 熊本市, 菊池市
DAY = date(2026, 11, 3)


def send(sender: Workspace, receiver: Workspace, tmp: Path) -> None:
    """One snapshot from sender to receiver, which must apply it."""
    result = import_one(receiver, export(sender, tmp))
    assert result.status == "applied", result.reason


def match_flows(workspace: Workspace, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--workspace", str(workspace.root), "match", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)["flows"]


def offered(workspace: Workspace, capsys, resource: str, sender: str) -> int:
    """What the matcher proposes `sender` send, in total."""
    return sum(f["quantity"] for f in match_flows(workspace, capsys, "--resource", resource) if f["from"] == sender)


def position(workspace: Workspace, capsys, resource: str, who: str) -> dict:
    """The `shortfalls --all` row of one municipality and resource (surplus, committed, incoming, ...)."""
    capsys.readouterr()
    assert main(["--workspace", str(workspace.root), "shortfalls", "--all", "--resource", resource,
                 "--format", "json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out) if r["municipality"] == who]
    return row


@pytest.fixture
def pair(make_workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """A needs 500 L of water and 4 generators; B holds 300 L and 6 generators; each has the other's card."""
    a, b = make_workspace(A, seed=None), make_workspace(B, seed=None)
    a.needs.apply([Need(RecordMeta(A), "S-WATER", 500), Need(RecordMeta(A), "E-GENERATOR", 4)], [])
    b.inventory.apply([InventoryItem(RecordMeta(B), "S-WATER", 300), InventoryItem(RecordMeta(B), "E-GENERATOR", 6)],
                      [])
    trust(a, b)
    trust(b, a)
    send(b, a, tmp_path)
    return a, b


def test_a_request_travels_to_the_partner_and_back_through_every_step(pair, tmp_path: Path, capsys) -> None:
    a, b = pair
    # Given the matcher proposes that B sends A its 300 L of water
    [proposal] = [f for f in match_flows(a, capsys, "--resource", "S-WATER") if f["from"] == B]
    assert (proposal["to"], proposal["quantity"]) == (A, 300)
    # When A turns the proposal into a request, and asks for 4 generators back by a date
    water = rs.request_from_flow(a, Flow(proposal["resource"], proposal["from"], proposal["to"],
                                         proposal["quantity"], proposal["km"]))
    gens = rs.create_request(a, B, "E-GENERATOR", 4, return_by=DAY, needed_by=DAY)
    assert (water.requester, water.supplier, water.status) == (A, B, RequestStatus.REQUESTED)
    # and sends its snapshot to B
    send(a, b, tmp_path)
    # Then B sees both requests made to it
    seen = {v.id: v for v in rs.list_requests(b)}
    assert set(seen) == {water.id, gens.id}
    assert (seen[water.id].quantity, seen[water.id].status) == (300, RequestStatus.REQUESTED)
    # nothing is promised yet; A's request covers 300 of its 500 L while it waits, so 200 is still proposed
    assert position(b, capsys, "S-WATER", B)["surplus"] == 300
    assert position(b, capsys, "S-WATER", A)["shortfall"] == 200
    assert offered(b, capsys, "S-WATER", B) == 200

    # When B accepts 200 of the water (by id prefix) and all generators, and its snapshot comes back
    assert rs.respond(b, water.id[:8], accept=200, note="200 now").status is RequestStatus.PARTLY_ACCEPTED
    rs.respond(b, gens.id, accept=4)
    send(b, a, tmp_path)
    # Then A sees the part accepted, with B's note
    back = {v.id: v for v in rs.list_requests(a)}
    assert (back[water.id].status, back[water.id].accepted, back[water.id].response_note) == (
        RequestStatus.PARTLY_ACCEPTED, 200, "200 now")
    assert back[gens.id].status is RequestStatus.ACCEPTED
    # and B's matcher no longer offers what it committed (A's remaining gap: 500 - 200 = 300, B has 100 left)
    assert (position(b, capsys, "S-WATER", B)["committed"], position(b, capsys, "S-WATER", B)["surplus"]) == (200, 100)
    assert offered(b, capsys, "S-WATER", B) == 100
    assert position(b, capsys, "E-GENERATOR", B)["surplus"] == 2
    assert offered(a, capsys, "S-WATER", B) == 100  # A's matcher agrees once it has B's answer

    # When B dispatches (writing the water off its stock), A receives, and later returns the generators,
    # each step travelling in the next snapshot
    rs.dispatch(b, water.id, 200, DAY, date(2026, 11, 4))
    rs.dispatch(b, gens.id, 4, DAY)
    [tank] = [i for i in b.inventory.list() if i.resource == "S-WATER"]
    b.inventory.update(InventoryItem(tank.meta, "S-WATER", 100))
    assert position(b, capsys, "S-WATER", B)["surplus"] == 0  # in transit: counted twice, the cautious side
    send(b, a, tmp_path)
    assert rs.get_request(a, water.id).expected_arrival == date(2026, 11, 4)
    assert rs.receive(a, water.id, 200, date(2026, 11, 4)).status is RequestStatus.RECEIVED
    rs.receive(a, gens.id, 4, date(2026, 11, 4))
    send(a, b, tmp_path)
    assert {v.id: v.status for v in rs.list_requests(b)} == {water.id: RequestStatus.RECEIVED,
                                                             gens.id: RequestStatus.RECEIVED}
    # received water no longer counts against B's stock; lent generators do until they are back
    assert position(b, capsys, "S-WATER", B)["surplus"] == 100
    assert position(b, capsys, "E-GENERATOR", B)["surplus"] == 2
    assert rs.return_items(a, gens.id, 4, date(2026, 11, 10)).status is RequestStatus.RETURNED
    send(a, b, tmp_path)
    # Then B sees them back and offers them again
    final = rs.get_request(b, gens.id)
    assert (final.status, final.dispatched, final.received, final.returned) == (RequestStatus.RETURNED, 4, 4, 4)
    assert position(b, capsys, "E-GENERATOR", B)["surplus"] == 6
    assert rs.get_request(b, water.id).received == 200


def test_refusals_change_nothing(pair, make_workspace, tmp_path: Path) -> None:
    a, b = pair
    c = make_workspace(C, seed=None)
    trust(c, a)
    request = rs.create_request(a, B, "S-WATER", 300)
    send(a, b, tmp_path)
    send(a, c, tmp_path)
    attempts = [
        (b, lambda: rs.respond(b, request.id, accept=301), "only 300 were requested"),
        (a, lambda: rs.respond(a, request.id, accept=10), "our own request"),
        (c, lambda: rs.respond(c, request.id, accept=10), "addressed to 431001, not to 432105"),
        (b, lambda: rs.respond(b, "ffffffff", accept=10), "no request with id"),
        (b, lambda: rs.respond(b, request.id), "give the quantity accepted"),
        (b, lambda: rs.dispatch(b, request.id, 1), "answer the request before dispatching"),
        (a, lambda: rs.receive(a, request.id, 1), "0 dispatched so far"),
        (a, lambda: rs.return_items(a, request.id, 1), "only equipment and staff"),
        (b, lambda: rs.cancel(b, request.id), "only the requester"),
        (a, lambda: rs.create_request(a, C, "S-WATER", 5), "432105 is not a partner"),
        (a, lambda: rs.create_request(a, A, "S-WATER", 5), "cannot request from itself"),
        (a, lambda: rs.create_request(a, B, "S-NOPE", 5), "unknown resource"),
        (a, lambda: rs.create_request(a, B, "S-WATER", 0), "at least 1"),
        (a, lambda: rs.create_request(a, B, "P-SHELTER", 2), "needs a period"),
        (a, lambda: rs.request_from_flow(a, Flow("S-WATER", A, B, 5, 10.0)), "only the receiver"),
    ]
    for workspace, attempt, words in attempts:
        before = dump(workspace)
        with pytest.raises(DomainError, match=words):
            attempt()
        assert dump(workspace) == before, words
    set_enabled(a, B, False)
    before = dump(a)
    with pytest.raises(DomainError, match="disabled"):
        rs.create_request(a, B, "S-WATER", 5)
    assert dump(a) == before


def test_answers_change_until_dispatch_and_cancel_releases_the_commitment(pair, tmp_path: Path, capsys) -> None:
    a, b = pair
    request = rs.create_request(a, B, "S-WATER", 300)
    send(a, b, tmp_path)
    rs.respond(b, request.id, accept=300)
    assert offered(b, capsys, "S-WATER", B) == 0
    changed = rs.respond(b, request.id, accept=100)
    assert (changed.accepted, changed.status) == (100, RequestStatus.PARTLY_ACCEPTED)
    send(b, a, tmp_path)
    assert rs.cancel(a, request.id).status is RequestStatus.CANCELLED
    send(a, b, tmp_path)
    # B learns of the cancellation: its 300 L are on offer again, and it can no longer act on the request
    assert rs.get_request(b, request.id).status is RequestStatus.CANCELLED
    assert offered(b, capsys, "S-WATER", B) == 300
    with pytest.raises(DomainError, match="cancelled"):
        rs.dispatch(b, request.id, 10)


def test_a_third_party_cannot_answer_for_the_supplier(pair, make_workspace, tmp_path: Path) -> None:
    # Given C (a partner of A) writes an "acceptance" of A's request to B into its own records
    a, _ = pair
    c = make_workspace(C, seed=None)
    trust(a, c)
    request = rs.create_request(a, B, "S-WATER", 300)
    with c.engine.begin() as conn:
        insert_record(conn, RequestResponse(RecordMeta(C), request.id, 300, "forged"))
    # When A imports C's signed snapshot
    send(c, a, tmp_path)
    # Then the record is mirrored but does not count: only B answers for B
    view = rs.get_request(a, request.id)
    assert (view.status, view.accepted) == (RequestStatus.REQUESTED, None)


def test_version_1_snapshots_still_import_and_leave_request_records_alone(pair, tmp_path: Path) -> None:
    a, b = pair
    request = rs.create_request(a, B, "S-WATER", 300)
    send(a, b, tmp_path)
    a.inventory.add(InventoryItem(RecordMeta(A), "S-BLANKET", 40))
    # When A's data arrives in a version-1 file (an older app), which has no request tables
    with a.engine.connect() as conn:
        tables = {t: [list(r) for r in mirror.read_owner_rows(conn, t, A, column_names(t))] for t in tables_of(1)}
    old = build_snapshot(A, 99, False, tables, private_key(a), format_version=1)
    assert json.loads(old.manifest.to_bytes())["counts"].keys() == set(tables_of(1))
    path = tmp_path / old.name
    path.write_bytes(old.data)
    result = import_one(b, path)
    # Then it is applied, and the request B already knew of stays
    assert result.status == "applied", result.reason
    assert [i.on_hand for i in b.inventory.list(A)] == [40]
    assert [v.id for v in rs.list_requests(b)] == [request.id]


@pytest.mark.parametrize(("version", "tables"), [(1, tables_of(2)), (2, tables_of(1))])
def test_counts_must_name_the_tables_of_the_version(pair, tmp_path: Path, version: int, tables) -> None:
    a, b = pair
    data = signed({"owner": A, "sequence": 50, "format_version": version, "counts": {t: 0 for t in tables}}, {},
                  private_key(a))
    before = dump(b)
    result = import_one(b, write(tmp_path / "wrong.dsnap", data))
    assert result.status == "refused" and f"tables of format version {version}" in result.reason
    assert dump(b) == before


def test_a_request_record_reusing_the_id_of_ours_leaves_ours_alone(pair, tmp_path: Path) -> None:
    # Given B has answered A's request, and A's next snapshot reuses the id of B's answer (a hostile partner)
    a, b = pair
    request = rs.create_request(a, B, "S-WATER", 300)
    send(a, b, tmp_path)
    rs.respond(b, request.id, accept=100)
    with b.engine.connect() as conn:
        [b_answer] = [r for r in mirror.read_owner_rows(conn, "request_response", B, ["id"])]
        own_rows = mirror.read_owner_rows(conn, "request_response", B, column_names("request_response"))
    a.inventory.add(InventoryItem(RecordMeta(A), "S-BLANKET", 40))
    with a.engine.begin() as conn:
        insert_record(conn, RequestResponse(RecordMeta(A, id=b_answer[0]), request.id, 1))
    # When B imports it
    result = import_one(b, export(a, tmp_path))
    # Then it applies (record identity is (id, owner)): the new stock arrives, B's answer is untouched and A's
    # "answer" (not the supplier's) counts for nothing
    assert result.status == "applied", result.reason
    with b.engine.connect() as conn:
        assert mirror.read_owner_rows(conn, "request_response", B, column_names("request_response")) == own_rows
        assert len(mirror.read_owner_rows(conn, "request_response", A, ["id"])) == 1
    assert rs.get_request(b, request.id).accepted == 100
    assert any(i.resource == "S-BLANKET" for i in b.inventory.list(owner=A))
    # and B can still change its own answer
    assert rs.respond(b, request.id, accept=50).accepted == 50
    with b.engine.connect() as conn:
        [[accepted]] = mirror.read_owner_rows(conn, "request_response", A, ["accepted"])
    assert accepted == 1


def test_stock_over_time_from_each_applied_snapshot(pair, tmp_path: Path) -> None:
    a, b = pair
    [item] = [i for i in b.inventory.list() if i.resource == "S-WATER"]
    b.inventory.update(InventoryItem(item.meta, "S-WATER", 250, reserved=50))
    send(b, a, tmp_path)
    a.inventory.add(InventoryItem(RecordMeta(A), "S-WATER", 70, reserved=10))
    series = stock_series(a, "S-WATER")
    assert [q for _, q in series[B]] == [300, 200]
    assert series[B][0][0] <= series[B][1][0]
    assert [q for _, q in series[A]] == [60]  # own: the current total, one point
    assert stock_series(a, "E-GENERATOR")[B] == [(t, 6) for t, _ in series[B]]
    assert stock_series(a, "S-TOWEL") == {}


def test_the_demo_has_a_request_that_came_back_accepted(tmp_path: Path) -> None:
    from disastershare.demo import DEMO_OWN, build_demo

    workspace = build_demo(tmp_path / "demo")
    try:
        [view] = rs.list_requests(workspace)
        assert view.requester == DEMO_OWN and view.status is RequestStatus.ACCEPTED
        assert view.accepted == view.quantity and view.response_note
    finally:
        workspace.close()

