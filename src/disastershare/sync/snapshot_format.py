"""The snapshot file format, version 2 (docs/snapshot-format.md): names, columns, limits, the manifest.

A snapshot is a zip with flat member names: manifest.json, manifest.sig (raw 64-byte Ed25519
signature of the manifest bytes) and one `<table>.json` payload member per non-empty table.
Version 2 adds the five tables of the request lifecycle; version-1 files (four tables) are still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from disastershare.core.catalog import ResourceKind
from disastershare.core.limits import MAX_TEXT_CHARS
from disastershare.core.quantities import MAX_QUANTITY
from disastershare.core.records import Condition, NeedStatus, Priority

FORMAT_NAME = "disastershare-snapshot"
FORMAT_VERSION = 2  # written; every version from 1 up to this one is read
SNAPSHOT_SUFFIX = ".dsnap"
BUNDLE_SUFFIX = ".dsbundle"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD_SUFFIX = ".json"

# -- limits: a file over any of these is refused before anything is applied -------------------------
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024  # whole .dsnap file
MAX_MEMBERS = 16  # manifest, signature, nine tables and room for later versions
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_MEMBER_BYTES = 128 * 1024 * 1024  # one decompressed payload member
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all decompressed members together
MAX_RATIO = 50  # JSON rows with UUIDs compress 3-6x; far more means a crafted bomb
RATIO_FLOOR = 64 * 1024  # tiny members may compress oddly without harm
MAX_ROWS_PER_TABLE = 1_000_000  # a municipality has hundreds of records, a prefecture thousands
MAX_TEXT = MAX_TEXT_CHARS  # characters in one text value: the same number as import and edits (core.limits)
MAX_INT = 2**53  # quantities and revisions; also exact in JavaScript tools reading the JSON
MAX_BUNDLE_MEMBERS = 20_000  # every municipality in Japan (1,916) many times over
MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024  # whole .dsbundle file, and its members together (national: ~10 MB)
# The zip directory is checked from its end record before zipfile parses it (a few bytes can claim millions
# of entries): at most this many bytes of directory per allowed member (an honest entry is under 200).
MAX_DIRECTORY_BYTES_PER_MEMBER = 1024
# Sums a partner's data may reach (live records): per owner and resource the quantities of a table, per owner
# and request the quantities of a request step. Downstream totals are int64 (pandas, SQLite, OR-Tools costs):
# 1,916 owners x 10^12 x a cost factor stays far below 2^63, where a row would silently wrap and vanish.
MAX_QUANTITY_SUM = MAX_QUANTITY
# Dates and times (record dates, updated_at, the manifest's created_at) lie in these years: 9999-12-31 is a
# typo or an attack, and date arithmetic in reports and the matcher overflows near the end of the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2200


class ColumnKind(StrEnum):
    ID = "id"
    OWNER = "owner"
    INT = "int"
    BOOL = "bool"
    TEXT = "text"
    DATE = "date"  # "YYYY-MM-DD"
    DATETIME = "datetime"  # "YYYY-MM-DD HH:MM:SS.ffffff", UTC (the database's own text form)
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind
    nullable: bool = False
    choices: frozenset[str] = frozenset()


def _choice(name: str, enum: type[StrEnum]) -> Column:
    return Column(name, ColumnKind.CHOICE, choices=frozenset(e.value for e in enum))


_META = (
    Column("id", ColumnKind.ID),
    Column("owner", ColumnKind.OWNER),
    Column("revision", ColumnKind.INT),
    Column("updated_at", ColumnKind.DATETIME),
    Column("deleted", ColumnKind.BOOL),
)
_T = ColumnKind.TEXT
_D = ColumnKind.DATE
_I = ColumnKind.INT

# Column order is part of the format: payload members must list exactly these columns. The first four
# tables are those of version 1; version 2 added the request lifecycle (the last five).
TABLES: dict[str, tuple[Column, ...]] = {
    "inventory_item": (*_META, Column("resource", _T), Column("on_hand", ColumnKind.INT),
                       Column("reserved", ColumnKind.INT), Column("location", _T), _choice("condition", Condition),
                       Column("expiry", ColumnKind.DATE, nullable=True), Column("note", _T)),
    "staff_pool": (*_META, Column("resource", _T), Column("headcount", ColumnKind.INT),
                   Column("available_from", ColumnKind.DATE, nullable=True),
                   Column("available_to", ColumnKind.DATE, nullable=True),
                   Column("max_dispatch_days", ColumnKind.INT, nullable=True), Column("contact_section", _T),
                   Column("note", _T)),
    "need": (*_META, Column("resource", _T), Column("quantity", ColumnKind.INT),
             Column("needed_by", ColumnKind.DATE, nullable=True), _choice("priority", Priority),
             _choice("status", NeedStatus), Column("note", _T)),
    "local_resource_type": (*_META, Column("code", _T), _choice("kind", ResourceKind), Column("name_ja", _T),
                            Column("name_en", _T), Column("unit", _T), Column("category", _T)),
    "resource_request": (*_META, Column("supplier", _T), Column("resource", _T), Column("quantity", _I),
                         Column("needed_by", _D, nullable=True), Column("note", _T), Column("work_type", _T),
                         Column("place", _T), Column("period_from", _D, nullable=True),
                         Column("period_to", _D, nullable=True), Column("return_by", _D, nullable=True),
                         Column("cancelled", ColumnKind.BOOL)),
    "request_response": (*_META, Column("request_id", ColumnKind.ID), Column("accepted", _I), Column("note", _T)),
    "request_dispatch": (*_META, Column("request_id", ColumnKind.ID), Column("quantity", _I),
                         Column("dispatched_on", _D), Column("expected_arrival", _D, nullable=True),
                         Column("note", _T)),
    "request_receipt": (*_META, Column("request_id", ColumnKind.ID), Column("quantity", _I),
                        Column("received_on", _D), Column("note", _T)),
    "request_return": (*_META, Column("request_id", ColumnKind.ID), Column("quantity", _I),
                       Column("returned_on", _D), Column("note", _T)),
}
# The tables each format version carries (a snapshot's counts must name exactly these).
VERSION_TABLES: dict[int, tuple[str, ...]] = {
    1: ("inventory_item", "staff_pool", "need", "local_resource_type"),
    2: tuple(TABLES),
}
# Which column names the resource a record is about (for "what changed per resource"); request steps name
# none (they are counted in the totals of an import, not per resource).
RESOURCE_COLUMN: dict[str, str | None] = {
    "inventory_item": "resource", "staff_pool": "resource", "need": "resource", "local_resource_type": "code",
    "resource_request": "resource", "request_response": None, "request_dispatch": None, "request_receipt": None,
    "request_return": None,
}


# Quantity columns whose sum over an owner's live records is capped (MAX_QUANTITY_SUM), and what they are
# summed per: the resource, or the request a step belongs to.
SUMMED: dict[str, tuple[tuple[str, str], ...]] = {
    "inventory_item": (("on_hand", "resource"), ("reserved", "resource")),
    "staff_pool": (("headcount", "resource"),),
    "need": (("quantity", "resource"),),
    "resource_request": (("quantity", "resource"),),
    "request_response": (("accepted", "request_id"),),
    "request_dispatch": (("quantity", "request_id"),),
    "request_receipt": (("quantity", "request_id"),),
    "request_return": (("quantity", "request_id"),),
}
# Text values must not carry C0/C1 control characters other than tab, line feed and carriage return, bidi
# embeddings, overrides, isolates and marks (U+202E turns "exe.txt" into "txt.exe" on screen), or lone
# surrogates (not text at all: SQLite cannot store them). Refused at import, not stripped: a partner's
# snapshot holding them is buggy or hostile, and silently altering signed data would hide that; own exports
# strip them before signing (exporter), so this app never writes what partners refuse.
FORBIDDEN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                            "\u2066-\u2069\ud800-\udfff]")


def tables_of(version: int) -> tuple[str, ...]:
    """The tables a snapshot of this format version carries (versions above FORMAT_VERSION are refused earlier)."""
    return VERSION_TABLES[min(version, FORMAT_VERSION)]


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def member_name(table: str) -> str:
    return table + PAYLOAD_SUFFIX


def snapshot_file_name(owner: str, sequence: int) -> str:
    """One file per owner and sequence; zero-padded so a folder listing sorts by owner, then age."""
    return f"{owner}-{sequence:06d}{SNAPSHOT_SUFFIX}"


_FLAT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}", re.ASCII)


def is_flat_name(name: str) -> bool:
    """Member names carry no folders: no '/', '\\', '..', drive letters or absolute paths."""
    return bool(_FLAT_NAME.fullmatch(name)) and ".." not in name


@dataclass(frozen=True, slots=True)
class MemberDigest:
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Manifest:
    """The signed description of one snapshot.

    `format`, `signer`, `owner` and `members` keep their meaning in every format version, because
    they are checked before the version is (so a newer file still gets the right refusal).
    """

    owner: str
    sequence: int
    created_at: datetime
    drill: bool
    signer: str  # base64 raw Ed25519 public key
    counts: dict[str, int]
    members: dict[str, MemberDigest]
    app_version: str = ""
    format_version: int = FORMAT_VERSION
    extra: dict[str, object] = field(default_factory=dict)  # fields of later versions, kept verbatim

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "owner": self.owner,
            "sequence": self.sequence,
            "created_at": format_timestamp(self.created_at),
            "drill": self.drill,
            "signer": self.signer,
            "counts": self.counts,
            "members": {name: {"sha256": d.sha256, "size": d.size} for name, d in self.members.items()},
            **self.extra,
        }
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def format_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 in UTC with a Z suffix, as the manifest writes it; ValueError otherwise."""
    if not isinstance(text, str) or not text.endswith("Z") or len(text) > 40:
        raise ValueError("created_at must be an ISO 8601 UTC time ending in Z")
    moment = datetime.fromisoformat(text[:-1])
    if moment.tzinfo is not None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f"created_at must be a UTC time in the years {MIN_YEAR}-{MAX_YEAR}")
    return moment.replace(tzinfo=UTC)
