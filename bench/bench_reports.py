"""Coordination report of the national instance: every municipality of the shipped registry (1,916) with
~20 stock rows each, mirrored into one workspace, plus open needs in one town in ten.

Prints the time to assemble ReportData (records, shortfalls, matching) and to render the PDF and the XLSX
(targets on a 2-core machine: PDF < 10 s, XLSX < 3 s), with pages and file sizes.
Usage: python bench/bench_reports.py [ROWS_PER_MUNICIPALITY] [--keep DIR]
"""

from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from disastershare.core.reference_data import shipped_catalog, shipped_registry  # noqa: E402
from disastershare.reports.output import write_report  # noqa: E402
from disastershare.reports.report_data import build_report_data  # noqa: E402
from disastershare.store.workspace import Workspace  # noqa: E402

OWN = "434434"
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20


def populate(workspace: Workspace, rows_per_town: int) -> tuple[int, int]:
    """Mirrored inventory for every municipality, partner rows for all, needs in one town in ten (raw SQL:
    this is test data, inserted as a snapshot import would leave it)."""
    rng = random.Random(7)
    resources = [t.code for t in shipped_catalog() if t.kind.value != "staff"]
    towns = [m.code for m in shipped_registry()]
    stamp = "2026-11-23 00:00:00.000000"
    items, needs, partners = [], [], []
    for town in towns:
        for n, code in enumerate(rng.sample(resources, rows_per_town)):
            on_hand = rng.randint(0, 5000)
            items.append((str(uuid.uuid4()), town, n + 1, stamp, 0, code, on_hand, on_hand // 10, "備蓄倉庫",
                          "ready", None, ""))
        if rng.random() < 0.1:
            needs += [(str(uuid.uuid4()), town, 100 + n, stamp, 0, code, rng.randint(1000, 9000), None, "high",
                       "open", "") for n, code in enumerate(rng.sample(resources, 3))]
        if town != OWN:
            partners.append((town, town, "mutual_aid", 1, stamp, rng.randint(1, 50), stamp, stamp))
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO inventory_item (id, owner, revision, updated_at, deleted, resource, on_hand, "
                             "reserved, location, condition, expiry, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", items)
        conn.exec_driver_sql("INSERT INTO need (id, owner, revision, updated_at, deleted, resource, quantity, "
                             "needed_by, priority, status, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)", needs)
        conn.exec_driver_sql("INSERT INTO partner (code, name, agreement, enabled, added_at, last_sequence, "
                             "last_created_at, last_imported_at) VALUES (?,?,?,?,?,?,?,?)", partners)
    return len(items), len(towns)


def main() -> None:
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        workspace = Workspace.create(Path(tmp) / "ws", OWN, drill=True)
        t0 = time.perf_counter()
        rows, towns = populate(workspace, ROWS)
        t1 = time.perf_counter()
        data = build_report_data(workspace)
        t2 = time.perf_counter()
        write_report(data, out / "national.pdf")
        t3 = time.perf_counter()
        write_report(data, out / "national.xlsx")
        t4 = time.perf_counter()
        write_report(data, out / "national.zip", hxl=True)
        t5 = time.perf_counter()
        pdf_size, xlsx_size = (out / "national.pdf").stat().st_size, (out / "national.xlsx").stat().st_size
        pages = (out / "national.pdf").read_bytes().count(b"/Type /Page\n")
        workspace.close()
    print(f"national instance: {towns:,} municipalities, {rows:,} stock rows, {len(data.stock):,} stock lines, "
          f"{len(data.shortfalls):,} shortfalls, {len(data.transfers):,} proposed transfers")
    print(f"insert test data:  {t1 - t0:6.2f} s")
    print(f"assemble data:     {t2 - t1:6.2f} s  (records, shortfalls, matching)")
    print(f"PDF:               {t3 - t2:6.2f} s  target < 10 s   {pages:,} pages, {pdf_size / 1e6:.1f} MB")
    print(f"XLSX:              {t4 - t3:6.2f} s  target <  3 s   {xlsx_size / 1e6:.1f} MB")
    print(f"CSV zip (HXL):     {t5 - t4:6.2f} s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
