"""The Partners tab: own key card, trusted partners with their data age, and what their last snapshot changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from disastershare.core.errors import DomainError
from disastershare.store.workspace import Workspace
from disastershare.sync.history import last_changes
from disastershare.sync.keycard import KEYCARD_SUFFIX, KeyCard, own_keycard, write_keycard
from disastershare.sync.partners import Partner, list_partners, set_enabled
from disastershare.ui import styles
from disastershare.ui.dialogs.add_partner_dialog import AddPartnerDialog
from disastershare.ui.dialogs.replace_key_dialog import ReplaceKeyDialog
from disastershare.ui.models.partner_table_model import PartnerTableModel
from disastershare.ui.models.resource_changes_table_model import ResourceChangesTableModel
from disastershare.ui.models.sort_proxy import SortRoleProxy
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.sync_labels import age_text
from disastershare.ui.views.key_card_view import KeyCardView
from disastershare.ui.views.tab_page import TabPage
from disastershare.ui.views.table_selection import select_source_row, selected_source_row
from disastershare.ui.views.table_views import fit_columns, read_only_table

TITLE = QT_TRANSLATE_NOOP("Tabs", "Partners")
OWN_CAPTION = QT_TRANSLATE_NOOP("KeyCardView", "Your key fingerprint (partners compare it by phone):")
NO_KEY_CAPTION = QT_TRANSLATE_NOOP("KeyCardView", "This workspace has no signing key.")


class PartnersTab(TabPage):
    TITLE = TITLE
    partners_changed = Signal()

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__("partnersTab", "partnersMessage", parent)
        self._workspace = workspace
        self._own_card: KeyCard | None = None
        self.model = PartnerTableModel(self)
        self.proxy = SortRoleProxy(self)
        self.proxy.setSourceModel(self.model)
        self.changes_model = ResourceChangesTableModel(workspace.catalog(), language, self)

        self.own_box = QGroupBox()
        self.own_card_view = KeyCardView()
        self.export_card_button = QPushButton()
        self.export_card_button.setObjectName("exportKeycardButton")
        own_layout = QHBoxLayout(self.own_box)
        own_layout.addWidget(self.own_card_view, 1)
        own_layout.addWidget(self.export_card_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.view = read_only_table("partnerTable", self.proxy, sortable=True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPartnerButton")
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("togglePartnerButton")
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("replaceKeyButton")
        self.count_label = QLabel()
        self.changes_label = QLabel()
        self.changes_label.setObjectName("changesLabel")
        self.changes_label.setStyleSheet(styles.SECTION)
        self.changes_label.setWordWrap(True)
        self.changes_view = read_only_table("changesTable", self.changes_model, stretch_last=False)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.replace_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.changes_label)
        bottom_layout.addWidget(self.changes_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(self.own_box)
        layout.addWidget(self.message_line)
        layout.addWidget(self.splitter, 1)

        self.export_card_button.clicked.connect(lambda: self.export_keycard())
        self.add_button.clicked.connect(self.open_add_dialog)
        self.toggle_button.clicked.connect(self.toggle_enabled)
        self.replace_button.clicked.connect(self.open_replace_dialog)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate()
        self.reload()

    # -- data ---------------------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected_partner()
        self.model.set_partners(list_partners(self._workspace))
        fit_columns(self.view)
        try:
            self._own_card = own_keycard(self._workspace)
        except DomainError:
            self._own_card = None  # a workspace made without keys (tests, an interrupted first start)
        self._show_own_card()
        self._update_count()
        if selected is not None:
            self.select_partner(selected.code)
        self._selection_changed()

    def _show_own_card(self) -> None:
        card = self._own_card
        self.export_card_button.setEnabled(card is not None)
        if card is None:
            own = self._workspace.own_municipality()
            self.own_card_view.set_card(own.code, f"{own.prefecture}{own.name}", "", NO_KEY_CAPTION)
        else:
            self.own_card_view.set_card(card.municipality, card.display_name, card.fingerprint, OWN_CAPTION)

    def selected_partner(self) -> Partner | None:
        row = selected_source_row(self.view, self.proxy)
        return None if row is None else self.model.partner(row)

    def select_partner(self, code: str) -> None:
        select_source_row(self.view, self.proxy, self.model.row_of(code))

    def set_language(self, language: str) -> None:
        self.changes_model.set_language(language)

    # -- actions ------------------------------------------------------------------------------------------
    def export_keycard(self, path: Path | None = None) -> Path | None:
        """Write the own key card (asks where unless `path` is given); the fingerprint is shown above."""
        if self._own_card is None:
            return None
        if path is None:
            suggested = Path.home() / f"{self._own_card.municipality}{KEYCARD_SUFFIX}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save your key card"), str(suggested),
                                                    self.tr("Key cards (*{suffix})").format(suffix=KEYCARD_SUFFIX))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = write_keycard(self._own_card, path)
        except DomainError as exc:
            self.show_error(self.tr("The key card was not saved: {reason}").format(reason=exception_reason(exc)))
            return None
        self.show_info(self.tr("Key card saved to {path}. Give it to your partners; they compare the fingerprint "
                           "with you by phone.").format(path=written))
        return written

    def open_add_dialog(self) -> AddPartnerDialog:
        dialog = AddPartnerDialog(self._workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._partner_added)
        dialog.open()
        return dialog

    def _partner_added(self, partner: Partner) -> None:
        self.reload()
        self.select_partner(partner.code)
        self.show_info(self.tr("Partner added: {code} {name}.").format(code=partner.code, name=partner.name))
        self.partners_changed.emit()

    def toggle_enabled(self) -> None:
        partner = self.selected_partner()
        if partner is None:
            return
        try:
            changed = set_enabled(self._workspace, partner.code, not partner.enabled)
        except DomainError as exc:
            self.show_error(exception_reason(exc))
            return
        self.reload()
        text = (self.tr("{name}'s snapshots are accepted again.") if changed.enabled else
                self.tr("{name}'s snapshots are refused from now on; the data already received stays."))
        self.show_info(text.format(name=changed.name))
        self.partners_changed.emit()

    def open_replace_dialog(self) -> ReplaceKeyDialog | None:
        partner = self.selected_partner()
        if partner is None:
            return None
        dialog = ReplaceKeyDialog(self._workspace, partner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.replaced.connect(self._key_replaced)
        dialog.open()
        return dialog

    def _key_replaced(self, partner: Partner) -> None:
        self.reload()
        self.show_info(self.tr("The key of {name} was replaced; snapshots signed with the old key are refused from "
                           "now on.").format(name=partner.name))
        self.partners_changed.emit()

    # -- selection ------------------------------------------------------------------------------------------
    def _selection_changed(self, *_args) -> None:
        partner = self.selected_partner()
        self.toggle_button.setEnabled(partner is not None)
        self.replace_button.setEnabled(partner is not None)
        self._update_toggle_text(partner)
        self.show_changes(partner)

    def show_changes(self, partner: Partner | None) -> None:
        """What the last applied snapshot of `partner` added, changed and removed, per resource."""
        if partner is None:
            self.changes_model.set_changes([])
            self.changes_label.setText(self.tr("Select a partner to see what its last snapshot changed."))
            return
        self._workspace.invalidate_catalog()  # a snapshot may have brought the partner's local types
        self.changes_model.set_changes(last_changes(self._workspace, partner.code), self._workspace.catalog())
        fit_columns(self.changes_view)
        if partner.last_sequence is None:
            self.changes_label.setText(self.tr("No snapshot from {name} has been applied yet.").format(
                name=partner.name))
        else:
            self.changes_label.setText(self.tr(
                "Last snapshot from {name}: number {sequence}, made {age}. What it changed:").format(
                name=partner.name, sequence=partner.last_sequence, age=age_text(partner.age())))

    def _update_toggle_text(self, partner: Partner | None) -> None:
        enabled = partner is None or partner.enabled
        self.toggle_button.setText(self.tr("Disable") if enabled else self.tr("Enable"))

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.own_box.setTitle(self.tr("Your key card"))
        self.export_card_button.setText(self.tr("Export my key card…"))
        self.add_button.setText(self.tr("Add partner…"))
        self.replace_button.setText(self.tr("Replace key…"))
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Partners: {count}").format(count=self.model.rowCount()))
