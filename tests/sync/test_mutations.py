"""Property: any mutation of a valid snapshot's bytes is a clean refusal, or (when the mutation touched
nothing that matters, e.g. a zip timestamp) applies exactly the original data. Never a crash, never a mix."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import dump, export, records_dump, trust

from disastershare.store.workspace import Workspace
from disastershare.sync.importer import import_snapshots
from disastershare.sync.progress import drain

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    """A's valid snapshot, B's database before importing it (template) and the records it should produce."""
    from sync_helpers import stock

    from disastershare.sync.keys import generate_signing_key

    base = tmp_path_factory.mktemp("mutations")
    a = Workspace.create(base / "a", "434434")
    generate_signing_key(a.keys_dir)
    stock(a, 1)
    b = Workspace.create(base / "template", "431001")
    generate_signing_key(b.keys_dir)
    stock(b, 2)
    trust(b, a)
    valid = export(a, base / "valid.dsnap").read_bytes()
    before = dump(b)
    b.close()
    shutil.copytree(base / "template", base / "reference")
    reference = Workspace.open(base / "reference")
    (base / "in.dsnap").write_bytes(valid)
    assert drain(import_snapshots(reference, [base / "in.dsnap"], now=NOW))[0].status == "applied"
    expected = records_dump(reference)
    reference.close()
    a.close()
    return base, valid, before, expected


def _mutations(valid: bytes):
    size = len(valid)
    position = st.integers(0, size - 1)
    flip = st.tuples(st.just("flip"), position, st.integers(1, 255))
    cut = st.tuples(st.just("truncate"), position, st.just(0))
    insert = st.tuples(st.just("insert"), position, st.integers(0, 255))
    delete = st.tuples(st.just("delete"), position, st.integers(1, 64))
    overwrite = st.tuples(st.just("overwrite"), position, st.integers(0, 255))
    return st.lists(st.one_of(flip, cut, insert, delete, overwrite), min_size=1, max_size=3)


def _apply(data: bytes, mutations) -> bytes:
    out = bytearray(data)
    for kind, at, value in mutations:
        at = min(at, max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= value
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            out[at:at] = bytes([value])
        elif kind == "delete":
            del out[at:at + value]
        elif out:
            out[at:at + 8] = bytes([value]) * len(out[at:at + 8])
    return bytes(out)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_every_mutation_is_a_clean_refusal_or_identical_data(world, data) -> None:
    base, valid, before, expected = world
    mutated = _apply(valid, data.draw(_mutations(valid)))
    with tempfile.TemporaryDirectory(dir=base) as scratch:
        root = Path(scratch) / "b"
        shutil.copytree(base / "template", root)
        workspace = Workspace.open(root)
        try:
            (root / "in.dsnap").write_bytes(mutated)
            [result] = drain(import_snapshots(workspace, [root / "in.dsnap"], now=NOW))
            assert result.status.value in ("refused", "applied"), result
            if result.status.value == "refused":
                assert result.reason and "\n" not in result.reason
                assert dump(workspace) == before
            else:
                assert records_dump(workspace) == expected
        finally:
            workspace.close()
