"""Inventory items (supplies and equipment) of the own municipality and, optionally, of partners."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.ui.models.columns import CATEGORY, CODE, KIND, OWNER, RESOURCE, UNIT, Column, Edit
from disastershare.ui.models.record_table_model import RecordTableModel

(COL_RESOURCE, COL_CODE, COL_KIND, COL_CATEGORY, COL_ON_HAND, COL_RESERVED, COL_UNIT, COL_LOCATION,
 COL_CONDITION, COL_EXPIRY, COL_NOTE, COL_OWNER) = range(12)


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
