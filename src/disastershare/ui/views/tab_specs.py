"""What differs between the Inventory, Staff and Needs tabs: records, kinds, model and a new row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from disastershare.core.catalog import ResourceKind
from disastershare.core.records import InventoryItem, Need, Record, RecordMeta, StaffPool
from disastershare.store.repositories import RecordRepository
from disastershare.store.workspace import Workspace
from disastershare.ui.models.inventory_table_model import InventoryTableModel
from disastershare.ui.models.needs_table_model import NeedsTableModel
from disastershare.ui.models.record_table_model import RecordTableModel
from disastershare.ui.models.staff_table_model import StaffTableModel


@dataclass(frozen=True)
class TabSpec:
    name: str  # objectName of the tab
    title: str  # English source text, context "Tabs"
    kinds: tuple[ResourceKind, ...]  # which catalog types may appear (filters and the add dialog)
    model_type: type[RecordTableModel]
    repository: Callable[[Workspace], RecordRepository]
    new_record: Callable[[str, str, int], Record]  # (owner, resource code, quantity)
    empty_hint: str = ""  # the next step while the table is empty: English source, context "RecordTab"


INVENTORY = TabSpec(
    "inventoryTab", QT_TRANSLATE_NOOP("Tabs", "Inventory"), (ResourceKind.SUPPLY, ResourceKind.EQUIPMENT),
    InventoryTableModel, lambda ws: ws.inventory,
    lambda owner, code, quantity: InventoryItem(RecordMeta(owner), code, quantity),
    QT_TRANSLATE_NOOP("RecordTab", "No stock yet. Read your stock list with “Import spreadsheet…”, or type it in "
                      "with “Add row…”."),
)
STAFF = TabSpec(
    "staffTab", QT_TRANSLATE_NOOP("Tabs", "Staff"), (ResourceKind.STAFF,),
    StaffTableModel, lambda ws: ws.staff,
    lambda owner, code, quantity: StaffPool(RecordMeta(owner), code, quantity),
    QT_TRANSLATE_NOOP("RecordTab", "No staff yet. Read the headcounts you can send with “Import spreadsheet…”, or "
                      "type them in with “Add row…”."),
)
NEEDS = TabSpec(
    "needsTab", QT_TRANSLATE_NOOP("Tabs", "Needs"), (ResourceKind.SUPPLY, ResourceKind.EQUIPMENT, ResourceKind.STAFF),
    NeedsTableModel, lambda ws: ws.needs,
    lambda owner, code, quantity: Need(RecordMeta(owner), code, quantity),
    QT_TRANSLATE_NOOP("RecordTab", "No needs yet. Enter what is short with “Add row…”, or read a list of needs with "
                      "“Import spreadsheet…”: the Shortfalls tab then proposes transfers from partners."),
)
ALL_TABS = (INVENTORY, STAFF, NEEDS)
