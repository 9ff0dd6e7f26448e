"""Restoring a backup never rewinds the snapshot numbering (issue 16, finding 5).

The highest sequence ever exported is kept beside the signing key (keys/snapshot_sequence), outside the
database a restore replaces, and the next export takes max(database, file) + 1: partners that already applied
#3 apply the next snapshot (#4) instead of logging it as a fork or as up to date.
"""

from __future__ import annotations

from pathlib import Path

from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import SEQUENCE_FILE

A, B = "434434", "431001"


def _pair(cli, tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli("init", "--municipality", A, ws=a).code == 0
    assert cli("init", "--municipality", B, ws=b).code == 0
    card = tmp_path / "a.dskey"
    assert cli("keycard", "export", str(card), ws=a).code == 0
    assert cli("partners", "add", str(card), "--yes", ws=b).code == 0
    return a, b


def _export(cli, ws: Path, out: Path) -> Path:
    result = cli("snapshot", "export", "--out", str(out), ws=ws)
    assert result.code == 0, result.err
    return Path(result.out.split("wrote ", 1)[1].split(" (sequence", 1)[0])


def test_export_after_restore_continues_the_numbering(cli, tmp_path: Path) -> None:
    a, b = _pair(cli, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    # Given A exported #1, took a backup, then exported #2 and #3, all applied by B
    first = _export(cli, a, out)
    backup = cli("backup", "now", ws=a)
    assert backup.code == 0, backup.err
    backup_file = Path(backup.out.strip().splitlines()[-1])
    later = [_export(cli, a, out), _export(cli, a, out)]
    for path in (first, *later):
        assert cli("snapshot", "import", str(path), ws=b).code == 0
    assert (a / "keys" / SEQUENCE_FILE).read_text().strip() == "3"
    # When A restores the backup taken after #1 and exports again
    restored = cli("restore", str(backup_file), "--yes", ws=a)
    assert restored.code == 0, restored.err
    result = cli("snapshot", "export", "--out", str(out), ws=a)
    # Then the new snapshot is #4, and B applies it
    assert result.code == 0 and "sequence 4," in result.out, result.out + result.err
    fourth = out / f"{A}-000004.dsnap"
    imported = cli("snapshot", "import", str(fourth), "--format", "json", ws=b)
    assert imported.code == 0 and imported.json()[0]["status"] == "applied", imported.out
    # and a bundle export after another restore goes on from there as well
    assert cli("restore", str(backup_file), "--yes", ws=a).code == 0
    bundle = cli("snapshot", "export", "--bundle", "--out", str(out), ws=a)
    assert bundle.code == 0, bundle.err
    assert (a / "keys" / SEQUENCE_FILE).read_text().strip() == "5"


def test_a_damaged_sequence_file_is_one_clear_line_and_exports_nothing(cli, tmp_path: Path) -> None:
    a, _ = _pair(cli, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    _export(cli, a, out)
    (a / "keys" / SEQUENCE_FILE).write_text("forty-two\n")
    result = cli("snapshot", "export", "--out", str(out), ws=a)
    assert result.code == 2 and result.err.count("\n") == 1 and "damaged" in result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in out.iterdir()) == [f"{A}-000001.dsnap"]
    workspace = Workspace.open(a)
    try:
        with workspace.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT max(sequence) FROM own_snapshot").scalar() == 1
    finally:
        workspace.close()


def test_a_sequence_file_ahead_of_the_database_wins(cli, tmp_path: Path) -> None:
    """A laptop whose database was copied from an older one, keys folder kept: numbering continues from 41."""
    a, _ = _pair(cli, tmp_path)
    (a / "keys" / SEQUENCE_FILE).write_text("41\n")
    result = cli("snapshot", "export", "--out", str(tmp_path), ws=a)
    assert result.code == 0 and "sequence 42," in result.out
    assert (tmp_path / f"{A}-000042.dsnap").is_file()
