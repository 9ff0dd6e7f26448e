"""`demo --headless`: every file it writes is named, and the report holds the Shortfalls tab's charts."""

from __future__ import annotations

import shutil
import subprocess

from disastershare.demo import build_demo
from disastershare.demo_headless import run_headless_demo
from disastershare.ui import screenshot

from .conftest import add_need, stocked


def test_the_demo_writes_the_charts_and_puts_them_in_the_report(app, tmp_path, capsys):
    workspace = build_demo(tmp_path / "demo")
    try:
        written = run_headless_demo(workspace)
    finally:
        workspace.close()
    out = tmp_path / "demo" / "outbox" / "demo"
    assert [p.name for p in written] == ["inventory.csv", "inventory.xlsx", "main-window-ja.png", "main-window-en.png",
                                         "chart_shortfall.png", "chart_map.png", "report.pdf"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in written)
    assert "note:" not in capsys.readouterr().out
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(out / "report.pdf")], capture_output=True, text=True,
                                 check=True).stdout
        assert len([line for line in listing.splitlines()[2:] if line.strip()]) >= 2


def test_charts_that_cannot_be_drawn_cost_one_note_not_the_report(app, workspace, monkeypatch, capsys):
    stocked(workspace)
    add_need(workspace, "S-WATER", 5000)

    def broken(*_args, **_kwargs):
        raise RuntimeError("no plan\nat all")

    monkeypatch.setattr(screenshot, "save_analysis_charts", broken)
    written = run_headless_demo(workspace)
    notes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("note:")]
    assert notes == ["note: no charts (RuntimeError: no plan at all)"]
    assert [p.name for p in written][-1] == "report.pdf"
    assert not any(p.name.startswith("chart_") for p in written)

