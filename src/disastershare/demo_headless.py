"""`demo --headless`: what `make run` does without a display — exports and window screenshots to files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.reports.inventory_sheet import write_inventory_sheet
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.listing import inventory_rows, need_rows
from disastershare.store.workspace import Workspace


def run_headless_demo(workspace: Workspace) -> list[Path]:
    """Write the demo's inventory (CSV, XLSX), window screenshots, analysis charts and coordination report (PDF,
    with the charts) to outbox/demo/."""
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
        from PySide6.QtCore import qInstallMessageHandler

        from disastershare.ui.app import ensure_application
        from disastershare.ui.screenshot import save_analysis_charts, save_main_window_screenshot
    except ImportError as exc:  # Qt cannot load (missing system libraries): exports still useful
        print(f"note: no screenshots or PDF, Qt is unavailable ({exc})")
        return written
    ensure_application()  # first, so the report and the screenshots share one QApplication
    # The offscreen platform warns about window hints it cannot honour; noise for someone reading the output.
    qInstallMessageHandler(lambda _kind, _context, message: None if "propagateSizeHints" in message
                           else sys.stderr.write(message + "\n"))
    for language in ("ja", "en"):
        written.append(save_main_window_screenshot(workspace, out / f"main-window-{language}.png", language))
    try:
        charts = save_analysis_charts(workspace, out, "ja")  # chart_shortfall.png, chart_map.png
    except Exception as exc:  # any failure: the charts are an extra, the report without them is still worth having
        print(f"note: no charts ({type(exc).__name__}: {' '.join(str(exc).split())})")
        charts = []
    written += [chart.path for chart in charts]
    try:
        report = out / "report.pdf"
        write_report(build_report_data(workspace, scope="all", charts=charts), report, language="ja")
        written.append(report)
    except DomainError as exc:  # e.g. no Japanese font installed
        print(f"note: no PDF report ({exc})")
    return written
