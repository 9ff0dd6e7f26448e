"""Verification of one snapshot file, in the order the issue fixes; the first failure refuses it.

1 readable container, 2 manifest signed by a trusted, enabled partner key, 3 the manifest's owner is
that key's municipality, 4 payload hashes, 5 format version understood, 6 drill flag matches the
workspace. Then the manifest and payload are checked in detail. Nothing here touches the database.
A verified snapshot's `tables` holds exactly the tables of its format version (version 1: no request tables).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from disastershare.sync.container import Limits, RefusedError, checked_members, open_zip, read_member
from disastershare.sync.keys import decode_public, fingerprint, verify
from disastershare.sync.payload import decode_table
from disastershare.sync.snapshot_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_INT,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_ROWS_PER_TABLE,
    MAX_SIGNATURE_BYTES,
    MAX_SNAPSHOT_BYTES,
    SIGNATURE,
    Manifest,
    MemberDigest,
    member_name,
    parse_timestamp,
    tables_of,
)

_OWNER = re.compile(r"[0-9]{6}", re.ASCII)
_KNOWN_FIELDS = {"format", "format_version", "app_version", "owner", "sequence", "created_at", "drill",
                 "signer", "counts", "members"}


@dataclass(frozen=True, slots=True)
class TrustedKey:
    """A public key this workspace knows: a partner's (active or retired) or its own."""

    partner: str
    public_key: bytes
    fingerprint: str
    active: bool = True
    enabled: bool = True
    own: bool = False
    retired_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RawSnapshot:
    """A container that opened cleanly; nothing in it is trusted yet."""

    manifest_bytes: bytes
    document: dict[str, Any]
    signature: bytes
    members: dict[str, bytes]

    def claimed(self) -> tuple[str | None, int | None]:
        """Owner and sequence as the file claims them (for reporting a refusal; unverified)."""
        owner, sequence = self.document.get("owner"), self.document.get("sequence")
        # Only plausible values reach the log: a sequence of 10**30 does not fit an SQLite integer, and an
        # owner of six lone surrogates is not text SQLite can store.
        return (owner if isinstance(owner, str) and _OWNER.fullmatch(owner) else None,
                sequence if type(sequence) is int and 1 <= sequence <= MAX_INT else None)


@dataclass(frozen=True, slots=True)
class VerifiedSnapshot:
    manifest: Manifest
    manifest_sha256: str
    signer: TrustedKey
    tables: dict[str, list[list[Any]]]  # positional rows per table, validated

    @property
    def owner(self) -> str:
        return self.manifest.owner

    @property
    def sequence(self) -> int:
        return self.manifest.sequence


