"""requests list / request create / respond / dispatch / receive / return / cancel through the command line,
between two workspaces that exchange key cards and snapshots the way users do."""

from __future__ import annotations

from pathlib import Path

import pytest

from disastershare.core.records import InventoryItem, Need, RecordMeta
from disastershare.store.workspace import Workspace

MASHIKI, KUMAMOTO = "434434", "431001"
CONTRACT_KEYS = {"id", "from", "to", "resource", "quantity", "accepted", "dispatched", "received", "returned",
                 "status"}


@pytest.fixture
def two(cli, tmp_path: Path) -> dict[str, Path]:
    """益城町 (short of water) and 熊本市 (300 L spare), partners of each other, 熊本市's stock already sent."""
    roots = {MASHIKI: tmp_path / "mashiki", KUMAMOTO: tmp_path / "kumamoto"}
    for code, root in roots.items():
        assert cli("init", "--municipality", code, ws=root).code == 0
        assert cli("keycard", "export", str(tmp_path / f"{code}.dskey"), ws=root).code == 0
    for code, root in roots.items():
        other = KUMAMOTO if code == MASHIKI else MASHIKI
        assert cli("partners", "add", str(tmp_path / f"{other}.dskey"), "--yes", ws=root).code == 0
    mashiki, kumamoto = Workspace.open(roots[MASHIKI]), Workspace.open(roots[KUMAMOTO])
    mashiki.needs.add(Need(RecordMeta(MASHIKI), "S-WATER", 500))
    kumamoto.inventory.add(InventoryItem(RecordMeta(KUMAMOTO), "S-WATER", 300))
    kumamoto.inventory.add(InventoryItem(RecordMeta(KUMAMOTO), "E-GENERATOR", 5))
    mashiki.close()
    kumamoto.close()
    exchange(cli, roots[KUMAMOTO], roots[MASHIKI], tmp_path)
    return roots


def exchange(cli, sender: Path, receiver: Path, tmp_path: Path) -> None:
    out = tmp_path / "carried"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.dsnap"):
        old.unlink()
    assert cli("snapshot", "export", "--out", str(out), ws=sender).code == 0
    result = cli("snapshot", "import", str(out), ws=receiver)
    assert result.code == 0, result.err


def listed(cli, root: Path) -> list[dict]:
    result = cli("requests", "list", "--format", "json", ws=root)
    assert result.code == 0, result.err
    return result.json()


def test_a_request_made_answered_and_listed_on_both_sides(cli, two, tmp_path: Path) -> None:
    mashiki, kumamoto = two[MASHIKI], two[KUMAMOTO]
    # Given 益城町 asks 熊本市 for 250 L of water
    made = cli("request", "create", "--to", KUMAMOTO, "--resource", "S-WATER", "--quantity", "250",
               "--needed-by", "2026-11-05", "--note", "体育館へ", "--format", "json", ws=mashiki)
    assert made.code == 0, made.err
    request = made.json()
    assert {k: request[k] for k in ("from", "to", "quantity", "status", "direction")} == {
        "from": MASHIKI, "to": KUMAMOTO, "quantity": 250, "status": "requested", "direction": "out"}
    # When the request reaches 熊本市
    exchange(cli, mashiki, kumamoto, tmp_path)
    [seen] = listed(cli, kumamoto)
    # Then it lists it, in the contract's JSON shape, as made to it
    assert set(seen) >= CONTRACT_KEYS
    assert {k: seen[k] for k in CONTRACT_KEYS} == {
        "id": request["id"], "from": MASHIKI, "to": KUMAMOTO, "resource": "S-WATER", "quantity": 250,
        "accepted": None, "dispatched": 0, "received": 0, "returned": 0, "status": "requested"}
    assert (seen["direction"], seen["needed_by"], seen["note"]) == ("in", "2026-11-05", "体育館へ")
    # When 熊本市 accepts part of it by a prefix of the id and its snapshot comes back
    answered = cli("request", "respond", request["id"][:8], "--accept", "200", "--note", "残りは明日", ws=kumamoto)
    assert answered.code == 0, answered.err
    assert "partly_accepted" in answered.out and "snapshot export" in answered.out
    exchange(cli, kumamoto, mashiki, tmp_path)
    # Then 益城町 sees the commitment
    [back] = listed(cli, mashiki)
    assert (back["status"], back["accepted"], back["response_note"]) == ("partly_accepted", 200, "残りは明日")
    table = cli("requests", "list", ws=mashiki)
    assert table.code == 0 and request["id"][:8] in table.out and "partly_accepted" in table.out
    csv_out = cli("requests", "list", "--format", "csv", ws=mashiki).out.splitlines()
    assert csv_out[0].startswith("id,direction,from,to,resource") and request["id"] in csv_out[1]
    assert listed(cli, mashiki) == cli("requests", "list", "--direction", "out", "--format", "json", ws=mashiki).json()
    assert cli("requests", "list", "--direction", "in", "--format", "json", ws=mashiki).json() == []


