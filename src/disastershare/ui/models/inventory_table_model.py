"""Inventory items (supplies and equipment) of the own municipality and, optionally, of partners.

Expired stock (core.expiry) is never available, so its row must not look usable: the expiry and condition
cells turn red and the condition reads "Expired" whatever condition was recorded (the stored value is kept
and edited as before). Stock expiring within SOON_DAYS gets an amber expiry cell saying how many days are
left, so it is rotated out in time. Partners' mirrored rows are shown by this model too and are marked alike.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from disastershare.core.expiry import ExpiryState, days_left, expiry_state
from disastershare.core.records import InventoryItem
from disastershare.ui import styles
from disastershare.ui.models.columns import CATEGORY, CODE, KIND, OWNER, RESOURCE, UNIT, Column, Edit
from disastershare.ui.models.record_table_model import RecordTableModel

(COL_RESOURCE, COL_CODE, COL_KIND, COL_CATEGORY, COL_ON_HAND, COL_RESERVED, COL_UNIT, COL_LOCATION,
 COL_CONDITION, COL_EXPIRY, COL_NOTE, COL_OWNER) = range(12)

_EXPIRED_RANK = 3  # sorting by condition: after damaged (rank 2), since it is as unusable
_Role = Qt.ItemDataRole


class InventoryTableModel(RecordTableModel):
    COLUMNS = (
        Column(RESOURCE, QT_TRANSLATE_NOOP("Columns", "Resource")),
        Column(CODE, QT_TRANSLATE_NOOP("Columns", "Code")),
        Column(KIND, QT_TRANSLATE_NOOP("Columns", "Kind")),
        Column(CATEGORY, QT_TRANSLATE_NOOP("Columns", "Category")),
        Column("on_hand", QT_TRANSLATE_NOOP("Columns", "On hand"), Edit.COUNT, numeric=True),
        Column("reserved", QT_TRANSLATE_NOOP("Columns", "Reserved"), Edit.COUNT, numeric=True),
        Column(UNIT, QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("location", QT_TRANSLATE_NOOP("Columns", "Location"), Edit.TEXT),
        Column("condition", QT_TRANSLATE_NOOP("Columns", "Condition"), Edit.CONDITION),
        Column("expiry", QT_TRANSLATE_NOOP("Columns", "Expiry"), Edit.DATE),
        Column("note", QT_TRANSLATE_NOOP("Columns", "Note"), Edit.TEXT),
        Column(OWNER, QT_TRANSLATE_NOOP("Columns", "Municipality")),
    )

    _fixed_today: date | None = None

    def set_today(self, today: date | None) -> None:
        """The day expiry is judged on; None (the default) means the present day, read at each look-up."""
        self._fixed_today = today
        if self._records:
            self.dataChanged.emit(self.index(0, COL_CONDITION), self.index(self.rowCount() - 1, COL_EXPIRY))

    def today(self) -> date:
        return self._fixed_today or date.today()

    def expiry_state(self, row: int) -> ExpiryState:
        item = self._records[row]
        return expiry_state(item.expiry, self.today()) if isinstance(item, InventoryItem) else ExpiryState.NONE

    def sort_value(self, row: int, column: int) -> object:
        if column == COL_CONDITION and self.expiry_state(row) is ExpiryState.EXPIRED:
            return _EXPIRED_RANK
        return super().sort_value(row, column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _Role.DisplayRole):
        if index.isValid() and index.column() in (COL_CONDITION, COL_EXPIRY) \
                and role in (_Role.DisplayRole, _Role.BackgroundRole, _Role.ForegroundRole, _Role.ToolTipRole):
            marked = self._expiry_mark(index.row(), index.column(), role)
            if marked is not None:
                return marked
        return super().data(index, role)

    def _expiry_mark(self, row: int, column: int, role: int) -> object:
        """What an expired or soon-expiring item shows in the condition and expiry cells; None: as usual."""
        state = self.expiry_state(row)
        if state is ExpiryState.EXPIRED:
            if role == _Role.DisplayRole:
                return expired_text() if column == COL_CONDITION else None
            if role == _Role.BackgroundRole:
                return styles.EXPIRED_FILL
            if role == _Role.ForegroundRole:
                return styles.CELL_TEXT  # the partners' text colour is chosen for their tint, not this fill
            return QCoreApplication.translate("InventoryTableModel", "Expired: not counted as available")
        if state is ExpiryState.SOON and column == COL_EXPIRY:
            if role == _Role.BackgroundRole:
                return styles.EXPIRING_FILL
            if role == _Role.ForegroundRole:
                return styles.CELL_TEXT
            if role == _Role.ToolTipRole:
                return expires_in_text(days_left(self._records[row].expiry, self.today()))
        return None


def expired_text() -> str:
    return QCoreApplication.translate("InventoryTableModel", "Expired")


def expires_in_text(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("InventoryTableModel", "Expires today")
    return QCoreApplication.translate("InventoryTableModel", "Expires in {n} days").format(n=days)
