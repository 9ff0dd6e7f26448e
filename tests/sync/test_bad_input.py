"""Every bad input from issue 4: refused (or reported) with a clear reason, the database logically unchanged.

Given partner A (益城町) whose snapshot #1 B (熊本市) has already applied, and A's records changed since,
when B imports a damaged, forged, replayed or crafted file, then the result says why and every table of
B except the import log is exactly as before.
"""

from __future__ import annotations

import io
import json
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sync_helpers import (
    dump,
    export,
    import_one,
    log_rows,
    members_of,
    private_key,
    rezip,
    signed,
    stock,
    trust,
    write,
)

from disastershare.store.workspace import Workspace
from disastershare.sync.keycard import own_keycard
from disastershare.sync.partners import replace_key, set_enabled
from disastershare.sync.progress import drain
from disastershare.sync.snapshot_format import FORMAT_VERSION
from disastershare.sync.snapshot_writer import build_snapshot

A, B, C = "434434", "431001", "432105"


@dataclass
class Setup:
    a: Workspace
    b: Workspace
    first: Path  # A's snapshot #1, applied in B
    second: Path  # A's snapshot #2 (A changed since), not yet imported
    tmp: Path


@pytest.fixture
def setup(make_workspace, tmp_path: Path) -> Setup:
    a = make_workspace(A, seed=1)
    b = make_workspace(B, seed=2)
    trust(b, a)
    first = export(a, tmp_path)
    assert import_one(b, first).status == "applied"
    stock(a, seed=3)  # more records: #2 differs
    second = export(a, tmp_path)
    return Setup(a, b, first, second, tmp_path)


def refused(s: Setup, data: bytes, *words: str, name: str = "bad.dsnap") -> str:
    """Import `data` into B; assert it was refused with all `words` in the reason and nothing changed."""
    before = dump(s.b)
    logged = len(log_rows(s.b))
    result = import_one(s.b, write(s.tmp / name, data))
    assert result.status == "refused", result
    for word in words:
        assert word in result.reason, result.reason
    assert "\n" not in result.reason
    assert dump(s.b) == before
    assert len(log_rows(s.b)) == logged + 1 and log_rows(s.b)[-1][3] == "refused"
    return result.reason


