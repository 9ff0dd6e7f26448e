"""Trusted partners: adding key cards, enabling and disabling, replacing a lost key, data age.

Everything the GUI's Partners tab shows comes from `list_partners`; the CLI prints the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from disastershare.core.errors import DomainError
from disastershare.core.registry import Municipality
from disastershare.store import mirror
from disastershare.store.mirror import StoredKey, StoredPartner
from disastershare.store.workspace import Workspace
from disastershare.sync.keycard import KeyCard
from disastershare.sync.keys import decode_public, encode_public, fingerprint, load_public_bytes
from disastershare.sync.snapshot_reader import TrustedKey

# A partner whose newest data is older than this is flagged stale: in a disaster a day-old stock
# count is already doubtful, and daily exchange is what the mutual-aid drills practise.
STALE_AFTER = timedelta(hours=24)


class Agreement(StrEnum):
    MUTUAL_AID = "mutual_aid"  # 災害時相互応援協定 between two municipalities
    WIDE_AREA_GROUP = "wide_area_group"  # 広域連携 group of several municipalities
    PREFECTURE = "prefecture"  # the prefecture's coordination office


AGREEMENT_HELP = ("mutual_aid = mutual-aid agreement (相互応援協定), wide_area_group = wide-area collaboration "
                  "group (広域連携), prefecture = prefecture coordination")


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite keeps naive datetimes; everything sync stores is UTC.
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Partner:
    code: str
    name: str
    agreement: Agreement
    fingerprint: str  # of the current key
    enabled: bool
    last_sequence: int | None
    last_heard_from: datetime | None  # creation time of the newest applied snapshot
    last_imported_at: datetime | None
    last_file: str | None  # the name of the file the latest applied snapshot came in

    def age(self, now: datetime | None = None) -> timedelta | None:
        if self.last_heard_from is None:
            return None
        return max((now or _now()) - self.last_heard_from, timedelta(0))

    def is_stale(self, now: datetime | None = None) -> bool:
        """Never heard from, or heard from longer ago than STALE_AFTER."""
        age = self.age(now)
        return age is None or age > STALE_AFTER


def describe_age(age: timedelta | None) -> str:
    """'never', '12 min ago', '3 h ago', '2 d ago' for lists and the status bar."""
    if age is None:
        return "never"
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // (24 * 60)} d ago"


def _partner(row: StoredPartner, keys: list[StoredKey]) -> Partner:
    active = next((k for k in keys if k.partner == row.code and k.active), None)
    return Partner(row.code, row.name, Agreement(row.agreement), active.fingerprint if active else "",
                   bool(row.enabled), row.last_sequence, _aware(row.last_created_at), _aware(row.last_imported_at),
                   row.last_file)


def list_partners(workspace: Workspace) -> list[Partner]:
    with workspace.engine.connect() as conn:
        rows, keys = mirror.load_partners(conn), mirror.load_keys(conn)
    return [_partner(r, keys) for r in rows]


def get_partner(workspace: Workspace, code: str) -> Partner:
    found = next((p for p in list_partners(workspace) if p.code == code), None)
    if found is None:
        raise DomainError(f"{code} is not a partner of this workspace (see 'partners list')")
    return found


def key_ring(workspace: Workspace) -> dict[bytes, TrustedKey]:
    """Every key a snapshot may name: partners' current and retired keys, and the workspace's own."""
    with workspace.engine.connect() as conn:
        partners = {p.code: p for p in mirror.load_partners(conn)}
        keys = mirror.load_keys(conn)
    ring: dict[bytes, TrustedKey] = {}
    for k in keys:
        raw = decode_public(k.public_key)
        partner = partners.get(k.partner)
        ring[raw] = TrustedKey(k.partner, raw, k.fingerprint, active=bool(k.active),
                               enabled=bool(partner.enabled) if partner else False,
                               retired_at=_aware(k.retired_at))
    try:
        own = load_public_bytes(workspace.keys_dir)
        ring[own] = TrustedKey(workspace.municipality, own, fingerprint(own), own=True)
    except OSError:
        pass  # a workspace without keys can still import partners' snapshots
    return ring


def check_card(workspace: Workspace, card: KeyCard) -> Municipality:
    """Refuse own cards, codes outside the registry and keys already known; returns the registry entry."""
    own_key = _own_key(workspace)
    if card.municipality == workspace.municipality or card.public_key == own_key:
        raise DomainError("this is your own key card; give it to partners, add theirs here")
    municipality = workspace.registry().get(card.municipality)
    if municipality is None:
        raise DomainError(f"municipality {card.municipality} is not in this workspace's registry")
    return municipality


def _own_key(workspace: Workspace) -> bytes | None:
    try:
        return load_public_bytes(workspace.keys_dir)
    except OSError:
        return None


def _key_row(card: KeyCard, now: datetime) -> StoredKey:
    return StoredKey(encode_public(card.public_key), card.municipality, card.fingerprint, True, now, None)


def check_new_partner(workspace: Workspace, card: KeyCard) -> Municipality:
    """Everything `add_partner` checks, without changing anything (the CLI asks for confirmation after)."""
    municipality = check_card(workspace, card)
    with workspace.engine.connect() as conn:
        existing = mirror.load_partner(conn, card.municipality)
        keys = mirror.load_keys(conn)
    known = next((k for k in keys if k.public_key == encode_public(card.public_key)), None)
    if existing is not None:
        if known is not None and known.active:
            raise DomainError(f"{card.municipality} is already a partner with this key")
        raise DomainError(f"{card.municipality} is already a partner with another key; "
                          "use 'partners replace-key' if their laptop was lost")
    if known is not None:
        raise DomainError(f"this key already belongs to partner {known.partner}")
    return municipality


def add_partner(workspace: Workspace, card: KeyCard, agreement: Agreement = Agreement.MUTUAL_AID,
                now: datetime | None = None) -> Partner:
    municipality = check_new_partner(workspace, card)
    moment = now or _now()
    row = StoredPartner(card.municipality, f"{municipality.prefecture}{municipality.name}", agreement.value,
                        True, moment, None, None, None, None, None)
    with workspace.engine.begin() as conn:
        mirror.insert_partner(conn, row, _key_row(card, moment))
    return get_partner(workspace, card.municipality)


def set_enabled(workspace: Workspace, code: str, enabled: bool) -> Partner:
    """Disabled partners' snapshots are refused and left out of bundles; their mirrored records stay."""
    with workspace.engine.begin() as conn:
        if not mirror.set_partner_enabled(conn, code, enabled):
            raise DomainError(f"{code} is not a partner of this workspace (see 'partners list')")
    return get_partner(workspace, code)


def check_replacement(workspace: Workspace, card: KeyCard) -> Partner:
    """A replacement key must be new, for an existing partner, and not one of its retired keys."""
    check_card(workspace, card)
    partner = get_partner(workspace, card.municipality)
    encoded = encode_public(card.public_key)
    with workspace.engine.connect() as conn:
        known = next((k for k in mirror.load_keys(conn) if k.public_key == encoded), None)
    if known is not None:
        if known.partner != card.municipality:
            raise DomainError(f"this key already belongs to partner {known.partner}")
        if known.active:
            raise DomainError(f"this is already {card.municipality}'s current key; nothing to replace")
        raise DomainError("this key was retired earlier and cannot be trusted again")
    return partner


def replace_key(workspace: Workspace, card: KeyCard, now: datetime | None = None) -> Partner:
    """Lost laptop: retire the partner's current key (its snapshots are refused from now on)."""
    check_replacement(workspace, card)
    moment = now or _now()
    with workspace.engine.begin() as conn:
        mirror.replace_partner_key(conn, card.municipality, _key_row(card, moment), moment)
    return get_partner(workspace, card.municipality)
