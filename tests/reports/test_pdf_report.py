"""The PDF, read back through poppler: Japanese text extracts correctly, tables paginate, drill marks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportkit import NOW, insert_mirrored, need_poppler, pdf_pages, pdf_text

from disastershare.core.reference_data import shipped_catalog
from disastershare.reports.fonts import ENV_VAR, FontNotFoundError
from disastershare.reports.model import Chart, ReportData
from disastershare.reports.output import write_report
from disastershare.reports.pdf_unicode import fix_to_unicode
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace


def _write(data: ReportData, path: Path, language: str = "ja") -> Path:
    write_report(data, path, language=language)
    return path


def test_text_holds_japanese_names_numbers_and_both_date_forms(drill_data: ReportData, tmp_path: Path) -> None:
    text = pdf_text(_write(drill_data, tmp_path / "report.pdf"))
    for expected in ("災害対応資源 連携調整報告", "熊本県 益城町", "熊本市", "福岡市", "八代市", "飲料水（保存水）",
                     "毛布", "保健師", "1,500", "1,300", "560", "2026年11月23日（令和8年11月23日）10:30 JST",
                     "要確認", "2026-12-31"):
        assert expected in text, expected
    # Qt alone would name shared glyphs by the lowest code point: ⼿ (Kangxi radical) for 手, a tab for a space.
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF or ch == "\t"]
    assert "p. 1 / " in text


def test_every_page_of_a_drill_report_is_marked_and_a_live_report_never(drill_data: ReportData, live_ws: Workspace,
                                                                       tmp_path: Path) -> None:
    drill = _write(drill_data, tmp_path / "drill.pdf")
    pages = pdf_pages(drill)
    for page in range(1, pages + 1):
        text = pdf_text(drill, page)
        assert "訓練 / DRILL" in text and f"p. {page} / {pages}" in text, page
    live = pdf_text(_write(build_report_data(live_ws, now=NOW), tmp_path / "live.pdf"))
    assert "訓練" not in live and "DRILL" not in live


def test_tables_paginate_with_repeated_headers_as_rows_grow(drill_ws: Workspace, tmp_path: Path) -> None:
    small = pdf_pages(_write(build_report_data(drill_ws, now=NOW), tmp_path / "small.pdf"))
    resources = [t.code for t in shipped_catalog() if t.kind.value != "staff"][:20]
    towns = [m.code for m in drill_ws.registry() if m.code.startswith("40") and not m.is_ward][:40]
    for n, town in enumerate(towns):
        insert_mirrored(drill_ws, town, [(r, 100 + n, 0) for r in resources])
    big_pdf = _write(build_report_data(drill_ws, now=NOW), tmp_path / "big.pdf")
    big = pdf_pages(big_pdf)
    assert big >= small + 10
    assert "（続き）" in pdf_text(big_pdf)  # a table continued on a new page says so in its caption
    stock_pages = [p for p in range(small, big + 1) if "品目" in pdf_text(big_pdf, p)]
    assert len(stock_pages) >= 10  # the header row is repeated on every page of the stock tables


def test_english_report(drill_data: ReportData, tmp_path: Path) -> None:
    text = pdf_text(_write(drill_data, tmp_path / "en.pdf", language="en"))
    for expected in ("Disaster-response resources: coordination report", "Drinking water", "Blankets", "Stock",
                     "2026-11-23 10:30 JST", "(令和8年11月23日, Reiwa 8)", "Stale", "熊本市"):
        assert expected in text, expected


def test_charts_are_embedded_as_images(drill_ws: Workspace, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from disastershare.reports.pdf_fonts import ensure_gui_application

    ensure_gui_application()
    image = QImage(600, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#3060a0"))
    assert image.save(str(tmp_path / "bars.png"))
    charts = [Chart(tmp_path / "bars.png", "不足の棒グラフ", "Shortfall bars"),
              Chart(tmp_path / "missing.png", "地図", "Map")]
    pdf = _write(build_report_data(drill_ws, now=NOW, charts=charts), tmp_path / "charts.pdf")
    text = pdf_text(pdf)
    assert "不足の棒グラフ" in text and "図を読み込めません: missing.png" in text
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
        assert "600   300" in listing


def test_first_page_rendered_for_a_human_to_look_at(drill_data: ReportData, tmp_path: Path,
                                                    artifacts_dir: Path) -> None:
    need_poppler()
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    pdf = _write(drill_data, tmp_path / "report.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
                    str(artifacts_dir / "report-drill")], check=True)
    first = sorted(artifacts_dir.glob("report-drill-*1.png"))
    assert first and first[0].stat().st_size > 10_000


def test_no_japanese_font_is_a_clear_refusal_and_nothing_is_written(drill_data: ReportData, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-such-font.ttf"))
    with pytest.raises(FontNotFoundError, match="no-such-font.ttf"):
        write_report(drill_data, tmp_path / "report.pdf")
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []


def test_to_unicode_repair_keeps_the_length_and_fixes_only_what_was_wrongly_named() -> None:
    cmap = (b"stream\nbegincmap\n3 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<5CA9> <2F3F> <0009> ]\n"
            b"<0004> <0004> <2F49>\nendbfrange\n1 beginbfchar\n<0005> <2027>\nendbfchar\nendcmap\nendstream")
    fixed = fix_to_unicode(cmap, {0x2F3F: 0x624B, 0x09: 0x20, 0x2F49: 0x6708, 0x2027: 0x30FB})
    assert len(fixed) == len(cmap)
    assert b"[<5CA9> <624B> <0020> ]" in fixed and b"<0004> <0004> <6708>" in fixed and b"<0005> <30FB>" in fixed


def test_painting_gives_back_every_reference_to_none_pyside_takes(drill_data: ReportData, tmp_path: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 steals a reference to None per void Qt call, so a big report aborts
    the interpreter ("deallocating None"); pyproject pins PySide6 below 6.12. This guards the pin."""
    import gc

    write_report(drill_data, tmp_path / "warm.pdf")  # first run fills caches that legitimately hold None
    gc.collect()
    before = sys.getrefcount(None)
    write_report(drill_data, tmp_path / "again.pdf")
    gc.collect()
    assert sys.getrefcount(None) >= before


def test_renderers_need_only_report_data_and_empty_sections_say_none(tmp_path: Path) -> None:
    from datetime import timedelta

    from openpyxl import load_workbook

    from disastershare.reports.model import JST, Place, ReportMeta

    meta = ReportMeta(subject=Place("434434", "益城町", "熊本県"), scope="prefecture",
                      generated_at=NOW.astimezone(JST), drill=False, workspace="(none)", app_version="test",
                      partners=(), stale_after=timedelta(hours=24))
    empty = ReportData(meta)
    text = pdf_text(_write(empty, tmp_path / "empty.pdf"))
    assert text.count("なし") >= 5 and "熊本県（1 団体）" in text  # prefecture scope names the prefecture
    write_report(empty, tmp_path / "empty.xlsx", language="en")
    stock = load_workbook(tmp_path / "empty.xlsx")["Stock"]
    assert stock.max_row == 1 and stock["A1"].value == "Code"
