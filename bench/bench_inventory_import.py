"""Spreadsheet import of a 200,000-row stock sheet (aliases, units, pack sizes), against reading the file
plus raw sqlite3.executemany of the same rows.

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
from disastershare.store.connection import configure
from disastershare.store.workspace import Workspace

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


# (name as a stock list writes it, quantity cell, unit column): aliases, readings, units and pack sizes.
_ITEMS = [("保存水（500ml）", "{n}", "本"), ("保存水 2L×6本", "{n}ケース", ""), ("アルファ化米", "{n}", "食"),
          ("もうふ", "{n}枚", ""), ("簡易トイレ", "{n}", "回分"), ("簡易トイレ", "{n}", "台"), ("パン缶", "{n}", ""),
          ("ブランケット", "{n}", "枚"), ("発動発電機", "{n}台", ""), ("ペットボトル水 2L", "{n}", "本"),
          ("マスク 50枚入", "{n}", "箱"), ("土のう袋", "{n}", "枚")]


def write_sheet(path: Path, rows: int) -> None:
    names = [t.name_ja for t in shipped_catalog() if t.kind.value != "staff"]
    items = _ITEMS + [(name, "{n}", "") for name in names]
    lines = ["備蓄品一覧", "", "品名,数量,単位,保管場所,備考"]
    for i in range(rows):
        name, quantity, unit = items[i % len(items)]
        lines.append(f"{name},{quantity.format(n=(i % 900) * 2 + 2)},{unit},棚{i},行{i}")
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
        plan = run_to_end(plan_inventory_import(table, ws.import_catalog(), [], ws.municipality,
                                                learned=ws.learned_names()))
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
        configure(conn)  # the app's own connection settings (WAL, synchronous=FULL): a like-for-like baseline
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
    baseline = (t1 - t0) + (t5 - t4)
    print(f"whole import / (read + baseline executemany) = {total / baseline:.2f}x  (goal <= 2x)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