def test_dispatch_receive_return_and_show(cli, two, tmp_path: Path) -> None:
    mashiki, kumamoto = two[MASHIKI], two[KUMAMOTO]
    made = cli("request", "create", "--to", KUMAMOTO, "--resource", "E-GENERATOR", "--quantity", "2",
               "--return-by", "2026-12-01", "--format", "json", ws=mashiki).json()
    rid = made["id"]
    exchange(cli, mashiki, kumamoto, tmp_path)
    assert cli("request", "respond", rid, "--accept", "2", ws=kumamoto).code == 0
    sent = cli("request", "dispatch", rid, "--quantity", "2", "--on", "2026-11-03", "--arrival", "2026-11-04",
               "--format", "json", ws=kumamoto)
    assert sent.code == 0 and sent.json()["status"] == "dispatched"
    exchange(cli, kumamoto, mashiki, tmp_path)
    assert cli("request", "receive", rid, "--quantity", "2", "--on", "2026-11-04", ws=mashiki).code == 0
    returned = cli("request", "return", rid, "--quantity", "2", "--on", "2026-11-20", "--format", "json",
                   ws=mashiki)
    assert returned.code == 0 and returned.json()["status"] == "returned"
    exchange(cli, mashiki, kumamoto, tmp_path)
    [row] = listed(cli, kumamoto)
    assert (row["dispatched"], row["received"], row["returned"], row["status"]) == (2, 2, 2, "returned")
    assert (row["return_by"], row["expected_arrival"], row["returned_on"]) == ("2026-12-01", "2026-11-04",
                                                                              "2026-11-20")
    shown = cli("request", "show", rid[:6], ws=kumamoto)
    assert shown.code == 0 and "returned" in shown.out and "2026-12-01" in shown.out


@pytest.mark.parametrize(("who", "args", "reason"), [
    (MASHIKI, ("request", "create", "--to", "432105", "--resource", "S-WATER", "--quantity", "5"),
     "not a partner"),
    (MASHIKI, ("request", "create", "--to", KUMAMOTO, "--resource", "S-WATER", "--quantity", "0"), "at least 1"),
    (MASHIKI, ("request", "create", "--to", "12345", "--resource", "S-WATER", "--quantity", "5"), "6 digits"),
    (MASHIKI, ("request", "create", "--to", KUMAMOTO, "--resource", "P-SHELTER", "--quantity", "2"),
     "needs a period"),
    (MASHIKI, ("request", "respond", "{id}", "--accept", "5"), "our own request"),
    (KUMAMOTO, ("request", "respond", "{id}", "--accept", "301"), "only 300 were requested"),
    (KUMAMOTO, ("request", "respond", "0000", "--accept", "1"), "no request with id"),
    (KUMAMOTO, ("request", "dispatch", "{id}", "--quantity", "1"), "answer the request"),
    (MASHIKI, ("request", "receive", "{id}", "--quantity", "1"), "0 dispatched so far"),
    (MASHIKI, ("request", "return", "{id}", "--quantity", "1"), "only equipment and staff"),
    (KUMAMOTO, ("request", "cancel", "{id}"), "only the requester"),
    (KUMAMOTO, ("request", "respond", "{id}", "--accept", "1", "--decline"), "not allowed with"),
    (KUMAMOTO, ("request", "respond", "{id}"), "one of the arguments"),
    (KUMAMOTO, ("request", "respond", "{id}", "--accept", "1.5"), "not a whole number"),
    (MASHIKI, ("request", "create", "--to", KUMAMOTO, "--resource", "S-WATER", "--quantity", "5",
               "--needed-by", "2026-02-30"), "not a date"),
])
def test_refusals_exit_2_with_one_line_and_change_nothing(cli, two, tmp_path: Path, who: str,
                                                          args: tuple[str, ...], reason: str) -> None:
    mashiki, kumamoto = two[MASHIKI], two[KUMAMOTO]
    rid = cli("request", "create", "--to", KUMAMOTO, "--resource", "S-WATER", "--quantity", "300", "--format",
              "json", ws=mashiki).json()["id"]
    exchange(cli, mashiki, kumamoto, tmp_path)
    root = two[who]
    before = listed(cli, root)
    result = cli(*(a.replace("{id}", rid) for a in args), ws=root)
    assert result.code == 2, result.out
    assert reason in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert listed(cli, root) == before


def test_match_takes_mutual_aid_partners_from_the_partner_list_and_never_from_disabled(cli, two) -> None:
    mashiki = two[MASHIKI]
    document = cli("match", "--format", "json", ws=mashiki).json()
    assert document["preferences"]["mutual_aid_pairs"] == [sorted([MASHIKI, KUMAMOTO])]
    assert [f["from"] for f in document["flows"]] == [KUMAMOTO]
    assert cli("match", "--no-partner-preferences", "--format", "json", ws=mashiki).json()["preferences"][
        "mutual_aid_pairs"] == []
    assert cli("partners", "disable", KUMAMOTO, ws=mashiki).code == 0
    document = cli("match", "--format", "json", ws=mashiki).json()
    assert document["flows"] == [] and f"{KUMAMOTO}:*" in document["preferences"]["never"]


def test_help_explains_the_lifecycle(cli) -> None:
    result = cli("request", "--help")
    assert result.code == 0
    for word in ("respond", "dispatch", "receive", "return", "cancel", "partly_accepted", "snapshot"):
        assert word in result.out
