"""The facilitator's panel beside the tabs of a scenario drill: clock, next inject, timeline and the buttons."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.drill.clock import MAX_ADVANCE_MINUTES, Advanced
from disastershare.drill.state import DrillEvent
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.drill_controller import DebriefExport, DrillController
from disastershare.ui.drill_labels import clock_text, hazard_label, need_text, place_name, scenario_name
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.views.message_line import MessageLine
from disastershare.ui.views.task_progress import TaskProgress

CLOCK_STYLE = "QLabel { font-size: 26px; font-weight: bold; color: #b71c1c; }"
NEXT_STYLE = "QLabel { background: #fff8e1; border: 1px solid #ffe082; padding: 6px 8px; }"
DEFAULT_STEP_MINUTES = 30
# Beside the tabs on a 1366-pixel laptop: the panel may shrink to MIN_WIDTH (its texts wrap), and starts at
# PANEL_WIDTH, where the timeline still wraps readably and the tabs keep most of their columns.
MIN_WIDTH = 230
PANEL_WIDTH = 300
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # the event's kind (started, inject, advance, reset)


class DrillPanel(QWidget):
    message = Signal(str)  # for the status bar
    data_changed = Signal()  # needs (own, and partners' through their snapshots) changed: reload every tab
    drill_reset = Signal()  # every database was replaced: undo steps no longer describe it

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillPanel")
        self.setMinimumWidth(MIN_WIDTH)
        self._workspace = workspace
        self.runner = TaskRunner(self)
        self.controller = DrillController(workspace, self.runner, self)
        self.clock_minutes: int | None = None
        self.reset_box: QMessageBox | None = None
        self.reset_confirm_button: QPushButton | None = None

        self.name_label = QLabel()
        self.name_label.setObjectName("drillScenarioName")
        self.name_label.setWordWrap(True)
        self.name_label.setStyleSheet(styles.HEADLINE)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setStyleSheet(styles.HELP_TEXT)
        self.clock_box = QGroupBox()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("drillClock")
        self.clock_label.setStyleSheet(CLOCK_STYLE)
        self.next_caption = QLabel()
        self.next_caption.setStyleSheet(styles.SECTION)
        self.next_label = QLabel()
        self.next_label.setObjectName("drillNextInject")
        self.next_label.setWordWrap(True)
        self.next_label.setStyleSheet(NEXT_STYLE)
        self.next_button = QPushButton()
        self.next_button.setObjectName("advanceNextButton")
        self.advance_by_button = QPushButton()
        self.advance_by_button.setObjectName("advanceByButton")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("advanceMinutes")
        self.minutes_spin.setRange(1, MAX_ADVANCE_MINUTES)
        self.minutes_spin.setValue(DEFAULT_STEP_MINUTES)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.progress = TaskProgress(self.runner)
        self.progress.cancel_button.hide()  # advancing, resetting and exporting cannot stop halfway
        self.message_line = MessageLine()
        self.message_line.setObjectName("drillMessage")
        self.timeline_label = QLabel()
        self.timeline_label.setStyleSheet(styles.SECTION)
        self.timeline = QListWidget()
        self.timeline.setObjectName("drillTimeline")
        self.timeline.setWordWrap(True)
        self.timeline.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setAlternatingRowColors(True)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetDrillButton")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportDebriefButton")
        self._layout()

        self.next_button.clicked.connect(self.advance_to_next)
        self.advance_by_button.clicked.connect(self.advance_by)
        self.reset_button.clicked.connect(self.confirm_reset)
        self.export_button.clicked.connect(lambda: self.export_debriefing())
        self.controller.advanced.connect(self._advanced)
        self.controller.was_reset.connect(self._was_reset)
        self.controller.exported.connect(self._exported)
        self.runner.failed.connect(lambda reason: self._error(self.tr("Not done: {reason}").format(reason=reason)))
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.retranslate()

    def _layout(self) -> None:
        clock = QGridLayout(self.clock_box)
        clock.addWidget(self.clock_label, 0, 0, 1, 3)
        clock.addWidget(self.next_caption, 1, 0, 1, 3)
        clock.addWidget(self.next_label, 2, 0, 1, 3)
        clock.addWidget(self.next_button, 3, 0, 1, 3)
        clock.addWidget(self.advance_by_button, 4, 0)
        clock.addWidget(self.minutes_spin, 4, 1)
        clock.setColumnStretch(2, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.clock_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_line)
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(bottom)

    # -- data ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Clock, next inject and timeline from drill/state.json (after every drill step and language change)."""
        try:
            state, scenario = self.controller.state(), self.controller.scenario()
        except DomainError as exc:
            self._error(self.tr("The drill's state cannot be read: {reason}").format(reason=exception_reason(exc)))
            return
        self.clock_minutes = state.clock_minutes
        self.name_label.setText(scenario_name(scenario))
        registry = self._workspace.registry()
        self.facts_label.setText(self.tr("{hazard} · host {host} · {partners} simulated partners").format(
            hazard=hazard_label(scenario.hazard), host=place_name(registry, scenario.host),
            partners=len(scenario.partners)))
        self.clock_label.setText(clock_text(state.clock_minutes))
        upcoming = self.controller.next_inject(state.clock_minutes)
        if upcoming is None:
            self.next_label.setText(self.tr("No injects left. The clock can still be advanced by minutes."))
        else:
            self.next_label.setText(_with_clock(upcoming.at_minutes, upcoming.text))
        self._fill_timeline(state.events, scenario_name(scenario))
        self._update_buttons()

    def _fill_timeline(self, events: list[DrillEvent], name: str) -> None:
        registry, catalog = self._workspace.registry(), self._workspace.catalog()
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.timeline.clear()
        for event in events:
            lines = [_with_clock(event.clock_minutes, self._event_text(event, name))]
            lines += [self.tr("  • {need}").format(need=need_text(n, registry, catalog)) for n in event.needs]
            item = QListWidgetItem("\n".join(lines))
            item.setData(KIND_ROLE, event.kind)
            item.setToolTip(_local_time(event.at))
            if event.kind == "inject":
                font = QFont(self.timeline.font())
                font.setBold(True)
                item.setFont(font)
            elif event.kind in ("advance", "started"):
                item.setForeground(quiet)
            self.timeline.addItem(item)
        self.timeline.scrollToBottom()

    def _event_text(self, event: DrillEvent, name: str) -> str:
        # The drill log's own texts are English notes for the debriefing file; here they are said in the UI language.
        if event.kind == "started":
            return self.tr("Drill started: {name}").format(name=name)
        if event.kind == "advance":
            return self.tr("Clock advanced to {clock}").format(clock=clock_text(event.clock_minutes))
        if event.kind == "reset":
            return self.tr("Reset: every database back to T+0")
        return event.text

    def _update_buttons(self) -> None:
        idle = not self.runner.is_busy()
        has_next = self.clock_minutes is not None and self.controller.next_inject(self.clock_minutes) is not None
        self.next_button.setEnabled(idle and has_next)
        for widget in (self.advance_by_button, self.minutes_spin, self.reset_button, self.export_button):
            widget.setEnabled(idle)

    # -- actions ------------------------------------------------------------------------------------------------
    def advance_to_next(self) -> bool:
        return self._start(self.controller.advance(self.tr("Advancing the clock…")))

    def advance_by(self) -> bool:
        return self._start(self.controller.advance(self.tr("Advancing the clock…"), self.minutes_spin.value()))

    def confirm_reset(self) -> QMessageBox:
        """Ask first (window-modal, not blocking): a reset replaces every database of the drill."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reset the drill"), self.tr(
            "Reset the drill to T+0? This workspace and the {partners} simulated partners go back to their "
            "databases at the start; everything done since then is replaced (a safety copy of each is kept). "
            "The timeline keeps what happened.").format(partners=len(self.controller.scenario().partners)),
            QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("resetDrillConfirmation")
        confirm = box.addButton(self.tr("Reset to T+0"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirmResetButton")
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))  # Enter must not reset
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm.clicked.connect(self.reset_now)
        self.reset_confirm_button = confirm
        box.open()
        self.reset_box = box
        return box

    def reset_now(self) -> bool:
        return self._start(self.controller.reset(self.tr("Resetting every database of the drill…")))

    def export_debriefing(self, target: Path | None = None) -> bool:
        """Write the debriefing zip to `target` (asks for it when None)."""
        if target is None:
            suggested = self._workspace.outbox / f"drill-log-{datetime.now():%Y%m%d-%H%M}.zip"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the drill log for the debriefing"),
                                                    str(suggested), self.tr("Zip files (*.zip)"))
            if not chosen:
                return False
            target = Path(chosen)
        return self._start(self.controller.export(self.tr("Writing the drill log…"), target))

    def _start(self, started: bool) -> bool:
        if started:
            self.message_line.clear_message()
        else:
            self._error(self.tr("Wait until the running drill step has finished."))
        return started

    # -- outcomes -----------------------------------------------------------------------------------------------
    def _advanced(self, done: Advanced) -> None:
        self.refresh()
        clocks = {"start": clock_text(done.from_minutes), "end": clock_text(done.to_minutes)}
        if done.injects:
            needs = sum(len(i.needs) for i in done.injects)
            text = self.tr("Clock {start} → {end}. Injects applied: {injects}; new needs: {needs}.").format(
                injects=len(done.injects), needs=needs, **clocks)
        else:
            text = self.tr("Clock {start} → {end}: no injects were due.").format(**clocks)
        self._info(text)
        self.data_changed.emit()

    def _was_reset(self) -> None:
        self.refresh()
        self._info(self.tr("The drill is back at T+0."))
        self.drill_reset.emit()
        self.data_changed.emit()

    def _exported(self, export: DebriefExport) -> None:
        if export.report_included:
            self._info(self.tr("Drill log written with the PDF report: {path}").format(path=export.path))
        else:
            self._info(self.tr("Drill log written without the PDF report ({reason}): {path}").format(
                reason=export.report_note, path=export.path))

    def _info(self, text: str) -> None:
        self.message_line.show_info(text)
        self.message.emit(text)

    def _error(self, text: str) -> None:
        self.message_line.show_error(text)
        self.message.emit(text)

    # -- texts --------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.clock_box.setTitle(self.tr("Drill clock"))
        self.next_caption.setText(self.tr("Next inject"))
        self.next_button.setText(self.tr("Advance to the next inject"))
        self.advance_by_button.setText(self.tr("Advance by"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.timeline_label.setText(self.tr("Timeline"))
        self.reset_button.setText(self.tr("Reset to T+0…"))
        self.export_button.setText(self.tr("Export debriefing…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def beside_tabs(tabs: QWidget, panel: DrillPanel) -> QSplitter:
    """The panel right of the tabs, so the clock stays in view whichever tab is open (the width is adjustable)."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("drillSplitter")
    splitter.addWidget(tabs)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 1)
    splitter.setCollapsible(0, False)
    splitter.setCollapsible(1, False)
    splitter.setSizes([max(tabs.sizeHint().width(), 800), PANEL_WIDTH])
    return splitter


def _with_clock(minutes: int, text: str) -> str:
    # Scenario authors usually start an inject's text with its time ("T+30分 ..."): not said twice.
    return text if text.startswith("T+") else f"{clock_text(minutes)}   {text}"


def _local_time(at: str) -> str:
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at
