"""Bundles: one `.dsbundle` zip holding many `.dsnap` files verbatim, for a relay to carry onward.

A bundle is not signed itself: each snapshot in it still carries its owner's signature and is verified
on its own, so a relay can add, drop or reorder snapshots but never alter one.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from disastershare.sync.container import Limits, RefusedError, checked_members, read_member
from disastershare.sync.snapshot_format import (
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_BUNDLE_MEMBERS,
    MAX_SNAPSHOT_BYTES,
    SNAPSHOT_SUFFIX,
)
from disastershare.sync.snapshot_writer import zip_members

BUNDLE_LIMITS = Limits(members=MAX_BUNDLE_MEMBERS, member_bytes=MAX_SNAPSHOT_BYTES, total_bytes=MAX_BUNDLE_BYTES)


def is_bundle(names: Sequence[str]) -> bool:
    """A zip without a manifest whose members are all .dsnap files. Anything else is read as a snapshot
    (and refused with that path's own reason if it is not one)."""
    return MANIFEST not in names and bool(names) and all(n.lower().endswith(SNAPSHOT_SUFFIX) for n in names)


class BundleReader:
    """An open bundle: the checked member list up front (for progress totals), then one snapshot at a time.

    It takes over an open file and the zip directory already read from it (sources.py opens each file once
    and reads its directory once). Members are read with plain seek/read on that file, not through
    zipfile's stream objects (which cost more than the copy for ~2,000 small members) and not through a
    memory map (a USB stick pulled out mid-import must be an error, not a SIGBUS).
    """

    def __init__(self, path: Path, file: BinaryIO, directory: zipfile.ZipFile) -> None:
        self.path = path
        self._file: BinaryIO | None = file
        self._zip = directory
        try:
            self.members = checked_members(directory, BUNDLE_LIMITS)
            if not self.members:
                raise RefusedError("the bundle holds no snapshots")
        except RefusedError:
            self.close()
            raise

    def read(self, info: zipfile.ZipInfo) -> bytes:
        if self._file is None:
            raise RefusedError("the bundle was closed")
        return read_member(self._file, info, MAX_SNAPSHOT_BYTES)

    def close(self) -> None:
        self._zip.close()
        if self._file is not None:
            self._file.close()
            self._file = None


def write_bundle(out: Path, snapshots: Sequence[tuple[str, bytes]], when: datetime | None = None) -> Path:
    """Write (member name, snapshot bytes) pairs uncompressed: snapshots are compressed already."""
    data = zip_members([(name, body, False) for name, body in snapshots], when or datetime.now(UTC))
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
