"""The snapshot file itself: names, manifest, signature, payload encoding, sequence numbers, no secrets."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sync_helpers import export, import_one, members_of, private_key, records_dump, trust

from disastershare.store import request_tables, sync_tables  # noqa: F401 - their tables join the metadata
from disastershare.store.tables import SQLModel
from disastershare.sync.keys import PRIVATE_NAME, decode_public, fingerprint, verify
from disastershare.sync.snapshot_format import MAX_RATIO, is_flat_name

A, B = "434434", "431001"


def test_one_flat_zip_per_owner_and_sequence(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A)
    first, second = export(a, tmp_path), export(a, tmp_path)
    assert (first.name, second.name) == ("434434-000001.dsnap", "434434-000002.dsnap")
    with zipfile.ZipFile(second) as zf:
        names = zf.namelist()
        infos = zf.infolist()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert set(names) == {"manifest.json", "manifest.sig", "inventory_item.json", "staff_pool.json", "need.json"}
    assert all(is_flat_name(n) for n in names)
    assert all(i.file_size <= MAX_RATIO * max(i.compress_size, 1) for i in infos)


def test_manifest_describes_and_signs_the_payload(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A, drill=True)
    members = members_of(export(a, tmp_path).read_bytes())
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "disastershare-snapshot" and manifest["format_version"] == 2
    assert (manifest["owner"], manifest["sequence"], manifest["drill"]) == (A, 1, True)
    assert manifest["created_at"].endswith("Z") and manifest["app_version"]
    assert manifest["counts"]["inventory_item"] == len(a.inventory.list(include_deleted=True))
    assert manifest["counts"]["local_resource_type"] == 0
    assert manifest["counts"]["resource_request"] == 0  # version 2 names the request tables too
    for name, digest in manifest["members"].items():
        assert hashlib.sha256(members[name]).hexdigest() == digest["sha256"]
        assert len(members[name]) == digest["size"]
    signer = decode_public(manifest["signer"])
    assert len(members["manifest.sig"]) == 64
    assert verify(signer, members["manifest.sig"], members["manifest.json"])
    assert fingerprint(signer) == fingerprint((a.keys_dir / "signing_key.pub").read_bytes())


def test_payload_is_positional_json_rows_with_tombstones(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A)
    gone = a.inventory.list()[0]
    a.inventory.delete(gone.meta.id)
    members = members_of(export(a, tmp_path).read_bytes())
    table = json.loads(members["inventory_item.json"])
    assert table["columns"][:5] == ["id", "owner", "revision", "updated_at", "deleted"]
    rows = {row[0]: row for row in table["rows"]}
    assert rows[gone.meta.id][4] is True
    assert len(rows) == len(a.inventory.list(include_deleted=True))


def test_the_private_key_never_appears_in_a_snapshot(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A)
    data = export(a, tmp_path).read_bytes()
    key = private_key(a)
    from cryptography.hazmat.primitives import serialization

    raw_private = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    pem = (a.keys_dir / PRIVATE_NAME).read_bytes()
    everything = data + b"".join(members_of(data).values())
    assert raw_private not in everything and pem not in everything
    assert b"PRIVATE KEY" not in everything


def test_import_reproduces_the_owners_records_exactly(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A, seed=1), make_workspace(B, seed=2)
    trust(b, a)
    own_before = records_dump(b, B)
    assert import_one(b, export(a, tmp_path)).status == "applied"
    assert records_dump(b, A) == records_dump(a, A)
    assert records_dump(b, B) == own_before
    assert b.inventory.list(A) == a.inventory.list()
    assert b.staff.list(A) == a.staff.list() and b.needs.list(A) == a.needs.list()


def test_sequence_numbers_survive_reopening(make_workspace, tmp_path: Path) -> None:
    from disastershare.store.workspace import Workspace

    a = make_workspace(A)
    export(a, tmp_path)
    reopened = Workspace.open(a.root)
    assert export(reopened, tmp_path).name == "434434-000002.dsnap"


def test_export_out_path_may_be_a_file_name(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A)
    target = tmp_path / "for-kumamoto.dsnap"
    assert export(a, target) == target
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as zf:
        assert "manifest.json" in zf.namelist()


def test_migrated_schema_equals_the_sqlmodel_tables(make_workspace) -> None:
    a = make_workspace(A, seed=None)
    with a.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
