"""One import batch: verify each snapshot, decide its outcome, and apply the valid ones in bulk.

Valid snapshots are queued and written together: one DELETE and one INSERT executemany per table for
the whole queue, inside a SAVEPOINT of a transaction committed every BATCH_SECONDS. Writing snapshot
by snapshot interleaves three tables' index pages and commits far more often (measured: 2-4x slower
on the national set). If the bulk write hits a record-id collision, the queue is written again one
snapshot per SAVEPOINT so only the offending snapshot is refused. Either way every owner's mirrored
records are old or new after a crash, never mixed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import RootTransaction

from disastershare.store import mirror
from disastershare.store.mirror import ImportLogLine, StoredPartner
from disastershare.store.workspace import Workspace
from disastershare.sync.container import RefusedError, one_line
from disastershare.sync.history import usable_totals
from disastershare.sync.partners import key_ring
from disastershare.sync.results import Changes, ImportResult, ImportStatus, diff, total
from disastershare.sync.snapshot_format import RESOURCE_COLUMN, TABLES, column_names, snapshot_file_name
from disastershare.sync.snapshot_reader import TrustedKey, VerifiedSnapshot, read_container, verify_raw
from disastershare.sync.sources import Source, unexpected

# Test hook: seconds to sleep inside the import transaction after rows are written and before the
# commit, so tests/sync/test_crash.py can kill the process there. Unset in normal use.
PAUSE_ENV = "DISASTERSHARE_TEST_PAUSE_IN_IMPORT"
OWN_REASON = "own snapshot: own records never change by import"
# Record identity is (id, owner) and a snapshot listing an id twice is refused when it is read, so no
# partner can collide with another's records any more; kept as the safety net of the bulk write.
COLLISION_REASON = "its records could not be stored (a record clashes with one already stored)"
_RESOURCE_AT = {t: None if c is None else column_names(t).index(c) for t, c in RESOURCE_COLUMN.items()}


@dataclass(slots=True)
class _Queued:
    index: int  # position in results
    snapshot: VerifiedSnapshot
    data: bytes
    before: StoredPartner
    after: StoredPartner


CLOCK_TOLERANCE = timedelta(minutes=10)


def clock_note(created_at: datetime, now: datetime | None = None) -> str:
    """A warning when a partner's snapshot was made 'in the future': its clock runs ahead of ours, so the
    times it reports (updated, dispatched, freshness) are wrong by as much. Applied all the same: the data
    are signed and may be right; the officer should know how far to trust the times."""
    ahead = created_at - (now or datetime.now(UTC))
    if ahead <= CLOCK_TOLERANCE:
        return ""
    minutes = int(ahead.total_seconds() // 60)
    amount = f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
    return f"applied, but the partner's clock runs {amount} ahead of ours: its times may be wrong"


class ImportSession:
    BATCH_SECONDS = 0.5  # bounds how long the write lock is held and how much a Cancel or crash loses
    QUEUE_ROWS = 50_000  # bounds memory: decoded rows waiting for the bulk write

    def __init__(self, workspace: Workspace, now: datetime | None = None) -> None:
        self.workspace = workspace
        self.now = now
        self.results: list[ImportResult] = []
        self.keys: dict[bytes, TrustedKey] = key_ring(workspace)
        self.conn = workspace.engine.connect()
        self.partners: dict[str, StoredPartner] = {p.code: p for p in mirror.load_partners(self.conn)}
        self.conn.rollback()
        self.writer = mirror.MirrorWriter(self.conn)
        self.transaction: RootTransaction | None = None
        self.opened = 0.0
        self.queue: list[_Queued] = []
        self.queued_owners: set[str] = set()
        self.queued_rows = 0
        self.unlogged: list[tuple[int, VerifiedSnapshot | None]] = []  # results not yet in the log, in order
        self.backed_up = False

    # -- transaction -------------------------------------------------------------------------------
    def _begin(self) -> None:
        if self.transaction is None:
            self.transaction = self.conn.begin()
            mirror.begin_immediate(self.conn)
            self.opened = time.monotonic()

    def commit_if_due(self) -> None:
        if self.transaction is not None and time.monotonic() - self.opened >= self.BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        self._flush()
        if self.transaction is not None:
            self.transaction.commit()
            self.transaction = None

    def close(self) -> None:
        if self.transaction is not None:  # an error escaped: nothing of this batch is kept
            self.transaction.rollback()
            self.transaction = None
        self.conn.close()

    def _moment(self) -> datetime:
        return (self.now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)

    # -- one snapshot ------------------------------------------------------------------------------
    def run(self, source: Source) -> None:
        if source.problem is not None or source.load is None:
            self._report(ImportResult(source.label, None, None, ImportStatus.REFUSED, source.problem or ""))
            return
        owner = sequence = None
        try:
            data = source.load()
            raw = read_container(data)
            owner, sequence = raw.claimed()
            snapshot = verify_raw(raw, self.keys, self.workspace.drill)
        except RefusedError as refusal:
            self._report(ImportResult(source.label, owner, sequence, ImportStatus.REFUSED, str(refusal)))
            return
        except Exception as exc:  # noqa: BLE001 - reading one file never stops the batch; logged as a bug
            self._report(ImportResult(source.label, owner, sequence, ImportStatus.REFUSED,
                                      unexpected(source.label, exc)))
            return
        if snapshot.signer.own:
            self._report(self._result(source, snapshot, ImportStatus.UP_TO_DATE, OWN_REASON), snapshot)
            return
        if snapshot.owner in self.queued_owners:
            self._flush()  # compare against that owner's queued state, which must be written first
        known = self._known_outcome(source, snapshot)
        if known is not None:
            self._report(known, snapshot)
            return
        self._enqueue(source, snapshot, data)

    def _result(self, source: Source, snapshot: VerifiedSnapshot, status: ImportStatus, reason: str,
                by_resource: dict[str, Changes] | None = None) -> ImportResult:
        by = dict(by_resource or {})
        steps = by.pop("", Changes())  # request steps name no resource: counted in the totals only
        changes = Changes(*(a + b for a, b in zip(total(by), steps, strict=True)))
        return ImportResult(source.label, snapshot.owner, snapshot.sequence, status, reason, changes, by)

    def _known_outcome(self, source: Source, snapshot: VerifiedSnapshot) -> ImportResult | None:
        """up_to_date or fork for a snapshot not newer than the last one applied from its owner."""
        partner = self.partners[snapshot.owner]
        last = partner.last_sequence
        if last is None or snapshot.sequence > last:
            return None
        if snapshot.sequence == last:
            same, applied_file = partner.last_manifest_sha256 == snapshot.manifest_sha256, partner.last_file
        else:
            self._begin()
            entry = mirror.applied_entry(self.conn, snapshot.owner, snapshot.sequence, snapshot.signer.fingerprint)
            same = entry is None or entry.manifest_sha256 == snapshot.manifest_sha256
            applied_file = entry.file if entry else None
        if same:
            what = "already applied" if snapshot.sequence == last else f"older than the applied #{last}"
            return self._result(source, snapshot, ImportStatus.UP_TO_DATE, what)
        return self._result(source, snapshot, ImportStatus.FORK,
                            f"fork: {Path(source.label).name} and the applied {applied_file} are both "
                            f"{snapshot.owner} #{snapshot.sequence} but differ (a laptop restored from a "
                            "backup?); nothing applied")

    def _changes(self, snapshot: VerifiedSnapshot) -> dict[str, Changes]:
        states = self.writer.owner_states(snapshot.owner, RESOURCE_COLUMN)
        return diff(states, snapshot.tables, _RESOURCE_AT)

    def _enqueue(self, source: Source, snapshot: VerifiedSnapshot, data: bytes) -> None:
        if not self.backed_up:
            self.commit()  # the backup must show the database as it was before anything is applied
            self.workspace.backup_now("pre-sync")
            self.backed_up = True
        self._begin()
        owner = snapshot.owner
        result = self._result(source, snapshot, ImportStatus.APPLIED, clock_note(snapshot.manifest.created_at),
                              self._changes(snapshot))
        before = self.partners[owner]
        after = replace(before, last_sequence=snapshot.sequence, last_manifest_sha256=snapshot.manifest_sha256,
                        last_file=Path(source.label).name, last_created_at=snapshot.manifest.created_at,
                        last_imported_at=self._moment())
        self.partners[owner] = after
        self.queue.append(_Queued(len(self.results), snapshot, data, before, after))
        self.queued_owners.add(owner)
        self.unlogged.append((len(self.results), snapshot))
        self.results.append(result)
        self.queued_rows += sum(map(len, snapshot.tables.values()))
        if self.queued_rows >= self.QUEUE_ROWS:
            self._flush()

    # -- writing -----------------------------------------------------------------------------------
    def _write(self, batch: list[_Queued]) -> None:
        w = self.writer
        carrying = {t: [q for q in batch if t in q.snapshot.tables] for t in TABLES}  # version 1: no requests
        w.replace_owners({t: ([q.snapshot.owner for q in qs], column_names(t),
                              [row for q in qs for row in q.snapshot.tables[t]])
                          for t, qs in carrying.items() if qs})
        w.record_applied([q.after for q in batch])
        w.store_snapshots([(q.snapshot.owner, q.snapshot.sequence, q.snapshot.manifest_sha256,
                            snapshot_file_name(q.snapshot.owner, q.snapshot.sequence), q.data) for q in batch])

    def _flush(self) -> None:
        """Write the queued snapshots, then the log lines of everything met since the last flush."""
        if not self.queue and not self.unlogged:
            return
        self._begin()
        batch, self.queue, self.queued_rows = self.queue, [], 0
        self.queued_owners.clear()
        lines = self.unlogged
        self.unlogged = []
        if batch:
            self._write_batch(batch)
        self.writer.log_imports([self._line(self.results[i], snapshot) for i, snapshot in lines])
        if batch:
            _pause_for_tests()

    def _write_batch(self, batch: list[_Queued]) -> None:
        w = self.writer
        w.savepoint()
        try:
            self._write(batch)
        except sqlite3.IntegrityError:
            w.rollback_to()
            for queued in batch:  # find the offender(s): one savepoint each
                w.savepoint()
                try:
                    self._write([queued])
                except sqlite3.IntegrityError:
                    w.rollback_to()
                    self._refuse_queued(queued)
                else:
                    w.release()
        else:
            w.release()

    def _refuse_queued(self, queued: _Queued) -> None:
        self.partners[queued.snapshot.owner] = queued.before
        self.results[queued.index] = replace(self.results[queued.index], status=ImportStatus.REFUSED,
                                             reason=COLLISION_REASON, changes=Changes(), by_resource={})

    # -- the log -----------------------------------------------------------------------------------
    def _line(self, result: ImportResult, snapshot: VerifiedSnapshot | None = None) -> ImportLogLine:
        c = result.changes
        by = {res: [v.added, v.changed, v.removed] for res, v in result.by_resource.items()}
        return ImportLogLine(
            at=self._moment(), file=result.file, owner=result.owner, sequence=result.sequence,
            status=result.status.value, reason=result.reason, added=c.added, changed=c.changed, removed=c.removed,
            signer=snapshot.signer.fingerprint if snapshot else None,
            manifest_sha256=snapshot.manifest_sha256 if snapshot else None,
            created_at=snapshot.manifest.created_at if snapshot else None,
            resource_changes=json.dumps(by, ensure_ascii=False, separators=(",", ":")) if by else "",
            stock_totals=_stock_json(snapshot) if result.status is ImportStatus.APPLIED and snapshot else "")

    def _report(self, result: ImportResult, snapshot: VerifiedSnapshot | None = None) -> None:
        """Record an outcome that writes nothing but its log line (at the next flush). The reason may quote
        the file (a name from its manifest): made one printable line that SQLite can store."""
        self.unlogged.append((len(self.results), snapshot))
        self.results.append(replace(result, file=one_line(result.file, 1000), reason=one_line(result.reason)))


def _stock_json(snapshot: VerifiedSnapshot) -> str:
    totals = usable_totals(snapshot.tables)
    return json.dumps(totals, ensure_ascii=False, separators=(",", ":")) if totals else ""


def _pause_for_tests() -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print("paused inside the import transaction", file=sys.stderr, flush=True)
        time.sleep(float(seconds))
