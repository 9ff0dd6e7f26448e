"""Hostile and odd files in a batch (issue 16, findings 7 and 8, and the reader's edges).

Every file is judged on its own: one that makes zipfile raise something unforeseen, whose name is not UTF-8,
or whose manifest claims a sequence of 10^30 is that file's refusal, and the good files beside it apply.
Small files that would take hours or gigabytes (a directory claiming two million entries, a bundle past
the size cap) are refused from their end record or their size, before the directory is parsed.
"""

from __future__ import annotations

import io
import json
import logging
import os
import struct
import zipfile
from pathlib import Path

import pytest
from sync_helpers import dump, export, import_one, log_rows, members_of, private_key, rezip, run_import, signed, trust

from disastershare.store.workspace import Workspace
from disastershare.sync.container import RefusedError, directory_extent
from disastershare.sync.import_session import ImportSession
from disastershare.sync.snapshot_format import MAX_BUNDLE_BYTES
from disastershare.sync.snapshot_reader import read_container
from disastershare.sync.sources import Source

A, B = "434434", "431001"


@pytest.fixture
def pair(make_workspace, tmp_path: Path) -> tuple[Workspace, Workspace, Path]:
    a, b = make_workspace(A, seed=1), make_workspace(B, seed=2)
    trust(b, a)
    return a, b, export(a, tmp_path / "good.dsnap")


def _statuses(results) -> list[tuple[str, str]]:
    return [(Path(r.file).name, r.status.value) for r in results]


def _bad_extract_version(data: bytes) -> bytes:
    """The central directory's "version needed to extract" of the first member set to 25.5: zipfile raises
    NotImplementedError (not BadZipFile) while reading the directory."""
    out = bytearray(data)
    at = out.index(b"PK\x01\x02")
    out[at + 6:at + 8] = struct.pack("<H", 255)
    return bytes(out)


def test_a_damaged_version_needed_field_is_that_files_refusal_only(pair, tmp_path: Path) -> None:
    _, b, good = pair
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "000-version.dsnap").write_bytes(_bad_extract_version(good.read_bytes()))
    (folder / "001-version.dsbundle").write_bytes(_bad_extract_version(good.read_bytes()))
    (folder / "434434-000001.dsnap").write_bytes(good.read_bytes())
    results = run_import(b, folder)
    assert _statuses(results) == [("000-version.dsnap", "refused"), ("001-version.dsbundle", "refused"),
                                  ("434434-000001.dsnap", "applied")]
    assert "zip file version 25.5" in results[0].reason and "damaged" in results[0].reason


def test_a_shift_jis_file_name_is_shown_decoded_and_the_file_is_read(pair, tmp_path: Path) -> None:
    _, b, good = pair
    folder = tmp_path / "usb"
    folder.mkdir()
    raw = "在庫_熊本".encode("cp932") + b".dsnap"
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    (folder / os.fsdecode(raw)).write_bytes(good.read_bytes())
    (folder / os.fsdecode(b"\x81-broken.dsnap")).write_bytes(b"not a zip")  # neither UTF-8 nor cp932
    results = run_import(b, folder)
    assert sorted(_statuses(results)) == [("\\x81-broken.dsnap", "refused"), ("在庫_熊本.dsnap", "applied")]
    assert {row[0].rsplit("/", 1)[-1] for row in log_rows(b)} == {"在庫_熊本.dsnap", "\\x81-broken.dsnap"}


def test_an_unforeseen_error_while_reading_one_file_is_logged_and_the_batch_goes_on(pair, caplog) -> None:
    _, b, good = pair

    def broken() -> bytes:
        raise RuntimeError("a bug nobody foresaw")

    session = ImportSession(b)
    try:
        session.run(Source("first.dsnap", broken))
        session.run(Source(str(good), good.read_bytes))
        session.commit()
    finally:
        session.close()
    assert _statuses(session.results) == [("first.dsnap", "refused"), ("good.dsnap", "applied")]
    assert "unexpected RuntimeError: a bug nobody foresaw" in session.results[0].reason
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)
    assert [row[3] for row in log_rows(b)] == ["refused", "applied"]


