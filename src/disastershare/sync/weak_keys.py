"""Refuse Ed25519 public keys that anyone can forge signatures for.

A small-order point (the identity, 32 zero bytes, and the other points of order 2, 4 or 8) or a
non-canonical encoding lets a crafted signature (64 zero bytes, say) verify for any message under
the cofactored check some libraries use, and pins nothing to a private key. RFC 8032 point
decoding, then [8]P: a key is acceptable only if it is a canonical point outside the small subgroup.
"""

from __future__ import annotations

_P = 2**255 - 19
_D = (-121665 * pow(121666, _P - 2, _P)) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _decode(raw: bytes) -> tuple[int, int] | None:
    """The affine point (x, y), or None if the bytes are not a canonical point encoding."""
    if len(raw) != 32:
        return None
    number = int.from_bytes(raw, "little")
    y, sign = number & ((1 << 255) - 1), number >> 255
    if y >= _P:
        return None  # non-canonical y
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P) % _P
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P:
        return None  # not on the curve
    if x == 0 and sign:
        return None  # -0: non-canonical
    if x & 1 != sign:
        x = _P - x
    return x, y


def _double(point: tuple[int, int]) -> tuple[int, int]:
    # Twisted Edwards addition with a = -1, applied to the point and itself.
    x, y = point
    t = _D * x * x * y * y % _P
    return ((2 * x * y) * pow(1 + t, _P - 2, _P) % _P, (y * y + x * x) * pow(1 - t, _P - 2, _P) % _P)


def is_weak_public_key(raw: bytes) -> bool:
    """True for keys that must never be trusted: not a canonical point, or of small order."""
    point = _decode(raw)
    if point is None:
        return True
    for _ in range(3):
        point = _double(point)
    return point == (0, 1)
