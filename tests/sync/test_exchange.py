"""End to end through the command line: key cards, partners, snapshots, bundles, relays, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_helpers import records_dump, stock

from disastershare.cli import main
from disastershare.store.workspace import Workspace

MASHIKI, KUMAMOTO, KIKUCHI = "434434", "431001", "432105"


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp: Path) -> None:
        self.capsys, self.monkeypatch, self.tmp = capsys, monkeypatch, tmp
        self.code, self.out, self.err = 0, "", ""

    def __call__(self, ws: str, *args: str, stdin: str = "") -> Cli:
        self.capsys.readouterr()
        self.monkeypatch.setattr("sys.stdin", _Stdin(stdin))
        try:
            self.code = main(["--workspace", str(self.tmp / ws), *args])
        except SystemExit as exc:
            self.code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return self

    def json(self):
        return json.loads(self.out)


class _Stdin:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""

    def isatty(self) -> bool:
        return False


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path: Path) -> Cli:
    return Cli(capsys, monkeypatch, tmp_path)


def _init(cli: Cli, name: str, code: str, seed: int) -> None:
    assert cli(name, "init", "--municipality", code).code == 0
    workspace = Workspace.open(cli.tmp / name)
    stock(workspace, seed)
    workspace.close()


def _trust(cli: Cli, who: str, whom: str) -> None:
    card = cli.tmp / f"{whom}.dskey"
    assert cli(whom, "keycard", "export", str(card)).code == 0
    assert cli(who, "partners", "add", str(card), "--yes").code == 0, cli.err


def _owners(cli: Cli, ws: str) -> set[str]:
    assert cli(ws, "inventory", "list", "--all", "--format", "json").code == 0
    return {row["municipality"] for row in cli.json()}


def test_two_workspaces_exchange_key_cards_and_snapshots(cli: Cli, tmp_path: Path) -> None:
    # Given two municipalities, each with its own stock
    _init(cli, "mashiki", MASHIKI, 1)
    _init(cli, "kumamoto", KUMAMOTO, 2)
    # When they trust each other's key cards and exchange snapshots
    _trust(cli, "mashiki", "kumamoto")
    _trust(cli, "kumamoto", "mashiki")
    assert cli("mashiki", "snapshot", "export").code == 0
    assert cli("kumamoto", "snapshot", "export", "--out", str(tmp_path)).code == 0
    sent = tmp_path / "mashiki" / "outbox" / f"{MASHIKI}-000001.dsnap"
    assert sent.is_file() and (tmp_path / f"{KUMAMOTO}-000001.dsnap").is_file()
    imported = cli("kumamoto", "snapshot", "import", str(sent), "--format", "json")
    assert imported.code == 0, imported.err
    [row] = imported.json()
    assert row == {"file": str(sent), "owner": MASHIKI, "sequence": 1, "status": "applied", "reason": "",
                   "changes": {"added": row["changes"]["added"], "changed": 0, "removed": 0}}
    assert row["changes"]["added"] > 30
    assert cli("mashiki", "snapshot", "import", str(tmp_path / f"{KUMAMOTO}-000001.dsnap")).code == 0
    # Then each lists the other's inventory next to its own, record for record
    assert _owners(cli, "kumamoto") == {MASHIKI, KUMAMOTO}
    assert _owners(cli, "mashiki") == {MASHIKI, KUMAMOTO}
    a, b = Workspace.open(tmp_path / "mashiki"), Workspace.open(tmp_path / "kumamoto")
    assert records_dump(a, MASHIKI) == records_dump(b, MASHIKI)
    assert records_dump(a, KUMAMOTO) == records_dump(b, KUMAMOTO)
    a.close()
    b.close()


def test_a_relay_carries_a_third_municipalitys_snapshot_in_a_bundle(cli: Cli, tmp_path: Path) -> None:
    # Given Kikuchi's snapshot reached the relay laptop (Kumamoto), but Mashiki never met Kikuchi's laptop
    for name, code, seed in (("mashiki", MASHIKI, 1), ("kumamoto", KUMAMOTO, 2), ("kikuchi", KIKUCHI, 3)):
        _init(cli, name, code, seed)
    _trust(cli, "kumamoto", "kikuchi")
    _trust(cli, "mashiki", "kikuchi")
    _trust(cli, "mashiki", "kumamoto")
    assert cli("kikuchi", "snapshot", "export").code == 0
    assert cli("kumamoto", "snapshot", "import", str(tmp_path / "kikuchi" / "outbox")).code == 0
    # When the relay bundles everything it holds and Mashiki imports the bundle
    assert cli("kumamoto", "snapshot", "export", "--bundle", "--out", str(tmp_path)).code == 0
    [bundle] = tmp_path.glob("*.dsbundle")
    result = cli("mashiki", "snapshot", "import", str(bundle), "--format", "json")
    # Then Kikuchi's records arrive, still verified against Kikuchi's own key
    assert result.code == 0, result.err
    assert sorted((r["owner"], r["status"]) for r in result.json()) == [(KUMAMOTO, "applied"), (KIKUCHI, "applied")]
    assert _owners(cli, "mashiki") == {MASHIKI, KUMAMOTO, KIKUCHI}
    relay, mashiki = Workspace.open(tmp_path / "kumamoto"), Workspace.open(tmp_path / "mashiki")
    assert records_dump(relay, KIKUCHI) == records_dump(mashiki, KIKUCHI)
    relay.close()
    mashiki.close()


def test_partners_add_asks_and_no_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    _init(cli, "mashiki", MASHIKI, 1)
    _init(cli, "kumamoto", KUMAMOTO, 2)
    card = tmp_path / "k.dskey"
    cli("kumamoto", "keycard", "export", str(card))
    fingerprint = json.loads(card.read_text(encoding="utf-8"))["fingerprint"]
    refused = cli("mashiki", "partners", "add", str(card), stdin="n\n")
    assert refused.code == 2 and fingerprint in refused.out and "熊本市" in refused.out
    assert refused.err.strip().splitlines()[-1].endswith("not confirmed; nothing was changed")
    assert cli("mashiki", "partners", "list", "--format", "json").json() == []
    accepted = cli("mashiki", "partners", "add", str(card), "--agreement", "wide_area_group", stdin="y\n")
    assert accepted.code == 0
    [partner] = cli("mashiki", "partners", "list", "--format", "json").json()
    assert {k: partner[k] for k in ("code", "agreement", "fingerprint", "enabled", "last_sequence", "stale")} == {
        "code": KUMAMOTO, "agreement": "wide_area_group", "fingerprint": fingerprint, "enabled": True,
        "last_sequence": None, "stale": True}
    assert partner["name"] == "熊本県熊本市" and partner["last_heard_from"] is None


def test_exit_codes_all_fine_partial_and_all_refused(cli: Cli, tmp_path: Path) -> None:
    _init(cli, "mashiki", MASHIKI, 1)
    _init(cli, "kumamoto", KUMAMOTO, 2)
    _trust(cli, "kumamoto", "mashiki")
    cli("mashiki", "snapshot", "export", "--out", str(tmp_path))
    good = tmp_path / f"{MASHIKI}-000001.dsnap"
    bad = tmp_path / "bad.dsnap"
    bad.write_bytes(b"not a snapshot")
    partial = cli("kumamoto", "snapshot", "import", str(good), str(bad), "--format", "json")
    assert partial.code == 3
    assert [r["status"] for r in partial.json()] == ["applied", "refused"]
    assert cli("kumamoto", "snapshot", "import", str(good)).code == 0  # up to date is fine
    refused = cli("kumamoto", "snapshot", "import", str(bad))
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and "not a zip container" in refused.err
    missing = cli("kumamoto", "snapshot", "import", str(tmp_path / "empty-folder-that-is-not-there"))
    assert missing.code == 2
    (tmp_path / "empty").mkdir()
    nothing = cli("kumamoto", "snapshot", "import", str(tmp_path / "empty"))
    assert nothing.code == 2 and "no snapshot files" in nothing.err


def test_snapshot_log_lists_every_import(cli: Cli, tmp_path: Path) -> None:
    _init(cli, "mashiki", MASHIKI, 1)
    _init(cli, "kumamoto", KUMAMOTO, 2)
    _trust(cli, "kumamoto", "mashiki")
    cli("mashiki", "snapshot", "export", "--out", str(tmp_path))
    snap = tmp_path / f"{MASHIKI}-000001.dsnap"
    cli("kumamoto", "snapshot", "import", str(snap))
    cli("kumamoto", "snapshot", "import", str(snap))
    log = cli("kumamoto", "snapshot", "log", "--format", "json").json()
    assert [(e["owner"], e["sequence"], e["status"]) for e in log] == [(MASHIKI, 1, "up_to_date"),
                                                                        (MASHIKI, 1, "applied")]
    assert log[1]["added"] > 0 and log[1]["created_at"]
    assert cli("kumamoto", "snapshot", "log").code == 0


def test_keycard_and_partner_refusals(cli: Cli, tmp_path: Path) -> None:
    _init(cli, "mashiki", MASHIKI, 1)
    own = tmp_path / "own.dskey"
    cli("mashiki", "keycard", "export", str(own))
    assert cli("mashiki", "partners", "add", str(own), "--yes").code == 2
    assert "your own key card" in cli.err
    broken = tmp_path / "broken.dskey"
    broken.write_text("{not json", encoding="utf-8")
    assert cli("mashiki", "partners", "add", str(broken), "--yes").code == 2
    assert "not a key card" in cli.err
    assert cli("mashiki", "partners", "disable", "999999").code == 2
    assert cli("mashiki", "partners", "add", str(own), "--agreement", "friendship", "--yes").code == 2


def test_disable_enable_and_replace_key_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    _init(cli, "mashiki", MASHIKI, 1)
    _init(cli, "kumamoto", KUMAMOTO, 2)
    _trust(cli, "mashiki", "kumamoto")
    cli("kumamoto", "snapshot", "export", "--out", str(tmp_path))
    old_snapshot = tmp_path / f"{KUMAMOTO}-000001.dsnap"
    assert cli("mashiki", "partners", "disable", KUMAMOTO).code == 0
    assert cli("mashiki", "snapshot", "import", str(old_snapshot)).code == 2 and "disabled" in cli.err
    assert cli("mashiki", "partners", "enable", KUMAMOTO).code == 0
    # Kumamoto's laptop is lost: a new workspace, a new key
    _init(cli, "kumamoto-new", KUMAMOTO, 3)
    card = tmp_path / "new.dskey"
    cli("kumamoto-new", "keycard", "export", str(card))
    assert cli("mashiki", "partners", "replace-key", str(card), "--yes").code == 0
    refused = cli("mashiki", "snapshot", "import", str(old_snapshot), "--format", "json")
    assert refused.code == 2 and "replaced key" in refused.json()[0]["reason"]
    cli("kumamoto-new", "snapshot", "export", "--out", str(tmp_path / "kumamoto-new"))
    assert cli("mashiki", "snapshot", "import", str(tmp_path / "kumamoto-new")).code == 0


def test_help_documents_agreements_and_exit_codes(cli: Cli) -> None:
    assert cli("x", "partners", "add", "--help").code == 0
    assert all(kind in cli.out for kind in ("mutual_aid", "wide_area_group", "prefecture"))
    assert cli("x", "snapshot", "import", "--help").code == 0
    assert "Exit codes" in cli.out


