"""Forged keys: a key card whose key anyone can sign for is refused, and such a key never verifies."""

from __future__ import annotations

import pytest

from disastershare.sync.keys import generate_signing_key, load_public_bytes, verify
from disastershare.sync.weak_keys import is_weak_public_key

# The small-order points of edwards25519 and non-canonical encodings (libsodium's blocklist and others).
WEAK = [
    bytes(32),  # 32 zero bytes: the point (x=0, y=0) of order 4
    (1).to_bytes(32, "little"),  # the identity
    bytes.fromhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  # order 2
    bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),  # order 8
    bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),  # order 8
    bytes.fromhex("0000000000000000000000000000000000000000000000000000000000000080"),  # -0, non-canonical
    bytes.fromhex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  # y = p, non-canonical
]


@pytest.mark.parametrize("raw", WEAK)
def test_weak_keys_are_recognised_and_never_verify(raw):
    assert is_weak_public_key(raw)
    assert not verify(raw, bytes(64), b"any manifest")


def test_real_keys_are_not_weak(tmp_path):
    for n in range(20):
        generate_signing_key(tmp_path / str(n))
        assert not is_weak_public_key(load_public_bytes(tmp_path / str(n)))
