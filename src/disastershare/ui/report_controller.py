"""Build and write the coordination report on the Reports tab's TaskRunner.

The PDF's Japanese font is registered here, on the GUI thread, before the worker paints with it (Qt's font
database belongs to the GUI thread); a missing font is refused at once with the finder's one-line reason.
Charts are widgets, which paint only on the GUI thread too: they are rendered to PNG files in a temporary
folder before the worker starts, and the worker's PDF embeds the files.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from disastershare.reports import pdf_fonts
from disastershare.reports.fonts import find_japanese_font
from disastershare.reports.model import Chart, ReportData
from disastershare.reports.output import check_target, write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace
from disastershare.ui.task_runner import Done, TaskRunner
from disastershare.ui.workers import ProgressGenerator

log = logging.getLogger(__name__)

# Renders charts as PNG files into the folder it is given (on the GUI thread); [] when there are none to show.
ChartSource = Callable[[Path], Sequence[Chart]]


class ReportController(QObject):
    previewed = Signal(object)  # ReportData
    saved = Signal(object)  # list[Path], the files written

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QObject | None = None,
                 charts: ChartSource | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.runner = runner
        self.chart_source = charts
        # The chart files of the task running now, and those of the preview shown (its ReportData names them).
        self._task_charts: tempfile.TemporaryDirectory | None = None
        self._preview_charts: tempfile.TemporaryDirectory | None = None
        for ended in (runner.finished, runner.failed, runner.cancelled):
            ended.connect(self._task_ended)

    def _configured_font(self) -> str | None:
        return self._workspace.settings().get("report_font")

    def preview(self, label: str, scope: str) -> bool:
        """The report's figures, and the charts a PDF would hold now."""
        workspace = self._workspace
        charts, folder = self._render_charts()

        def build() -> ProgressGenerator:
            yield 0, 1
            data = build_report_data(workspace, scope=scope, charts=charts)
            yield 1, 1
            return data

        def done(data: object) -> None:
            assert isinstance(data, ReportData)
            self._keep_for_preview(folder)
            self.previewed.emit(data)

        return self._start(label, build, done, folder)

    def save(self, label: str, path: Path, scope: str, language: str, hxl: bool) -> bool:
        """Raises DomainError (nothing started, nothing written) for a bad suffix or folder, or no font."""
        path = Path(path)
        suffix = check_target(path)
        configured = self._configured_font()
        charts: list[Chart] = []
        folder = None
        if suffix == ".pdf":
            pdf_fonts.register(find_japanese_font(None, configured))
            charts, folder = self._render_charts()  # the workbook and CSV files hold tables only
        workspace = self._workspace

        def write() -> ProgressGenerator:
            yield 0, 2
            data = build_report_data(workspace, scope=scope, charts=charts)
            yield 1, 2
            written = write_report(data, path, language=language, hxl=hxl, configured_font=configured)
            yield 2, 2
            return written

        def done(written: object) -> None:
            assert isinstance(written, list)
            self.saved.emit(written)

        return self._start(label, write, done, folder)

    # -- chart files ------------------------------------------------------------------------------------------
    def _render_charts(self) -> tuple[list[Chart], tempfile.TemporaryDirectory | None]:
        """The source's charts in a new temporary folder. A chart that cannot be drawn costs the report its
        charts, not the report: it is logged and the figures are written without them."""
        if self.chart_source is None:
            return [], None
        folder = tempfile.TemporaryDirectory(prefix="disastershare-charts-")
        try:
            charts = list(self.chart_source(Path(folder.name)))
        except (OSError, ValueError, RuntimeError) as exc:
            log.warning("report without charts: %s", exc)
            folder.cleanup()
            return [], None
        return charts, folder

    def _start(self, label: str, work: Callable[[], ProgressGenerator], done: Done,
               folder: tempfile.TemporaryDirectory | None) -> bool:
        started = self.runner.start(label, work, done)
        if not started:
            if folder is not None:
                folder.cleanup()
        else:
            self._task_charts = folder
        return started

    def _keep_for_preview(self, folder: tempfile.TemporaryDirectory | None) -> None:
        if self._preview_charts is not None and self._preview_charts is not folder:
            self._preview_charts.cleanup()
        self._preview_charts = folder

    def _task_ended(self, *_outcome: object) -> None:
        # After the task's own `done`: a preview has kept its folder by then; any other is no longer read.
        folder, self._task_charts = self._task_charts, None
        if folder is not None and folder is not self._preview_charts:
            folder.cleanup()
