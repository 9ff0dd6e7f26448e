"""Needs: what a municipality is short of, by when, and how urgently."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.ui.models.columns import CODE, OWNER, RESOURCE, UNIT, Column, Edit
from disastershare.ui.models.record_table_model import RecordTableModel

(COL_RESOURCE, COL_CODE, COL_QUANTITY, COL_UNIT, COL_NEEDED_BY, COL_PRIORITY, COL_STATUS, COL_NOTE,
 COL_OWNER) = range(9)


class NeedsTableModel(RecordTableModel):
    COLUMNS = (
        Column(RESOURCE, QT_TRANSLATE_NOOP("Columns", "Resource")),
        Column(CODE, QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("quantity", QT_TRANSLATE_NOOP("Columns", "Quantity"), Edit.COUNT, numeric=True),
        Column(UNIT, QT_TRANSLATE_NOOP("Columns", "Unit")),
        Column("needed_by", QT_TRANSLATE_NOOP("Columns", "Needed by"), Edit.DATE),
        Column("priority", QT_TRANSLATE_NOOP("Columns", "Priority"), Edit.PRIORITY),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), Edit.STATUS),
        Column("note", QT_TRANSLATE_NOOP("Columns", "Note"), Edit.TEXT),
        Column(OWNER, QT_TRANSLATE_NOOP("Columns", "Municipality")),
    )
