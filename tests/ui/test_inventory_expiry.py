"""Expired stock never looks usable in the inventory table: red expiry and condition cells saying 期限切れ;
stock expiring within 90 days is amber with the days left. Partners' mirrored rows are marked alike."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from disastershare.core.records import InventoryItem, RecordMeta
from disastershare.store.workspace import Workspace
from disastershare.ui import styles
from disastershare.ui.main_window import MainWindow
from disastershare.ui.models import inventory_table_model as inv
from disastershare.ui.models.inventory_table_model import InventoryTableModel
from disastershare.ui.models.record_table_model import SortRole
from disastershare.ui.translations import apply_language

from .conftest import OWN, PARTNER, add_item

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
BACKGROUND, TOOLTIP = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole
TODAY = date(2026, 12, 3)


def add_partner_lot(workspace: Workspace, expiry: date) -> InventoryItem:
    """A partner's mirrored record, written the low-level way a snapshot import writes it."""
    item = InventoryItem(RecordMeta(PARTNER), "S-MILK-LIQUID", 24, location="中央区倉庫", expiry=expiry)
    with workspace.engine.begin() as conn:
        return workspace.inventory.apply_in(conn, [item], [])[0][0]


def lots(workspace: Workspace, today: date) -> dict[str, InventoryItem]:
    return {"expired": add_item(workspace, "S-WATER", 100, expiry=today - timedelta(days=1)),
            "soon": add_item(workspace, "S-MILK-LIQUID", 20, expiry=today + timedelta(days=10)),
            "ok": add_item(workspace, "S-TARP", 5, expiry=today + timedelta(days=91)),
            "none": add_item(workspace, "S-BLANKET", 7),
            "partner": add_partner_lot(workspace, today - timedelta(days=30))}


def model_for(workspace: Workspace) -> tuple[InventoryTableModel, dict[str, InventoryItem]]:
    items = lots(workspace, TODAY)
    model = InventoryTableModel(workspace.catalog(), OWN, "en", lambda code: f"name-of-{code}")
    model.set_today(TODAY)
    model.set_records(workspace.inventory.list("*"))
    return model, items


def test_expired_row_is_red_and_reads_expired_but_keeps_its_stored_values(app, workspace):
    model, items = model_for(workspace)
    row = model.row_of(items["expired"].meta.id)
    cell = lambda column, role=DISPLAY: model.index(row, column).data(role)  # noqa: E731
    assert cell(inv.COL_CONDITION) == "Expired"
    assert cell(inv.COL_EXPIRY) == "2026-12-02"
    assert cell(inv.COL_CONDITION, BACKGROUND) == styles.EXPIRED_FILL
    assert cell(inv.COL_EXPIRY, BACKGROUND) == styles.EXPIRED_FILL
    assert cell(inv.COL_EXPIRY, TOOLTIP) == "Expired: not counted as available"
    assert cell(inv.COL_CONDITION, EDIT) == "ready"  # what the editor starts from: the stored condition
    assert cell(inv.COL_CONDITION, SortRole) > 2  # sorted after damaged (rank 2): just as unusable
    assert cell(inv.COL_ON_HAND, BACKGROUND) is None  # only the two cells that explain it


def test_soon_is_amber_with_the_days_left_and_later_stock_is_plain(app, workspace):
    model, items = model_for(workspace)
    soon = model.row_of(items["soon"].meta.id)
    assert model.index(soon, inv.COL_EXPIRY).data(BACKGROUND) == styles.EXPIRING_FILL
    assert model.index(soon, inv.COL_EXPIRY).data(TOOLTIP) == "Expires in 10 days"
    assert model.index(soon, inv.COL_CONDITION).data() == "Ready"  # still usable
    assert model.index(soon, inv.COL_CONDITION).data(BACKGROUND) is None
    for key in ("ok", "none"):
        row = model.row_of(items[key].meta.id)
        assert model.index(row, inv.COL_EXPIRY).data(BACKGROUND) is None
        assert model.index(row, inv.COL_EXPIRY).data(TOOLTIP) is None
        assert model.index(row, inv.COL_CONDITION).data() == "Ready"
    model.set_today(TODAY + timedelta(days=11))  # the day moves on: the soon lot has expired
    assert model.index(soon, inv.COL_CONDITION).data() == "Expired"


def test_partner_rows_are_marked_the_same(app, workspace):
    model, items = model_for(workspace)
    row = model.row_of(items["partner"].meta.id)
    assert model.index(row, inv.COL_CONDITION).data() == "Expired"
    assert model.index(row, inv.COL_EXPIRY).data(BACKGROUND) == styles.EXPIRED_FILL
    assert model.index(row, inv.COL_EXPIRY).data(Qt.ItemDataRole.ForegroundRole) == styles.CELL_TEXT
    assert "name-of-" in model.index(row, inv.COL_ON_HAND).data(TOOLTIP)  # the read-only note elsewhere


def test_japanese_texts(app, workspace):
    model, items = model_for(workspace)
    apply_language("ja")
    expired, soon = model.row_of(items["expired"].meta.id), model.row_of(items["soon"].meta.id)
    assert model.index(expired, inv.COL_CONDITION).data() == "期限切れ"
    assert model.index(expired, inv.COL_EXPIRY).data(TOOLTIP) == "期限切れ: 提供可能数に数えません"
    assert model.index(soon, inv.COL_EXPIRY).data(TOOLTIP) == "期限まであと10日"


def test_the_inventory_tab_of_the_window_shows_it(app, workspace, qtbot, artifacts):
    today = date.today()  # the window judges by the real day
    items = lots(workspace, today)
    apply_language("ja")
    window = MainWindow(workspace, "ja")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tab = window.tab("inventoryTab")
    tab.set_show_partners(True)

    def shown(key: str, column: int, role=DISPLAY):
        source = tab.model.index(tab.model.row_of(items[key].meta.id), column)
        return tab.proxy.mapFromSource(source).data(role)  # what the view reads, through the filter proxy

    assert shown("expired", inv.COL_CONDITION) == "期限切れ"
    assert shown("expired", inv.COL_EXPIRY, BACKGROUND) == styles.EXPIRED_FILL
    assert shown("partner", inv.COL_CONDITION) == "期限切れ"
    assert shown("soon", inv.COL_EXPIRY, TOOLTIP) == "期限まであと10日"
    assert shown("ok", inv.COL_CONDITION) == "使用可"
    window.tab_widget.setCurrentWidget(tab)
    window.resize(1400, 500)
    assert tab.grab().save(str(artifacts / "inventory-expiry-ja.png"))  # for a human to look at
