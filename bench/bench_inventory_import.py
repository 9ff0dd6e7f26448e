"""Spreadsheet import of a 200,000-row stock sheet, against raw sqlite3.executemany of the same rows.

Prints: rows/s for each phase and the ratio of the app's write to the baseline, measured in this run.
"""

from __future__ import annotations

import resource
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from disastershare.core.reference_data import shipped_catalog
from disastershare.core.sheet_import import plan_inventory_import, read_table, run_to_end
from disastershare.store.workspace import Workspace

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


def write_sheet(path: Path, rows: int) -> None:
    names = [t.name_ja for t in shipped_catalog() if t.kind.value != "staff"]
    lines = ["備蓄品一覧", "", "品名,数量,保管場所,備考"]
    lines += [f"{names[i % len(names)]},{(i % 900) + 1:,}個,倉庫{i // len(names)},行{i}" for i in range(rows)]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp932"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        sheet = tmpdir / "stock.csv"
        write_sheet(sheet, ROWS)
        ws = Workspace.create(tmpdir / "ws", "131016")

        t0 = time.perf_counter()
        table = read_table(sheet)
        t1 = time.perf_counter()
        plan = run_to_end(plan_inventory_import(table, ws.catalog(), [], ws.municipality))
        t2 = time.perf_counter()
        ws.apply_import("inventory", sheet.name, plan.rows_read, plan.adds, [])
        t3 = time.perf_counter()
        assert plan.ok and len(plan.adds) == ROWS, plan.summary()

        # Baseline: the same rows into the same schema with raw sqlite3.executemany, one transaction.
        base = Workspace.create(tmpdir / "base", "131016")
        base.close()
        rows = [(str(uuid.uuid4()), "131016", i + 1, "2026-11-23 00:00:00", 0, r.resource, r.on_hand, r.reserved,
                 r.location, "ready", None, r.note) for i, r in enumerate(plan.adds)]
        conn = sqlite3.connect(tmpdir / "base" / "workspace.sqlite")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        t4 = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO inventory_item VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        t5 = time.perf_counter()
        conn.close()

    total = t3 - t0
    print(f"rows: {ROWS:,}")
    print(f"read (cp932 CSV):  {t1 - t0:6.2f} s  {ROWS / (t1 - t0):>10,.0f} rows/s")
    print(f"plan (match+check): {t2 - t1:6.2f} s  {ROWS / (t2 - t1):>10,.0f} rows/s")
    print(f"write (app):       {t3 - t2:6.2f} s  {ROWS / (t3 - t2):>10,.0f} rows/s")
    print(f"write (baseline executemany): {t5 - t4:6.2f} s; app/baseline = {(t3 - t2) / (t5 - t4):.2f}x")
    print(f"whole import: {total:.2f} s = {ROWS / total:,.0f} rows/s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