def test_truncated_file(setup: Setup) -> None:
    data = setup.second.read_bytes()
    refused(setup, data[: len(data) // 2], "truncated")


def test_truncated_by_one_byte(setup: Setup) -> None:
    data = setup.second.read_bytes()
    refused(setup, data[:-1])


def test_empty_file(setup: Setup) -> None:
    refused(setup, b"", "empty file")


def test_not_a_container_at_all(setup: Setup) -> None:
    refused(setup, "在庫一覧,毛布,40\n".encode() * 50, "not a zip")


def test_one_flipped_byte_in_the_compressed_payload(setup: Setup) -> None:
    data = bytearray(setup.second.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("inventory_item.json")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x01
    refused(setup, bytes(data), "inventory_item.json")


def test_one_flipped_byte_in_the_payload_with_the_zip_rebuilt(setup: Setup) -> None:
    """An attacker who rebuilds the zip (fresh CRCs) still cannot match the signed SHA-256."""
    members = members_of(setup.second.read_bytes())
    body = bytearray(members["inventory_item.json"])
    body[body.index(b'"S-') + 1] ^= 0x01  # a resource code changes: still valid JSON
    members["inventory_item.json"] = bytes(body)
    refused(setup, rezip(members), "SHA-256")


def test_one_flipped_byte_in_the_manifest(setup: Setup) -> None:
    data = bytearray(setup.second.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("manifest.json")
    data[info.header_offset + 30 + len(info.filename) + 3] ^= 0x01
    refused(setup, bytes(data), "manifest.json")


def test_one_flipped_byte_in_the_manifest_with_the_zip_rebuilt(setup: Setup) -> None:
    members = members_of(setup.second.read_bytes())
    manifest = bytearray(members["manifest.json"])
    at = manifest.index(b'"sequence": ') + len(b'"sequence": ')
    manifest[at] ^= 0x01  # sequence 2 -> 3: valid JSON, a newer number
    members["manifest.json"] = bytes(manifest)
    refused(setup, rezip(members), "signature does not verify")


def test_signed_by_an_unknown_key(setup: Setup, make_workspace) -> None:
    stranger = make_workspace(C, seed=4)  # B never added C's key card
    refused(setup, export(stranger, setup.tmp).read_bytes(), "unknown key", "key card")


def test_signed_by_a_disabled_partner(setup: Setup) -> None:
    set_enabled(setup.b, A, False)
    refused(setup, setup.second.read_bytes(), "disabled")


def test_signed_by_a_replaced_key(setup: Setup, make_workspace) -> None:
    new_laptop = make_workspace(A, seed=None, name="a-new-laptop")
    replace_key(setup.b, own_keycard(new_laptop))
    reason = refused(setup, setup.second.read_bytes(), "replaced key")
    assert A in reason


def test_manifest_claims_another_owner(setup: Setup, make_workspace) -> None:
    c = make_workspace(C, seed=4)
    trust(setup.b, c)  # B trusts both A and C; A signs a snapshot claiming to be C
    before_c = dump(setup.b)
    data = signed({"owner": C}, {}, private_key(setup.a))
    refused(setup, data, "claims owner 432105", "key of 434434")
    assert dump(setup.b) == before_c


def test_replayed_older_sequence_is_up_to_date_and_changes_nothing(setup: Setup) -> None:
    assert import_one(setup.b, setup.second).status == "applied"
    before = dump(setup.b)
    result = import_one(setup.b, setup.first)
    assert (result.status, result.sequence) == ("up_to_date", 1)
    assert "older" in result.reason
    assert dump(setup.b) == before


def test_the_same_file_twice_is_harmless(setup: Setup) -> None:
    before = dump(setup.b)
    result = import_one(setup.b, setup.first)
    assert result.status == "up_to_date" and result.changes.added == 0
    assert dump(setup.b) == before


def test_fork_same_owner_and_sequence_with_different_content(setup: Setup) -> None:
    """A's laptop restored from a backup numbers a different snapshot #1 again."""
    restored = build_snapshot(A, 1, False, {"inventory_item": []}, private_key(setup.a))
    before = dump(setup.b)
    result = import_one(setup.b, write(setup.tmp / "restored-434434-000001.dsnap", restored.data))
    assert result.status == "fork"
    assert "restored-434434-000001.dsnap" in result.reason and setup.first.name in result.reason
    assert dump(setup.b) == before


def test_future_format_version(setup: Setup) -> None:
    newer = FORMAT_VERSION + 1
    future = build_snapshot(A, 9, False, {}, private_key(setup.a), format_version=newer)
    refused(setup, future.data, f"format version {newer}", "update")


def test_drill_snapshot_into_a_live_workspace(setup: Setup) -> None:
    drill = build_snapshot(A, 9, True, {}, private_key(setup.a))
    refused(setup, drill.data, "drill snapshot", "live workspace")


def test_live_snapshot_into_a_drill_workspace(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A, seed=1)
    drill_b = make_workspace(B, drill=True, seed=2, name="drill-b")
    trust(drill_b, a)
    before = dump(drill_b)
    result = import_one(drill_b, export(a, tmp_path))
    assert result.status == "refused"
    assert "live snapshot" in result.reason and "drill workspace" in result.reason
    assert dump(drill_b) == before


@pytest.mark.parametrize("name", ["../evil.json", "../../etc/passwd", "/etc/passwd", "C:\\evil.json",
                                  "sub/inventory_item.json", ".."])
def test_member_names_with_paths_are_refused(setup: Setup, name: str) -> None:
    members = members_of(setup.second.read_bytes())
    members[name] = b"{}"
    refused(setup, rezip(members), "unsafe member name")


def _raw_zip(*entries: tuple[str, bytes, int, int]) -> bytes:
    """A zip of (name, deflated bytes, crc, declared size) written by hand, so the directory can declare
    any size (no honest writer would)."""
    local_part, central_part = b"", b""
    for name, packed, crc, size in entries:
        name_b = name.encode()
        offset = len(local_part)
        local_part += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc,
                                  len(packed), size, len(name_b), 0) + name_b + packed
        central_part += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc,
                                    len(packed), size, len(name_b), 0, 0, 0, 0, 0, offset) + name_b
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central_part),
                      len(local_part), 0)
    return local_part + central_part + end


def _deflated(body: bytes) -> tuple[bytes, int, int]:
    return zlib.compress(body, 9)[2:-4], zlib.crc32(body), len(body)


