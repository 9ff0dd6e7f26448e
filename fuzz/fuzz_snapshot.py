"""Coverage-guided fuzz target for the snapshot reader (issue 16).

    .venv/bin/python fuzz/fuzz_snapshot.py -max_total_time=600 fuzz/corpus/snapshot   # atheris / libFuzzer
    .venv/bin/python fuzz/make_corpus.py                                              # rebuild the seeds

`test_one_input(data)` is the whole target; tests/sync/test_fuzz_snapshot.py runs it on the corpus and on
random mutations inside the normal suite, and a bounded atheris run when atheris is installed.

An input is read two or three ways:
- as a container (a .dsnap or .dsbundle file's bytes): the directory pre-check, bundle classification, and
  full verification against a key ring holding the corpus key (so a mutated but validly signed file goes deep);
- re-signed: if the input opens as a zip holding manifest.json, its manifest (with `signer` set to the corpus
  key when it is a JSON object) is signed again with the corpus key and the members re-zipped, so mutations of
  the manifest and payload JSON get past the signature and reach the manifest and payload checks;
- as JSON `{"manifest": {...}, "members": {...}}` (seeds `*.json`): signed with honest digests, so byte-level
  mutations of the JSON text become value-level mutations of a validly signed snapshot.

Invariants (a violation raises, which atheris reports as a finding):
- reading raises nothing but RefusedError, with a non-empty reason;
- the directory pre-check never declares less than the end record zipfile uses (entries, directory size);
- whatever verifies is storable: its rows go into a real SQLite schema (the app's tables) through the import's
  own bulk writer without an error, and every text value is free of the characters the format forbids.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
import struct
import sys
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

OWNER = "434434"
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))  # the corpus key: public, for fuzzing only
MAX_BUNDLE_MEMBERS_READ = 4

# Imported after the key so `atheris.instrument_imports()` (below) can wrap exactly these modules.
_modules: dict = {}


def _load() -> None:
    if _modules:
        return
    from sqlalchemy import create_engine

    from disastershare.store import mirror
    from disastershare.store.tables import SQLModel
    from disastershare.sync import bundle, container, payload, snapshot_format, snapshot_reader
    from disastershare.sync.keys import encode_public, fingerprint, public_bytes

    public = public_bytes(KEY.public_key())
    ring = {public: snapshot_reader.TrustedKey(OWNER, public, fingerprint(public))}
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    _modules.update(bundle=bundle, container=container, payload=payload, fmt=snapshot_format,
                    reader=snapshot_reader, mirror=mirror, ring=ring, engine=engine, signer=encode_public(public))


def _check_extent(data: bytes) -> None:
    container = _modules["container"]
    try:
        record = zipfile._EndRecData(io.BytesIO(data))  # what ZipFile itself uses
    except (OSError, ValueError, struct.error, zipfile.BadZipFile):
        return
    extent = container.directory_extent(io.BytesIO(data))
    if record is None:
        return  # zipfile refuses the file itself
    # The pre-check must never see less than zipfile will parse (it may see more: it is conservative).
    assert extent is not None and extent.entries >= record[4] and extent.size >= record[5], (extent, record[:6])


def _verify(data: bytes):
    """The reader's verdict: a VerifiedSnapshot, or None for a refusal. Anything else escapes (a finding)."""
    reader, container = _modules["reader"], _modules["container"]
    try:
        return reader.verify_snapshot(data, _modules["ring"], drill=False)
    except container.RefusedError as refusal:
        assert str(refusal), "a refusal without a reason"
        return None


def _store(snapshot) -> None:
    """Put verified rows into the real schema with the import's own writer (then roll back)."""
    fmt, mirror = _modules["fmt"], _modules["mirror"]
    forbidden = fmt.FORBIDDEN_TEXT
    for table, rows in snapshot.tables.items():
        for column, values in zip(fmt.TABLES[table], zip(*rows, strict=True), strict=False):
            if column.kind is fmt.ColumnKind.TEXT:
                assert not any(isinstance(v, str) and forbidden.search(v) for v in values), (table, column.name)
    with _modules["engine"].connect() as conn:
        writer = mirror.MirrorWriter(conn)
        conn.exec_driver_sql("BEGIN")
        try:
            writer.replace_owners({t: ([snapshot.owner], fmt.column_names(t), rows)
                                   for t, rows in snapshot.tables.items()})
        except sqlite3.IntegrityError as exc:  # the import's safety net would refuse it: record, not crash
            raise AssertionError(f"verified rows violate the schema: {exc}") from None
        finally:
            conn.exec_driver_sql("ROLLBACK")


