"""The row above each table: kind, category and free-text filters, and the partners' data switch."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from disastershare.core.catalog import Catalog, ResourceKind
from disastershare.ui.labels import category_label, value_label
from disastershare.ui.models.record_filter_proxy import RecordFilterProxy
from disastershare.ui.views.elided_combo import ElidedComboBox

CATEGORY_CHARS = 11
SEARCH_MIN_WIDTH = 150  # the placeholder is elided below its width; typed words still fit


class FilterBar(QWidget):
    partners_toggled = Signal(bool)

    def __init__(self, proxy: RecordFilterProxy, kinds: Sequence[ResourceKind], catalog: Catalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._kinds = list(kinds)
        self._categories: list[str] = []
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindFilter")
        # A few short entries: as wide as they are in the language shown (re-fitted after a language switch).
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_label = QLabel()
        self.category_combo = ElidedComboBox()
        self.category_combo.setObjectName("categoryFilter")
        # Not as wide as the longest category ("Power, fuel and lighting"): the bar must fit a 1366-pixel
        # laptop beside the drill panel. A long name is elided when closed; the list shows it whole.
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_combo.setMinimumContentsLength(CATEGORY_CHARS)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchFilter")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.partners_check = QCheckBox()
        self.partners_check.setObjectName("showPartners")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One kind only (staff): a kind filter would offer nothing to choose.
        single_kind = len(self._kinds) < 2
        for widget in (self.kind_label, self.kind_combo):
            widget.setVisible(not single_kind)
            layout.addWidget(widget)
        layout.addWidget(self.category_label)
        layout.addWidget(self.category_combo)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.partners_check)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.search_edit.textChanged.connect(proxy.set_text)
        self.partners_check.toggled.connect(self.partners_toggled)
        self.set_catalog(catalog)
        self.retranslate()

    def set_catalog(self, catalog: Catalog) -> None:
        self._categories = sorted({t.category for t in catalog if t.kind in self._kinds})
        self._fill_categories()

    def _fill_kinds(self) -> None:
        current = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in self._kinds:
            self.kind_combo.addItem(value_label(kind), kind.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current), 0))
        self.kind_combo.blockSignals(False)

    def _fill_categories(self) -> None:
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        for category in sorted(self._categories, key=category_label):
            self.category_combo.addItem(category_label(category), category)
        found = self.category_combo.findData(current) if current is not None else 0
        self.category_combo.setCurrentIndex(max(found, 0))
        self.category_combo.blockSignals(False)
        # The open list is as wide as its longest entry, whatever the closed box's width.
        view = self.category_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())
        self._category_changed()

    def _kind_changed(self) -> None:
        data = self.kind_combo.currentData()
        self._proxy.set_kind(ResourceKind(data) if data else None)

    def _category_changed(self) -> None:
        self._proxy.set_category(self.category_combo.currentData())
        self.category_combo.setToolTip(self.category_combo.currentText())  # whole, when the box elides it

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("Kind:"))
        self.category_label.setText(self.tr("Category:"))
        self.search_edit.setPlaceholderText(self.tr("Search by name, code or location (kana or katakana)"))
        self.partners_check.setText(self.tr("Show partners' data (read-only)"))
        self._fill_kinds()
        self._fill_categories()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
