"""The workspace's Ed25519 signing key. The private key never leaves keys/ (never in a snapshot)."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from disastershare.sync.weak_keys import is_weak_public_key

PRIVATE_NAME = "signing_key.pem"
PUBLIC_NAME = "signing_key.pub"


def generate_signing_key(keys_dir: Path) -> Ed25519PublicKey:
    keys_dir.mkdir(parents=True, exist_ok=True)
    private_path = keys_dir / PRIVATE_NAME
    if private_path.exists():
        raise FileExistsError(f"{private_path} already exists; refusing to overwrite a signing key")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public = key.public_key()
    (keys_dir / PUBLIC_NAME).write_bytes(public_bytes(public))
    return public


def load_private_key(keys_dir: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key((keys_dir / PRIVATE_NAME).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("signing key is not Ed25519")
    return key


def public_bytes(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public: bytes) -> str:
    """Short, readable aloud over the phone: 20 base32 characters of SHA-256 in groups of four."""
    digest = base64.b32encode(hashlib.sha256(raw_public).digest()).decode("ascii")[:20]
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def load_public_bytes(keys_dir: Path) -> bytes:
    """The workspace's own raw public key (32 bytes), as key cards and snapshots carry it."""
    return (keys_dir / PUBLIC_NAME).read_bytes()


def sign(private: Ed25519PrivateKey, message: bytes) -> bytes:
    return private.sign(message)


def verify(raw_public: bytes, signature: bytes, message: bytes) -> bool:
    """True only for a valid Ed25519 signature; malformed or weak keys and signatures are simply invalid."""
    if is_weak_public_key(raw_public):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def encode_public(raw_public: bytes) -> str:
    return base64.b64encode(raw_public).decode("ascii")


def decode_public(text: str) -> bytes:
    """Base64 text to a raw 32-byte Ed25519 public key; ValueError if it is anything else."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ValueError("public key is not base64") from exc
    if len(raw) != 32:
        raise ValueError("public key is not 32 bytes")
    if is_weak_public_key(raw):
        raise ValueError("public key is a weak (small-order or non-canonical) Ed25519 key that anyone could forge")
    return raw
