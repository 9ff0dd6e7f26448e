"""`demo --headless`: what `make run` does without a display — exports and window screenshots to files."""

from __future__ import annotations

import os
from pathlib import Path

from disastershare.reports.inventory_sheet import write_inventory_sheet
from disastershare.store.listing import inventory_rows, need_rows
from disastershare.store.workspace import Workspace


def run_headless_demo(workspace: Workspace) -> list[Path]:
    """Write the demo's inventory (CSV, XLSX) and main-window screenshots into outbox/demo/."""
    out = workspace.outbox / "demo"
    out.mkdir(parents=True, exist_ok=True)
    rows = inventory_rows(workspace, everyone=True)
    needs = need_rows(workspace, everyone=True)
    owners = sorted({r["municipality"] for r in rows})
    print(f"{workspace.own_municipality().name}: {len(rows)} stock lines from {len(owners)} municipalities, "
          f"{len(needs)} needs")
    written = [write_inventory_sheet(out / "inventory.csv", rows), write_inventory_sheet(out / "inventory.xlsx", rows)]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from disastershare.ui.screenshot import save_main_window_screenshot
    except ImportError as exc:  # Qt cannot load (missing system libraries): exports still useful
        print(f"note: no screenshot, Qt is unavailable ({exc})")
        return written
    for language in ("ja", "en"):
        written.append(save_main_window_screenshot(workspace, out / f"main-window-{language}.png", language))
    return written
