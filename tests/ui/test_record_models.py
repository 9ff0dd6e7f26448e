"""Table models and the filter proxy, without widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from disastershare.core.catalog import ResourceKind
from disastershare.core.records import Condition
from disastershare.ui.models import inventory_table_model as inv
from disastershare.ui.models import needs_table_model as nd
from disastershare.ui.models import staff_table_model as st
from disastershare.ui.models.inventory_table_model import InventoryTableModel
from disastershare.ui.models.needs_table_model import NeedsTableModel
from disastershare.ui.models.record_filter_proxy import RecordFilterProxy
from disastershare.ui.models.record_table_model import RowRole, SortRole
from disastershare.ui.models.staff_table_model import StaffTableModel

from .conftest import OWN, add_need, add_partner_item, add_pool, stocked

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def inventory_model(workspace, language="en", owner="*"):
    model = InventoryTableModel(workspace.catalog(), OWN, language, lambda code: f"name-of-{code}")
    model.set_records(workspace.inventory.list(owner))
    return model


def proxied(model):
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def codes(proxy):
    return [proxy.index(r, inv.COL_CODE).data(DISPLAY) for r in range(proxy.rowCount())]


def test_inventory_model_rows_and_roles(app, workspace):
    # Given a stocked workspace
    items = stocked(workspace)
    # When the model loads it
    model = inventory_model(workspace)
    # Then every record is a row and each role gives what it promises
    assert model.rowCount() == 5
    assert model.columnCount() == len(InventoryTableModel.COLUMNS)
    row = model.row_of(items["S-WATER"].meta.id)
    cell = lambda column, role=DISPLAY: model.index(row, column).data(role)  # noqa: E731
    assert cell(inv.COL_RESOURCE) == "Drinking water"
    assert cell(inv.COL_CODE) == "S-WATER"
    assert cell(inv.COL_KIND) == "Supply"
    assert cell(inv.COL_CATEGORY) == "Water"
    assert cell(inv.COL_ON_HAND) == "2,000"
    assert cell(inv.COL_ON_HAND, EDIT) == 2000
    assert cell(inv.COL_ON_HAND, SortRole) == 2000
    assert cell(inv.COL_UNIT) == "L"
    assert cell(inv.COL_LOCATION) == "本庁舎"
    assert cell(inv.COL_CONDITION) == "Ready"
    assert cell(inv.COL_EXPIRY) == "2027-03-31"
    assert model.sort_value(row, inv.COL_EXPIRY) == date(2027, 3, 31)
    assert cell(inv.COL_EXPIRY, EDIT) == "2027-03-31"
    assert cell(inv.COL_ON_HAND, RowRole) == items["S-WATER"]
    assert model.headerData(inv.COL_RESERVED, Qt.Orientation.Horizontal) == "Reserved"
    assert model.index(row, inv.COL_ON_HAND).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_names_follow_the_language(app, workspace):
    stocked(workspace)
    model = inventory_model(workspace, language="ja")
    row = next(r for r in range(model.rowCount()) if model.record(r).resource == "S-BLANKET")
    assert model.index(row, inv.COL_RESOURCE).data() == "毛布"
    model.set_language("en")
    assert model.index(row, inv.COL_RESOURCE).data() == "Blankets"


def test_staff_and_needs_models(app, workspace):
    pool = add_pool(workspace, "P-PHN", 6, available_from=date(2026, 4, 1), max_dispatch_days=7,
                    contact_section="健康推進課")
    need = add_need(workspace, "S-WATER", 1500, needed_by=date(2026, 4, 3))
    staff = StaffTableModel(workspace.catalog(), OWN, "en")
    staff.set_records(workspace.staff.list())
    assert staff.index(0, st.COL_QUALIFICATION).data() == "Public health nurses"
    assert staff.index(0, st.COL_HEADCOUNT).data() == "6"
    assert staff.index(0, st.COL_AVAILABLE_FROM).data() == "2026-04-01"
    assert staff.index(0, st.COL_AVAILABLE_TO).data() == ""
    assert staff.index(0, st.COL_MAX_DAYS).data() == "7"
    assert staff.index(0, st.COL_CONTACT_SECTION).data() == "健康推進課"
    assert staff.index(0, st.COL_QUALIFICATION).data(RowRole) == pool
    needs = NeedsTableModel(workspace.catalog(), OWN, "en")
    needs.set_records(workspace.needs.list())
    assert [needs.index(0, c).data() for c in (nd.COL_QUANTITY, nd.COL_UNIT, nd.COL_NEEDED_BY, nd.COL_PRIORITY,
                                               nd.COL_STATUS)] == ["1,500", "L", "2026-04-03", "Normal", "Open"]
    assert needs.index(0, nd.COL_RESOURCE).data(RowRole) == need


def test_proxy_sorts_by_raw_values_not_text(app, workspace):
    stocked(workspace)
    proxy = proxied(inventory_model(workspace))
    # "2,000" < "400" as text; as numbers 2000 is the largest
    proxy.sort(inv.COL_ON_HAND, Qt.SortOrder.DescendingOrder)
    assert codes(proxy)[0] == "S-WATER"
    proxy.sort(inv.COL_ON_HAND, Qt.SortOrder.AscendingOrder)
    assert codes(proxy) == ["E-GENERATOR", "S-TARP", "S-BLANKET", "S-TOILET-PAPER", "S-WATER"]
    # empty expiry dates sort after real ones
    proxy.sort(inv.COL_EXPIRY, Qt.SortOrder.AscendingOrder)
    assert codes(proxy)[0] == "S-WATER"
    # condition sorts by severity
    proxy.sort(inv.COL_CONDITION, Qt.SortOrder.DescendingOrder)
    assert codes(proxy)[0] == "E-GENERATOR"
    assert proxy.index(0, inv.COL_CONDITION).data(SortRole) == 1
    assert proxy.index(0, inv.COL_CONDITION).data(RowRole).condition is Condition.NEEDS_CHECK


def test_proxy_filters_by_kind_category_and_text(app, workspace):
    stocked(workspace)
    proxy = proxied(inventory_model(workspace))
    proxy.set_kind(ResourceKind.EQUIPMENT)
    assert codes(proxy) == ["E-GENERATOR"]
    proxy.set_kind(None)
    proxy.set_category("shelter")
    assert codes(proxy) == ["S-BLANKET", "S-TARP"]
    proxy.set_category(None)
    proxy.set_text("倉庫A")  # location
    assert sorted(codes(proxy)) == ["E-GENERATOR", "S-BLANKET"]
    proxy.set_text("generator")  # English name, any case
    assert codes(proxy) == ["E-GENERATOR"]
    proxy.set_text("s-tarp")  # code
    assert codes(proxy) == ["S-TARP"]
    proxy.set_text("")
    assert proxy.rowCount() == 5


def test_text_filter_is_kana_insensitive(app, workspace):
    stocked(workspace)
    proxy = proxied(inventory_model(workspace))
    proxy.set_text("ぶるーしーと")  # hiragana finds ブルーシート
    assert codes(proxy) == ["S-TARP"]
    proxy.set_text("ﾄｲﾚｯﾄ")  # half-width katakana finds トイレットペーパー
    assert codes(proxy) == ["S-TOILET-PAPER"]
    proxy.set_text("毛布")
    assert codes(proxy) == ["S-BLANKET"]


def test_text_filter_finds_by_reading_and_alias(app, workspace):
    stocked(workspace)
    proxy = proxied(inventory_model(workspace))
    proxy.set_text("もうふ")  # the reading of 毛布
    assert codes(proxy) == ["S-BLANKET"]
    proxy.set_text("はつどうはつでんき")  # 発動発電機, an alias of 発電機
    assert codes(proxy) == ["E-GENERATOR"]


def test_partner_rows_are_read_only_and_greyed(app, workspace):
    stocked(workspace)
    partner = add_partner_item(workspace)
    model = inventory_model(workspace, owner="*")
    assert model.rowCount() == 6
    row = model.row_of(partner.meta.id)
    own_row = 0 if row != 0 else 1
    editable = Qt.ItemFlag.ItemIsEditable
    model.set_edit_handler(lambda old, new: True)
    assert not model.flags(model.index(row, inv.COL_ON_HAND)) & editable
    assert model.flags(model.index(own_row, inv.COL_ON_HAND)) & editable
    assert model.index(row, inv.COL_ON_HAND).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(own_row, inv.COL_ON_HAND).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(row, inv.COL_OWNER).data() == "name-of-131024"
    assert not model.setData(model.index(row, inv.COL_ON_HAND), 1)


def test_put_and_drop_keep_rows_in_step(app, workspace):
    items = stocked(workspace)
    model = inventory_model(workspace)
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    blanket = items["S-BLANKET"]
    row = model.row_of(blanket.meta.id)
    from dataclasses import replace
    model.put(replace(blanket, on_hand=7))
    assert changed == [(row, row)]  # a targeted change, not a reset
    assert model.index(row, inv.COL_ON_HAND).data(EDIT) == 7
    model.drop(blanket.meta.id)
    assert model.rowCount() == 4 and model.row_of(blanket.meta.id) is None
    assert all(model.row_of(r.meta.id) == i for i, r in enumerate(model.records()))
