"""Extreme values from a trusted partner (issue 16, finding 6): refused at import with a clear reason, never
a crash, nothing changed; values at the edges of what is allowed go through every later step (shortfalls,
match, reports) without crashing.

Limits: each integer 0..2^53; the live quantities of one owner summed per resource (per request for request
steps) at most 10^12; dates and times in the years 1900-2200; text without C0/C1 control characters other
than tab, line feed and carriage return, without bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E/F,
U+061C) and without lone surrogates; reserved never above on hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import dump, export, import_one, log_rows, private_key, signed, trust, write

from disastershare.cli import main
from disastershare.store.workspace import Workspace
from disastershare.sync.snapshot_format import MAX_INT, column_names
from disastershare.sync.snapshot_writer import build_snapshot

A, B, C = "434434", "431001", "432105"
T = "2024-01-01 00:00:00.000000"


@dataclass
class Pair:
    a: Workspace
    b: Workspace
    tmp: Path


@pytest.fixture
def pair(make_workspace, tmp_path: Path) -> Pair:
    a, b = make_workspace(A, seed=None), make_workspace(B, seed=2)
    trust(b, a)
    return Pair(a, b, tmp_path)


def item(n: int, on_hand: int = 5, reserved: int = 0, *, resource: str = "S-WATER", expiry: str | None = None,
         note: str = "", deleted: bool = False, updated: str = T, location: str = "") -> list[Any]:
    return [f"item-{n}", A, n, updated, deleted, resource, on_hand, reserved, location, "ready", expiry, note]


def need(n: int, quantity: int = 5, needed_by: str | None = None) -> list[Any]:
    return [f"need-{n}", A, n, T, False, "S-WATER", quantity, needed_by, "high", "open", ""]


def pool(n: int, headcount: int = 3) -> list[Any]:
    return [f"pool-{n}", A, n, T, False, "P-NURSE", headcount, None, None, None, "", ""]


def request(n: int, quantity: int = 5) -> list[Any]:
    return [f"req-{n}", A, n, T, False, B, "S-WATER", quantity, None, "", "", "", None, None, None, False]


def dispatch(n: int, quantity: int, request_id: str = "req-x") -> list[Any]:
    return [f"dsp-{n}", A, n, T, False, request_id, quantity, "2024-01-02", None, ""]


def snapshot(pair: Pair, tables: dict[str, list[list[Any]]], sequence: int = 7, **kw) -> bytes:
    return build_snapshot(A, sequence, False, tables, private_key(pair.a), **kw).data


def refused(pair: Pair, data: bytes, *words: str) -> str:
    before = dump(pair.b)
    logged = len(log_rows(pair.b))
    result = import_one(pair.b, write(pair.tmp / "extreme.dsnap", data))
    assert result.status == "refused", result
    for word in words:
        assert word in result.reason, result.reason
    assert "\n" not in result.reason
    assert dump(pair.b) == before
    assert len(log_rows(pair.b)) == logged + 1
    return result.reason


def applied(pair: Pair, data: bytes) -> None:
    result = import_one(pair.b, write(pair.tmp / "edge.dsnap", data))
    assert result.status == "applied", result.reason


_BIG = 6 * 10**11
REFUSED_TABLES = {
    "two stock lines summing past 10^12": ({"inventory_item": [item(1, _BIG), item(2, _BIG)]},
                                           "resource S-WATER sum to 1,200,000,000,000"),
    "1,100 lines of 2^53 summing past 2^63": ({"inventory_item": [item(i, MAX_INT) for i in range(1100)]},
                                              "over the limit of 1,000,000,000,000"),
    "one value past 2^53": ({"inventory_item": [item(1, MAX_INT + 1)]}, "number out of range"),
    "one value of 2^63": ({"inventory_item": [item(1, 2**63)]}, "number out of range"),
    "a negative quantity": ({"inventory_item": [item(1, -1)]}, "number out of range"),
    "reserved above on hand": ({"inventory_item": [item(1, 5, 6)]}, "reserves more than it has on hand"),
    "staff summing past 10^12": ({"staff_pool": [pool(1, _BIG), pool(2, _BIG)]}, "staff_pool.headcount"),
    "needs summing past 10^12": ({"need": [need(1, _BIG), need(2, _BIG)]}, "need.quantity"),
    "requests summing past 10^12": ({"resource_request": [request(1, _BIG), request(2, _BIG)]},
                                    "resource_request.quantity"),
    "dispatches of one request summing past 10^12": ({"request_dispatch": [dispatch(1, _BIG), dispatch(2, _BIG)]},
                                                     "request_id req-x sum to"),
    "expiry 9999-12-31": ({"inventory_item": [item(1, expiry="9999-12-31")]}, "date 9999-12-31 is outside"),
    "expiry 1899-12-31": ({"inventory_item": [item(1, expiry="1899-12-31")]}, "date 1899-12-31 is outside"),
    "needed by 0001-01-01": ({"need": [need(1, needed_by="0001-01-01")]}, "outside the years 1900-2200"),
    "updated in 2201": ({"inventory_item": [item(1, updated="2201-01-01 00:00:00.000000")]}, "time 2201-01-01"),
    "a bell in a note": ({"inventory_item": [item(1, note="ring\x07")]}, "U+0007"),
    "NUL in a location": ({"inventory_item": [item(1, location="倉庫\x00")]}, "U+0000"),
    "a terminal escape": ({"inventory_item": [item(1, note="\x1b[2J")]}, "U+001B"),
    "C1 next line": ({"inventory_item": [item(1, note="a\x85b")]}, "U+0085"),
    "right-to-left override": ({"inventory_item": [item(1, note="txt.\u202eexe")]}, "U+202E"),
    "bidi isolate": ({"inventory_item": [item(1, note="\u2066x\u2069")]}, "U+2066"),
    "right-to-left mark in a resource": ({"inventory_item": [item(1, resource="S-WATER\u200f")]}, "U+200F"),
    "an id holding a newline": ({"inventory_item": [[*item(1)[:0], "a\nb", *item(1)[1:]]]}, "malformed record id"),
}


@pytest.mark.parametrize("case", REFUSED_TABLES, ids=list(REFUSED_TABLES))
def test_extreme_values_are_refused_with_a_reason(pair: Pair, case: str) -> None:
    tables, words = REFUSED_TABLES[case]
    refused(pair, snapshot(pair, tables), words)


def _hand_made(pair: Pair, body: str, table: str = "inventory_item", rows: int = 1, **manifest) -> bytes:
    """A signed version-1 snapshot with a payload member written as given (JSON escapes kept as written)."""
    counts = {"inventory_item": 0, "staff_pool": 0, "need": 0, "local_resource_type": 0, table: rows}
    return signed({"owner": A, "sequence": 7, "counts": counts, **manifest}, {f"{table}.json": body.encode()},
                  private_key(pair.a))


def _row_json(note: str) -> str:
    return json.dumps({"columns": column_names("inventory_item"), "rows": [item(1)]}).replace('""]]', note + "]]")


def test_a_lone_surrogate_is_refused(pair: Pair) -> None:
    refused(pair, _hand_made(pair, _row_json('"\\ud800"')), "U+D800")


def _with_on_hand(literal: str) -> str:
    """An inventory payload whose on_hand is the JSON literal given."""
    body = json.dumps({"columns": column_names("inventory_item"), "rows": [item(1)]})
    return body.replace(", 5, 0,", f", {literal}, 0,")


def test_a_float_an_infinity_and_nan_are_not_whole_numbers(pair: Pair) -> None:
    for literal in ("5.0", "1e400", "NaN", "Infinity"):
        body = _with_on_hand(literal)
        assert literal in body
        refused(pair, _hand_made(pair, body), "not a whole number")


def test_a_five_thousand_digit_number_is_refused(pair: Pair) -> None:
    refused(pair, _hand_made(pair, _with_on_hand("9" * 5000)), "not valid JSON")


@pytest.mark.parametrize("sequence", [MAX_INT + 1, 2**63 - 1, 2**63, 10**30, 0, -1])
def test_sequences_out_of_range_are_refused_and_logged(pair: Pair, sequence: int) -> None:
    data = signed({"owner": A, "sequence": sequence}, {}, private_key(pair.a))
    refused(pair, data, "no valid sequence number")
    assert log_rows(pair.b)[-1][1:4] == (A, None, "refused")


@pytest.mark.parametrize("created_at", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                                        "2024-01-01T00:00:00+09:00Z", "2024-13-01T00:00:00Z"])
def test_creation_times_out_of_range_are_refused(pair: Pair, created_at: str) -> None:
    refused(pair, signed({"owner": A, "created_at": created_at}, {}, private_key(pair.a)), "creation time")


def test_values_at_the_edges_go_through_shortfalls_match_and_reports(pair: Pair, capsys) -> None:
    # Given a snapshot at every edge: sequence 2^53, 10^12 on hand, tombstones with huge values (not summed),
    # dates on the first and last allowed days, line breaks and tabs in a note
    tables = {
        "inventory_item": [item(1, 10**12, 10**12 - 1, expiry="2200-12-31", note="一行目\n二行目\t終わり\r\n"),
                           item(2, MAX_INT, deleted=True), item(3, MAX_INT, deleted=True),
                           item(4, 7, resource="S-BLANKET", expiry="1900-01-01",
                                updated="2200-12-31 23:59:59.999999")],
        "need": [need(5, 10**12, needed_by="2200-12-31")],
        "staff_pool": [pool(6, 10**12)],
    }
    made = datetime(2107, 12, 31, tzinfo=UTC)  # zip timestamps end in 2107
    applied(pair, snapshot(pair, tables, sequence=MAX_INT, created_at=made))
    refused(pair, signed({"owner": A, "sequence": MAX_INT + 1}, {}, private_key(pair.a)), "sequence")
    ws = str(pair.b.root)
    for args in (["shortfalls", "--all", "--format", "json"], ["match", "--format", "json"],
                 ["snapshot", "log"], ["partners", "list"], ["inventory", "list", "--all"]):
        capsys.readouterr()
        assert main(["--workspace", ws, *args]) == 0, args
    for suffix in ("csv", "xlsx"):
        capsys.readouterr()
        code = main(["--workspace", ws, "report", "--out", str(pair.tmp / f"report.{suffix}")])
        assert code == 0, capsys.readouterr().err


def test_a_newer_snapshot_after_sequence_2_pow_53_is_refused_not_crashed(pair: Pair) -> None:
    applied(pair, snapshot(pair, {"inventory_item": [item(1)]}, sequence=MAX_INT))
    data = snapshot(pair, {"inventory_item": [item(1, 6)]}, sequence=MAX_INT)  # same number, other content
    result = import_one(pair.b, write(pair.tmp / "fork.dsnap", data))
    assert result.status == "fork"


# -- own exports: never what partners refuse ---------------------------------------------------------------
def test_own_text_with_bidi_and_control_characters_is_cleaned_in_the_snapshot(make_workspace, tmp_path: Path) -> None:
    from disastershare.core.records import InventoryItem, RecordMeta

    a, b = make_workspace(A, seed=None), make_workspace(B, seed=None)
    trust(b, a)
    a.inventory.add(InventoryItem(RecordMeta(A), "S-WATER", 10, note="倉庫\u202e2\x07番\n棚",
                                  location="\u2066本庁\u2069"))
    assert import_one(b, export(a, tmp_path)).status == "applied"
    [mirrored] = b.inventory.list(owner=A)
    assert (mirrored.note, mirrored.location) == ("倉庫2番\n棚", "本庁")
    assert a.inventory.list()[0].note == "倉庫\u202e2\x07番\n棚"  # kept as typed at home


@pytest.mark.parametrize("problem", ["expiry", "sum"])
def test_own_records_partners_would_refuse_stop_the_export_in_one_line(make_workspace, tmp_path: Path, capsys,
                                                                        problem: str) -> None:
    from datetime import date

    from disastershare.core.records import InventoryItem, RecordMeta

    a = make_workspace(A, seed=None)
    if problem == "expiry":
        a.inventory.add(InventoryItem(RecordMeta(A), "S-WATER", 10, expiry=date(9999, 12, 31)))
    else:
        a.inventory.apply([InventoryItem(RecordMeta(A), "S-WATER", 10**12), InventoryItem(RecordMeta(A), "S-WATER", 1)],
                          [])
    before = dump(a)
    capsys.readouterr()
    code = main(["--workspace", str(a.root), "snapshot", "export", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "cannot export" in err and "Traceback" not in err
    assert ("9999-12-31" if problem == "expiry" else "sum to 1,000,000,000,001") in err
    assert dump(a) == before
    assert not list(tmp_path.glob("*.dsnap")) and not (a.keys_dir / "snapshot_sequence").exists()


def test_members_digest_reasons_stay_one_line(pair: Pair) -> None:
    """A manifest naming a member with line breaks and bidi characters: the reason quotes it escaped."""
    body = b'{"columns": [], "rows": []}'
    data = signed({"owner": A, "members": {"x\n\u202e.json": {"sha256": hashlib.sha256(body).hexdigest(), "size": 1}}},
                  {}, private_key(pair.a))
    reason = refused(pair, data, "is missing")
    assert "\\u000a" in reason and "\\u202e" in reason


def test_a_partner_whose_clock_runs_ahead_is_flagged(pair: Pair) -> None:
    from datetime import UTC, datetime, timedelta

    ahead = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=3)
    result = import_one(pair.b, write(pair.tmp / "ahead.dsnap", snapshot(pair, {"inventory_item": [item(1)]},
                                                                          created_at=ahead)))
    assert result.status == "applied"
    assert "clock runs 2 h 59 min ahead" in result.reason or "clock runs 3 h 0 min ahead" in result.reason
    on_time = import_one(pair.b, write(pair.tmp / "now.dsnap", snapshot(pair, {"inventory_item": [item(1)]}, 8)))
    assert on_time.status == "applied" and on_time.reason == ""
