"""Reading untrusted zip containers (snapshots and bundles) within hard limits.

Nothing here trusts the file: names must be flat, sizes are capped by what the directory declares
*and* by what is actually read, and the compression ratio is bounded, so a crafted file cannot write
outside the workspace, exhaust memory or stall the import.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from disastershare.sync.snapshot_format import (
    FORBIDDEN_TEXT,
    MAX_DIRECTORY_BYTES_PER_MEMBER,
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
_EOCD = struct.Struct("<4s4H2LH")  # end of central directory (zipfile.structEndArchive), 22 bytes
_LOCATOR = struct.Struct("<4sLQL")  # zip64 end record locator, 20 bytes
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory, 56 bytes
_EOCD_MAGIC, _LOCATOR_MAGIC, _EOCD64_MAGIC = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"
_UNSAFE = re.compile(f"{FORBIDDEN_TEXT.pattern[:-1]}\\n\\r\\t\\u2028\\u2029]")


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


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """Open a file for reading only if it is a regular file of at most `max_bytes`.

    A FIFO would block the import for ever, /dev/zero would be read until memory runs out: both are refused
    from their metadata before a byte is read. The file is opened non-blocking (a FIFO swapped in after the
    check does not hang the open) and checked again on the open handle.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise RefusedError("not a regular file (a folder, device or pipe); nothing was read")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise RefusedError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedError("not a regular file (a folder, device or pipe); nothing was read")
        if info.st_size > max_bytes:
            raise RefusedError(f"file is larger than {_fmt(max_bytes)} bytes")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The whole of a regular file of at most `max_bytes` (never more is read, whatever it grows to)."""
    with open_regular(path, max_bytes) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise RefusedError(f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise RefusedError(f"file is larger than {_fmt(max_bytes)} bytes")
    return data


@dataclass(frozen=True, slots=True)
class DirectoryExtent:
    entries: int  # as the end record declares them
    size: int  # bytes of central directory zipfile will read and parse


def directory_extent(fh: BinaryIO) -> DirectoryExtent | None:
    """What the end-of-central-directory record (zip64 included) declares, found as zipfile finds it
    (zipfile._EndRecData; never less than zipfile will use), so the limits can be checked before zipfile
    reads and parses the directory: a few hundred bytes can otherwise claim millions of entries. None if
    there is no end record (zipfile then refuses the file itself)."""
    fh.seek(0, 2)
    size = fh.tell()
    if size < _EOCD.size:
        return None
    fh.seek(size - _EOCD.size)
    data = fh.read(_EOCD.size)
    if data[:4] == _EOCD_MAGIC and data[-2:] == b"\0\0":
        record, at = data, size - _EOCD.size
    else:
        first = max(size - (1 << 16) - _EOCD.size, 0)
        fh.seek(first)
        tail = fh.read()
        start = tail.rfind(_EOCD_MAGIC)
        if start < 0 or len(tail) - start < _EOCD.size:
            return None
        record, at = tail[start:start + _EOCD.size], first + start
    fields = _EOCD.unpack(record)
    entries, dir_size = fields[4], fields[5]
    # A zip64 end record (found through the locator just before) replaces those fields. zipfile seeks to it
    # relative to the end of the file: on a real file a position before the start is an error, on BytesIO (a
    # snapshot read into memory) it is clamped to 0 and whatever starts the file is read as the record (found
    # by fuzzing). In that clamped case both records count and the larger values win: never less than zipfile.
    clamped = at < _LOCATOR.size + _EOCD64.size
    fh.seek(max(at - _LOCATOR.size, 0))
    locator = fh.read(_LOCATOR.size)
    if len(locator) == _LOCATOR.size and locator[:4] == _LOCATOR_MAGIC:
        fh.seek(max(at - _LOCATOR.size - _EOCD64.size, 0))
        record64 = fh.read(_EOCD64.size)
        if len(record64) == _EOCD64.size and record64[:4] == _EOCD64_MAGIC:
            fields64 = _EOCD64.unpack(record64)
            if clamped:
                entries, dir_size = max(entries, fields64[7]), max(dir_size, fields64[8])
            else:
                entries, dir_size = fields64[7], fields64[8]
    return DirectoryExtent(entries, dir_size)


def _check_extent(fh: BinaryIO, limits: Limits, what: str) -> None:
    try:
        extent = directory_extent(fh)
    except (OSError, ValueError, struct.error) as exc:
        raise RefusedError(f"cannot be read ({exc})") from None
    if extent is None:
        return
    if extent.entries > limits.members:
        raise RefusedError(f"{what} directory lists {_fmt(extent.entries)} members (limit {_fmt(limits.members)}); "
                           "nothing was read")
    most = limits.members * MAX_DIRECTORY_BYTES_PER_MEMBER
    if extent.size > most:
        raise RefusedError(f"{what} directory declares {_fmt(extent.size)} bytes (limit {_fmt(most)}); "
                           "nothing was read")


def open_zip(source: bytes | BinaryIO, what: str = "snapshot", limits: Limits | None = None) -> zipfile.ZipFile:
    """Open a zip from bytes or an open binary file, turning every kind of unreadable input into a RefusedError.

    The end record's entry count and directory size are checked against `limits` before zipfile parses the
    directory. A file object stays the caller's to close."""
    limits = limits or Limits()
    if isinstance(source, bytes):
        if not source:
            raise RefusedError("empty file (0 bytes)")
        head = source[:4]
        stream: BinaryIO = io.BytesIO(source)
    else:
        stream = source
        try:
            stream.seek(0)
            head = stream.read(4)
        except OSError as exc:
            raise RefusedError(f"cannot be read ({exc.strerror or exc})") from None
        if not head:
            raise RefusedError("empty file (0 bytes)")
    _check_extent(stream, limits, what)
    try:
        return zipfile.ZipFile(stream)
    except UNREADABLE as exc:
        if head == _ZIP_MAGIC:
            raise RefusedError(f"damaged or truncated {what} container ({_short(exc)})") from None
        raise RefusedError(f"not a {what}: not a zip container") from None


def _short(exc: BaseException) -> str:
    return one_line(str(exc) or type(exc).__name__, 120)


def one_line(text: str, limit: int = 300) -> str:
    """Text from a file (a name, a reason quoting it) made safe for one log line and for SQLite: line breaks,
    control and bidi characters and lone surrogates become visible escapes; at most `limit` characters."""
    shown = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


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
        if not is_flat_name(name) or name != info.orig_filename:  # zipfile cuts a name at a NUL byte
            raise RefusedError(f"unsafe member name {info.orig_filename[:80]!r} (only flat names are allowed)")
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
