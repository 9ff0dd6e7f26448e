"""Key cards: a municipality's public key with its code and name, passed to partners out of band.

The fingerprint on the card is only a convenience for reading aloud; it is recomputed from the key
on import, and a card whose printed fingerprint disagrees is refused as damaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from disastershare.core.codes import validate_lgcode
from disastershare.core.errors import DomainError
from disastershare.store.workspace import Workspace
from disastershare.sync.keys import decode_public, encode_public, fingerprint, load_public_bytes

KEYCARD_FORMAT = "disastershare-keycard"
KEYCARD_VERSION = 1
KEYCARD_SUFFIX = ".dskey"
_MAX_CARD_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class KeyCard:
    municipality: str
    prefecture: str
    name: str
    public_key: bytes  # raw 32-byte Ed25519 key
    created_at: datetime | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def display_name(self) -> str:
        return f"{self.prefecture}{self.name}"

    def to_json(self) -> str:
        return json.dumps({
            "format": KEYCARD_FORMAT,
            "version": KEYCARD_VERSION,
            "municipality": self.municipality,
            "prefecture": self.prefecture,
            "name": self.name,
            "public_key": encode_public(self.public_key),
            "fingerprint": self.fingerprint,
            "created_at": (self.created_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }, ensure_ascii=False, indent=1) + "\n"


def own_keycard(workspace: Workspace) -> KeyCard:
    try:
        public = load_public_bytes(workspace.keys_dir)
    except OSError:
        raise DomainError("this workspace has no signing key (keys/signing_key.pub is missing)") from None
    m = workspace.own_municipality()
    return KeyCard(m.code, m.prefecture, m.name, public, datetime.now(UTC).replace(microsecond=0))


def write_keycard(card: KeyCard, path: Path) -> Path:
    try:
        path.write_text(card.to_json(), encoding="utf-8")
    except OSError as exc:
        raise DomainError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def read_keycard(path: Path) -> KeyCard:
    """Parse a key card file; any problem is a DomainError with a one-line reason."""
    try:
        if path.stat().st_size > _MAX_CARD_BYTES:
            raise DomainError(f"{path.name}: not a key card (too large)")
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise DomainError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, RecursionError):
        raise DomainError(f"{path.name}: not a key card (not JSON)") from None
    if not isinstance(document, dict) or document.get("format") != KEYCARD_FORMAT:
        raise DomainError(f"{path.name}: not a DisasterShare key card")
    version = document.get("version")
    if type(version) is not int or version != KEYCARD_VERSION:  # True == 1 in Python: not a version
        raise DomainError(f"{path.name}: key card version {version!r} is not understood")
    for key in ("municipality", "public_key", "fingerprint"):
        if not isinstance(document.get(key), str):
            raise DomainError(f"{path.name}: malformed key card ({key} is not text)")
    try:
        code = validate_lgcode(document["municipality"])
        public = decode_public(document.get("public_key"))
    except (DomainError, ValueError, TypeError, AttributeError) as exc:
        raise DomainError(f"{path.name}: malformed key card ({exc})") from None
    prefecture, name = document.get("prefecture", ""), document.get("name", "")
    if not isinstance(prefecture, str) or not isinstance(name, str):
        raise DomainError(f"{path.name}: malformed key card (name is not text)")
    card = KeyCard(code, prefecture[:40], name[:80], public)
    if document.get("fingerprint") != card.fingerprint:
        raise DomainError(f"{path.name}: damaged key card (its fingerprint does not match its key)")
    return card
