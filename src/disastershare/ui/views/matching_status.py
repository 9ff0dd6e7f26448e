"""The matching line of the analysis tab: what the transfer table shows (preview or optimum), progress, Cancel."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from disastershare.ui.analysis_controller import AnalysisController

PREVIEW_STYLE = "QLabel { color: #7a4f00; background: #fff3cd; border: 1px solid #f0d890; padding: 2px 6px; }"
EXACT_STYLE = "QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #b9dfbb; padding: 2px 6px; }"
PLAIN_STYLE = "QLabel { padding: 2px 6px; }"


class MatchingStatus(QWidget):
    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.state_label = QLabel()
        self.state_label.setObjectName("planStateLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("matchingProgress")
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelMatchingButton")
        self.rerun_button = QPushButton()
        self.rerun_button.setObjectName("rerunMatchingButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.rerun_button)
        self.cancel_button.clicked.connect(controller.cancel_matching)
        self.rerun_button.clicked.connect(controller.start_matching)
        controller.matching_started.connect(self._started)
        controller.matching_progress.connect(self._progress)
        controller.matching_finished.connect(self.refresh)
        controller.matching_stopped.connect(self._stopped)
        controller.plan_changed.connect(self.refresh)
        self._stop_reason: str | None = None
        self.retranslate()

    def _started(self) -> None:
        self._stop_reason = None
        self.progress.setRange(0, 0)  # busy until the first step is reported
        self.refresh()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} / {total:,}")

    def _stopped(self, reason: str) -> None:
        self._stop_reason = reason
        self.refresh()

    def refresh(self) -> None:
        controller = self._controller
        running = controller.running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.rerun_button.setVisible(not running)
        plan = controller.plan
        if plan is not None and plan.exact:
            flows = plan.flows
            self.state_label.setStyleSheet(EXACT_STYLE)
            self.state_label.setText(self.tr(
                "Optimal plan: {count} transfers, {moved:,} units moved, total cost {cost:,.0f} (quantity × km × "
                "weight), {unmet} shortfalls left unmet").format(
                count=len(flows), moved=sum(f.quantity for f in flows), cost=plan.result.total_cost,
                unmet=len(plan.result.unmet)))
        elif plan is not None:
            self.state_label.setStyleSheet(PREVIEW_STYLE)
            text = self.tr("Provisional (greedy) — the optimal plan is being computed")
            if self._stop_reason is not None:
                text = self.tr("Provisional (greedy) — the optimal plan was not computed")
            self.state_label.setText(text)
        else:
            self.state_label.setStyleSheet(PLAIN_STYLE)
            self.state_label.setText(self.tr("Computing the optimal transfers…") if running
                                     else self.tr("No transfers proposed."))
        if self._stop_reason and not running:
            self.state_label.setText(self.state_label.text() + " — " + self.tr("Failed: {reason}").format(
                reason=self._stop_reason))
        elif self._stop_reason == "" and not running and (plan is None or not plan.exact):
            self.state_label.setText(self.state_label.text() + " — " + self.tr("Cancelled."))

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.rerun_button.setText(self.tr("Compute again"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
