"""The workspace's Ed25519 signing key. The private key never leaves keys/ (never in a snapshot)."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

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
