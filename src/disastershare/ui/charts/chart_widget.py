"""What every chart shares: a white plot without pyqtgraph's English menus, a translated context menu, PNG export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QContextMenuEvent, QFont
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

AXIS_COLOUR = "#444444"
TEXT_COLOUR = "#202020"
EXPORT_WIDTH = 1600  # pixels: sharp enough for an A4 report page


class ChartWidget(pg.PlotWidget):
    """A PlotWidget with a right-click menu of our own (pyqtgraph's menus are English-only and too technical)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.plotItem.setMenuEnabled(False)
        self.plotItem.hideButtons()
        # The scene's own "Export..." action (pyqtgraph's English export dialog) is replaced by save_action.
        for action in self.scene().contextMenu:
            action.setParent(None)
        self.scene().contextMenu = []
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setTickFont(self.chart_font())
        # A chart made of several widgets (the bar chart and its scroll bar) exports and resets as a whole.
        self.reset_handler: Callable[[], None] | None = None
        self.export_handler: Callable[[Path], Path] | None = None
        self.save_action = QAction(self)
        self.save_action.setObjectName("saveChartAction")
        self.save_action.triggered.connect(self.save_with_dialog)
        self.view_all_action = QAction(self)
        self.view_all_action.setObjectName("viewAllAction")
        self.view_all_action.triggered.connect(self.reset_view)
        self.retranslate_menu()

    def chart_font(self, point_delta: float = 0.0, bold: bool = False) -> QFont:
        """The application font (a Japanese face when one is installed), so kanji in the chart match the UI."""
        font = QFont(self.font())
        if point_delta:
            font.setPointSizeF(max(font.pointSizeF() + point_delta, 6.0))
        font.setBold(bold)
        return font

    # -- menu ---------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_menu()
        super().changeEvent(event)

    def retranslate_menu(self) -> None:
        self.save_action.setText(self.tr("Save as PNG image…"))
        self.view_all_action.setText(self.tr("Show everything"))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.view_all_action)
        menu.addSeparator()
        menu.addAction(self.save_action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def save_with_dialog(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), "", self.tr("PNG images (*.png)"))
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        return (self.export_handler or self.export_png)(Path(path))

    # -- behaviour for subclasses ---------------------------------------------------------------------------
    def reset_view(self) -> None:
        if self.reset_handler is not None:
            self.reset_handler()
        else:
            self.plotItem.getViewBox().autoRange()

    def export_png(self, path: Path, width: int = EXPORT_WIDTH) -> Path:
        """Render the chart to a PNG `width` pixels wide, shown or not (a report can ask for any chart)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        exporter = ImageExporter(self.plotItem)
        exporter.parameters()["width"] = int(width)
        exporter.export(str(path))
        if not path.is_file() or path.stat().st_size == 0:
            raise OSError(f"cannot write the chart to {path}")
        return path
