"""Building a signed snapshot file from rows. Pure: no workspace, no database (exporter.py does that)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from disastershare import __version__
from disastershare.sync.keys import encode_public, public_bytes, sign
from disastershare.sync.payload import encode_table
from disastershare.sync.snapshot_format import (
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    Manifest,
    MemberDigest,
    member_name,
    snapshot_file_name,
    tables_of,
)

COMPRESS_LEVEL = 9  # measured: level 9 costs ~0.3 ms per municipality and saves a little over 6


@dataclass(frozen=True, slots=True)
class SnapshotFile:
    name: str
    data: bytes
    manifest: Manifest
    manifest_sha256: str


def build_snapshot(owner: str, sequence: int, drill: bool, tables: Mapping[str, Sequence[Sequence[Any]]],
                   private_key: Ed25519PrivateKey, created_at: datetime | None = None, *,
                   format_version: int = FORMAT_VERSION, extra: Mapping[str, object] | None = None) -> SnapshotFile:
    """Encode each non-empty table, hash it into the manifest, sign the manifest bytes, zip it all.

    `tables` maps table names to positional rows in snapshot_format column order; missing tables are
    empty, tables the format version does not carry are left out. The private key only signs; it is never
    written into the file.
    """
    created = (created_at or datetime.now(UTC)).replace(microsecond=0)
    carried = tables_of(format_version)
    payload = {member_name(t): encode_table(t, tables[t]) for t in carried if tables.get(t)}
    manifest = Manifest(
        owner=owner, sequence=sequence, created_at=created, drill=drill,
        signer=encode_public(public_bytes(private_key.public_key())),
        counts={t: len(tables.get(t) or ()) for t in carried},
        members={name: MemberDigest(hashlib.sha256(data).hexdigest(), len(data)) for name, data in payload.items()},
        app_version=__version__, format_version=format_version, extra=dict(extra or {}),
    )
    manifest_bytes = manifest.to_bytes()
    signature = sign(private_key, manifest_bytes)
    data = zip_members([(MANIFEST, manifest_bytes, True), (SIGNATURE, signature, False),
                        *((name, body, True) for name, body in payload.items())], created)
    return SnapshotFile(snapshot_file_name(owner, sequence), data, manifest,
                        hashlib.sha256(manifest_bytes).hexdigest())


def zip_members(members: Sequence[tuple[str, bytes, bool]], when: datetime) -> bytes:
    """A zip of (name, bytes, compress) with fixed timestamps, so equal content gives equal files."""
    stamp = when.astimezone(UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, body, compress in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, body, compresslevel=COMPRESS_LEVEL if compress else None)
    return buffer.getvalue()