def test_duplicate_member_names_are_refused(pair, tmp_path: Path) -> None:
    _, b, good = pair
    buffer = io.BytesIO()
    members = members_of(good.read_bytes())
    with zipfile.ZipFile(buffer, "w") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        for name, body in members.items():
            zf.writestr(name, body)
        zf.writestr("inventory_item.json", b'{"columns": [], "rows": []}')
    before = dump(b)
    result = import_one(b, _write(tmp_path / "dup.dsnap", buffer.getvalue()))
    assert result.status == "refused" and "member inventory_item.json appears twice" in result.reason
    assert dump(b) == before


@pytest.mark.parametrize("name", ["../x.json", "..\\x.json", "a/../../x.json", "x\x00.json", "ｘ.json", " x.json",
                                  "C:x.json", "\u202enosj.x"])
def test_member_names_that_are_not_flat_are_refused(pair, tmp_path: Path, name: str) -> None:
    _, b, good = pair
    members = members_of(good.read_bytes())
    placeholder = "x_placeholder_.json"  # zipfile will not write a NUL: put the raw name into the bytes after
    members[placeholder] = b"{}"
    data = rezip(members).replace(placeholder.encode(), name.encode().ljust(len(placeholder), b"\x00")
                                  if "\x00" in name else name.encode())
    if "\x00" not in name:
        members.pop(placeholder)
        members[name] = b"{}"
        data = rezip(members)
    result = import_one(b, _write(tmp_path / "names.dsnap", data))
    assert result.status == "refused" and "unsafe member name" in result.reason and "\n" not in result.reason


_WRONG = [None, True, 0, -1, 1.5, 10**30, "", "x" * 70_000, [], [1], {}, {"a": 1}]
_FIELDS = ["format", "format_version", "owner", "sequence", "created_at", "drill", "signer", "counts", "members",
           "app_version"]


@pytest.mark.parametrize("field", _FIELDS)
def test_a_manifest_with_wrong_types_is_a_clean_refusal(pair, tmp_path: Path, field: str) -> None:
    """Every field of a manifest signed by the partner's real key replaced by values of every wrong type."""
    a, b, _ = pair
    before = dump(b)
    for sequence, wrong in enumerate(_WRONG, start=10):
        data = signed({"owner": A, "sequence": sequence, field: wrong}, {}, private_key(a))
        result = import_one(b, _write(tmp_path / "types.dsnap", data))
        if field == "app_version" and "larger than" not in result.reason or field == "members" and wrong == {}:
            assert result.status == "applied", (field, wrong, result.reason)  # ignored / empty is fine
            continue
        assert result.status == "refused", (field, wrong)
        assert result.reason and "\n" not in result.reason and len(result.reason) <= 300
    if field not in ("app_version", "members"):
        assert dump(b) == before


@pytest.mark.parametrize("document", [b"[]", b"42", b'"disastershare-snapshot"', b"null", b"{" * 100_000,
                                      b'{"format": "disastershare-snapshot"', "{\"format\": \"\udcff\"}".encode(
                                          "utf-8", "surrogatepass")])
def test_a_manifest_that_is_not_an_object_is_refused(pair, tmp_path: Path, document: bytes) -> None:
    _, b, good = pair
    members = members_of(good.read_bytes())
    members["manifest.json"] = document
    result = import_one(b, _write(tmp_path / "doc.dsnap", rezip(members)))
    assert result.status == "refused" and "\n" not in result.reason


# -- sizes and counts, checked before reading ----------------------------------------------------------------
def _central_entry(name: bytes) -> bytes:
    return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0) + name


def _eocd(entries: int, size: int, offset: int) -> bytes:
    return struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(entries, 0xFFFF), min(entries, 0xFFFF),
                       min(size, 0xFFFFFFFF), min(offset, 0xFFFFFFFF), 0)


def _zip64_end(entries: int, size: int, offset: int) -> bytes:
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, offset + size, 1)
    return record + locator + _eocd(0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)


def two_million_entries() -> bytes:
    """A real central directory of 2,000,000 one-letter entries (~94 MB): zipfile would build two million
    ZipInfo objects from it (gigabytes, many seconds), twice before this fix."""
    directory = _central_entry(b"a") * 2_000_000
    return b"PK\x03\x04" + bytes(26) + directory + _eocd(0xFFFF, len(directory), 30)


def claims_two_million() -> bytes:
    """A few hundred bytes whose zip64 end record claims 2,000,000 entries."""
    return b"PK\x03\x04" + bytes(26) + _zip64_end(2_000_000, 2_000_000 * 47, 30)


