"""A progress row (what is being done, a bar, Cancel) that follows a TaskRunner; hidden when idle."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.views.wrapping_label import WrappingLabel


class TaskProgress(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.label = WrappingLabel()  # in a narrow place (the drill panel) it wraps instead of widening the window
        self.bar = QProgressBar()
        self.bar.setObjectName("taskProgress")
        self.bar.setMinimumWidth(120)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelTaskButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(runner.cancel)
        self.cancel_button.clicked.connect(lambda: self.cancel_button.setEnabled(False))
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        runner.busy_changed.connect(lambda busy: self.setVisible(busy))
        self.retranslate()
        self.hide()

    def disable_while_busy(self, widgets: Sequence[QWidget]) -> None:
        """The buttons that start a task: one task at a time, so they wait while one runs."""
        def follow(busy: bool) -> None:
            for widget in widgets:
                widget.setEnabled(not busy)

        self._runner.busy_changed.connect(follow)

    def _started(self, label: str) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button.setEnabled(True)
        self.show()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done:,} / {total:,}")

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
