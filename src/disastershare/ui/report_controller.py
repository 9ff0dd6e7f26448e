"""Build and write the coordination report on the Reports tab's TaskRunner.

The PDF's Japanese font is registered here, on the GUI thread, before the worker paints with it (Qt's font
database belongs to the GUI thread); a missing font is refused at once with the finder's one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from disastershare.reports import pdf_fonts
from disastershare.reports.fonts import find_japanese_font
from disastershare.reports.model import ReportData
from disastershare.reports.output import check_target, write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.workers import ProgressGenerator


class ReportController(QObject):
    previewed = Signal(object)  # ReportData
    saved = Signal(object)  # list[Path], the files written

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.runner = runner

    def _configured_font(self) -> str | None:
        return self._workspace.settings().get("report_font")

    def preview(self, label: str, scope: str) -> bool:
        workspace = self._workspace

        def build() -> ProgressGenerator:
            yield 0, 1
            data = build_report_data(workspace, scope=scope)
            yield 1, 1
            return data

        def done(data: object) -> None:
            assert isinstance(data, ReportData)
            self.previewed.emit(data)

        return self.runner.start(label, build, done)

    def save(self, label: str, path: Path, scope: str, language: str, hxl: bool) -> bool:
        """Raises DomainError (nothing started, nothing written) for a bad suffix or folder, or no font."""
        path = Path(path)
        suffix = check_target(path)
        configured = self._configured_font()
        if suffix == ".pdf":
            pdf_fonts.register(find_japanese_font(None, configured))
        workspace = self._workspace

        def write() -> ProgressGenerator:
            yield 0, 2
            data = build_report_data(workspace, scope=scope)
            yield 1, 2
            written = write_report(data, path, language=language, hxl=hxl, configured_font=configured)
            yield 2, 2
            return written

        def done(written: object) -> None:
            assert isinstance(written, list)
            self.saved.emit(written)

        return self.runner.start(label, write, done)