def _zeros_deflated(gigabytes: int) -> bytes:
    """Raw deflate of `gigabytes` GiB of zeros, built from one flushed 1 MiB block repeated: ~1 MB per GiB."""
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = block.compress(bytes(1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)
    return chunk * (1024 * gigabytes) + b"\x03\x00"  # final empty fixed-Huffman block


def test_a_member_that_honestly_declares_gigabytes(setup: Setup) -> None:
    packed = _zeros_deflated(1)
    reason = refused(setup, _raw_zip(("manifest.json", packed, 0, 1 << 30)), "declares")
    assert "1,073,741,824" in reason


def test_a_member_that_decompresses_to_gigabytes_but_declares_little(setup: Setup) -> None:
    packed = _zeros_deflated(2)
    started = time.monotonic()
    bomb = _raw_zip(("manifest.json", packed, 0, 1000), ("manifest.sig", *_deflated(bytes(64))))
    refused(setup, bomb, "manifest.json")
    assert time.monotonic() - started < 10  # stopped after ~1 KB, never inflated the gigabytes


def test_a_member_with_a_bomb_like_compression_ratio(setup: Setup) -> None:
    body = bytes(50 * 1024 * 1024)
    packed = zlib.compress(body, 9)[2:-4]
    refused(setup, _raw_zip(("inventory_item.json", packed, zlib.crc32(body), len(body))), "zip bomb")


def test_too_many_members(setup: Setup) -> None:
    members = {f"m{i}.json": b"{}" for i in range(40)}
    refused(setup, rezip(members), "members")


def test_absurd_counts_in_a_signed_manifest(setup: Setup) -> None:
    data = signed({"owner": A, "sequence": 7, "counts": {"inventory_item": 10**12, "staff_pool": 0, "need": 0,
                                                         "local_resource_type": 0}},
                  {"inventory_item.json": b'{"columns": [], "rows": []}'}, private_key(setup.a))
    refused(setup, data, "declares 1,000,000,000,000 inventory_item rows")


def test_counts_that_disagree_with_the_payload(setup: Setup) -> None:
    good = members_of(setup.second.read_bytes())
    data = signed({"owner": A, "sequence": 7, "counts": {"inventory_item": 3, "staff_pool": 0, "need": 0,
                                                         "local_resource_type": 0}},
                  {"inventory_item.json": good["inventory_item.json"]}, private_key(setup.a))
    refused(setup, data, "manifest counts 3")


def test_an_unsigned_container(setup: Setup) -> None:
    members = members_of(setup.second.read_bytes())
    del members["manifest.sig"]
    refused(setup, rezip(members), "manifest.sig")


def test_a_payload_with_values_of_the_wrong_kind(setup: Setup) -> None:
    """Signed by A but malformed (a buggy or hostile partner): refused before anything is written."""
    cols = ["id", "owner", "revision", "updated_at", "deleted", "resource", "on_hand", "reserved", "location",
            "condition", "expiry", "note"]
    row = ["x1", A, 1, "2024-02-30 00:00:00.000000", False, "S-WATER", 5, 0, "", "ready", None, ""]
    body = json.dumps({"columns": cols, "rows": [row]}).encode()
    data = signed({"owner": A, "sequence": 7, "counts": {"inventory_item": 1, "staff_pool": 0, "need": 0,
                                                         "local_resource_type": 0}},
                  {"inventory_item.json": body}, private_key(setup.a))
    refused(setup, data, "updated_at", "impossible time")


def test_record_ids_copied_from_own_records_touch_nothing_of_ours(setup: Setup) -> None:
    """A hostile partner reusing B's own record ids cannot overwrite or delete B's records: identity is
    (id, owner), so A's record with that id is A's own record beside B's, and B keeps editing its own."""
    own = setup.b.inventory.list()[0]
    rows = [[own.meta.id, A, 1, "2024-01-01 00:00:00.000000", False, "S-WATER", 5, 0, "", "ready", None, ""]]
    forged = build_snapshot(A, 9, False, {"inventory_item": rows}, private_key(setup.a))
    assert import_one(setup.b, write(setup.tmp / "a.dsnap", forged.data)).status == "applied"
    assert setup.b.inventory.get(own.meta.id) == own
    assert setup.b.inventory.get(own.meta.id, A).on_hand == 5
    changed = setup.b.inventory.update(replace(own, on_hand=own.on_hand + 1))
    setup.b.inventory.delete(own.meta.id)
    assert setup.b.inventory.get(own.meta.id, A).on_hand == 5 and not setup.b.inventory.get(own.meta.id, A).meta.deleted
    assert setup.b.inventory.get(own.meta.id).meta.deleted and changed.on_hand == own.on_hand + 1


def test_own_snapshot_is_never_applied(setup: Setup) -> None:
    stock(setup.b, seed=5)
    own = export(setup.b, setup.tmp)
    before = dump(setup.b)
    result = import_one(setup.b, own)
    assert result.status == "up_to_date" and "own snapshot" in result.reason
    assert dump(setup.b) == before


def test_a_folder_with_one_bad_file_applies_the_good_one(setup: Setup) -> None:
    folder = setup.tmp / "usb"
    folder.mkdir()
    write(folder / "434434-000002.dsnap", setup.second.read_bytes())
    write(folder / "broken.dsnap", b"PK\x03\x04garbage")
    write(folder / "README.txt", b"ignored")
    results = drain_import(setup.b, folder)
    assert [(Path(r.file).name, r.status.value) for r in results] == [
        ("434434-000002.dsnap", "applied"), ("broken.dsnap", "refused")]


def drain_import(workspace: Workspace, *paths: Path):
    from disastershare.sync.importer import import_snapshots

    return drain(import_snapshots(workspace, list(paths)))
