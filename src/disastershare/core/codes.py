"""Japan's 6-digit local-government codes (全国地方公共団体コード): 5 digits plus a check digit."""

from __future__ import annotations

from disastershare.core.errors import DomainError

_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(first_five: str) -> int:
    """Check digit per the MIC rule: weights 6..2, modulus 11, last digit of (11 - remainder)."""
    total = sum(int(d) * w for d, w in zip(first_five, _WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def validate_lgcode(code: str) -> str:
    """Return the normalised code or raise DomainError with a one-line reason."""
    text = (code or "").strip()
    if len(text) != 6 or not text.isascii() or not text.isdigit():
        raise DomainError(f"municipality code must be 6 digits (got '{code}')")
    expected = check_digit(text[:5])
    if int(text[5]) != expected:
        raise DomainError(f"municipality code {text} has a wrong check digit (expected {text[:5]}{expected})")
    return text