def read_container(data: bytes) -> RawSnapshot:
    """Check 1: a readable container within every limit, holding a manifest and its signature."""
    if len(data) > MAX_SNAPSHOT_BYTES:
        raise RefusedError(f"file is larger than {MAX_SNAPSHOT_BYTES:,} bytes")
    with open_zip(data) as zf:
        infos = {i.filename: i for i in checked_members(zf, Limits())}
        if MANIFEST not in infos:
            raise RefusedError(f"not a snapshot: no {MANIFEST} in the container")
        if SIGNATURE not in infos:
            raise RefusedError(f"not a signed snapshot: no {SIGNATURE} in the container")
        manifest_bytes = read_member(data, infos.pop(MANIFEST), MAX_MANIFEST_BYTES)
        signature = read_member(data, infos.pop(SIGNATURE), MAX_SIGNATURE_BYTES)
        members = {name: read_member(data, info, MAX_MEMBER_BYTES) for name, info in infos.items()}
    try:
        document = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        raise RefusedError(f"{MANIFEST} is not valid JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise RefusedError("not a DisasterShare snapshot (the manifest names another format)")
    return RawSnapshot(manifest_bytes, document, signature, members)


def check_signature(raw: RawSnapshot, keys: Mapping[bytes, TrustedKey]) -> TrustedKey:
    """Checks 2 and 3: a known, current, enabled key signed it, and it speaks for its own municipality."""
    try:
        public = decode_public(raw.document.get("signer"))
    except (ValueError, TypeError, AttributeError):
        raise RefusedError("the manifest names no valid signing key") from None
    key = keys.get(public)
    if key is None:
        raise RefusedError(f"signed by an unknown key (fingerprint {fingerprint(public)}); "
                      "add the partner's key card first")
    if not verify(public, raw.signature, raw.manifest_bytes):
        raise RefusedError("the manifest signature does not verify (file altered or damaged)")
    if not key.active:
        when = f" on {key.retired_at:%Y-%m-%d}" if key.retired_at else ""
        raise RefusedError(f"signed by a replaced key of {key.partner} (retired{when}); "
                      "snapshots from the old key are refused")
    if not key.enabled:
        raise RefusedError(f"partner {key.partner} is disabled; enable it to accept its snapshots")
    owner = raw.document.get("owner")
    if owner != key.partner:
        shown = owner if isinstance(owner, str) else "?"
        raise RefusedError(f"the manifest claims owner {shown[:6]} but is signed by the key of {key.partner}")
    return key


def check_hashes(raw: RawSnapshot) -> None:
    """Check 4: every payload member is listed in the signed manifest with its SHA-256, and matches."""
    listed = raw.document.get("members")
    if not isinstance(listed, dict):
        raise RefusedError("the manifest lists no payload hashes")
    for name in raw.members:
        if name not in listed:
            raise RefusedError(f"member {name} is not listed in the manifest")
    for name, digest in listed.items():
        if name not in raw.members:
            raise RefusedError(f"payload member {str(name)[:40]} is missing")
        expected = digest.get("sha256") if isinstance(digest, dict) else None
        if hashlib.sha256(raw.members[name]).hexdigest() != expected:
            raise RefusedError(f"payload member {name} does not match its SHA-256 (altered or damaged)")


def check_version_and_mode(raw: RawSnapshot, drill: bool) -> None:
    """Checks 5 and 6: a format version this app reads, and the same drill/live mode as the workspace."""
    version = raw.document.get("format_version")
    if type(version) is not int or version < 1:
        raise RefusedError("the manifest has no valid format version")
    if version > FORMAT_VERSION:
        raise RefusedError(f"format version {version} is newer than this app understands ({FORMAT_VERSION}); "
                      "update DisasterShare")
    flag = raw.document.get("drill")
    if type(flag) is not bool:
        raise RefusedError("the manifest does not say whether it is a drill")
    if flag and not drill:
        raise RefusedError("a drill snapshot cannot be imported into a live workspace")
    if drill and not flag:
        raise RefusedError("a live snapshot cannot be imported into a drill workspace")


def parse_manifest(raw: RawSnapshot) -> Manifest:
    """Every field typed and in range (a manifest declaring absurd counts is refused here)."""
    doc = raw.document
    sequence = doc.get("sequence")
    if type(sequence) is not int or not 1 <= sequence <= MAX_INT:
        raise RefusedError("the manifest has no valid sequence number")
    try:
        created_at = parse_timestamp(doc.get("created_at"))
    except (ValueError, TypeError):
        raise RefusedError("the manifest has no valid creation time") from None
    counts = doc.get("counts")
    version = doc["format_version"]  # checked by check_version_and_mode
    if not isinstance(counts, dict) or set(counts) != set(tables_of(version)):
        raise RefusedError(f"the manifest's record counts do not name the tables of format version {version}")
    for table, count in counts.items():
        if type(count) is not int or count < 0:
            raise RefusedError(f"the manifest's count of {table} is not a whole number")
        if count > MAX_ROWS_PER_TABLE:
            raise RefusedError(f"the manifest declares {count:,} {table} rows (limit {MAX_ROWS_PER_TABLE:,})")
    expected = {member_name(t) for t, n in counts.items() if n}
    if set(raw.members) != expected:
        raise RefusedError("the payload members do not match the manifest's record counts")
    members = {name: MemberDigest(d["sha256"], len(raw.members[name])) for name, d in doc["members"].items()}
    app_version = doc.get("app_version")
    return Manifest(owner=doc["owner"], sequence=sequence, created_at=created_at, drill=doc["drill"],
                    signer=doc["signer"], counts=dict(counts), members=members,
                    app_version=app_version if isinstance(app_version, str) else "",
                    format_version=doc["format_version"],
                    extra={k: v for k, v in doc.items() if k not in _KNOWN_FIELDS})


def verify_snapshot(data: bytes, keys: Mapping[bytes, TrustedKey], drill: bool) -> VerifiedSnapshot:
    """All checks, then the payload decoded and validated; raises RefusedError with the first reason."""
    return verify_raw(read_container(data), keys, drill)


def verify_raw(raw: RawSnapshot, keys: Mapping[bytes, TrustedKey], drill: bool) -> VerifiedSnapshot:
    key = check_signature(raw, keys)
    check_hashes(raw)
    check_version_and_mode(raw, drill)
    manifest = parse_manifest(raw)
    version = manifest.format_version
    tables = {
        table: decode_table(table, raw.members[member_name(table)], manifest.owner, count, version) if count else []
        for table, count in manifest.counts.items()
    }
    return VerifiedSnapshot(manifest, hashlib.sha256(raw.manifest_bytes).hexdigest(), key, tables)
