"""The matching line of the analysis tab: what the transfer table shows (preview or optimum), progress, Cancel.

The optimum is said in plain words for the current resource ("毛布: 3件の移送で 500枚"); the tooltip lists every
resource the same way. Quantities are only added up within one resource: litres and blankets never mix.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from disastershare.ui.analysis_controller import AnalysisController
from disastershare.ui.analysis_data import ResourceTransfers, transfers_by_resource
from disastershare.ui.translations import current_language
from disastershare.ui.views.wrapping_label import WrappingLabel

PREVIEW_STYLE = "QLabel { color: #7a4f00; background: #fff3cd; border: 1px solid #f0d890; padding: 2px 6px; }"
EXACT_STYLE = "QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #b9dfbb; padding: 2px 6px; }"
PLAIN_STYLE = "QLabel { padding: 2px 6px; }"


class MatchingStatus(QWidget):
    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.state_label = WrappingLabel()  # wraps rather than widening the tab beyond a 1366-pixel laptop
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
        controller.resource_changed.connect(lambda _resource: self.refresh())
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
        self.state_label.setToolTip("")
        if plan is not None and plan.exact:
            self.state_label.setStyleSheet(EXACT_STYLE)
            self.state_label.setText(self._exact_text())
            self.state_label.setToolTip(self._exact_tooltip())
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

    # -- the optimum in words ------------------------------------------------------------------------------------
    def _exact_text(self) -> str:
        plan, data = self._controller.plan, self._controller.data
        assert plan is not None
        per_resource = transfers_by_resource(plan.flows)
        text = self.tr("Optimal plan: {count} transfers of {resources} resources; {unmet} shortfalls cannot be "
                       "filled.").format(count=len(plan.flows), resources=len(per_resource),
                                         unmet=len(plan.result.unmet))
        current = self._controller.resource
        if current is not None and data is not None:
            moved = per_resource.get(current)
            line = self.resource_text(moved) if moved is not None else self.tr(
                "{resource}: no transfer proposed.").format(resource=self._name(current))
            text = self.tr("{plan} {current}").format(plan=text, current=line)  # Japanese: no space after 。
        return text

    def _exact_tooltip(self) -> str:
        plan = self._controller.plan
        assert plan is not None
        lines = [self.resource_text(moved) for moved in sorted(
            transfers_by_resource(plan.flows).values(), key=lambda m: self._name(m.resource))]
        lines.append(self.tr("Total cost {cost:,.0f} (quantity × km × weight): the plan moves the most, then the "
                             "least cost.").format(cost=plan.result.total_cost))
        return "\n".join(lines)

    def resource_text(self, moved: ResourceTransfers) -> str:
        """'毛布: 3件の移送で 500枚' / 'Blankets: 500 枚 in 3 transfers'."""
        data = self._controller.data
        unit = data.unit(moved.resource) if data is not None else ""
        quantity = quantity_text(moved.quantity, unit)
        if moved.transfers == 1:
            return self.tr("{resource}: {quantity} in one transfer").format(
                resource=self._name(moved.resource), quantity=quantity)
        return self.tr("{resource}: {quantity} in {count} transfers").format(
            resource=self._name(moved.resource), quantity=quantity, count=moved.transfers)

    def _name(self, code: str) -> str:
        data = self._controller.data
        rtype = data.catalog.get(code) if data is not None else None
        return rtype.name(current_language()) if rtype is not None else code

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.rerun_button.setText(self.tr("Compute again"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def quantity_text(quantity: int, unit: str) -> str:
    """'500枚', '1,200 L': Japanese counters follow the number directly, Latin units after a space."""
    if not unit:
        return f"{quantity:,}"
    return f"{quantity:,}{unit}" if not unit[0].isascii() else f"{quantity:,} {unit}"