def small_count_huge_directory() -> bytes:
    """The end record claims one entry, but a 94 MB directory: zipfile parses by size, not by count."""
    directory = _central_entry(b"a") * 2_000_000
    return b"PK\x03\x04" + bytes(26) + directory + _eocd(1, len(directory), 30)


@pytest.mark.parametrize("make", [two_million_entries, claims_two_million, small_count_huge_directory])
@pytest.mark.parametrize("suffix", [".dsnap", ".dsbundle"])
def test_huge_directories_are_refused_from_the_end_record(pair, tmp_path: Path, make, suffix: str) -> None:
    _, b, good = pair
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / f"000-huge{suffix}").write_bytes(make())
    (folder / "434434-000001.dsnap").write_bytes(good.read_bytes())
    results = run_import(b, folder)
    assert _statuses(results) == [(f"000-huge{suffix}", "refused"), ("434434-000001.dsnap", "applied")]
    assert "directory" in results[0].reason and "nothing was read" in results[0].reason
    assert any(words in results[0].reason for words in ("lists 2,000,000 members", "lists 65,535 members",
                                                         "declares 94,000,000 bytes"))


def test_a_bundle_past_the_size_cap_is_refused_unread(pair, tmp_path: Path) -> None:
    _, b, _ = pair
    big = tmp_path / "big.dsbundle"
    with big.open("wb") as fh:  # sparse: instant, no disk used
        fh.truncate(MAX_BUNDLE_BYTES + 1)
    [result] = run_import(b, big)
    assert result.status == "refused" and f"larger than {MAX_BUNDLE_BYTES:,} bytes" in result.reason


def test_the_directory_extent_agrees_with_zipfile(pair, tmp_path: Path) -> None:
    """The pre-check reads the same end record zipfile reads (zip64, archive comments, prefixed data)."""
    _, _, good = pair
    data = good.read_bytes()
    commented = io.BytesIO()
    with zipfile.ZipFile(commented, "w") as zf:
        zf.comment = b"PK\x05\x06 inside a comment" + bytes(100)
        zf.writestr("a.json", b"{}")
    forced64 = io.BytesIO()
    with zipfile.ZipFile(forced64, "w") as zf, zf.open("big.json", "w", force_zip64=True) as fh:
        fh.write(b"{}")
    for sample in (data, b"junk" * 100 + data, commented.getvalue(), forced64.getvalue(), claims_two_million()):
        extent = directory_extent(io.BytesIO(sample))
        record = zipfile._EndRecData(io.BytesIO(sample))  # what ZipFile itself uses
        assert (extent.entries, extent.size) == (record[4], record[5])  # equal on honest files
    assert directory_extent(io.BytesIO(b"PK\x03\x04 no end record")) is None


def test_a_zip64_record_before_the_start_of_the_file_is_not_missed() -> None:
    """Found by fuzzing: in memory (BytesIO) zipfile clamps a seek before the start to 0 and reads the file's
    first bytes as the zip64 end record; the pre-check must see what zipfile will use (here 2,000,000)."""
    record = struct.pack("<4sQ2H2LQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, 2_000_000, 2_000_000)  # 40 bytes
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)  # overlaps the record's size and offset
    data = record + locator + _eocd(1, 46, 0)
    assert zipfile._EndRecData(io.BytesIO(data))[4] == 2_000_000
    assert directory_extent(io.BytesIO(data)).entries == 2_000_000
    with pytest.raises(RefusedError, match="lists 2,000,000 members"):
        read_container(data)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_zip_bomb_in_a_bundle_member_is_refused_not_inflated(pair, tmp_path: Path) -> None:
    """A bundle whose one member is a deflated 2 GiB of zeros declaring little: stopped after a few bytes."""
    import zlib

    _, b, good = pair
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = block.compress(bytes(1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)
    packed = chunk * 2048 + b"\x03\x00"
    name = b"434434-000009.dsnap"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, 0, len(packed), 1000, len(name), 0)
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, 0, len(packed), 1000, len(name),
                          0, 0, 0, 0, 0, 0) + name
    body = local + name + packed
    bundle = body + central + _eocd(1, len(central), len(body))
    results = run_import(b, _write(tmp_path / "bomb.dsbundle", bundle), good)
    assert [r.status.value for r in results] == ["refused", "applied"]
    assert json.dumps(results[0].reason)
