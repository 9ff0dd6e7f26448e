"""What an import reports per snapshot, and how changes are counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain, compress, repeat
from operator import itemgetter, not_
from typing import Any, NamedTuple

_ID, _REVISION, _DELETED = 0, 2, 4  # positions of the RecordMeta columns every table starts with


class ImportStatus(StrEnum):
    APPLIED = "applied"
    UP_TO_DATE = "up_to_date"
    REFUSED = "refused"
    FORK = "fork"


class Changes(NamedTuple):
    """Record counts. A NamedTuple of ints, not a dataclass: the national import keeps ~100,000 of
    them, and tuples of plain values drop out of the cyclic garbage collector's work."""

    added: int = 0
    changed: int = 0
    removed: int = 0



@dataclass(frozen=True, slots=True)
class ImportResult:
    file: str
    owner: str | None  # as the file claims it, for a refused file
    sequence: int | None
    status: ImportStatus
    reason: str = ""
    changes: Changes = Changes()
    by_resource: dict[str, Changes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in (ImportStatus.APPLIED, ImportStatus.UP_TO_DATE)

    def to_json(self) -> dict[str, Any]:
        """The shape shared/interface.md fixes for `snapshot import --format json`."""
        c = self.changes
        return {"file": self.file, "owner": self.owner, "sequence": self.sequence, "status": self.status.value,
                "reason": self.reason, "changes": {"added": c.added, "changed": c.changed, "removed": c.removed}}


def exit_code(results: list[ImportResult]) -> int:
    """0 all fine (applied or up to date), 3 some refused or forked and some fine, 2 none fine."""
    if all(r.ok for r in results):
        return 0
    return 3 if any(r.ok for r in results) else 2


def total(by_resource: dict[str, Changes]) -> Changes:
    if not by_resource:
        return Changes()
    return Changes(*map(sum, zip(*by_resource.values(), strict=True)))


OwnerState = dict[str, tuple[int, bool, str]]  # record id -> (revision, deleted, resource)


def diff(old: dict[str, OwnerState], new: dict[str, list[list[Any]]], resource_at: dict[str, int | None]
         ) -> dict[str, Changes]:
    """Added / changed / removed per resource between an owner's mirrored rows and a snapshot's rows,
    over the tables the snapshot carries. A tombstone counts as a removal when the record was live before;
    a new revision of a live record is a change. Records of tables without a resource column (request
    steps) are counted under the resource ''."""
    if not any(old.values()):  # the owner's first snapshot: everything live is new (C-speed counting)
        live = chain.from_iterable(
            compress(repeat("") if resource_at[t] is None else map(itemgetter(resource_at[t]), rows),
                     map(not_, map(itemgetter(_DELETED), rows)))
            for t, rows in new.items())
        # tuple.__new__ skips NamedTuple's Python-level constructor: ~100,000 of these on the national set.
        return {res: tuple.__new__(Changes, (n, 0, 0)) for res, n in Counter(live).items()}
    added: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    for table, rows in new.items():
        remaining = dict(old.get(table, {}))
        at = resource_at[table]
        for row in rows:
            before = remaining.pop(row[_ID], None)
            resource = "" if at is None else row[at]
            if row[_DELETED]:
                if before is not None and not before[1]:
                    removed[resource] += 1
            elif before is None or before[1]:
                added[resource] += 1
            elif before[0] != row[_REVISION]:
                changed[resource] += 1
        for _, was_deleted, resource in remaining.values():
            if not was_deleted:
                removed[resource] += 1
    return {res: Changes(added[res], changed[res], removed[res]) for res in sorted({*added, *changed, *removed})}
