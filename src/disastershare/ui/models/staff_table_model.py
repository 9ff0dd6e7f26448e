"""Staff pools: how many people of each qualification can be dispatched, and when."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.ui.models.columns import CODE, OWNER, RESOURCE, Column, Edit
from disastershare.ui.models.record_table_model import RecordTableModel

(COL_QUALIFICATION, COL_CODE, COL_HEADCOUNT, COL_AVAILABLE_FROM, COL_AVAILABLE_TO, COL_MAX_DAYS,
 COL_CONTACT_SECTION, COL_NOTE, COL_OWNER) = range(9)


class StaffTableModel(RecordTableModel):
    COLUMNS = (
        Column(RESOURCE, QT_TRANSLATE_NOOP("Columns", "Qualification")),
        Column(CODE, QT_TRANSLATE_NOOP("Columns", "Code")),
        Column("headcount", QT_TRANSLATE_NOOP("Columns", "Headcount"), Edit.COUNT, numeric=True),
        Column("available_from", QT_TRANSLATE_NOOP("Columns", "Available from"), Edit.DATE),
        Column("available_to", QT_TRANSLATE_NOOP("Columns", "Available to"), Edit.DATE),
        Column("max_dispatch_days", QT_TRANSLATE_NOOP("Columns", "Max dispatch days"), Edit.OPTIONAL_COUNT,
               numeric=True),
        Column("contact_section", QT_TRANSLATE_NOOP("Columns", "Contact section"), Edit.TEXT),
        Column("note", QT_TRANSLATE_NOOP("Columns", "Note"), Edit.TEXT),
        Column(OWNER, QT_TRANSLATE_NOOP("Columns", "Municipality")),
    )
