"""Reading untrusted zip containers (snapshots and bundles) within hard limits.

Nothing here trusts the file: names must be flat, sizes are capped by what the directory declares
*and* by what is actually read, and the compression ratio is bounded, so a crafted file cannot write
outside the workspace, exhaust memory or stall the import.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from disastershare.sync.snapshot_format import (
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    is_flat_name,
)

# What zipfile and zlib raise on damaged or crafted input; all of it means "unreadable", never a crash.
UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError,
              zlib.error, OSError, ValueError, struct.error, KeyError, IndexError, OverflowError)
_ZIP_MAGIC = b"PK\x03\x04"
_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader, 30 bytes


class RefusedError(Exception):
    """A file (or one snapshot in it) is refused; str() is the one-line reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Limits:
    members: int = MAX_MEMBERS
    member_bytes: int = MAX_MEMBER_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    ratio: int = MAX_RATIO


def _fmt(n: int) -> str:
    return f"{n:,}"


def open_zip(source: bytes | Path, what: str = "snapshot") -> zipfile.ZipFile:
    """Open a zip from bytes or a path, turning every kind of unreadable input into a RefusedError."""
    if isinstance(source, bytes):
        head = source[:4]
        if not source:
            raise RefusedError("empty file (0 bytes)")
        stream: io.BytesIO | Path = io.BytesIO(source)
    else:
        try:
            with source.open("rb") as fh:
                head = fh.read(4)
        except OSError as exc:
            raise RefusedError(f"cannot be read ({exc.strerror or exc})") from None
        if not head:
            raise RefusedError("empty file (0 bytes)")
        stream = source
    try:
        return zipfile.ZipFile(stream)
    except UNREADABLE as exc:
        if head == _ZIP_MAGIC:
            raise RefusedError(f"damaged or truncated {what} container ({exc})") from None
        raise RefusedError(f"not a {what}: not a zip container") from None


def checked_members(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """The directory of a zip, refused unless every entry is flat, plain and within the limits."""
    try:
        infos = zf.infolist()
    except UNREADABLE as exc:
        raise RefusedError(f"damaged container directory ({exc})") from None
    if len(infos) > limits.members:
        raise RefusedError(f"container holds {_fmt(len(infos))} members (limit {_fmt(limits.members)})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if not is_flat_name(name):
            raise RefusedError(f"unsafe member name {name[:80]!r} (only flat names are allowed)")
        if name in seen:
            raise RefusedError(f"member {name} appears twice")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise RefusedError(f"member {name} is encrypted")
        if info.compress_type not in _ALLOWED_METHODS:
            raise RefusedError(f"member {name} uses an unsupported compression method")
        if info.file_size > limits.member_bytes:
            raise RefusedError(f"member {name} declares {_fmt(info.file_size)} bytes "
                          f"(limit {_fmt(limits.member_bytes)})")
        if info.file_size > RATIO_FLOOR and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise RefusedError(f"member {name} expands {info.file_size // max(info.compress_size, 1):,}-fold "
                          f"(limit {limits.ratio}); refused as a possible zip bomb")
        total += info.file_size
        if total > limits.total_bytes:
            raise RefusedError(f"members declare more than {_fmt(limits.total_bytes)} bytes in all")
    return infos




def _read_at(source: bytes | BinaryIO, offset: int, length: int) -> bytes:
    if isinstance(source, bytes):
        return source[offset:offset + length]
    try:  # a file: a pulled USB stick is an OSError here, never a crash
        source.seek(offset)
        return source.read(length)
    except (OSError, ValueError) as exc:
        raise RefusedError(f"cannot be read ({exc})") from None


def read_member(source: bytes | BinaryIO, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One member of a container (in memory, or an open file), within `limit` bytes.

    Checks: the local header and its name agree with the directory, at most min(declared size,
    limit) + 1 bytes are ever inflated, and the result has exactly the declared size and CRC-32.
    zipfile's ZipExtFile would do the same but costs more per member than the decompression, and
    the national import reads ten thousand members.
    """
    name = info.filename
    start = info.header_offset
    header_bytes = _read_at(source, start, _LOCAL_HEADER.size)
    if len(header_bytes) != _LOCAL_HEADER.size:
        raise RefusedError(f"member {name} cannot be read (truncated header)")
    header = _LOCAL_HEADER.unpack(header_bytes)
    if header[0] != _ZIP_MAGIC:
        raise RefusedError(f"member {name} cannot be read (bad local header)")
    name_len, extra_len = header[10], header[11]
    local_name = _read_at(source, start + _LOCAL_HEADER.size, name_len)
    if local_name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace"):
        raise RefusedError(f"member {name} has a different name in its local header")
    packed = _read_at(source, start + _LOCAL_HEADER.size + name_len + extra_len, info.compress_size)
    if len(packed) != info.compress_size:
        raise RefusedError(f"member {name} is truncated")
    cap = min(info.file_size, limit)
    if info.compress_type == zipfile.ZIP_STORED:
        data = packed
    else:
        inflater = zlib.decompressobj(-15)
        try:
            data = inflater.decompress(packed, cap + 1)
        except zlib.error as exc:
            raise RefusedError(f"member {name} cannot be read ({exc})") from None
        if len(data) <= cap and not inflater.eof:
            raise RefusedError(f"member {name} cannot be read (incomplete compressed data)")
    if len(data) > limit:
        raise RefusedError(f"member {name} is larger than {_fmt(limit)} bytes")
    if len(data) != info.file_size:
        raise RefusedError(f"member {name} is not the size its directory declares")
    if zlib.crc32(data) != info.CRC:
        raise RefusedError(f"member {name} cannot be read (bad CRC-32)")
    return data