def _resigned(data: bytes) -> bytes | None:
    """The same members with the manifest signed again by the corpus key (None if there is no zip/manifest)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "manifest.json" not in names or len(names) > 16:
                return None
            members = {n: zf.read(n) for n in names if n != "manifest.sig"}
    except Exception:  # noqa: BLE001 - any unreadable zip simply has no re-signed form
        return None
    manifest = members.pop("manifest.json")
    try:
        document = json.loads(manifest)
    except (ValueError, RecursionError):
        document = None
    if isinstance(document, dict):
        document["signer"] = _modules["signer"]
        members_doc = document.get("members")
        if isinstance(members_doc, dict):  # keep the digests honest half of the time: deeper payload checks
            for name, body in members.items():
                if name in members_doc and len(body) % 2 == 0:
                    members_doc[name] = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
        with contextlib.suppress(ValueError, TypeError):
            manifest = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("manifest.sig", KEY.sign(manifest))
        for name, body in members.items():
            zf.writestr(name, body)
    return buffer.getvalue()


def _structured(data: bytes) -> bytes | None:
    """An input that is JSON `{"manifest": {...}, "members": {"inventory_item.json": {...}, ...}}` becomes a
    signed snapshot with honest digests (unless "honest" is false): byte mutations of JSON text are value
    mutations, which deflated, CRC-checked, signed members never let through."""
    if not data.startswith(b"{"):
        return None
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or not isinstance(document.get("manifest"), dict) \
            or not isinstance(document.get("members"), dict):
        return None
    members = {}
    for name, body in document["members"].items():
        members[str(name)] = (body.encode("utf-8", "surrogatepass") if isinstance(body, str)
                              else json.dumps(body).encode())
    manifest = dict(document["manifest"])
    manifest["signer"] = _modules["signer"]
    if document.get("honest", True):
        manifest["members"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()}
    manifest_bytes = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", manifest_bytes)
            zf.writestr("manifest.sig", KEY.sign(manifest_bytes))
            for name, body in members.items():
                zf.writestr(name, body)
    except (ValueError, UnicodeError):  # a name zipfile cannot write
        return None
    return buffer.getvalue()


def _bundle_members(data: bytes) -> list[bytes]:
    bundle, container = _modules["bundle"], _modules["container"]
    try:
        with container.open_zip(data, what="bundle", limits=bundle.BUNDLE_LIMITS) as zf:
            if not bundle.is_bundle(zf.namelist()):
                return []
            infos = container.checked_members(zf, bundle.BUNDLE_LIMITS)
            return [container.read_member(data, info, _modules["fmt"].MAX_SNAPSHOT_BYTES)
                    for info in infos[:MAX_BUNDLE_MEMBERS_READ]]
    except container.RefusedError as refusal:
        assert str(refusal)
        return []


def test_one_input(data: bytes) -> int:
    """Returns how many snapshots verified (the pytest wrapper counts outcomes); raises on a finding."""
    _load()
    _check_extent(data)
    verified = 0
    structured = _structured(data)
    for candidate in (structured if structured is not None else data, *_bundle_members(data)):
        for variant in (candidate, _resigned(candidate)):
            snapshot = _verify(variant) if variant is not None else None
            if snapshot is not None:
                _store(snapshot)
                verified += 1
    return verified


def main() -> None:
    import atheris
    import sqlalchemy  # noqa: F401 - the libraries are imported first, uninstrumented: only the app's code
    import sqlmodel  # noqa: F401   is instrumented (instrumenting SQLAlchemy and pydantic takes minutes)

    with atheris.instrument_imports(include=["disastershare"]):
        _load()
    atheris.Setup(sys.argv, lambda data: test_one_input(data) and None)
    atheris.Fuzz()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
