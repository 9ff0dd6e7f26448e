"""The Reports tab: preview on the worker, and Save writing PDF / XLSX / CSV that other tools read back."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile

import pytest
from PySide6.QtCore import Qt

from disastershare.ui.main_window import MainWindow

from .analysis_kit import loaded, scenario
from .conftest import add_need, stocked

WORKER_TIMEOUT = 60_000


@pytest.fixture
def reports(qtbot, app, workspace):
    stocked(workspace)
    add_need(workspace, "S-WATER", 5000)
    window = MainWindow(workspace, "en")
    qtbot.addWidget(window)
    window.show()
    window.tab_widget.setCurrentWidget(window.reports_tab)
    qtbot.waitExposed(window)
    return window.reports_tab


def save_and_wait(qtbot, tab, path) -> list:
    with qtbot.waitSignal(tab.controller.saved, timeout=WORKER_TIMEOUT) as saved:
        assert tab.save(path)
    return saved.args[0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_save_writes_a_pdf_with_the_municipality_name(qtbot, reports, tmp_path):
    written = save_and_wait(qtbot, reports, tmp_path / "report.pdf")
    assert written == [tmp_path / "report.pdf"]
    text = subprocess.run(["pdftotext", str(written[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "千代田区" in text
    assert "report.pdf" in reports.message_line.text() and not reports.message_line.refused
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_save_xlsx_and_csv_in_english_with_hxl(qtbot, reports, tmp_path):
    reports.language_combo.setCurrentIndex(reports.language_combo.findData("en"))
    [xlsx] = save_and_wait(qtbot, reports, tmp_path / "report.xlsx")
    with zipfile.ZipFile(xlsx) as book:
        assert "Stock" in book.read("xl/sharedStrings.xml").decode("utf-8")
    qtbot.mouseClick(reports.hxl_check, Qt.MouseButton.LeftButton)
    files = save_and_wait(qtbot, reports, tmp_path / "report.csv")
    stock = next(p for p in files if p.name == "report-stock.csv")
    lines = stock.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("#")  # the HXL row under the headers
    assert "Report saved as" in reports.message_line.text()


def test_a_bad_suffix_is_refused_in_one_line(qtbot, reports, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert not reports.save(out / "report.docx")
    assert reports.message_line.refused and "suffix" in reports.message_line.text()
    assert "\n" not in reports.message_line.text()
    assert not reports.runner.is_busy()
    assert list(out.iterdir()) == []


def test_preview_shows_the_report_tables(qtbot, reports):
    assert reports.model.rowCount() == 0
    assert "Preview" in reports.summary_label.text()
    with qtbot.waitSignal(reports.controller.previewed, timeout=WORKER_TIMEOUT):
        qtbot.mouseClick(reports.preview_button, Qt.MouseButton.LeftButton)
    # In the report's language, by default the window's
    assert reports.report_language() == "en"
    titles = [reports.table_combo.itemText(i) for i in range(reports.table_combo.count())]
    assert any(t.startswith("Stock (") for t in titles)
    reports.table_combo.setCurrentIndex(next(i for i, t in enumerate(titles) if t.startswith("Stock (")))
    model = reports.model
    assert model.rowCount() == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "On hand" in headers
    names = {model.index(r, headers.index("Resource")).data() for r in range(model.rowCount())}
    assert "Blankets" in names
    assert "千代田区" in reports.summary_label.text()
    # Switching the report language relabels the preview without gathering again
    reports.language_combo.setCurrentIndex(reports.language_combo.findData("ja"))
    assert "在庫数" in [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


@pytest.fixture
def analysed(qtbot, app, make_workspace, tmp_path, monkeypatch):
    """The Reports tab of a window on a workspace with shortfalls (analysis_kit), once its analysis is in."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # where the chart files go, to check
    (tmp_path / "tmp").mkdir()
    a, _b, _c = scenario(make_workspace, tmp_path)
    window = MainWindow(a, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    loaded(qtbot, window.analysis)
    window.tab_widget.setCurrentWidget(window.reports_tab)
    return window.reports_tab


@pytest.mark.skipif(shutil.which("pdfimages") is None or shutil.which("pdftoppm") is None,
                    reason="poppler-utils (pdfimages, pdftoppm) is not installed")
def test_a_pdf_holds_the_shortfall_chart_and_the_map(qtbot, analysed, tmp_path, artifacts):
    [pdf] = save_and_wait(qtbot, analysed, tmp_path / "charts.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listing.splitlines()[2:] if line.strip()]  # under the two header lines
    assert len(images) >= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Shortfall by resource type" in text
    assert "Map of shortfalls, surpluses and transfers" in text  # the map shows every resource: no one named
    assert "Map of shortfalls, surpluses and transfers: " not in text
    assert list((tmp_path / "tmp").iterdir()) == []  # the chart files went with the task
    # The page with the charts, for a human to look at
    page = images[0][0]
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", page, "-l", page, "-singlefile", str(pdf),
                    str(artifacts / "report-charts")], check=True)
    assert (artifacts / "report-charts.png").stat().st_size > 10_000


def test_preview_names_the_charts_the_pdf_will_hold(qtbot, analysed, tmp_path):
    with qtbot.waitSignal(analysed.controller.previewed, timeout=WORKER_TIMEOUT):
        assert analysed.preview()
    assert [c.path.name for c in analysed.data.charts] == ["chart_shortfall.png", "chart_map.png"]
    assert all(c.path.is_file() for c in analysed.data.charts)  # kept while the preview is shown
    assert "The PDF also holds: Shortfall by resource type" in analysed.summary_label.text()
    analysed.language_combo.setCurrentIndex(analysed.language_combo.findData("ja"))
    assert "資源別の不足" in analysed.summary_label.text()  # chart titles in the report's language
